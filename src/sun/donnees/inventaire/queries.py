"""Reads of the internal inventory: the filtered list and its counts, the entries of the GDPR
register, the rows of the yearly répertoire, the name of the organisation."""

from datetime import date

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from sun.donnees.models import EntreeInventaire, JeuDeDonnees, Nature, Ouverture, StatutJeu


def nom_organisation() -> str:
    """SUN_NOM_ORGANISATION, else « Département de … » from the configured territory."""
    if getattr(settings, "SUN_NOM_ORGANISATION", ""):
        return settings.SUN_NOM_ORGANISATION
    from sun.territoire.queries import departement_configure

    departement = departement_configure()
    return f"Département {departement.nom_avec_de}" if departement else "SUN"


def entrees() -> QuerySet[EntreeInventaire]:
    return EntreeInventaire.objects.select_related("jeu", "regle")


def filtrer(qs: QuerySet, service: str = "", nature: str = "", personnelles: str = "",
            ouverture: str = "", texte: str = "") -> QuerySet:  # fmt: skip
    if service:
        qs = qs.filter(service=service)
    if nature:
        qs = qs.filter(nature=nature)
    if personnelles in ("oui", "non"):
        qs = qs.filter(donnees_personnelles=personnelles == "oui")
    if ouverture:
        qs = qs.filter(ouverture=ouverture)
    if texte:
        qs = qs.filter(Q(nom__icontains=texte) | Q(description__icontains=texte)
                       | Q(finalite__icontains=texte))  # fmt: skip
    return qs


def services() -> list[str]:
    return list(EntreeInventaire.objects.order_by("service").values_list("service", flat=True)
                .distinct())  # fmt: skip


def comptes(qs: QuerySet) -> dict:
    """Counts of a (filtered) list: total, per nature, with personal data, per openness."""
    c = qs.aggregate(
        total=Count("pk"), personnelles=Count("pk", filter=Q(donnees_personnelles=True)),
        **{f"nature_{n}": Count("pk", filter=Q(nature=n)) for n in Nature.values},
        **{f"ouverture_{o}": Count("pk", filter=Q(ouverture=o)) for o in Ouverture.values},
    )  # fmt: skip
    return {
        "total": c["total"], "personnelles": c["personnelles"],
        "natures": [(lib, c[f"nature_{v}"]) for v, lib in Nature.choices],
        "ouvertures": [(lib, c[f"ouverture_{v}"]) for v, lib in Ouverture.choices],
    }  # fmt: skip


def registre_rgpd() -> QuerySet[EntreeInventaire]:
    """The entries of the record of processing activities: those holding personal data."""
    return entrees().filter(donnees_personnelles=True).order_by("origine", "nom")


def jeux_publies() -> QuerySet[JeuDeDonnees]:
    return JeuDeDonnees.objects.filter(statut=StatutJeu.PUBLIE).prefetch_related("ressources")


def jeux_inventories() -> QuerySet[EntreeInventaire]:
    return EntreeInventaire.objects.filter(nature=Nature.JEU)


def entrees_repertoire(annee: int) -> QuerySet[EntreeInventaire]:
    """Entries of the répertoire of year `annee`: datasets and applications (processing
    activities are the GDPR register's) inventoried by the end of that year."""
    return (entrees().exclude(nature=Nature.TRAITEMENT)
            .filter(cree_le__date__lte=date(annee, 12, 31)).order_by("service", "nom"))  # fmt: skip


def jeux_repertoire(annee: int) -> QuerySet[JeuDeDonnees]:
    """Published datasets of year `annee` that no inventory entry describes already."""
    return (jeux_publies().filter(publie_le__date__lte=date(annee, 12, 31))
            .filter(entrees_inventaire__isnull=True).order_by("titre"))  # fmt: skip
