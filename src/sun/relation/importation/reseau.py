"""One JSON exchange with a remote tool, and its failures told in French.

Every failure is a `SourceInjoignable`, an `ImportImpossible` of the pipeline: raised while
the rows are read, it rolls the whole import back (nothing written) and is recorded in the
journal of imports.
"""

import json
import urllib.error
import urllib.request

from django.conf import settings

from sun.core.imports import ImportImpossible

REPONSE_MAX = 50 * 1024 * 1024  # one page of 100 records is far smaller


class SourceInjoignable(ImportImpossible):
    """The remote tool refused, failed or answered something unreadable."""


def delai() -> float:
    return float(getattr(settings, "SUN_RELATION_IMPORT_DELAI", 30))


def echanger(requete: urllib.request.Request, outil: str, refus: str) -> dict | list:
    """Send `requete`, return its JSON; `refus` says what to check after a 401/403."""
    try:
        with urllib.request.urlopen(requete, timeout=delai()) as reponse:
            contenu = reponse.read(REPONSE_MAX + 1)
    except urllib.error.HTTPError as exc:
        if exc.code in (401, 403):
            raise SourceInjoignable(f"{outil} refuse l'accès (HTTP {exc.code}) : {refus}") from exc
        raise SourceInjoignable(
            f"{outil} a répondu une erreur HTTP {exc.code} ({exc.reason}) à {requete.full_url}."
        ) from exc
    except TimeoutError as exc:
        raise SourceInjoignable(
            f"{outil} ne répond pas (délai de {delai():.0f} s dépassé) : réessayez plus tard."
        ) from exc
    except (urllib.error.URLError, OSError) as exc:
        raison = getattr(exc, "reason", exc)
        if isinstance(raison, TimeoutError):
            raise SourceInjoignable(
                f"{outil} ne répond pas (délai de {delai():.0f} s dépassé) : réessayez plus tard."
            ) from exc
        raise SourceInjoignable(f"{outil} est injoignable ({raison}).") from exc
    if len(contenu) > REPONSE_MAX:
        raise SourceInjoignable(f"Réponse de {outil} trop volumineuse pour une page.")
    try:
        return json.loads(contenu)
    except ValueError as exc:
        raise SourceInjoignable(
            f"Réponse de {outil} illisible : ce n'est pas du JSON ({exc})."
        ) from exc
