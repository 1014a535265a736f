"""The commune sheet for its mayor: its content (full data, no data), masking of people counted
under 5, the page and the PDF (404 for an unknown commune), the CLI, and its set-based
gathering (the same queries for 3 communes and for 30)."""

import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from html import unescape
from pathlib import Path

import pytest

from sun.cli import main
from sun.cli.sortie import OK
from sun.comptes.roles import Role
from sun.connectivite.fiches.donnees import rassembler_fiches
from sun.connectivite.fiches.rendu import html_de_la_fiche, pdf_de_la_fiche
from sun.connectivite.models import Categorie, Signalement, Statut
from sun.core.indicators import NON_AFFICHE
from sun.inclusion.models import Orientation
from sun.territoire.models import Commune
from tests.connectivite import factories as f
from tests.inclusion.factories import ActiviteFactory, LieuFactory, OrientationFactory
from tests.territoire.factories import commune

pytestmark = pytest.mark.django_db

AUJ = date(2026, 6, 1)
CARCASSONNE, PETITE = "11069", "11001"
PDFTOTEXT = Path("/usr/bin/pdftotext")


def _texte(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def _signaler(code: str, categorie: str, statut: str, adresse: str = "3 chemin des Vignes"):
    moment = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    return Signalement.objects.create(commune=commune(code), categorie=categorie, adresse=adresse,
                                      description="Poteau tombé", statut=statut, cree_le=moment,
                                      modifie_le=moment)  # fmt: skip


@pytest.fixture
def carcassonne():
    f.commune_complete(CARCASSONNE)
    LieuFactory(nom="Espace numérique de la Cité", commune_ref=commune(CARCASSONNE))
    _signaler(CARCASSONNE, Categorie.REFUS_TIERS_FINANCIER, Statut.NOUVEAU)
    _signaler(CARCASSONNE, Categorie.REFUS_TIERS_FINANCIER, Statut.RESOLU)
    _signaler(CARCASSONNE, Categorie.APPUI_ENDOMMAGE, Statut.EN_COURS)
    demo = _signaler(CARCASSONNE, Categorie.ELAGAGE, Statut.NOUVEAU)
    Signalement.objects.filter(pk=demo.pk).update(demonstration=True)
    for _ in range(7):
        OrientationFactory(commune=commune(CARCASSONNE))
    Orientation.objects.update(date=date(2026, 5, 2))
    ActiviteFactory(commune=commune(CARCASSONNE), date=date(2026, 4, 1), accompagnements=3,
                    lieu=None)  # fmt: skip
    return CARCASSONNE


def test_fiche_d_une_commune_avec_toutes_les_donnees(carcassonne):
    fiche = rassembler_fiches([carcassonne], AUJ)[carcassonne]
    texte = _texte(html_de_la_fiche(fiche))
    assert "Carcassonne (11069)" in texte
    assert "80,0 % des logements et locaux professionnels peuvent avoir la fibre" in texte
    assert "Fibre jusqu'au logement (FttH)" in texte
    assert "50 logements ou locaux n'ont pas le très haut débit" in texte
    assert "Du lundi au jeudi : 8 h 30 – 12 h 30 et 13 h 30 – 17 h 30" in texte
    assert "Lot 3" in texte and "12 logements bloqués par un refus de tiers" in texte
    assert "Fermeture commerciale depuis le 31/01/2026" in texte
    assert "Orange 90 % 5 %" in texte and "Bouygues Telecom" in texte
    assert "Espace numérique de la Cité" in texte
    assert "Le plus proche est à" in texte
    # Help counted: 7 orientations shown, 3 accompaniments masked (people).
    assert "par un guichet : 7" in texte
    assert f"dans la commune : {NON_AFFICHE}" in texte
    # Real cases only, per type and status, never an address.
    assert "3 difficultés signalées, dont 2 en cours" in texte
    assert "Refus de tiers financier 1 1 0" in texte
    assert "Élagage" not in texte and "chemin des Vignes" not in texte
    # Every figure with its source and date.
    assert "Test (mci_meilleure_techno) — données au 31 mars 2026" in texte
    assert "Test (ftth) — édition du 31 décembre 2025" in texte
    assert "fichier du 31 mars 2025" in texte
    assert "2017" in texte and "<svg" in html_de_la_fiche(fiche)
    assert "Attention : données de démonstration" not in texte


def test_fiche_d_une_commune_sans_donnees_dit_ce_qui_manque():
    fiche = rassembler_fiches([PETITE], AUJ)[PETITE]
    texte = _texte(html_de_la_fiche(fiche))
    assert "Ce que SUN ne sait pas encore" in texte
    assert "pas encore les chiffres de l'Arcep" in texte
    assert "Aucune date de fermeture du cuivre n'est publiée" in texte
    assert "pas encore la couverture mobile" in texte
    assert "Aucune difficulté de raccordement signalée" in texte
    assert "par un guichet : 0" in texte


def test_edition_de_demonstration_annoncee():
    f.fixe(PETITE)
    from sun.connectivite.models import Edition

    Edition.objects.update(demonstration=True)
    texte = _texte(html_de_la_fiche(rassembler_fiches([PETITE], AUJ)[PETITE]))
    assert "Attention : données de démonstration" in texte
    assert "(données de démonstration)" in texte and "sont fictifs" in texte


def test_page_et_pdf_de_la_fiche(client, carcassonne, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    page = client.get(f"/communes/{carcassonne}/fiche/")
    assert page.status_code == 200
    contenu = page.content.decode()
    assert "Carcassonne" in contenu and "fiche-commune.css" in contenu
    assert f"/communes/{carcassonne}/fiche.pdf" in contenu
    reponse = client.get(f"/communes/{carcassonne}/fiche.pdf")
    assert reponse.status_code == 200 and reponse["Content-Type"] == "application/pdf"
    assert 'attachment; filename="11069-carcassonne.pdf"' in reponse["Content-Disposition"]
    pdf = b"".join(reponse.streaming_content)
    assert pdf.startswith(b"%PDF")
    if PDFTOTEXT.exists():
        fichier = tmp_path / "fiche.pdf"
        fichier.write_bytes(pdf)
        texte = subprocess.run([str(PDFTOTEXT), str(fichier), "-"], capture_output=True,
                               text=True, check=True).stdout  # fmt: skip
        assert "Carcassonne" in texte and "Internet à la maison" in texte


@pytest.mark.parametrize("role", [None, Role.AGENT, Role.MEDIATEUR, Role.PILOTE, Role.INSTRUCTEUR,
                                  Role.ADMINISTRATEUR, Role.COMMUNE, Role.PARTENAIRE])  # fmt: skip
def test_fiche_publique_pour_tous(client, utilisateur_avec_role, role, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    client.force_login(utilisateur_avec_role(*([role] if role else [])))
    assert client.get(f"/communes/{PETITE}/fiche/").status_code == 200
    assert client.get(f"/communes/{PETITE}/fiche.pdf").status_code == 200
    assert client.post(f"/communes/{PETITE}/fiche/").status_code == 405


@pytest.mark.parametrize("adresse", ["/communes/99999/fiche/", "/communes/99999/fiche.pdf",
                                     "/communes/2A999/fiche.pdf"])  # fmt: skip
def test_commune_inconnue_404(client, adresse):
    assert client.get(adresse).status_code == 404


def test_pdf_contient_le_nom_de_la_commune():
    pdf = pdf_de_la_fiche(rassembler_fiches([PETITE], AUJ)[PETITE])
    assert pdf.startswith(b"%PDF")
    if not PDFTOTEXT.exists():
        pytest.skip("pdftotext absent")
    nom = Commune.objects.get(code_insee=PETITE).nom
    texte = subprocess.run([str(PDFTOTEXT), "-", "-"], input=pdf, capture_output=True,
                           check=True).stdout.decode()  # fmt: skip
    assert nom in texte


def test_cli_ecrit_une_fiche_par_commune(tmp_path, capsys):
    f.commune_complete(CARCASSONNE)
    sortie = tmp_path / "fiches"
    code = main(["connectivite", "fiches", "--sortie", str(sortie), "--commune", CARCASSONNE,
                 "--commune", PETITE, "--commune", "11999"])  # fmt: skip
    assert code == OK
    noms = sorted(p.name for p in sortie.iterdir())
    assert len(noms) == 2 and noms[1] == "11069-carcassonne.pdf"
    assert all((sortie / n).read_bytes().startswith(b"%PDF") for n in noms)
    sortie_texte = capsys.readouterr().out
    assert "Communes inconnues, sans fiche : 11999" in sortie_texte
    assert re.search(rf"2 fiches écrites dans {re.escape(str(sortie))} en [0-9.]+ s "
                     r"\([0-9.]+ s par fiche\)", sortie_texte)  # fmt: skip
    shutil.rmtree(sortie)


def test_rassembler_en_un_nombre_fixe_de_requetes(django_assert_max_num_queries, carcassonne):
    codes = list(Commune.objects.filter(departement__code="11").order_by("code_insee")
                 .values_list("code_insee", flat=True)[:30])  # fmt: skip
    for code in codes[:3]:
        f.fixe(code) if code != carcassonne else None
    rassembler_fiches(codes[:3], AUJ)  # the coverage and the index of places, computed once
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as trois:
        rassembler_fiches(codes[:3], AUJ)
    with django_assert_max_num_queries(len(trois.captured_queries)):
        fiches = rassembler_fiches(codes, AUJ)
    assert len(fiches) == 30
    assert len(trois.captured_queries) <= 25
