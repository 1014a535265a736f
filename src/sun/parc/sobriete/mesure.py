"""Measuring a page's three Ecoindex inputs in a real browser (Playwright driving Debian's
Chromium): DOM elements once the page has loaded, HTTP requests, transferred kilobytes.

The weight is summed from the network layer's own figures (`Request.sizes()`: the encoded
body and the headers of every response, as the bytes crossed the wire, after compression),
not from `Content-Length` (absent for chunked or compressed answers, and the uncompressed size
when present) nor from the Performance API's `transferSize` (0 for a cross-origin resource
without Timing-Allow-Origin, and the resource buffer leaves some requests out). The browser's
cache is disabled for the measure (DevTools protocol `Network.setCacheDisabled`), and each
measure runs in a fresh context: every page is weighed as a first visit.

Playwright is imported only when a measure runs: it is installed with the test tools, not by
the default install."""

from dataclasses import dataclass

CHROMIUM = "/usr/bin/chromium"
ARGUMENTS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
DELAI_MS = 60_000


class MesureImpossible(RuntimeError):
    """Playwright or Chromium missing, or a page that does not answer: told in French."""


@dataclass(frozen=True)
class Mesure:
    adresse: str
    elements_dom: int
    requetes: int
    poids_ko: float


def _octets(requete) -> int:
    try:
        tailles = requete.sizes()
    except Exception:  # a request the browser dropped has no sizes
        return 0
    return max(tailles.get("responseBodySize", 0), 0) + max(
        tailles.get("responseHeadersSize", 0), 0
    )


def mesurer(page, adresse: str) -> Mesure:
    """Load `adresse` in the Playwright `page` (cache disabled) and measure it: DOM elements
    after the load event and once the network is idle, every request made, bytes received."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    faites, finies = [], []

    def faite(requete):
        faites.append(requete)

    def finie(requete):
        finies.append(requete)

    page.on("request", faite)
    page.on("requestfinished", finie)
    try:
        reponse = page.goto(adresse, wait_until="load", timeout=DELAI_MS)
        if reponse is None or not reponse.ok:
            statut = reponse.status if reponse is not None else "aucune réponse"
            raise MesureImpossible(f"La page {adresse} ne répond pas normalement ({statut}).")
        page.wait_for_load_state("networkidle", timeout=DELAI_MS)
        elements = page.evaluate("document.getElementsByTagName('*').length")
    finally:
        page.remove_listener("request", faite)
        page.remove_listener("requestfinished", finie)
        cdp.detach()
    octets = sum(_octets(r) for r in finies)
    return Mesure(adresse, int(elements), len(faites), round(octets / 1024, 2))


def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise MesureImpossible(
            "Playwright n'est pas installé : la mesure Ecoindex en a besoin (pip install "
            "playwright, dans l'environnement des tests ; le navigateur est le Chromium de "
            "Debian, apt-get install chromium)."
        ) from exc
    return sync_playwright


def mesurer_site(base: str, pages, chromium: str = CHROMIUM) -> list[tuple[object, Mesure]]:
    """Measure each `pages.PageMesuree` of the site at `base` (http://127.0.0.1:8000), one
    fresh browser context each; returns [(page, Mesure)]."""
    from pathlib import Path

    sync_playwright = _playwright()
    if not Path(chromium).exists():
        raise MesureImpossible(f"Chromium absent ({chromium}) : apt-get install chromium.")
    resultats = []
    with sync_playwright() as playwright:
        navigateur = playwright.chromium.launch(executable_path=chromium, args=ARGUMENTS)
        try:
            for page_mesuree in pages:
                contexte = navigateur.new_context(locale="fr-FR")
                try:
                    onglet = contexte.new_page()
                    adresse = base.rstrip("/") + page_mesuree.chemin
                    resultats.append((page_mesuree, mesurer(onglet, adresse)))
                except MesureImpossible:
                    raise
                except Exception as exc:  # Playwright's errors, told in French
                    raise MesureImpossible(f"Mesure impossible de {page_mesuree.chemin} : "
                                           f"{exc}".splitlines()[0]) from exc  # fmt: skip
                finally:
                    contexte.close()
        finally:
            navigateur.close()
    return resultats
