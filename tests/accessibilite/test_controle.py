"""`sun accessibilite controler`: axe-core in Chromium against a local server with pages of
known violations (images without alternative, a field without label), a clean page, and
unreachable addresses (refused connection, HTTP 404) that are reported, never fatal."""

from pathlib import Path

import pytest
from django.conf import settings

from sun.accessibilite.controles.navigateur import OutilsAbsents, verifier_outils
from sun.accessibilite.controles.services import ControleImpossible, controler
from sun.accessibilite.models import Controle, ResultatPage, TypeService
from sun.accessibilite.services import enregistrer_service
from sun.cli import main

pytestmark = pytest.mark.django_db

if not Path(settings.SUN_CHROMIUM).exists():  # pragma: no cover
    pytest.skip(f"Chromium absent ({settings.SUN_CHROMIUM})", allow_module_level=True)


def _service(slug: str, url: str, autres: str = "", **champs):
    return enregistrer_service({"slug": slug, "nom": slug.title(), "url": url,
                                "type": TypeService.SITE, "pages_a_controler": autres, **champs})  # fmt: skip


def test_violations_connues_page_propre_et_adresses_injoignables(serveur_pages, port_ferme):
    site = _service("site", f"{serveur_pages}/defauts.html",
                    f"{serveur_pages}/propre.html\n{serveur_pages}/absente.html\n"
                    f"http://127.0.0.1:{port_ferme}/\nhttp://nom-inexistant.invalid/")  # fmt: skip
    _service("appli", "https://apps.exemple.invalid/x", type=TypeService.APPLICATION)
    bilan = controler(toutes=True, delai_s=20)
    controle = bilan.controle
    assert [sn.slug for sn, _ in bilan.ecartes] == ["appli"]
    resultats = {r.url.removeprefix(serveur_pages): r for r in controle.resultats.all()}
    assert len(resultats) == 5
    dns = resultats["http://nom-inexistant.invalid/"]
    assert not dns.atteinte and dns.erreur == "nom de domaine introuvable (DNS)"
    defauts = resultats["/defauts.html"]
    regles = {v["regle"]: v for v in defauts.detail}
    assert regles["image-alt"]["noeuds"] == 2
    assert regles["image-alt"]["impact"] == "critical"
    assert "label" in regles
    assert defauts.atteinte and defauts.noeuds >= 3
    assert defauts.par_impact["critical"] >= 2
    propre = resultats["/propre.html"]
    assert propre.atteinte and propre.violations == 0 and propre.regles_verifiees > 0
    absente = resultats["/absente.html"]
    assert not absente.atteinte and absente.erreur == "erreur HTTP 404"
    refus = resultats[f"http://127.0.0.1:{port_ferme}/"]
    assert not refus.atteinte and refus.erreur == "connexion refusée"
    assert (controle.pages_atteintes, controle.pages_injoignables) == (2, 3)
    assert controle.version_axe.count(".") == 2
    # Without --toutes, only the main address.
    deuxieme = controler("site", delai_s=20).controle
    assert list(deuxieme.resultats.values_list("url", flat=True)) == [site.url]


def test_la_commande_rapporte_sans_echouer(serveur_pages, port_ferme, capsys):
    _service("site", f"http://127.0.0.1:{port_ferme}/", f"{serveur_pages}/propre.html")
    assert main(["accessibilite", "controler", "--service", "site", "--toutes"]) == 0
    sortie = capsys.readouterr().out
    assert "Contrôle automatisé (axe-core) — ne remplace pas un audit RGAA." in sortie
    assert "INJOIGNABLE, connexion refusée" in sortie
    assert "propre.html : 0 règle(s) en violation" in sortie
    assert "aucun taux de conformité" in sortie


def test_service_inconnu_ou_registre_vide():
    with pytest.raises(ControleImpossible, match="Aucune adresse"):
        controler()
    with pytest.raises(ControleImpossible, match="« nulle-part »"):
        controler("nulle-part")
    assert main(["accessibilite", "controler", "--service", "nulle-part"]) == 3
    assert not Controle.objects.exists() and not ResultatPage.objects.exists()


def test_outils_absents_message_en_francais(monkeypatch, capsys):
    with pytest.raises(OutilsAbsents, match="Chromium introuvable"):
        verifier_outils("/nulle/part/chromium")
    import builtins

    importer = builtins.__import__

    def sans_playwright(nom, *args, **kwargs):
        if nom.startswith("playwright"):
            raise ImportError("absent", name="playwright")
        return importer(nom, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", sans_playwright)
    with pytest.raises(OutilsAbsents, match="pip install playwright axe-playwright-python"):
        verifier_outils(settings.SUN_CHROMIUM)
    _service("site", "http://127.0.0.1:9/")
    assert main(["accessibilite", "controler"]) == 3
    assert "Installez-les" in capsys.readouterr().err
    assert not Controle.objects.exists()
