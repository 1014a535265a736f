"""In a real browser at 360 px: the pages of training, skills and projects have no axe-core
violation and no sideways scrolling; an agent follows a training path from the diagnosis to
the certificate, and a change request from its submission to the backlog."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.navigateur.verifications import parcourir

pytestmark = pytest.mark.navigateur

TELEPHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True}


def _monde():
    from django.utils import timezone

    from sun.comptes.roles import Role
    from tests.competences.factories import (
        DirectionFactory,
        PersonneFactory,
        ReferentFactory,
        SessionFactory,
    )
    from tests.comptes.factories import UtilisateurFactory
    from tests.projets.factories import (
        AppelFactory,
        BesoinFactory,
        DemandeFactory,
        OutilFactory,
        TypeDemandeFactory,
    )

    direction = DirectionFactory(code="dsol", nom="Direction des solidarités", sigle="DSOL")
    agent = UtilisateurFactory(username="agent-formation", roles=[Role.AGENT],
                               first_name="Camille", last_name="Martin")  # fmt: skip
    PersonneFactory(compte=agent, direction=direction, nom="Martin", prenom="Camille")
    rh = UtilisateurFactory(username="rh-formation", roles=[Role.FORMATION])
    admin = UtilisateurFactory(username="admin-projets", roles=[Role.ADMINISTRATEUR])
    session = SessionFactory(
        titre="Se protéger de l'hameçonnage", theme="cybersecurite", competences=["4.1"],
        debut=timezone.now() + timedelta(days=5), places=10,
    )  # fmt: skip
    ReferentFactory(direction=direction)
    outil = OutilFactory(slug="messagerie", nom="Messagerie du Département")
    type_ = TypeDemandeFactory(libelle="Logiciel > Messagerie")
    demande = DemandeFactory(outil=outil, type=type_, direction=direction, demandeur=admin,
                             titre="Archiver automatiquement les courriels anciens")  # fmt: skip
    besoin = BesoinFactory(direction=direction, redige_par=admin)
    appel = AppelFactory(relaye=True, titre="Inclusion numérique des associations")
    return {"agent": agent, "rh": rh, "admin": admin, "session": session, "outil": outil,
            "demande": demande, "besoin": besoin, "appel": appel}  # fmt: skip


def _se_connecter(page, site, identifiant: str):
    from tests.comptes.factories import MOT_DE_PASSE

    page.context.clear_cookies()
    page.goto(site + "/se-connecter/")
    page.fill("#id_username", identifiant)
    page.fill("#id_password", MOT_DE_PASSE)
    page.click("button[type=submit]")
    page.wait_for_url("**/espace/")


def _adresses(monde) -> list[str]:
    """The pages of the two apps, parameters filled from the world (files and POST-only
    actions left out)."""
    from django.urls import reverse

    from sun.web.urls import espace_urls

    objets = {
        "session": monde["session"].pk, "demande": monde["demande"].pk,
        "besoin": monde["besoin"].pk, "appel": monde["appel"].pk,
    }  # fmt: skip
    pages = []
    for route in espace_urls[0]:
        nom = route.name or ""
        if not nom.startswith(("competences", "projets")) or not str(route.pattern).endswith("/"):
            continue
        parametres = list(route.pattern.converters)
        if not parametres:
            pages.append(reverse(f"espace:{nom}"))
            continue
        genre = None if "candidature" in nom else next((g for g in objets if g in nom), None)
        if genre and parametres == ["pk"]:
            pages.append(reverse(f"espace:{nom}", kwargs={"pk": objets[genre]}))
    return pages


def test_les_pages_tiennent_sur_un_telephone_sans_defaut_d_accessibilite(site, contexte):
    monde = _monde()
    axe = Axe()
    page = contexte(**TELEPHONE).new_page()
    problemes = parcourir(page, axe, site, ["/appels-a-projets/", "/panel/"])
    _se_connecter(page, site, "admin-projets")
    chemins = []
    for chemin in _adresses(monde):
        essai = page.request.get(site + chemin)
        if essai.status == 405 or not essai.headers.get("content-type", "").startswith("text/html"):
            continue
        chemins.append(chemin)
    problemes += parcourir(page, axe, site, chemins)
    assert len(chemins) > 20
    assert problemes == [], "\n".join(problemes)


def test_un_parcours_de_formation_du_diagnostic_a_l_attestation(site, contexte):
    from sun.competences.models import Inscription
    from sun.competences.referentiel import COMPETENCES

    monde = _monde()
    page = contexte(**TELEPHONE).new_page()
    _se_connecter(page, site, "agent-formation")
    page.goto(site + "/espace/competences/diagnostic/")
    # Half of the answers first, kept as a draft.
    for c in COMPETENCES[:8]:
        page.check(f"[id='n-{c.code}-4']")
    page.get_by_role("button", name="Enregistrer et continuer plus tard").click()
    expect(page.get_by_text("brouillon").first).to_be_visible()
    page.goto(site + "/espace/competences/diagnostic/")
    for c in COMPETENCES[8:]:
        page.check(f"[id='n-{c.code}-{1 if c.code == '4.1' else 4}']")
    page.get_by_role("button", name="Terminer").click()
    # 4.1 is weak: the session that works on it is proposed.
    lien = page.get_by_role("link", name="Se protéger de l'hameçonnage")
    expect(lien).to_be_visible()
    lien.click()
    page.get_by_role("button", name="M'inscrire").click()
    inscription = Inscription.objects.get(session=monde["session"])
    assert inscription.statut == "inscrit"
    # The session takes place (its dates move into the past), the training service marks
    # the agent present.
    session = monde["session"]
    session.debut -= timedelta(days=7)
    session.fin -= timedelta(days=7)
    session.save()
    _se_connecter(page, site, "rh-formation")
    page.goto(site + f"/espace/competences/sessions/{session.pk}/inscrits/")
    page.get_by_role("button", name="Présent : Camille Martin").click()
    inscription.refresh_from_db()
    assert inscription.statut == "present"
    _se_connecter(page, site, "agent-formation")
    page.goto(site + "/espace/competences/parcours/")
    page.get_by_role("radio").first.check()
    page.get_by_role("button", name="Envoyer ma réponse").click()
    inscription.refresh_from_db()
    assert inscription.satisfaction is not None
    attestation = page.request.get(
        site + f"/espace/competences/inscriptions/{inscription.pk}/attestation.pdf"
    )
    assert attestation.ok and attestation.body().startswith(b"%PDF")
