"""The Django admin pages administrators use (accounts and roles, places, structures, the
plan): axe-core finds no violation on the index, on each list, on each add form and on the
change form of one object of each kind."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.navigateur


def _pages_de_l_admin() -> list[str]:
    """Index, then for every registered model: its list, its add form, one object's form."""
    from django.contrib import admin
    from django.urls import reverse

    pages = [reverse("admin:index")]
    for modele in admin.site._registry:
        meta = modele._meta
        prefixe = f"admin:{meta.app_label}_{meta.model_name}"
        pages += [reverse(f"{prefixe}_changelist"), reverse(f"{prefixe}_add")]
        premier = modele.objects.order_by("pk").first()
        if premier is not None:
            pages.append(reverse(f"{prefixe}_change", args=[premier.pk]))
    return pages


def test_admin_sans_violation_axe(site_demo, page):
    from sun.comptes.roles import Role
    from sun.inclusion.demo.reseau import creer_reseau_demo
    from sun.pilotage.plan_fichier import charger as charger_plan
    from tests.comptes.factories import MOT_DE_PASSE, UtilisateurFactory
    from tests.inclusion.factories import StructureFactory

    creer_reseau_demo("11")
    charger_plan(Path(__file__).resolve().parents[2] / "plans" / "aude.yaml")
    StructureFactory()
    UtilisateurFactory(username="admin-axe", roles=[Role.ADMINISTRATEUR])
    page.goto(site_demo + "/admin/login/")
    page.fill("#id_username", "admin-axe")
    page.fill("#id_password", MOT_DE_PASSE)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    axe = Axe()
    violations = []
    for chemin in _pages_de_l_admin():
        reponse = page.goto(site_demo + chemin)
        if reponse.status == 403 and chemin.endswith("/add/"):
            continue  # a model nobody adds by hand (journals, history)
        assert reponse.ok, f"{chemin} : {reponse.status}"
        resultat = axe.run(page)
        for v in resultat.response["violations"]:
            cibles = [n["target"] for n in v["nodes"]][:6]
            violations.append(f"{chemin} : {v['id']} ({len(v['nodes'])}) {cibles}")
    assert not violations, "\n".join(violations)
