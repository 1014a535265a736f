"""The place form as a coordinator fills it: hours with the weekly editor, typology by its
French names, the position from the address or checked against the commune."""

import pytest

from sun.comptes.roles import Role
from sun.core.horaires import JOURS
from sun.inclusion.models import Lieu
from tests.inclusion.factories import LieuFactory
from tests.outils import texte
from tests.territoire.factories import commune

pytestmark = pytest.mark.django_db

NOUVEAU = "/espace/lieux/nouveau/"


@pytest.fixture
def agent(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    return client


def _lieu_bram(**valeurs) -> dict:
    donnees = {"nom": "Point numérique de Bram", "adresse": "1 place de la Poste",
               "commune": "Bram", "code_postal": "11150", "code_insee": "11049"}  # fmt: skip
    donnees.update(valeurs)
    return donnees


def _semaine(**jours) -> dict:
    """{"lundi": [("09:00", "12:00")], "mardi": "ferme"} → editor fields."""
    donnees = {}
    for jour, valeur in jours.items():
        if valeur == "ferme":
            donnees[f"h_{jour}_ferme"] = "on"
            continue
        for n, (debut, fin) in enumerate(valeur, start=1):
            donnees[f"h_{jour}_debut{n}"], donnees[f"h_{jour}_fin{n}"] = debut, fin
    return donnees


def _modifier(lieu: Lieu) -> str:
    return f"/espace/lieux/{lieu.pk}/modifier/"


def test_horaires_saisis_avec_l_editeur_enregistres_en_osm(agent):
    matin_soir = [("09:00", "12:00"), ("14:00", "17:30")]
    reponse = agent.post(NOUVEAU, {**_lieu_bram(), "h_feries": "ferme", **_semaine(
        lundi=matin_soir, mardi=matin_soir, mercredi="ferme", jeudi=matin_soir,
        vendredi=matin_soir, samedi=[("09:00", "12:00")],
    )})  # fmt: skip
    assert reponse.status_code == 302
    lieu = Lieu.objects.get(nom="Point numérique de Bram")
    assert lieu.horaires == "Mo-Tu,Th-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH closed"


def test_jours_feries_ouverts(agent):
    agent.post(NOUVEAU, {**_lieu_bram(), "h_feries": "habituel",
                         **_semaine(mercredi=[("14:00", "18:00")])})  # fmt: skip
    assert Lieu.objects.get(nom="Point numérique de Bram").horaires == "We 14:00-18:00"


def test_editeur_prerempli_depuis_les_horaires_osm(agent):
    lieu = LieuFactory(horaires="Tu-Fr 14:00-18:00; Sa 09:00-12:00; PH off")
    reponse = agent.get(_modifier(lieu))
    form = reponse.context["form"]
    assert form["h_mardi_debut1"].value() == "14:00" and form["h_samedi_fin1"].value() == "12:00"
    assert form["h_lundi_ferme"].value() is True and form["h_feries"].value() == "ferme"
    assert form["horaires"].value() == ""  # nothing left for the advanced field
    page = texte(reponse)
    assert "Horaires particuliers conservés" not in page
    assert 'type="time"' in page and "Mo-Fr" not in page


def test_horaires_particuliers_conserves_et_signales(agent):
    particuliers = "week 1-53/2 Sa 09:00-12:00; Tu-Fr 14:00-18:00"
    lieu = LieuFactory(horaires=particuliers)
    page = texte(agent.get(_modifier(lieu)))
    assert "Horaires particuliers conservés" in page and particuliers in page
    form = agent.get(_modifier(lieu)).context["form"]
    donnees = {k: v for k, v in form.initial.items() if v not in (None, [], False)}
    donnees.update(nom=lieu.nom, commune=lieu.commune, code_insee=lieu.code_insee,
                   horaires=particuliers, latitude=lieu.latitude, longitude=lieu.longitude)  # fmt: skip
    assert agent.post(_modifier(lieu), donnees).status_code == 302
    lieu.refresh_from_db()
    assert lieu.horaires == particuliers  # kept as it was, not even rewritten


def test_editeur_et_champ_avance_contradictoires(agent):
    reponse = agent.post(NOUVEAU, {**_lieu_bram(), "horaires": "week 2-52/2 Mo 09:00-12:00",
                                   **_semaine(lundi=[("09:00", "12:00")])})  # fmt: skip
    assert reponse.status_code == 200
    assert "se contredisent" in texte(reponse)


@pytest.mark.parametrize(
    ("saisie", "message"),
    [
        ({"h_lundi_ferme": "on", "h_lundi_debut1": "09:00", "h_lundi_fin1": "12:00"},
         "Lundi : cochez « Fermé » ou indiquez des horaires, pas les deux."),
        ({"h_mardi_debut1": "09:00"}, "Mardi : indiquez le début et la fin du créneau 1."),
        ({"h_jeudi_debut1": "12:00", "h_jeudi_fin1": "09:00"}, "finit avant de commencer"),
        ({"h_jeudi_debut1": "09:00", "h_jeudi_fin1": "12:00", "h_jeudi_debut2": "11:00",
          "h_jeudi_fin2": "13:00"}, "le 2e créneau doit commencer après la fin du 1er"),
        ({"h_vendredi_debut1": "9 heures", "h_vendredi_fin1": "12:00"}, "Heure invalide"),
    ],
)  # fmt: skip
def test_erreurs_de_l_editeur_sur_le_bon_champ(agent, saisie, message):
    reponse = agent.post(NOUVEAU, {**_lieu_bram(), **saisie})
    page = texte(reponse)
    assert reponse.status_code == 200 and message in page
    champ = next(iter(reponse.context["form"].errors))
    assert champ.startswith("h_")
    assert f'id="id_{champ}_error"' in page and f'aria-describedby="id_{champ}_error"' in page
    assert not Lieu.objects.filter(nom="Point numérique de Bram").exists()


def test_typologie_choisie_par_libelles_francais(agent):
    page = texte(agent.get(NOUVEAU))
    assert ">Centre social</label>" in page and ">Centre médico-psychologique</label>" in page
    assert ">CS</label>" not in page and ">CMP</label>" not in page
    agent.post(NOUVEAU, {**_lieu_bram(), "typologie": ["CS", "BIB"]})
    assert sorted(Lieu.objects.get(nom="Point numérique de Bram").typologie) == ["BIB", "CS"]


def test_point_loin_de_la_commune_refuse(agent):
    axat = commune("11021")
    reponse = agent.post(NOUVEAU, _lieu_bram(latitude=axat.latitude, longitude=axat.longitude))
    page = texte(reponse)
    assert reponse.status_code == 200
    assert "km de la commune Bram" in page
    assert not Lieu.objects.filter(nom="Point numérique de Bram").exists()


def test_point_dans_la_commune_accepte(agent):
    bram = commune("11049")
    reponse = agent.post(NOUVEAU, _lieu_bram(latitude=bram.latitude, longitude=bram.longitude))
    assert reponse.status_code == 302
    assert Lieu.objects.get(nom="Point numérique de Bram").precision_localisation == "exacte"


def test_placer_d_apres_l_adresse(agent, geocodeur):
    lezignan = {"nom": "Médiathèque", "adresse": "2 rue de la Poste", "code_postal": "11200",
                "commune": "Lézignan-Corbières", "code_insee": "11203", "placer": "1"}  # fmt: skip
    reponse = agent.post(NOUVEAU, lezignan)
    page = texte(reponse)
    assert reponse.status_code == 200 and "Lieu placé d'après l'adresse" in page
    assert 'value="43.2012"' in page and 'value="2.7601"' in page
    assert "Le formulaire contient" not in page  # a placement is not a submission
    assert geocodeur[0]["citycode"] == "11203"
    assert not Lieu.objects.exists()


def test_placer_loin_de_la_commune_choisie(agent, geocodeur):
    # The local geocoder always answers in Lézignan-Corbières: far from Axat.
    reponse = agent.post(NOUVEAU, {"nom": "X", "adresse": "rue de la Poste",
                                   "commune": "Axat", "code_insee": "11021", "placer": "1"})  # fmt: skip
    page = texte(reponse)
    assert "est loin de la commune choisie" in page and "de la commune Axat" in page
    assert 'value="43.2012"' not in page


def test_placer_sans_geocodeur(agent, settings):
    settings.SUN_GEOCODEUR_URL = ""
    page = texte(agent.post(NOUVEAU, {**_lieu_bram(), "placer": "1"}))
    assert "aucun service d'adresses n'est configuré" in page


def test_placer_geocodeur_injoignable(agent, settings):
    settings.SUN_GEOCODEUR_URL = "http://127.0.0.1:9/search/"
    page = texte(agent.post(NOUVEAU, {**_lieu_bram(), "placer": "1"}))
    assert "Le service d'adresses ne répond pas" in page


def test_tous_les_jours_dans_l_editeur(agent):
    page = texte(agent.get(NOUVEAU))
    for jour in JOURS:
        assert f'name="h_{jour}_debut2"' in page and f'name="h_{jour}_ferme"' in page
    assert "Placer d'après l'adresse" in page
