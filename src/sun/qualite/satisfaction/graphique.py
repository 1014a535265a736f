"""The monthly trend of satisfaction /10, drawn on the server as SVG (shown with the table of
the same figures). Drawn for a phone first: 400 units wide, one bar per month (the last 12),
the observatoire's thresholds 5 and 8 as dashed lines named in text; a month with fewer than
5 answers has no bar and reads « < 5 »."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from sun.qualite.satisfaction.resultats import MOIS

LARGEUR, HAUTEUR, BAS, HAUT, GAUCHE = 400, 230, 190, 20, 34
COULEURS = {"bien": "#17692b", "moyen": "#8a5a00", "faible": "#a4161a"}


def _y(valeur: float) -> float:
    return BAS - (BAS - HAUT) * valeur / 10


def tendance(mois: list[tuple[str, object]], appreciation) -> SafeString:
    """`mois`: (« mars 2024 », Cumul) in order; `appreciation(score)` gives the level."""
    mois = mois[-12:]
    if not any(c.satisfaction is not None for _, c in mois):
        return mark_safe("")
    pas = (LARGEUR - GAUCHE) / len(mois)
    traits = [
        f'<line x1="{GAUCHE}" y1="{_y(s):.1f}" x2="{LARGEUR}" y2="{_y(s):.1f}" stroke="#4a4a4a" '
        f'stroke-dasharray="4 3"/><text x="0" y="{_y(s) + 5:.1f}">{s}</text>'
        for s in (5, 8)
    ]
    traits.append(f'<line x1="{GAUCHE}" y1="{BAS}" x2="{LARGEUR}" y2="{BAS}" stroke="#1e1e1e"/>'
                  f'<text x="0" y="{BAS + 5}">0</text><text x="0" y="{HAUT + 5}">10</text>')  # fmt: skip
    for n, (libelle, c) in enumerate(mois):
        x = GAUCHE + n * pas
        court = escape(_court(libelle))
        traits.append(f'<text x="{x + pas / 2:.1f}" y="{BAS + 18}" text-anchor="middle" '
                      f'font-size="11">{court}</text>')  # fmt: skip
        if c.satisfaction is None:
            traits.append(f'<text x="{x + pas / 2:.1f}" y="{BAS - 6}" text-anchor="middle" '
                          f'font-size="11">&lt; 5</text>')  # fmt: skip
            continue
        niveau = appreciation(c.satisfaction).niveau
        haut = _y(c.satisfaction)
        valeur = f"{c.satisfaction:.1f}".replace(".", ",")
        traits.append(
            f'<rect x="{x + pas * 0.15:.1f}" y="{haut:.1f}" width="{pas * 0.7:.1f}" '
            f'height="{BAS - haut:.1f}" fill="{COULEURS[niveau]}"/>'
            f'<text x="{x + pas / 2:.1f}" y="{haut - 4:.1f}" text-anchor="middle" font-size="11">'
            f"{valeur}</text>"
        )
    contenu = "".join(traits)
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {LARGEUR} {HAUTEUR}" '
        f'width="{LARGEUR}" height="{HAUTEUR}" class="graphique" aria-hidden="true" '
        f'focusable="false" font-family="sans-serif" font-size="14">{contenu}</svg>'
    )


def _court(libelle: str) -> str:
    """« mars 2024 » → « mars 24 »; long months cut to 4 letters."""
    nom, _, annee = libelle.partition(" ")
    nom = nom if nom not in MOIS or len(nom) <= 4 else nom[:4] + "."
    return f"{nom} {annee[-2:]}"
