"""Services of the repair directory: what is normalised (phone, hours, SIRET, position from the
commune's centre) and every refusal, with its French message and its field, nothing written."""

from collections import Counter

import pytest
from django.db.models import Count

from sun.core.identifiants import luhn
from sun.parc.models import Reparateur
from sun.parc.reparateurs.services import (
    RefusReparateur,
    creer_reparateur,
    depublier,
    modifier_reparateur,
    publier,
)
from sun.territoire.models import Commune
from tests.parc.reparateurs.outils import SIRET_FAUX, SIRET_VALIDE, acteur, donnees

pytestmark = pytest.mark.django_db


def test_creation_normalise_et_place_au_centre_de_la_commune():
    carcassonne = Commune.objects.get(code_insee="11069")
    a = acteur(
        siret="732 829 320 00074", horaires="mo-fr 09:00-12:00", labels=["qualirépar", "ESUS"],
        activites=["Repair café", "reparation", "reparation"], site_web="exemple.fr",
    )  # fmt: skip
    assert a.telephone == "+33468112030"
    assert a.siret == SIRET_VALIDE
    assert a.horaires == "Mo-Fr 09:00-12:00"
    assert a.labels == ["QualiRépar", "ESUS"]
    assert a.activites == ["reparation", "repair_cafe"]  # in the order of Activite, once each
    assert a.site_web == "https://exemple.fr"
    assert a.commune == carcassonne
    assert (a.latitude, a.longitude) == (carcassonne.latitude, carcassonne.longitude)
    assert a.publie and not a.demonstration


def test_position_donnee_gardee_et_commune_par_code_insee_ou_code_postal():
    a = acteur(commune="11262", code_postal="", latitude=43.18, longitude=3.0)
    assert a.commune.code_insee == "11262" and (a.latitude, a.longitude) == (43.18, 3.0)
    assert a.code_postal in a.commune.codes_postaux
    compte = Counter(cp for cps in Commune.objects.values_list("codes_postaux", flat=True)
                     for cp in cps)  # fmt: skip
    seule, cp = next((c, cp) for c in Commune.objects.du_departement("11")
                     for cp in c.codes_postaux if compte[cp] == 1)  # fmt: skip
    b = acteur(nom="Autre", commune="", code_postal=cp)
    assert b.commune == seule
    with pytest.raises(RefusReparateur, match="Le code postal 11000 est celui de"):
        acteur(nom="Troisième", commune="", code_postal="11000")  # Carcassonne and a neighbour


@pytest.mark.parametrize(
    ("champs", "champ", "message"),
    [
        ({"nom": "  "}, "nom", "obligatoire"),
        ({"activites": []}, "activites", "au moins une activité"),
        ({"activites": ["jardinage"]}, "activites", "Activité inconnue « jardinage »"),
        ({"siret": SIRET_FAUX}, "siret", "clé de contrôle"),
        ({"siret": "1234"}, "siret", "14 chiffres"),
        ({"telephone": "12"}, "telephone", "illisible"),
        ({"horaires": "tous les jours"}, "horaires", "format OpenStreetMap"),
        ({"commune": "Xqzwvtt"}, "commune", "Commune inconnue"),
        ({"commune": "99999"}, "commune", "Aucune commune n'a le code INSEE"),
        ({"commune": "", "code_postal": ""}, "commune", "Indiquez la commune"),
        ({"code_postal": "11A00"}, "code_postal", "5 chiffres"),
        ({"latitude": 43.2}, "latitude", "ensemble"),
        ({"latitude": 143.2, "longitude": 2.0}, "latitude", "hors du globe"),
        ({"courriel": "pas-un-courriel"}, "courriel", "invalide"),
        ({"labels": ["x" * 61]}, "labels", "trop long"),
    ],
)
def test_refus_avec_message_et_champ(champs, champ, message):
    with pytest.raises(RefusReparateur) as exc:
        creer_reparateur(donnees(**champs))
    assert exc.value.champ == champ
    assert message in str(exc.value)
    assert not Reparateur.objects.exists()


def test_homonymes_departages_par_le_code_postal():
    # Several communes of France are called « Fontanès »… ask for the postcode when it matters.
    noms = Commune.objects.values("nom").order_by().annotate(n=Count("pk"))
    homonyme = next(r["nom"] for r in noms.filter(n__gt=1))
    with pytest.raises(RefusReparateur, match="Plusieurs communes"):
        creer_reparateur(donnees(commune=homonyme, code_postal=""))
    une = Commune.objects.filter(nom=homonyme).exclude(codes_postaux=[]).first()
    a = creer_reparateur(donnees(commune=homonyme, code_postal=une.codes_postaux[0]))
    assert a.commune == une


def test_doublon_refuse_mais_pas_pour_la_demonstration():
    acteur()
    with pytest.raises(RefusReparateur, match="déjà dans l'annuaire"):
        acteur(nom="atelier du bit")
    acteur(demonstration=True)
    assert Reparateur.objects.count() == 2


def test_modifier_depublier_publier():
    a = acteur()
    modifier_reparateur(a, donnees(nom="Atelier du Bit 2", activites=["vente"]))
    a.refresh_from_db()
    assert (a.nom, a.activites) == ("Atelier du Bit 2", ["vente"])
    with pytest.raises(RefusReparateur):
        modifier_reparateur(a, donnees(siret=SIRET_FAUX))
    a.refresh_from_db()
    assert a.siret == ""
    depublier(a)
    assert not Reparateur.objects.get(pk=a.pk).publie
    with pytest.raises(RefusReparateur, match="déjà plus publié"):
        depublier(a)
    publier(a)
    assert Reparateur.objects.get(pk=a.pk).publie


def test_luhn_et_exception_de_la_poste():
    assert luhn(SIRET_VALIDE) and not luhn(SIRET_FAUX)
    assert luhn("35600000000010")  # La Poste: digit sum multiple of 5
