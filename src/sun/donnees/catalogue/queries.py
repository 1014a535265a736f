"""Reads of the catalogue: the published datasets (search, theme and keyword filters, facet
counts), one dataset with its resources and the latest published version of each, in a
fixed number of queries whatever the size of the catalogue.

Search and filters run in Python over the published datasets: a département's catalogue holds
hundreds of datasets, not millions, and the keywords and themes are JSON lists that SQLite
cannot search. The text is compared without case or accents (`sun.core.text.plier`)."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from sun.core.text import plier
from sun.donnees.models import (
    JeuDeDonnees,
    Ressource,
    StatutJeu,
    StatutValidation,
    VersionRessource,
)
from sun.donnees.referentiel import Theme

PUBLICS = (StatutJeu.PUBLIE, StatutJeu.RETIRE)  # a withdrawn dataset's page says so


def _derniere_publiee() -> Subquery:
    return Subquery(VersionRessource.objects.filter(ressource=OuterRef("pk"), publiee=True)
                    .order_by("-numero").values("pk")[:1])  # fmt: skip


def _derniere() -> Subquery:
    return Subquery(VersionRessource.objects.filter(ressource=OuterRef("pk"))
                    .order_by("-numero").values("pk")[:1])  # fmt: skip


def avec_versions(jeux: QuerySet) -> list[JeuDeDonnees]:
    """The datasets with `ressources_liste` (each resource with `publiee`, its latest published
    version, and `derniere`, its latest version of all) in three queries."""
    ressources = Ressource.objects.annotate(_publiee=_derniere_publiee(), _derniere=_derniere())
    liste = list(jeux.prefetch_related(Prefetch("ressources", queryset=ressources,
                                                to_attr="ressources_liste")))  # fmt: skip
    toutes = [r for j in liste for r in j.ressources_liste]
    ids = {i for r in toutes for i in (r._publiee, r._derniere) if i}
    versions = VersionRessource.objects.in_bulk(ids) if ids else {}
    for r in toutes:
        r.publiee = versions.get(r._publiee)
        r.derniere = versions.get(r._derniere)
    return liste


def _texte(jeu: JeuDeDonnees) -> str:
    return plier(" ".join([jeu.titre, jeu.description, *jeu.mots_cles]))


@dataclass
class Recherche:
    jeux: list[JeuDeDonnees]
    themes: list[tuple[str, str, int]]  # (value, label, count) over the matching datasets
    mots_cles: list[tuple[str, int]]
    total: int  # published datasets, before filters


def rechercher(q: str = "", theme: str = "", mot_cle: str = "") -> Recherche:
    """Published datasets matching every word of `q` (title, description, keywords), of
    theme `theme` and carrying keyword `mot_cle`, with their facets."""
    publies = avec_versions(JeuDeDonnees.objects.filter(statut=StatutJeu.PUBLIE)
                            .order_by("titre"))  # fmt: skip
    mots = plier(q).split()
    cherches = [j for j in publies if all(m in _texte(j) for m in mots)]
    # Facets: counted over the datasets matching the text search and the other filter.
    par_theme = [j for j in cherches if not mot_cle or _a_mot_cle(j, mot_cle)]
    par_mot = [j for j in cherches if not theme or theme in j.themes]
    comptes_themes = Counter(t for j in par_theme for t in j.themes)
    comptes_mots = Counter(m.casefold() for j in par_mot for m in j.mots_cles)
    libelles_mots = {m.casefold(): m for j in par_mot for m in j.mots_cles}
    jeux = [j for j in cherches if (not theme or theme in j.themes)
            and (not mot_cle or _a_mot_cle(j, mot_cle))]  # fmt: skip
    return Recherche(
        jeux=jeux,
        themes=[(t.value, t.label, comptes_themes[t.value]) for t in Theme
                if comptes_themes[t.value] or t.value == theme],
        mots_cles=sorted(((libelles_mots.get(m, m), n) for m, n in comptes_mots.items()),
                         key=lambda x: (-x[1], plier(x[0]))),
        total=len(publies),
    )  # fmt: skip


def _a_mot_cle(jeu: JeuDeDonnees, mot_cle: str) -> bool:
    return plier(mot_cle) in {plier(m) for m in jeu.mots_cles}


def jeu_public(slug: str) -> JeuDeDonnees | None:
    """A published or withdrawn dataset with its resources and versions; None for a draft."""
    jeux = avec_versions(JeuDeDonnees.objects.filter(slug=slug, statut__in=PUBLICS))
    return jeux[0] if jeux else None


def versions_publiees(ressource: Ressource) -> QuerySet:
    return ressource.versions.filter(publiee=True).order_by("-numero")


def ressource_publique(uuid) -> Ressource | None:
    return (Ressource.objects.select_related("jeu")
            .filter(uuid=uuid, jeu__statut__in=PUBLICS).first())  # fmt: skip


def version_publique(uuid, numero: int) -> VersionRessource | None:
    return (VersionRessource.objects.select_related("ressource__jeu")
            .filter(ressource__uuid=uuid, numero=numero, publiee=True,
                    ressource__jeu__statut__in=PUBLICS).first())  # fmt: skip


# --- agent space ------------------------------------------------------------------------------
def jeux_espace(statut: str = "", origine: str = "") -> list[JeuDeDonnees]:
    jeux = JeuDeDonnees.objects.order_by("titre")
    if statut:
        jeux = jeux.filter(statut=statut)
    if origine:
        jeux = jeux.filter(origine=origine)
    return avec_versions(jeux)


def jeu_espace(pk: int) -> JeuDeDonnees | None:
    jeux = avec_versions(JeuDeDonnees.objects.filter(pk=pk))
    return jeux[0] if jeux else None


def validation_resumee(jeu: JeuDeDonnees) -> str:
    """The worst status among the latest versions of a dataset's resources (a value of
    StatutValidation, or "" without any version)."""
    statuts = {r.derniere.statut_validation for r in jeu.ressources_liste if r.derniere}
    for statut in (StatutValidation.ILLISIBLE, StatutValidation.INVALIDE,
                   StatutValidation.VALIDE, StatutValidation.SANS_SCHEMA):  # fmt: skip
        if statut in statuts:
            return statut
    return ""
