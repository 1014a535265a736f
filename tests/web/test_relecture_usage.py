"""Fixes from a usage review: links, banners, headings and wording that misled the reader."""

import re
import shutil
from html import unescape

import pytest

from sun.comptes.roles import Role
from sun.inclusion.lieux.services import importer_lieux
from tests.inclusion.outils import ecrire_csv, lieu_v1
from tests.outils import texte

pytestmark = pytest.mark.django_db


def _texte_seul(reponse) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", texte(reponse))).split())


def test_le_lien_csv_des_statistiques_donne_un_csv_au_premier_clic(client, utilisateur_avec_role):
    from tests.inclusion.test_statistiques_activites import _activite

    for n in range(6):
        _activite(n)
    client.force_login(utilisateur_avec_role(Role.MEDIATEUR))
    page = texte(client.get("/espace/activites/statistiques/"))
    lien = re.search(r'<a href="([^"]*)">Télécharger ces statistiques', page)
    assert lien and not lien.group(1).startswith("??")
    reponse = client.get("/espace/activites/statistiques/" + unescape(lien.group(1)))
    assert reponse["Content-Type"].startswith("text/csv")


def test_un_agent_lit_qu_il_peut_importer_mais_pas_saisir(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    page = _texte_seul(client.get("/espace/activites/"))
    assert "Importer (La Coop ou CSV)" in page
    assert "ne permet pas d'enregistrer des activités" not in page
    assert "permet d'importer des activités" in page and "pas d'en saisir une à la main" in page


def test_les_etapes_ont_un_bouton_d_action_distinct_de_l_etat(client, utilisateur_avec_role):
    from pathlib import Path

    from sun.pilotage.models import Action
    from sun.pilotage.plan_fichier import charger

    charger(Path(__file__).resolve().parents[2] / "plans" / "aude.yaml")
    action = Action.objects.filter(etapes__isnull=False).first()
    etape = action.etapes.first()
    etape.titre = "Une étape au titre assez long pour avoir été tronqué par le gabarit " * 2
    etape.save()
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    page = texte(client.get(f"/espace/pilotage/actions/{action.pk}/"))
    boutons = re.findall(
        r'<button type="submit"[^>]*aria-label="([^"]*)"[^>]*>([^<]*)</button>', page
    )
    textes = {visible for _, visible in boutons}
    assert "Réalisée" not in textes and "Marquer réalisée" in textes
    assert f"Marquer réalisée : {etape.titre}" in [unescape(a) for a, _ in boutons]
    assert not any("…" in a for a, _ in boutons)


@pytest.mark.parametrize(
    ("parametres", "titre"),
    [
        ({"ouvert": "maintenant"}, "Aucun lieu ouvert en ce moment à moins de 10 km de Limoux"),
        ({"jour": "dimanche"}, "Aucun lieu ouvert le dimanche à moins de 10 km de Limoux"),
    ],
)
def test_le_titre_sans_resultat_dit_le_critere_d_ouverture(client, tmp_path, parametres, titre):
    from sun.territoire.timezones import heure_locale

    # Open only on a day that is neither today nor Sunday.
    jour = next(j for j in (1, 2) if (heure_locale("11").weekday() + j) % 7 != 6)
    jour = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"][(heure_locale("11").weekday() + jour) % 7]
    lignes = [lieu_v1(id="l", nom="Ouvre un autre jour", commune="Limoux", code_postal="11300",
                      code_insee="11206", latitude="43.0546", longitude="2.2187",
                      horaires=f"{jour} 09:00-12:00")]  # fmt: skip
    importer_lieux(ecrire_csv(tmp_path / "lieux.csv", lignes), "Source test")
    page = _texte_seul(client.get("/trouver/", {"ou": "Limoux", "rayon": "10", **parametres}))
    assert titre in page


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext absent (apt-get install -y poppler-utils)"
)
def test_le_rapport_pdf_ne_coupe_aucun_mot_d_en_tete(client, utilisateur_avec_role, tmp_path):
    import subprocess
    from datetime import date
    from pathlib import Path

    from sun.comptes.services import creer_comptes_demo
    from sun.pilotage.demo import creer_pilotage_demo
    from sun.pilotage.models import Indicateur, ValeurIndicateur
    from sun.pilotage.plan_fichier import charger

    charger(Path(__file__).resolve().parents[2] / "plans" / "aude.yaml")
    creer_comptes_demo()
    creer_pilotage_demo(date(2025, 6, 1))
    indicateur = Indicateur.objects.get(code="appels-decroches")
    ValeurIndicateur.objects.filter(indicateur=indicateur).delete()  # 2024: « non mesuré »
    ValeurIndicateur.objects.create(indicateur=indicateur, date=date(2025, 11, 30), resultat=78,
                                    source="Standard", demonstration=True)  # fmt: skip
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    pdf = client.get("/espace/pilotage/rapport/", {"annee": "2025", "format": "pdf"})
    (tmp_path / "r.pdf").write_bytes(pdf.content)
    sortie = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True,
                            text=True, check=True).stdout  # fmt: skip
    mots = set(re.findall(r"[\wÀ-ÿ]+", sortie))
    for mot in ("Actions", "Réalisées", "retard", "Indicateur", "2025", "2024", "Évolution",
                "Cible", "Source", "Statut", "démo", "mesuré"):  # fmt: skip
        assert mot in mots, f"« {mot} » coupé : {sorted(m for m in mots if mot.startswith(m))}"
    # No header word split over two lines without a hyphen.
    for debut in ("Acti", "Réal", "202", "dém", "mes"):
        assert not re.search(rf"(?m)^{debut}$", sortie), debut


@pytest.mark.parametrize(
    ("nom", "attendu"),
    [
        ("Ajac", "d'Ajac"),
        ("Le Bousquet", "du Bousquet"),
        ("Les Cassés", "des Cassés"),
        ("La Digne-d'Amont", "de la Digne-d'Amont"),
        ("Limoux", "de Limoux"),
        ("Communauté de communes du Limouxin", "de la Communauté de communes du Limouxin"),
        ("Le Grand Narbonne", "du Grand Narbonne"),
    ],
)
def test_de_elide_et_contracte(nom, attendu):
    from sun.core.text import de_nom

    assert de_nom(nom) == attendu


def test_page_commune_et_epci_sans_faute_d_elision(client, tmp_path):
    from sun.territoire.models import EPCI

    lignes = [lieu_v1(id="l", nom="France services de Limoux", commune="Limoux",
                      code_postal="11300", code_insee="11206", latitude="43.0546",
                      longitude="2.2187")]  # fmt: skip
    importer_lieux(ecrire_csv(tmp_path / "lieux.csv", lignes), "Source test")
    page = _texte_seul(client.get("/communes/11003/"))  # Ajac
    assert "autour de Ajac" not in page and "autour d'Ajac" in page
    assert "Distance au lieu le plus proche" in page
    epci = EPCI.objects.get(code_siren="200071926")
    page = _texte_seul(client.get(f"/epci/{epci.code_siren}/"))
    assert "Lieux d'aide numérique de la Communauté de communes du Limouxin" in page


def test_propositions_d_orientation_disent_demonstration_une_fois():
    from django.template.loader import render_to_string

    from tests.inclusion.factories import LieuFactory

    lieu = LieuFactory(nom="France services de Limoux (démonstration)", demonstration=True)
    html = render_to_string("web/espace/orientation/propositions.html",
                            {"propositions": [type("P", (), {"lieu": lieu})()]})  # fmt: skip
    assert "(démonstration) (démonstration)" not in " ".join(html.split())


def test_la_page_d_import_des_lieux_dit_ce_qui_est_enregistre(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    page = _texte_seul(client.get("/espace/lieux/importer/"))
    assert "en cas d'erreur, rien n'est enregistré" not in page
    assert "les lignes refusées sont listées avec leur raison et les autres sont importées" in page
    assert "plus de 20 % des lignes sont refusées" in page
    assert 'href="/code-source/"' in texte(client.get("/espace/lieux/importer/"))


def test_les_raisons_d_un_import_forment_une_liste_imbriquee():
    from django.template.loader import render_to_string

    rapport = {"lignes": ["Titre", "  Lus : 3", "  Principales raisons :", "    2 × Code INSEE",
                          "    1 × Nom vide", "  Fin"]}  # fmt: skip
    html = " ".join(
        render_to_string("web/espace/imports/_rapport.html", {"rapport": rapport}).split()
    )
    assert (
        "<li>Principales raisons :<ul><li>2 × Code INSEE</li><li>1 × Nom vide</li></ul></li>"
        in html
    )


def test_typologies_aux_libelles_distincts():
    from sun.core.text import plier
    from sun.web.forms.typologies import choix

    libelles = [plier(libelle) for _, libelle in choix()]
    assert len(libelles) == len(set(libelles))
    assert dict(choix())["SCP"].startswith("Services et clubs de prévention")
