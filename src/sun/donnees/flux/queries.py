"""Reads of the feeds: the published datasets with their resources and each resource's current
file (its latest published version), in a fixed number of queries, and a fingerprint of what
the feeds show (the key of the cached serialisations)."""

import hashlib
from dataclasses import dataclass

from django.db.models import Count, Max, Prefetch, QuerySet

from sun.donnees.models import JeuDeDonnees, Ressource, StatutJeu, VersionRessource


@dataclass(frozen=True)
class RessourcePubliee:
    ressource: Ressource
    version: VersionRessource  # the file the stable address serves


def jeux_publies() -> QuerySet[JeuDeDonnees]:
    """Published datasets, with their resources and those resources' published versions
    (newest first) prefetched."""
    versions = VersionRessource.objects.filter(publiee=True).order_by("ressource", "-numero")
    ressources = Ressource.objects.order_by("ordre", "titre").prefetch_related(
        Prefetch("versions", queryset=versions, to_attr="versions_publiees")
    )
    return (
        JeuDeDonnees.objects.filter(statut=StatutJeu.PUBLIE)
        .order_by("titre", "pk")
        .prefetch_related(Prefetch("ressources", queryset=ressources))
    )


def ressources_publiees(jeu: JeuDeDonnees) -> list[RessourcePubliee]:
    """The resources of `jeu` that have a published file, with that file. Works on a dataset
    read by `jeux_publies` (no query) or on any other (one query per resource)."""
    resultat = []
    for ressource in jeu.ressources.all():
        if hasattr(ressource, "versions_publiees"):
            version = ressource.versions_publiees[0] if ressource.versions_publiees else None
        else:
            version = ressource.versions.filter(publiee=True).order_by("-numero").first()
        if version is not None:
            resultat.append(RessourcePubliee(ressource, version))
    return resultat


def jeux_a_envoyer() -> QuerySet[JeuDeDonnees]:
    """Published datasets not up to date on data.gouv.fr."""
    return jeux_publies().filter(datagouv_a_jour=False)


def jeu_par_slug(slug: str) -> JeuDeDonnees | None:
    return JeuDeDonnees.objects.filter(slug=slug).first()


def empreinte_catalogue() -> str:
    """Changes whenever what the feeds show may have changed: a dataset published, withdrawn
    or edited, a resource added or removed, a file published (three aggregate queries)."""
    jeux = JeuDeDonnees.objects.filter(statut=StatutJeu.PUBLIE).aggregate(
        n=Count("pk"), m=Max("metadonnees_modifiees_le"), d=Max("modifie_le"), p=Max("pk")
    )
    ressources = Ressource.objects.filter(jeu__statut=StatutJeu.PUBLIE).aggregate(
        n=Count("pk"), p=Max("pk")
    )
    versions = VersionRessource.objects.filter(publiee=True).aggregate(
        n=Count("pk"), p=Max("pk"), m=Max("publiee_le")
    )
    texte = repr((sorted(jeux.items()), sorted(ressources.items()), sorted(versions.items())))
    return hashlib.sha256(texte.encode()).hexdigest()[:24]
