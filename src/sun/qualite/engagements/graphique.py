"""The pick-up rate of each service against the State's 85 % target, drawn as an SVG on the
server (shown with the table that carries its data): one bar per measured service on a 0–100 %
scale, and a dashed line at the target. Drawn for a phone first, as `sun.core.graphiques`."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from sun.core.graphiques import LARGEUR, LIGNE, POLICE
from sun.qualite.engagements.resultats import nombre

LIBELLE_MAX = 52


def _libelle(texte: str) -> str:
    return escape(texte if len(texte) <= LIBELLE_MAX else texte[: LIBELLE_MAX - 1] + "…")


def taux_contre_objectif(lignes: list[tuple[str, float]], objectif: float) -> SafeString:
    """`lignes`: (label, rate in %) of the measured services. Empty when there is none."""
    if not lignes:
        return mark_safe("")
    droite = 64  # room for « 100 % » after the longest bar
    longueur_max = LARGEUR - droite
    hauteur = LIGNE * len(lignes) + 24
    barres = []
    for n, (libelle, taux) in enumerate(lignes):
        y = n * LIGNE
        longueur = longueur_max * max(0.0, min(taux, 100.0)) / 100
        couleur = "#17692b" if taux >= objectif else "#8a4b00"
        barres.append(
            f'<text x="0" y="{y + 15}">{_libelle(libelle)}</text>'
            f'<rect x="0" y="{y + 21}" width="{longueur_max}" height="16" fill="#e6e9ec"/>'
            f'<rect x="0" y="{y + 21}" width="{longueur:.1f}" height="16" fill="{couleur}"/>'
            f'<text x="{longueur_max + 6}" y="{y + 34}">{nombre(taux)} %</text>'
        )
    x = longueur_max * objectif / 100
    barres.append(
        f'<line x1="{x:.1f}" y1="18" x2="{x:.1f}" y2="{hauteur - 20}" stroke="#1a1a1a" '
        f'stroke-width="2" stroke-dasharray="4 3"/>'
        f'<text x="{x:.1f}" y="{hauteur - 4}" text-anchor="middle">objectif {nombre(objectif)} %</text>'
    )
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {LARGEUR} {hauteur}" '
        f'width="{LARGEUR}" height="{hauteur}" class="graphique" aria-hidden="true" '
        f'focusable="false" font-family="sans-serif" font-size="{POLICE}">{"".join(barres)}</svg>'
    )
