"""The absolute addresses the feeds give: the catalogue's pages (URL names of the catalogue
wing) under a base (`https://sun.exemple.fr`), taken from the request in views and from the
setting SUN_ADRESSE_SITE for the command line and the daily job."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, reverse


def base_configuree() -> str:
    """The site's public address (SUN_ADRESSE_SITE), without a final slash; "" if not set."""
    return (getattr(settings, "SUN_ADRESSE_SITE", "") or "").strip().rstrip("/")


def _chemin(nom: str, args: list, repli: str) -> str:
    # The catalogue wing names these pages; until its addresses are wired, the paths it
    # documents (NOTES-donnees §2) are built by hand here, and only here.
    try:
        return reverse(nom, args=args)
    except NoReverseMatch:
        return repli


@dataclass(frozen=True)
class Adresses:
    base: str  # scheme and host, no final slash

    def absolue(self, chemin: str) -> str:
        return f"{self.base}{chemin}"

    def accueil(self) -> str:
        return self.absolue(_chemin("donnees_catalogue", [], "/donnees/"))

    def jeu(self, slug: str) -> str:
        return self.absolue(_chemin("donnees_jeu", [slug], f"/donnees/{slug}/"))

    def ressource(self, uuid) -> str:
        return self.absolue(_chemin("donnees_ressource", [uuid], f"/donnees/r/{uuid}"))

    def version(self, uuid, numero: int) -> str:
        return self.absolue(
            _chemin("donnees_version", [uuid, numero], f"/donnees/r/{uuid}/{numero}")
        )

    def flux(self, nom: str, repli: str) -> str:
        return self.absolue(_chemin(nom, [], repli))
