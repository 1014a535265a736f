"""Every page of the agent space on a 360-pixel phone, for an account holding every role: no
horizontal scrolling, wide tables scrolling inside their own labelled box, check boxes and
radio buttons of at least 24 pixels, chart text that can be read.

The pages come from `espace_urls` itself, so that a new page is measured without being listed
here; a parameter is filled with a demonstration object of the right kind."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.navigateur

LARGEUR = 360
CIBLE_PX = 24  # WCAG 2.2, 2.5.8 target size (minimum)
TEXTE_GRAPHIQUE_PX = 10

# Measured in the page: the document's width, every element wider than the window outside a
# scrolling box, every scrolling box without its label, every small check box or radio
# button, and every chart text drawn smaller than TEXTE_GRAPHIQUE_PX.
MESURE = """([cible, texteMin]) => {
  const largeur = document.documentElement.clientWidth;
  const defile = (el) => {
    const s = getComputedStyle(el);
    return ['auto', 'scroll'].includes(s.overflowX) && el !== document.documentElement
      && el !== document.body;
  };
  const dansUneBoite = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (defile(p)) return true;
    }
    return false;
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden';
  };
  const decrire = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const debordants = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (!visible(el) || dansUneBoite(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right > largeur + 0.5 || r.left < -0.5) {
      debordants.push(decrire(el) + ' ' + Math.round(r.left) + '→' + Math.round(r.right) + 'px');
    }
  }
  const boites = [...document.querySelectorAll('*')].filter(
    (el) => defile(el) && visible(el) && el.scrollWidth > el.clientWidth + 1);
  const sansEtiquette = boites.filter((el) => !(el.tabIndex === 0
    && el.getAttribute('role') === 'region' && (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby'))))
    .map(decrire);
  const petites = [...document.querySelectorAll('input[type=checkbox], input[type=radio]')]
    .filter(visible).filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width < cible - 0.5 || r.height < cible - 0.5;
    }).map((el) => decrire(el) + ' ' + Math.round(el.getBoundingClientRect().width) + 'px');
  const textes = [...document.querySelectorAll('svg text')].filter(visible).filter(
    (el) => el.getBoundingClientRect().height < texteMin).map(
    (el) => JSON.stringify(el.textContent.slice(0, 20)) + ' ' + el.getBoundingClientRect().height.toFixed(1) + 'px');
  return {
    largeur: document.documentElement.scrollWidth, fenetre: largeur,
    debordants: debordants.slice(0, 8), sansEtiquette, petites: petites.slice(0, 8),
    textes: textes.slice(0, 5),
  };
}"""


def _objets_de_demo(utilisateur) -> dict[str, str]:
    """One demonstration object of each kind an agent-space address can name."""
    from sun.core.models import JournalImport
    from sun.inclusion.demo.reseau import creer_reseau_demo
    from sun.inclusion.models import Lieu, LieuActivite, Mediateur, Orientation
    from sun.pilotage.models import Action, Indicateur
    from sun.pilotage.plan_fichier import charger as charger_plan
    from tests.inclusion.factories import (
        ActiviteFactory,
        OrientationFactory,
        PaireDoublonFactory,
        SignalementFactory,
    )

    creer_reseau_demo("11")
    charger_plan(Path(__file__).resolve().parents[2] / "plans" / "aude.yaml")
    relation = _relation_de_demo(utilisateur)
    lieux = list(Lieu.objects.filter(code_insee="11069").values_list("pk", flat=True)[:3])
    OrientationFactory(lieux_proposes=[str(p) for p in lieux], lieux_retenus=[str(lieux[0])])
    PaireDoublonFactory()
    SignalementFactory()
    mediateur = Mediateur.objects.filter(demonstration=True).order_by("pk").first()
    mediateur.compte = utilisateur
    mediateur.save()
    activite = ActiviteFactory(mediateur=mediateur, saisi_par=utilisateur)
    journal = JournalImport.objects.order_by("-pk").first()
    difficulte = _difficulte_de_demo(utilisateur)
    return {
        **_parc_de_demo(Lieu.objects.order_by("nom").first()),
        "difficulte": str(difficulte.pk),
        "lieu": str(Lieu.objects.order_by("nom").values_list("pk", flat=True).first()),
        "activite": str(activite.pk),
        "reseau": str(mediateur.pk),
        "lieu_activite": str(LieuActivite.objects.filter(mediateur=mediateur).first().pk),
        "orientation": str(Orientation.objects.order_by("-pk").first().pk),
        "action": str(Action.objects.get(code="1.3").pk),
        "indicateur": str(Indicateur.objects.order_by("pk").first().pk),
        "import": str(journal.pk) if journal else "",
        **relation,
    }


def _parc_de_demo(lieu) -> dict[str, str]:
    """A decommissioned item (its exit form shows), its site, a donation and a repairer."""
    from datetime import date

    from tests.parc.factories import DonFactory, ReparateurFactory, equipement_reforme

    equipement = equipement_reforme(date(2025, 3, 1))
    return {"equipement": str(equipement.pk), "site": str(equipement.site_id),
            "don": str(DonFactory(lieu=lieu, beneficiaire=lieu.nom).pk),
            "reparateur": str(ReparateurFactory().pk), "annee": "2025"}  # fmt: skip


def _difficulte_de_demo(utilisateur):
    """A difficulty reported for Carcassonne, with its first step."""
    from sun.connectivite.signalements.services import signaler
    from tests.territoire.factories import commune

    return signaler(utilisateur, commune("11069"), "elagage", "Chemin des Pins",
                    "Branches sur la ligne depuis l'hiver.", 3)  # fmt: skip


def _relation_de_demo(utilisateur) -> dict[str, str]:
    """The starter catalogue and demonstration requests; the user instructs every service."""
    from sun.relation.catalogue.services import charger as charger_catalogue
    from sun.relation.demo import creer_demandes_demo
    from sun.relation.models import Canal, Demande, Demarche, ServiceInstructeur

    charger_catalogue(Path(__file__).resolve().parents[2] / "catalogues" / "aude.yaml")
    creer_demandes_demo(nombre=40)
    for service in ServiceInstructeur.objects.all():
        service.instructeurs.add(utilisateur)
    demarche = Demarche.objects.get(slug="apa-domicile")
    return {"relation_demande": str(Demande.objects.order_by("pk").first().pk),
            "relation_service": demarche.service.code, "relation_demarche": demarche.slug,
            "relation_canal": str(Canal.objects.filter(demarche=demarche).first().pk)}  # fmt: skip


def _parametres(nom: str, parametres: list[str], objets: dict[str, str]) -> dict[str, str]:
    """Fill the parameters of route `nom` (its name says what its `pk` is)."""
    if nom.startswith("relation_"):
        return _parametres_relation(nom, parametres, objets)
    if nom.startswith(("qualite_", "accessibilite_", "donnees_", "competences", "projets")):
        # Their pages with parameters are checked at 360 px by their own browser tests
        # (tests/navigateur/test_qualite_*.py, test_nos_resultats.py, test_accessibilite_*.py,
        # test_competences_projets.py,
        # test_donnees.py).
        return dict.fromkeys(parametres, "")
    genres = [
        ("lieu", "lieu"), ("activite", "activite"), ("reseau", "reseau"),
        ("orientation", "orientation"), ("pilotage_action", "action"),
        ("pilotage_indicateur", "indicateur"), ("import", "import"),
        ("connectivite_difficulte", "difficulte"), ("parc_equipement", "equipement"),
        ("parc_site", "site"), ("parc_don", "don"), ("reparateur", "reparateur"),
        ("parc_taux_annee", "annee"),
    ]  # fmt: skip
    valeurs = {}
    for parametre in parametres:
        if parametre == "activite" and nom.startswith("reseau"):
            valeurs[parametre] = objets["lieu_activite"]
            continue
        genre = next((g for prefixe, g in genres if nom.startswith(prefixe)), None)
        assert genre, f"Route « {nom} » : quel objet de démonstration pour « {parametre} » ?"
        valeurs[parametre] = objets[genre]
    return valeurs


def _parametres_relation(nom: str, parametres: list[str], objets: dict[str, str]) -> dict[str, str]:
    valeurs = {}
    for parametre in parametres:
        if parametre == "slug":
            valeurs[parametre] = objets["relation_demarche"]
        elif parametre == "code":
            valeurs[parametre] = objets["relation_service"]
        elif parametre == "pk":
            valeurs[parametre] = objets["relation_canal" if "canal" in nom else "relation_demande"]
        elif parametre == "tableau":
            valeurs[parametre] = objets.get("relation_tableau", "")
        else:
            raise AssertionError(
                f"Route « {nom} » : quel objet de démonstration pour « {parametre} » ?"
            )
    return valeurs


def pages_de_l_espace(objets: dict[str, str]) -> list[tuple[str, str]]:
    """(route name, address) of every agent-space route, parameters filled."""
    from django.urls import reverse

    from sun.web.urls import espace_urls

    pages = []
    for route in espace_urls[0]:
        if not str(route.pattern).endswith("/"):
            continue  # files (CSV, JSON, PDF), not pages
        parametres = list(route.pattern.converters)
        valeurs = _parametres(route.name, parametres, objets)
        if any(v == "" for v in valeurs.values()):
            continue  # no such object on this installation (an import journal)
        pages.append((route.name, reverse(f"espace:{route.name}", kwargs=valeurs)))
    return pages


def test_toutes_les_pages_de_l_espace_tiennent_sur_un_telephone(site_demo, contexte):
    from sun.comptes.roles import Role
    from tests.comptes.factories import MOT_DE_PASSE, UtilisateurFactory

    utilisateur = UtilisateurFactory(username="tous-les-roles", roles=list(Role))
    objets = _objets_de_demo(utilisateur)
    page = contexte(viewport={"width": LARGEUR, "height": 740}, is_mobile=True).new_page()
    page.goto(site_demo + "/se-connecter/")
    page.fill("#id_username", "tous-les-roles")
    page.fill("#id_password", MOT_DE_PASSE)
    page.click("button[type=submit]")
    page.wait_for_url("**/espace/")
    problemes, mesurees = [], []
    for nom, chemin in pages_de_l_espace(objets):
        essai = page.request.get(site_demo + chemin)  # same cookies, no rendering
        type_ = essai.headers.get("content-type", "")
        if essai.status == 405 or not type_.startswith("text/html"):
            continue  # POST-only actions, CSV, JSON and PDF files are not pages
        reponse = page.goto(site_demo + chemin)
        assert reponse.ok, f"{nom} ({chemin}) : {reponse.status}"
        mesurees.append(nom)
        m = page.evaluate(MESURE, [CIBLE_PX, TEXTE_GRAPHIQUE_PX])
        if m["largeur"] > m["fenetre"] or m["debordants"]:
            problemes.append(f"{nom} ({chemin}) : {m['largeur']} px, {m['debordants']}")
        if m["sansEtiquette"]:
            problemes.append(f"{nom} : boîte défilante sans étiquette {m['sansEtiquette']}")
        if m["petites"]:
            problemes.append(f"{nom} : cases de moins de {CIBLE_PX} px {m['petites']}")
        if m["textes"]:
            problemes.append(f"{nom} : texte de graphique illisible {m['textes']}")
    assert len(mesurees) >= 25, mesurees
    assert not problemes, "\n".join(problemes)
