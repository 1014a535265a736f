"""The public pages SUN measures, by URL name, and their address on a running site.

A page whose URL name is not installed (a wing not yet built) is left out; the commune page
is that of the served département's chef-lieu (else its first commune by name)."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, reverse

# (URL name, label shown on the sobriety page); the order of the table.
PAGES = (
    ("accueil", "Accueil"),
    ("trouver", "Trouver de l'aide numérique"),
    ("commune", "Page d'une commune"),
    ("carte_lieux", "Carte des lieux"),
    ("connectivite_departement", "Internet et téléphone"),
    ("reparateurs_public", "Réparer et reconditionner"),
    ("numerique_responsable", "Numérique responsable"),
    ("sobriete", "Sobriété numérique de ce site"),
)
ORDRE = {nom: rang for rang, (nom, _) in enumerate(PAGES)}
LIBELLES = dict(PAGES)


@dataclass(frozen=True)
class PageMesuree:
    nom: str  # URL name, the `page` of MesureEcoindex
    libelle: str
    chemin: str


class PageInconnue(ValueError):
    pass


def _commune_exemple() -> str | None:
    from sun.territoire.models import Commune, Departement

    departement = Departement.objects.filter(code=settings.SUN_DEPARTEMENT).first()
    if departement and departement.chef_lieu_id:
        return departement.chef_lieu.code_insee
    premiere = Commune.objects.du_departement(settings.SUN_DEPARTEMENT).order_by("nom").first()
    return premiere.code_insee if premiere else None


def _chemin(nom: str) -> str | None:
    try:
        if nom == "commune":
            code = _commune_exemple()
            return reverse(nom, kwargs={"code_insee": code}) if code else None
        return reverse(nom)
    except NoReverseMatch:
        return None


def pages_a_mesurer(noms: list[str] | None = None) -> list[PageMesuree]:
    """The installed pages among `noms` (all of PAGES when None); an unknown name raises
    PageInconnue with the list of the known ones."""
    if noms:
        inconnus = [n for n in noms if n not in LIBELLES]
        if inconnus:
            raise PageInconnue(
                f"Page inconnue : {', '.join(inconnus)}. Pages mesurables : "
                + ", ".join(LIBELLES) + "."
            )  # fmt: skip
    choisies = noms or [nom for nom, _ in PAGES]
    resultat = []
    for nom in choisies:
        chemin = _chemin(nom)
        if chemin is not None:
            resultat.append(PageMesuree(nom, LIBELLES[nom], chemin))
    return resultat
