"""Writes of the wing « sobriete »: one Ecoindex measure of a page, graded on the way."""

from django.utils import timezone

import sun
from sun.parc.models import MesureEcoindex
from sun.parc.sobriete import ecoindex


class MesureInvalide(ValueError):
    """A measure that cannot be a page's (negative counts, no address): nothing written."""


def enregistrer_mesure(page: str, adresse: str, elements_dom: int, requetes: int,
                       poids_ko: float, version: str = "", mesure_le=None) -> MesureEcoindex:  # fmt: skip
    """Record the measure of `page` (its URL name) at `adresse`, with its Ecoindex computed
    (score, grade, GHG and water per view); `version` is SUN's (the installed one if empty)."""
    if not page or not adresse:
        raise MesureInvalide("Une mesure doit nommer sa page et son adresse.")
    if elements_dom < 0 or requetes < 0 or poids_ko < 0:
        raise MesureInvalide("Le nombre d'éléments, de requêtes et le poids ne peuvent pas être "
                             "négatifs.")  # fmt: skip
    if requetes == 0:
        raise MesureInvalide(f"La page « {page} » n'a fait aucune requête : elle n'a pas été "
                             "chargée, rien n'est enregistré.")  # fmt: skip
    resultat = ecoindex.calculer(elements_dom, requetes, poids_ko)
    return MesureEcoindex.objects.create(
        page=page[:120], adresse=adresse[:250], elements_dom=elements_dom, requetes=requetes,
        poids_ko=round(poids_ko, 2), score=resultat.score, note=resultat.note,
        ges_g=resultat.ges_g, eau_cl=resultat.eau_cl,
        version_sun=(version or sun.__version__)[:40], mesure_le=mesure_le or timezone.now(),
    )  # fmt: skip


def mesurer_et_enregistrer(base: str, noms: list[str] | None = None,
                           chromium: str | None = None) -> list[MesureEcoindex]:  # fmt: skip
    """Measure the public pages `noms` (all the installed ones when None) of the running site
    at `base` in Chromium and record each measure. Raises MesureImpossible or PageInconnue."""
    from sun.parc.sobriete.mesure import CHROMIUM, mesurer_site
    from sun.parc.sobriete.pages import pages_a_mesurer

    pages = pages_a_mesurer(noms)
    mesures = mesurer_site(base, pages, chromium or CHROMIUM)
    return [
        enregistrer_mesure(p.nom, p.chemin, m.elements_dom, m.requetes, m.poids_ko)
        for p, m in mesures
    ]
