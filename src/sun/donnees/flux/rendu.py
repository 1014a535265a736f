"""The three feeds as text, and the same kept once per version of the catalogue
(`sun.core.calculs_versionnes`): the key changes with what the feeds show
(`queries.empreinte_catalogue`), the site's address and the installed code."""

import hashlib

from sun.core.calculs_versionnes import calcul_versionne
from sun.core.versions import version_du_code
from sun.donnees.flux import datajson, dcat
from sun.donnees.flux.adresses import Adresses
from sun.donnees.flux.queries import empreinte_catalogue

TURTLE, JSONLD, DATA_JSON = "turtle", "jsonld", "data.json"
FORMATS = (TURTLE, JSONLD, DATA_JSON)
TYPES = {
    TURTLE: "text/turtle; charset=utf-8",
    JSONLD: "application/ld+json; charset=utf-8",
    DATA_JSON: "application/json; charset=utf-8",
}
# A change the fingerprint cannot see (a resource's title edited) shows after this long.
DUREE_S = 600


def serialiser(format: str, adresses: Adresses) -> str:
    """The catalogue in `format` (one of FORMATS), read now."""
    if format == DATA_JSON:
        return datajson.en_texte(datajson.catalogue(adresses))
    graphe = dcat.graphe(adresses)
    return dcat.en_turtle(graphe) if format == TURTLE else dcat.en_jsonld(graphe)


def flux_versionne(format: str, base: str) -> tuple[str, str]:
    """(text, ETag) of the catalogue in `format` for the site at `base`, computed once per
    version of the catalogue. The ETag travels with the text: while another process computes
    a new version, the previous text is served with its own tag."""
    hote = hashlib.sha256(base.encode()).hexdigest()[:12]
    cle = hashlib.sha256(
        f"{empreinte_catalogue()}|{base}|{version_du_code()}".encode()
    ).hexdigest()[:32]
    return calcul_versionne(
        f"donnees-flux-{format}-{hote}", cle,
        lambda: (serialiser(format, Adresses(base)), cle), duree=DUREE_S,
    )  # fmt: skip
