"""Open each address in Chromium (Playwright, Debian's browser: never a downloaded one) and
run axe-core on it. No database access here: Playwright's sync API runs an event loop, beside
which Django refuses ORM calls; the caller reads before and writes after."""

from dataclasses import dataclass, field
from pathlib import Path

ARGUMENTS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
IMPACTS = ("critical", "serious", "moderate", "minor")
LIBELLES_IMPACT = {"critical": "critique", "serious": "grave", "moderate": "modéré",
                   "minor": "mineur"}  # fmt: skip
INSTALLER = (
    "pip install playwright axe-playwright-python (ou, depuis le dépôt : "
    "pip install -e '.[accessibilite]')"
)


class OutilsAbsents(RuntimeError):
    """Playwright, axe-playwright-python or Chromium is missing (the message says what to do)."""


@dataclass
class Analyse:
    url: str
    atteinte: bool
    erreur: str = ""
    statut_http: int | None = None
    regles_verifiees: int | None = None
    violations: list[dict] = field(default_factory=list)

    @property
    def noeuds(self) -> int:
        return sum(v["noeuds"] for v in self.violations)

    def par_impact(self) -> dict[str, int]:
        compte = {i: 0 for i in IMPACTS}
        for v in self.violations:
            compte[v["impact"] if v["impact"] in compte else "minor"] += v["noeuds"]
        return {i: n for i, n in compte.items() if n}


def verifier_outils(chromium: str) -> None:
    try:
        import axe_playwright_python  # noqa: F401
        import playwright  # noqa: F401
    except ImportError as exc:
        raise OutilsAbsents(
            f"Le contrôle automatisé a besoin de Playwright et d'axe-playwright-python "
            f"(absent : {exc.name}). Installez-les : {INSTALLER}."
        ) from exc
    if not Path(chromium).exists():
        raise OutilsAbsents(
            f"Chromium introuvable ({chromium}) : apt-get install -y chromium, ou indiquez son "
            "chemin dans le réglage SUN_CHROMIUM."
        )


def _motif(message: str, delai_s: float) -> str:
    """A French reason for a page Chromium could not open."""
    motifs = {
        "ERR_NAME_NOT_RESOLVED": "nom de domaine introuvable (DNS)",
        "ERR_NAME_RESOLUTION_FAILED": "nom de domaine introuvable (DNS)",
        "ERR_CONNECTION_REFUSED": "connexion refusée",
        "ERR_CONNECTION_RESET": "connexion interrompue",
        "ERR_CONNECTION_TIMED_OUT": f"délai dépassé ({delai_s:g} s)",
        "ERR_TIMED_OUT": f"délai dépassé ({delai_s:g} s)",
        "ERR_ADDRESS_UNREACHABLE": "adresse inaccessible",
        "ERR_INTERNET_DISCONNECTED": "pas de réseau",
        "ERR_CERT": "certificat TLS invalide",
        "ERR_SSL": "erreur TLS",
        "ERR_EMPTY_RESPONSE": "réponse vide du serveur",
    }
    for code, motif in motifs.items():
        if code in message:
            return motif
    if "Timeout" in message:
        return f"délai dépassé ({delai_s:g} s)"
    premiere = message.strip().splitlines()[0] if message.strip() else "erreur inconnue"
    return f"page injoignable : {premiere}"[:300]


def _violations(reponse: dict) -> list[dict]:
    lignes = []
    for v in reponse.get("violations", []):
        noeuds = v.get("nodes", [])
        lignes.append({
            "regle": v["id"], "impact": v.get("impact") or "minor", "aide": v.get("help", ""),
            "url_aide": v.get("helpUrl", ""), "noeuds": len(noeuds),
            "exemples": [" ".join(map(str, n.get("target", [])))[:200] for n in noeuds[:3]],
        })  # fmt: skip
    rang = {i: n for n, i in enumerate(IMPACTS)}
    return sorted(lignes, key=lambda v: (rang.get(v["impact"], 9), -v["noeuds"], v["regle"]))


def analyser(urls: list[str], *, chromium: str, delai_s: float) -> tuple[list[Analyse], str, str]:
    """Run `_analyser` in a thread of its own: Playwright's sync API refuses to run where an
    asyncio loop is running (a caller inside an async server, or a browser test's process)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as fil:
        return fil.submit(_analyser, urls, chromium=chromium, delai_s=delai_s).result()


def _analyser(urls: list[str], *, chromium: str, delai_s: float) -> tuple[list[Analyse], str, str]:
    """(one `Analyse` per address in order, axe-core version, browser version). An address
    that cannot be opened (DNS, refused, timeout, HTTP error) is an `Analyse` with its reason;
    the others go on."""
    verifier_outils(chromium)
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Error, sync_playwright

    axe = Axe()
    analyses: list[Analyse] = []
    version_axe = ""
    with sync_playwright() as pw:
        navigateur = pw.chromium.launch(executable_path=chromium, args=ARGUMENTS)
        version = f"Chromium {navigateur.version}"
        contexte = navigateur.new_context(locale="fr-FR")
        contexte.set_default_timeout(delai_s * 1000)
        contexte.set_default_navigation_timeout(delai_s * 1000)
        for url in urls:
            page = contexte.new_page()
            try:
                reponse = page.goto(url, wait_until="load")
                if reponse is not None and reponse.status >= 400:
                    analyses.append(Analyse(url, False, f"erreur HTTP {reponse.status}",
                                            reponse.status))  # fmt: skip
                    continue
                resultat = axe.run(page).response
                version_axe = resultat.get("testEngine", {}).get("version", version_axe)
                violations = _violations(resultat)
                analyses.append(Analyse(
                    url, True, statut_http=reponse.status if reponse else None,
                    regles_verifiees=len(resultat.get("passes", [])) + len(violations),
                    violations=violations,
                ))  # fmt: skip
            except Error as exc:
                analyses.append(Analyse(url, False, _motif(str(exc), delai_s)))
            finally:
                page.close()
        contexte.close()
        navigateur.close()
    return analyses, version_axe, version
