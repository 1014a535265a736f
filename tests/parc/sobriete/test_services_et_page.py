"""Recording a measure (its Ecoindex computed), the latest measure of each page, the pages
SUN measures, and the public page « Sobriété numérique de ce site » with and without measures;
the accessibility page links to it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

import sun
from sun.parc.sobriete.pages import PageInconnue, pages_a_mesurer
from sun.parc.sobriete.queries import dernieres_mesures
from sun.parc.sobriete.services import MesureInvalide, enregistrer_mesure

pytestmark = pytest.mark.django_db


def test_enregistrer_une_mesure_calcule_l_ecoindex():
    m = enregistrer_mesure("accueil", "/", 300, 15, 150.004)
    assert (m.score, m.note, m.ges_g, m.eau_cl) == (82, "A", 1.36, 2.04)
    assert m.poids_ko == 150.0 and m.version_sun == sun.__version__
    assert enregistrer_mesure("trouver", "/trouver/", 693, 78, 2420, "9.9").note == "D"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [(("", "/", 1, 1, 1), "nommer"), (("a", "/", -1, 1, 1), "négatifs"),
     (("a", "/", 10, 0, 0), "aucune requête")],
)  # fmt: skip
def test_mesure_refusee(arguments, message):
    with pytest.raises(MesureInvalide, match=message):
        enregistrer_mesure(*arguments)


def test_derniere_mesure_de_chaque_page_dans_l_ordre_des_pages():
    hier = timezone.now() - timedelta(days=1)
    enregistrer_mesure("sobriete", "/sobriete/", 100, 3, 10)
    enregistrer_mesure("accueil", "/", 900, 30, 900, mesure_le=hier)
    recente = enregistrer_mesure("accueil", "/", 200, 3, 20)
    mesures = dernieres_mesures()
    assert [m.page for m in mesures] == ["accueil", "sobriete"]
    assert mesures[0] == recente


def test_pages_a_mesurer():
    noms = [p.nom for p in pages_a_mesurer()]
    assert noms[:3] == ["accueil", "trouver", "commune"]
    assert "reparateurs_public" in noms and "sobriete" in noms
    commune = next(p for p in pages_a_mesurer(["commune"]))
    assert commune.chemin.startswith("/communes/11")
    with pytest.raises(PageInconnue, match="Pages mesurables"):
        pages_a_mesurer(["accueil", "nulle-part"])


def test_page_publique_sans_puis_avec_mesures(client, tmp_path, monkeypatch):
    from sun.parc.sobriete import livrees

    # No measure of this site yet: the measures shipped with SUN, labelled as such.
    livree = client.get(reverse("sobriete")).content.decode()
    assert "Mesures de la version publiée de SUN" in livree and ">Accueil<" in livree
    assert "sun parc ecoindex" not in livree  # no command line shown to the public
    monkeypatch.setattr(livrees, "FICHIER", tmp_path / "absent.json")
    monkeypatch.setattr(livrees.mesures_livrees, "__defaults__", (tmp_path / "absent.json",))
    vide = client.get(reverse("sobriete") + "?sans-livrees").content.decode()
    assert "Aucune page n'a encore été mesurée" in vide
    enregistrer_mesure("reparateurs_public", "/reparer-et-reconditionner/", 250, 4, 30.5)
    html = client.get(reverse("sobriete")).content.decode()
    assert "Réparer et reconditionner" in html and "A" in html and "30,5" in html
    assert "GreenIT.fr" in html and "5.10.0" in html
    assert f"SUN {sun.__version__}" in html and "version publiée" not in html


def test_la_page_d_accessibilite_renvoie_a_la_sobriete(client):
    assert reverse("sobriete") in client.get(reverse("accessibilite")).content.decode()


def test_sans_chromium_message_clair_et_rien_d_enregistre(capsys):
    from sun.cli import main
    from sun.cli.sortie import DONNEES
    from sun.parc.models import MesureEcoindex

    code = main(["parc", "ecoindex", "--url", "http://127.0.0.1:9", "--pages", "accueil",
                 "--chromium", "/nulle-part/chromium"])  # fmt: skip
    assert code == DONNEES
    assert "Chromium absent (/nulle-part/chromium)" in capsys.readouterr().err
    assert not MesureEcoindex.objects.exists()
