"""What every page tour of the browser tests checks: the page opens, has its title, fits a
360-pixel phone and axe-core finds no violation. Each problem is returned as a line, so that a
tour reports every page at once."""

from playwright.sync_api import expect


def defauts(page, axe, nom: str, largeur_max: int = 360) -> list[str]:
    """The problems of the page now shown in `page` (named `nom` in the messages)."""
    problemes = []
    largeur = page.evaluate("document.documentElement.scrollWidth")
    if largeur > largeur_max:
        problemes.append(f"{nom} déborde : {largeur}px")
    resultat = axe.run(page)
    if resultat.response["violations"]:
        problemes.append(f"{nom} : " + resultat.generate_report())
    return problemes


def parcourir(page, axe, site: str, chemins, largeur_max: int = 360) -> list[str]:
    """Open each of `chemins` (it must answer 2xx and show its h1) and gather its problems."""
    problemes = []
    for chemin in chemins:
        reponse = page.goto(site + chemin)
        assert reponse.ok, f"{chemin} : {reponse.status}"
        expect(page.locator("h1")).to_be_visible()
        problemes += defauts(page, axe, chemin, largeur_max)
    return problemes
