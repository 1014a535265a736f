"""The FttH curve of a commune as a small SVG (drawn on the server, for the screen and the
PDF), always printed above the table that carries its data."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

LARGEUR, HAUTEUR = 400, 160
GAUCHE, DROITE, HAUT, BAS = 44, 12, 10, 26


def courbe_ftth(points: list[tuple], en_parts: bool) -> SafeString:
    """`points`: [(quarter end, value)], values in % (0–100) when `en_parts`, else premises."""
    if len(points) < 2:
        return mark_safe("")
    valeurs = [v for _, v in points]
    maximum = 100.0 if en_parts else max(max(valeurs), 1)
    debut, fin = points[0][0].toordinal(), points[-1][0].toordinal()
    largeur, hauteur = LARGEUR - GAUCHE - DROITE, HAUTEUR - HAUT - BAS

    def x(jour) -> float:
        return GAUCHE + largeur * (jour.toordinal() - debut) / max(fin - debut, 1)

    def y(valeur) -> float:
        return HAUT + hauteur * (1 - min(valeur, maximum) / maximum)

    grille = []
    for part in (0, 0.5, 1):
        valeur = maximum * part
        texte = f"{valeur:.0f} %" if en_parts else f"{valeur:,.0f}".replace(",", "\u202f")
        grille.append(f'<line x1="{GAUCHE}" x2="{LARGEUR - DROITE}" y1="{y(valeur):.1f}" '
                      f'y2="{y(valeur):.1f}" stroke="#c8ccd0" stroke-width="1"/>'
                      f'<text x="{GAUCHE - 4}" y="{y(valeur) + 4:.1f}" text-anchor="end">'
                      f"{escape(texte)}</text>")  # fmt: skip
    trace = " ".join(f"{x(t):.1f},{y(v):.1f}" for t, v in points)
    etiquettes = (
        f'<text x="{GAUCHE}" y="{HAUTEUR - 6}">{points[0][0].year}</text>'
        f'<text x="{LARGEUR - DROITE}" y="{HAUTEUR - 6}" text-anchor="end">{points[-1][0].year}</text>'
    )
    contenu = (
        "".join(grille)
        + f'<polyline points="{trace}" fill="none" stroke="#1f4e8c" stroke-width="3"/>'
        + etiquettes
    )
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {LARGEUR} {HAUTEUR}" '
        f'width="{LARGEUR}" height="{HAUTEUR}" class="graphique" aria-hidden="true" '
        f'focusable="false" font-family="sans-serif" font-size="13">{contenu}</svg>'
    )
