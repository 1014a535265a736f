"""gunicorn's access log without what residents typed or where they are.

The public search pages carry a commune, a postcode, an address or a position in their query
string (`/trouver/?lat=…&lon=…`, `/api/lieux?lat=…`, `/communes/?q=…`). This logger class
(`logger_class` in sun/gunicorn_conf.py) writes their line with the query replaced by `?…`
(request line `%(r)s`, `%(q)s`, the `{query_string}e` and `{raw_uri}e` variables), and drops the
query string of every referer (`%(f)s`, `{referer}i`): a link followed from a search page
would otherwise repeat it. The link of a password reset (`/mot-de-passe-oublie/<compte>/<jeton>/`)
is written without its account and token. What stays: client address, date, method, path,
status, size, duration, user agent.
"""

from gunicorn.glogging import Logger

MASQUE = "…"
# Pages whose query string holds a typed place or a position, and API prefixes likewise.
CHEMINS_MASQUES = frozenset({"/trouver/", "/communes/", "/espace/lieux/"})
PREFIXES_MASQUES = ("/api/communes", "/api/lieux")
# A password reset link: the account and its token are a secret, even once used.
REINITIALISATION = "/mot-de-passe-oublie/"
ETAPES_PUBLIQUES = ("", "envoye/", "termine/")


def jeton_a_masquer(chemin: str) -> bool:
    return chemin.startswith(REINITIALISATION) and (
        chemin.removeprefix(REINITIALISATION) not in ETAPES_PUBLIQUES
    )


def recherche_a_masquer(chemin: str) -> bool:
    return chemin in CHEMINS_MASQUES or chemin.startswith(PREFIXES_MASQUES)


def sans_recherche(adresse: str) -> str:
    """« /trouver/?lat=43.05&lon=2.21 » → « /trouver/?… » (also for a full URL)."""
    base, separateur, _ = adresse.partition("?")
    return f"{base}?{MASQUE}" if separateur else adresse


class JournalAcces(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        if recherche_a_masquer(environ.get("PATH_INFO") or "") and environ.get("QUERY_STRING"):
            uri = sans_recherche(environ.get("RAW_URI") or "")
            atoms["r"] = f"{environ.get('REQUEST_METHOD')} {uri} {environ.get('SERVER_PROTOCOL')}"
            atoms["q"] = MASQUE
            atoms["{query_string}e"] = MASQUE
            atoms["{raw_uri}e"] = uri
        if jeton_a_masquer(environ.get("PATH_INFO") or ""):
            uri = f"{REINITIALISATION}{MASQUE}/"
            atoms["r"] = f"{environ.get('REQUEST_METHOD')} {uri} {environ.get('SERVER_PROTOCOL')}"
            atoms["U"] = uri
            atoms["{raw_uri}e"] = uri
        for cle in ("f", "{referer}i", "{http_referer}e"):
            if isinstance(atoms.get(cle), str):
                atoms[cle] = sans_recherche(atoms[cle])
        return atoms
