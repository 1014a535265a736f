"""Reads of the feeds: the published datasets with their resources and each resource's current
file (its latest published version), in a fixed number of queries, and a fingerprint of what
the feeds show (the key of the cached serialisations)."""

import hashlib
from dataclasses import dataclass

from django.db.models import Count, Max

from sun.donnees.catalogue.queries import avec_versions
from sun.donnees.models import JeuDeDonnees, Ressource, StatutJeu, VersionRessource


@dataclass(frozen=True)
class RessourcePubliee:
    ressource: Ressource
    version: VersionRessource  # the file the stable address serves


def jeux_publies() -> list[JeuDeDonnees]:
    """Published datasets, each resource with its current file (`publiee`), in the catalogue's
    own few queries (sun.donnees.catalogue.queries.avec_versions)."""
    return avec_versions(JeuDeDonnees.objects.filter(statut=StatutJeu.PUBLIE)
                         .order_by("titre", "pk"))  # fmt: skip


def ressources_publiees(jeu: JeuDeDonnees) -> list[RessourcePubliee]:
    """The resources of `jeu` that have a published file, with that file (read again when
    `jeu` does not come from `jeux_publies`)."""
    liste = getattr(jeu, "ressources_liste", None)
    if liste is None:
        liste = avec_versions(JeuDeDonnees.objects.filter(pk=jeu.pk))[0].ressources_liste
    return [RessourcePubliee(r, r.publiee) for r in liste if r.publiee is not None]


def jeux_a_envoyer() -> list[JeuDeDonnees]:
    """Published datasets not up to date on data.gouv.fr."""
    return avec_versions(JeuDeDonnees.objects.filter(statut=StatutJeu.PUBLIE,
                                                     datagouv_a_jour=False).order_by("pk"))  # fmt: skip


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
