"""Charts drawn on the server as SVG (they also go into the PDF report), always shown with the
table that carries their data.

Drawn for a phone first: each label sits on its own line above its bar, in a drawing 400 units
wide with 14-unit text, so that at 360 pixels (drawn about 330 pixels wide) the text stays
above 11 pixels, and no label has to be cut short to leave room for the bars. The `width`
attribute keeps the drawing at its natural size where there is room (CSS: `svg.graphique`).
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

LARGEUR = 400
POLICE = 14  # text size in drawing units
LIGNE = 44  # one label line and one bar
LIBELLE_MAX = 52  # characters on one line of 400 units at 14 units


def _libelle(texte: str) -> str:
    texte = str(texte)
    return escape(texte if len(texte) <= LIBELLE_MAX else texte[: LIBELLE_MAX - 1] + "…")


def _svg(largeur: int, hauteur: int, contenu: str) -> SafeString:
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {largeur} {hauteur}" '
        f'width="{largeur}" height="{hauteur}" class="graphique" aria-hidden="true" '
        f'focusable="false" font-family="sans-serif" font-size="{POLICE}">{contenu}</svg>'
    )


def graphique_indicateurs(suivis, largeur: int = LARGEUR) -> SafeString:
    """One bar per indicator: its latest result as a share of its target (capped at 100 %)."""
    lignes = [
        s for s in suivis if s.dernier_resultat and s.prochaine_cible and s.prochaine_cible.objectif
    ]
    if not lignes:
        return mark_safe("")
    droite = 52  # room for « 100 % »
    longueur_max = largeur - droite
    barres = []
    for n, s in enumerate(lignes):
        part = max(0.0, min(1.0, s.dernier_resultat.resultat / s.prochaine_cible.objectif))
        y = n * LIGNE
        barres.append(
            f'<text x="0" y="{y + 15}">{_libelle(s.indicateur.libelle)}</text>'
            f'<rect x="0" y="{y + 21}" width="{longueur_max}" height="16" fill="#e6e9ec"/>'
            f'<rect x="0" y="{y + 21}" width="{longueur_max * part:.1f}" height="16" fill="#17692b"/>'
            f'<text x="{longueur_max + 6}" y="{y + 34}">{part * 100:.0f} %</text>'
        )
    return _svg(largeur, LIGNE * len(lignes) + 4, "".join(barres))


def graphique_barres(lignes, largeur: int = LARGEUR) -> SafeString:
    """Horizontal bars for labelled counts (objects with `libelle`, `valeur`, `masquee`).
    A masked count draws no bar: its length would give the value away."""
    if not any(ligne.valeur for ligne in lignes):
        return mark_safe("")
    maximum = (
        max(ligne.valeur for ligne in lignes if not ligne.masquee)
        if any(not ligne.masquee for ligne in lignes)
        else 1
    )
    droite = 64  # room for the count after the longest bar
    barres = []
    for n, ligne in enumerate(lignes):
        y = n * LIGNE
        longueur = 0 if ligne.masquee else (largeur - droite) * ligne.valeur / (maximum or 1)
        texte = "&lt; 5" if ligne.masquee else f"{ligne.valeur:,}".replace(",", "\u202f")
        barres.append(
            f'<text x="0" y="{y + 15}">{_libelle(ligne.libelle)}</text>'
            f'<rect x="0" y="{y + 21}" width="{longueur:.1f}" height="16" fill="#1f4e8c"/>'
            f'<text x="{longueur + 6:.1f}" y="{y + 34}">{texte}</text>'
        )
    return _svg(largeur, LIGNE * len(lignes) + 4, "".join(barres))
