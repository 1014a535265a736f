"""The orientation sheet: distance, next opening in local time, matching services, what to
bring, QR code to the place page, and one A4 page in the fullest case."""

import contextlib
import re
import zlib
from datetime import UTC, datetime

import pytest

from sun.comptes.roles import Role
from sun.core.horaires import Horaires
from sun.inclusion.lieux import orientation as o
from sun.inclusion.lieux.fiche_orientation import (
    Fiche,
    distance_km,
    lieux_proposes,
    preparer_fiche,
    prochaine_ouverture,
    qr_svg,
    services_correspondants,
    texte_distance,
)
from sun.inclusion.lieux.pieces_a_apporter import PIECES, PIECES_PAR_BESOIN, pieces_a_apporter
from sun.inclusion.lieux.services import importer_lieux
from sun.inclusion.lieux.standard import SERVICES_EXPLIQUES
from sun.inclusion.models import Lieu, Orientation
from tests.inclusion.outils import ecrire_csv, lieu_v1
from tests.outils import texte
from tests.web.test_orientation import REPONSES

pytestmark = pytest.mark.django_db

SEMAINE = "Mo-Fr 09:00-12:00,14:00-17:00; PH off"
LUNDI = datetime(2030, 1, 7)  # a Monday without public holiday


def nombre_de_pages(pdf: bytes) -> int:
    """Pages of a PDF, page objects counted in the file and in its compressed streams."""
    textes = [pdf]
    for flux in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        with contextlib.suppress(zlib.error):  # not every stream is compressed
            textes.append(zlib.decompress(flux.group(1)))
    return sum(len(re.findall(rb"/Type\s*/Page(?![s\w])", t)) for t in textes)


def test_distance_a_vol_d_oiseau():
    assert distance_km((48.8566, 2.3522), (45.7640, 4.8357)) == pytest.approx(392, abs=2)
    assert distance_km((43.05, 2.21), (43.05, 2.21)) == 0
    assert (texte_distance(0.44), texte_distance(3.25), texte_distance(12.6)) == (
        "0,4 km", "3,2 km", "13 km",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("horaires", "moment", "phrase"),
    [(SEMAINE, LUNDI.replace(hour=10), "Ouvert maintenant, jusqu'à 12 h"),
     (SEMAINE, LUNDI.replace(hour=12, minute=30), "Prochaine ouverture : aujourd'hui, lundi 7 janvier, de 14 h à 17 h"),
     (SEMAINE, datetime(2030, 1, 11, 18), "Prochaine ouverture : lundi 14 janvier, de 9 h à 12 h"),
     # 1 May is a public holiday: from Tuesday evening, the next opening is on Thursday.
     (SEMAINE, datetime(2030, 4, 30, 18), "Prochaine ouverture : jeudi 2 mai, de 9 h à 12 h"),
     (SEMAINE, datetime(2030, 5, 31, 18), "Prochaine ouverture : lundi 3 juin, de 9 h à 12 h"),
     ("Mo-Su 18:00-24:00", LUNDI.replace(hour=20), "Ouvert maintenant, jusqu'à minuit"),
     ("24/7", LUNDI, "Ouvert maintenant, tous les jours à toute heure"),
     ("off", LUNDI, "Pas d'ouverture prévue : appelez avant de vous déplacer")],
)  # fmt: skip
def test_prochaine_ouverture(horaires, moment, phrase):
    ouverture = prochaine_ouverture(Horaires(horaires), moment)
    assert ouverture.phrase == phrase
    assert ouverture.ouvert == phrase.startswith("Ouvert maintenant")


def test_prochaine_ouverture_a_l_heure_locale_du_departement():
    """At 6 h 30 UTC on a Monday, Limoux is closed (7 h 30) and Saint-Denis de La Réunion
    open (10 h 30): each place is read in its own département's time."""
    orientation = Orientation(niveau="debutant", besoins=[], services=[])
    lieux = [Lieu(nom="Limoux", code_insee="11206", horaires=SEMAINE),
             Lieu(nom="Saint-Denis", code_insee="97411", horaires=SEMAINE), Lieu(nom="Sans horaires")]  # fmt: skip
    limoux, reunion, sans = lieux_proposes(
        orientation, lieux, instant=datetime(2030, 1, 7, 6, 30, tzinfo=UTC)
    )
    assert limoux.ouverture.phrase.endswith("aujourd'hui, lundi 7 janvier, de 9 h à 12 h")
    assert reunion.ouverture.phrase == "Ouvert maintenant, jusqu'à 12 h"
    assert sans.ouverture is None and sans.distance_km is None and not sans.qr


def test_services_qui_repondent_aux_besoins():
    diagnostic = o.diagnostiquer(["aucun"], "aucune", ["appareil"], ["demarche"])
    services = services_correspondants(
        ["Accès internet et matériel informatique", "Aide aux démarches administratives",
         "Loisirs et créations numériques"],
        diagnostic.services, diagnostic.besoins,
    )  # fmt: skip
    # In the diagnostic's order, the request first; only the asked-for one is highlighted.
    assert [(s.libelle, s.demande) for s in services] == [
        ("Faire ses démarches en ligne", True),
        ("Ordinateur et internet sur place", False),
    ]


def test_chaque_service_du_standard_a_un_libelle_simple():
    from sun.inclusion.lieux.fiche_orientation import LIBELLES_SERVICES

    assert set(LIBELLES_SERVICES) == set(SERVICES_EXPLIQUES)


def test_pieces_a_apporter_selon_les_besoins():
    assert set(PIECES_PAR_BESOIN) == set(o.BESOINS)
    assert {p for codes in PIECES_PAR_BESOIN.values() for p in codes} == set(PIECES)
    demarche = [p.code for p in pieces_a_apporter(["demarche"], [])]
    assert demarche[:4] == ["identite", "identifiants", "avis_imposition", "carte_vitale"]
    assert "telephone" in demarche and "cv" not in demarche
    # Two needs: no repeats, the first need's items first.
    deux = [p.code for p in pieces_a_apporter(["emploi", "demarche"], [])]
    assert len(deux) == len(set(deux)) and deux.index("identite") < deux.index("cv")
    # No declared need: read from the services the diagnostic found.
    assert [p.code for p in pieces_a_apporter([], ["Accès internet et matériel informatique"])] == [
        "documents", "courriel",
    ]  # fmt: skip
    assert pieces_a_apporter([], []) == []


def test_qr_code_svg_accessible():
    svg = qr_svg("https://sun.example.fr/lieux/1/")
    assert svg.startswith('<svg aria-hidden="true" focusable="false" viewBox="0 0 ')
    assert "<path" in svg and "<?xml" not in svg and 'width="' not in svg
    assert svg != qr_svg("https://sun.example.fr/lieux/2/")


LONG = "Maison France services et espace public numérique intercommunal du Limouxin et de la haute vallée de l'Aude"
TOUT = "|".join(SERVICES_EXPLIQUES)
HORAIRES = "Mo 08:30-12:00,13:30-17:30; Tu 09:00-12:00,14:00-18:30; We 09:30-12:00; Th 08:30-12:30,13:30-16:00; Fr 09:00-12:00,13:00-15:00; Sa 09:30-11:30; PH off"  # fmt: skip


@pytest.fixture
def lieux_charges(tmp_path):
    """Six places (more than the sheet holds) with long names and addresses, every service
    and a different schedule each day."""
    lignes = [
        lieu_v1(id=f"l{i}", nom=f"{LONG} — antenne {nom}", adresse=f"{i} avenue {nom} prolongée",
                complement_adresse="Bâtiment B, rez-de-chaussée, porte à gauche après l'accueil",
                telephone=f"04 68 20 00 0{i}", horaires=HORAIRES, services=TOUT, code_insee="11206",
                latitude=f"{43.05 + i * 0.01:.2f}", longitude="2.2187", commune="Limoux",
                code_postal="11300", frais_a_charge="Gratuit|Gratuit sous condition")
        for i, nom in enumerate(["Arago", "Barbès", "Courbet", "Diderot", "Eiffel", "Fourier"])
    ]  # fmt: skip
    importer_lieux(ecrire_csv(tmp_path / "lieux.csv", lignes), "Source test")


def test_fiche_la_plus_chargee_tient_sur_une_page(
    client, utilisateur_avec_role, lieux_charges, monkeypatch
):
    from sun.web.views.espace_orientation import SUR_LA_FICHE

    client.force_login(utilisateur_avec_role(Role.AGENT))
    adresse = client.post("/espace/orientation/", {**REPONSES, "besoins": list(o.BESOINS)})[
        "Location"
    ]
    orientation = Orientation.objects.get()
    assert len(orientation.lieux_proposes) > SUR_LA_FICHE
    client.post(adresse, {"lieux": orientation.lieux_proposes[:SUR_LA_FICHE]})
    page = texte(client.get(f"/espace/orientation/{orientation.pk}/fiche/"))
    assert page.count(LONG) == SUR_LA_FICHE and page.count("<svg") >= SUR_LA_FICHE
    assert page.count("km</strong> du centre de Limoux") == SUR_LA_FICHE
    assert page.count("Ouvert maintenant") + page.count("Prochaine ouverture") == SUR_LA_FICHE
    assert (
        "<li>Dernier avis d'imposition</li>" in page
        and "<li>CV, sur papier ou sur clé USB</li>" in page
    )
    assert "<strong>✓ Chercher un emploi ou une formation</strong>" in page
    pdf = client.get(f"/espace/orientation/{orientation.pk}/fiche.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert nombre_de_pages(pdf.content) == 1
    # Even when the estimate is too hopeful, the PDF steps the type size down until it fits.
    monkeypatch.setattr(Fiche, "taille", property(lambda fiche: "grande"))
    pdf = client.get(f"/espace/orientation/{orientation.pk}/fiche.pdf")
    assert nombre_de_pages(pdf.content) == 1


def test_qr_code_et_adresse_menent_a_la_page_publique(client, utilisateur_avec_role, lieux_charges):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    client.post("/espace/orientation/", REPONSES)
    orientation = Orientation.objects.get()
    page = texte(client.get(f"/espace/orientation/{orientation.pk}/fiche/"))
    adresses = re.findall(
        r"Sur internet : <span[^>]*>(http://testserver/lieux/[0-9a-f-]+/)</span>", page
    )
    assert len(adresses) == 3  # the three nearest, preselected
    for adresse in adresses:
        assert qr_svg(adresse) in page
        assert client.get(adresse.removeprefix("http://testserver")).status_code == 200


def test_fiche_calculee_a_l_heure_donnee(lieux_charges):
    orientation = Orientation(niveau="pas_a_pas", besoins=["securite"],
                              services=["Utilisation sécurisée du numérique"])  # fmt: skip
    lieux = list(Lieu.objects.order_by("nom")[:2])
    fiche = preparer_fiche(orientation, lieux, adresse_publique=lambda lieu: f"https://x.fr/{lieu.pk}/",
                           instant=datetime(2030, 1, 1, 9, 5, tzinfo=UTC))  # fmt: skip
    assert (
        fiche.calculee_le_texte == "1er janvier 2030 à 10 h 05" and fiche.niveau.code == "pas_a_pas"
    )
    assert [p.code for p in fiche.pieces] == ["messages_suspects", "appareil"]
    # 1 January is a public holiday: the next opening is on Wednesday.
    assert (
        fiche.lieux[0].ouverture.phrase
        == "Prochaine ouverture : mercredi 2 janvier, de 9 h 30 à 12 h"
    )
    assert fiche.lieux[0].distance_km is None  # no commune given: no distance
    assert fiche.mises_a_jour == (lieux[0].date_maj, lieux[0].date_maj)
