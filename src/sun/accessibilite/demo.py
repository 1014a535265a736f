"""SUN's own site in the register (real, with its known state), and demonstration entries
(labelled, `demonstration=True`, never counted) for a first look at the pages."""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sun.accessibilite.models import (
    ActionAccessibilite,
    Categorie,
    ContenuNonAccessible,
    Nature,
    Public,
    SchemaPluriannuel,
    ServiceNumerique,
    Statut,
    TypeService,
)
from sun.accessibilite.services import ajouter_contenu, enregistrer_service

SLUG_SUN = "plateforme-sun"
PAGES_SUN = ("", "communes/", "trouver/", "carte/", "demarches/", "accessibilite/",
             "mentions-legales/", "plan-du-site/")  # fmt: skip
CARTES = ("Les cartes sont des images vectorielles non navigables au clavier ; chaque carte est "
          "accompagnée d'un tableau qui donne les mêmes informations et des liens vers chaque "
          "commune.")  # fmt: skip


@transaction.atomic
def enregistrer_site_sun(url: str, nom: str = "") -> ServiceNumerique:
    """Register SUN's own public site and agent space with its known state: no audit yet, so
    « non conforme »; the maps are the one known non-accessible content. Idempotent: the
    audit fields of an existing entry are kept (an audit entered later is not erased)."""
    racine = url.rstrip("/") + "/"
    existant = ServiceNumerique.objects.filter(slug=SLUG_SUN).first()
    donnees = {
        "slug": SLUG_SUN, "nom": nom or "Plateforme SUN (site public et espace agents)",
        "url": racine, "type": TypeService.SITE, "public": Public.PUBLIC,
        "responsable": "Mission numérique du département",
        "technologies": "HTML, CSS, SVG, JavaScript (facultatif : toutes les fonctions marchent sans).",
        "environnement_test": "Chromium (tests automatisés)",
        "outils": "axe-core (tests automatisés, axe-playwright-python)",
        "pages_a_controler": "\n".join(racine + p for p in PAGES_SUN[1:]),
        "contact_courriel": settings.SUN_CONTACT_EMAIL,
    }  # fmt: skip
    sn = enregistrer_service(donnees, existant)
    if not sn.contenus.exists():
        ajouter_contenu(sn, {"categorie": Categorie.HORS_CHAMP, "description": CARTES})
    return sn


def _service(aujourd_hui: date, n: int, **champs) -> ServiceNumerique:
    slug = f"demo-{n}"
    donnees = {"slug": slug, "demonstration": True, "public": Public.PUBLIC,
               "contact_courriel": "accessibilite@exemple.invalid", **champs}  # fmt: skip
    return enregistrer_service(donnees, ServiceNumerique.objects.filter(slug=slug).first())


@transaction.atomic
def creer_registre_demo(aujourd_hui: date | None = None) -> list[ServiceNumerique]:
    """Four labelled demonstration services (one per state, one app), their contents and a
    demonstration multi-year plan with this year's actions. Idempotent."""
    jour = aujourd_hui or timezone.localdate()
    an = timedelta(days=365)
    services = [
        _service(
            jour,
            1,
            nom="Portail des aides (démonstration)",
            type=TypeService.SITE,
            url="https://aides.exemple.invalid/",
            date_audit=jour - an,
            audite_par="Cabinet d'audit (démonstration)",
            criteres_valides=50,
            criteres_applicables=50,
            declaration_etablie_le=jour - an + timedelta(days=10),
            technologies="HTML, CSS, JavaScript",
            outils="Analyse manuelle, NVDA",
            environnement_test="Firefox et NVDA\nSafari et VoiceOver",
            pages_testees="Accueil\nContact\nMentions légales",
        ),
        _service(
            jour,
            2,
            nom="Démarche de transport scolaire adapté (démonstration)",
            type=TypeService.DEMARCHE,
            url="https://transport.exemple.invalid/",
            date_audit=jour - 2 * an,
            audite_par="Référent accessibilité (démonstration)",
            criteres_valides=37,
            criteres_applicables=51,
            declaration_etablie_le=jour - 2 * an,
        ),
        _service(
            jour,
            3,
            nom="Intranet des agents (démonstration)",
            type=TypeService.INTRANET,
            public=Public.AGENTS,
            url="https://intranet.exemple.invalid/",
            methode="RGAA 4.1",
            date_audit=date(2022, 3, 1),
            criteres_valides=20,
            criteres_applicables=48,
            declaration_etablie_le=date(2022, 3, 15),
        ),
        _service(
            jour,
            4,
            nom="Application « Mon département » (démonstration)",
            type=TypeService.APPLICATION,
            url="https://apps.exemple.invalid/mon-departement",
        ),
    ]
    if not ContenuNonAccessible.objects.filter(service=services[1]).exists():
        ajouter_contenu(services[1], {"categorie": Categorie.NON_CONFORMITE, "criteres": "11.1",
                                      "description": "Champs du formulaire sans étiquette."})  # fmt: skip
        ajouter_contenu(services[1], {
            "categorie": Categorie.DEROGATION,
            "description": "Plans des circuits en image.",
            "justification": "Refonte de l'outil de tracé prévue (démonstration).",
            "alternative": "Le service envoie la description du trajet par courriel ou courrier.",
        })  # fmt: skip
    debut = date(jour.year, 1, 1)
    schema, _ = SchemaPluriannuel.objects.update_or_create(
        titre="Schéma pluriannuel d'accessibilité (démonstration)", demonstration=True,
        defaults={"debut": debut, "fin": date(jour.year + 2, 12, 31),
                  "strategie": "L'accessibilité est une exigence de chaque projet numérique.",
                  "referent": "Un référent accessibilité numérique coordonne les audits.",
                  "formation": "Formation des rédacteurs web et des chefs de projet."},
    )  # fmt: skip
    if not schema.actions.exists():
        for intitule, nature, sn, statut in [
            ("Audit complet de l'intranet", Nature.AUDIT, services[2], Statut.PREVUE),
            ("Corriger les formulaires de la démarche", Nature.CORRECTION, services[1],
             Statut.EN_COURS),
            ("Former les rédacteurs web", Nature.FORMATION, None, Statut.PREVUE),
        ]:  # fmt: skip
            ActionAccessibilite.objects.create(
                schema=schema, annee=jour.year, intitule=f"{intitule} (démonstration)",
                nature=nature, service_numerique=sn, statut=statut,
                prevue_le=date(jour.year, 12, 1),
            )  # fmt: skip
    return services
