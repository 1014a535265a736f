"""The network address of the client of a request, as rate limits and login throttling see it.

Behind reverse proxies, `REMOTE_ADDR` is the last proxy and `X-Forwarded-For` lists the hops,
each proxy appending the address it received the connection from. Only the entries written by
proxies we trust can be believed: with N trusted proxies (SUN_PROXYS_DE_CONFIANCE), the client
is the N-th entry from the right; anything to its left was written by the client itself and is
ignored, so rotating the header gains nothing. With no trusted proxy the header is ignored.

IPv6 clients are counted by their /64 network: one subscriber usually holds a whole /64 and
could otherwise take a new address for every request.
"""

import ipaddress
import logging

from django.conf import settings

journal = logging.getLogger(__name__)


def _valide(texte: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    texte = texte.strip().strip("[]")
    if texte.count(":") == 1 and "." in texte:  # « 1.2.3.4:5678 » as some proxies write
        texte = texte.split(":", 1)[0]
    try:
        return ipaddress.ip_address(texte)
    except ValueError:
        return None


def adresse_ip(request) -> str:
    """The client's address, taken from the right hop only (see the module's docstring)."""
    distante = request.META.get("REMOTE_ADDR", "")
    proxys = settings.SUN_PROXYS_DE_CONFIANCE
    if proxys <= 0:
        return distante
    sauts = [s for s in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if s.strip()]
    if len(sauts) < proxys:
        # Fewer hops than trusted proxies: a request that did not come through all of them
        # (or a misconfiguration). Its own address is the only one known to be true.
        return distante
    adresse = _valide(sauts[-proxys])
    if adresse is None:
        journal.warning("X-Forwarded-For illisible : %r", sauts[-proxys][:60])
        return distante
    return str(adresse)


def adresse_client(request) -> str:
    """The key of the client for counters: its address, or for IPv6 the first address of its
    /64 network (still a valid address, so it can be stored as one); "" when the request
    carries none (a request built in code: stored as no address)."""
    adresse = _valide(adresse_ip(request))
    if adresse is None:
        return ""
    if adresse.version == 4:
        return str(adresse)
    if adresse.ipv4_mapped is not None:  # ::ffff:1.2.3.4 is the IPv4 client 1.2.3.4
        return str(adresse.ipv4_mapped)
    return str(ipaddress.ip_network(f"{adresse}/64", strict=False).network_address)
