"""Charts drawn on the server as SVG (they also go into the PDF report), always shown with the
table that carries their data."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def graphique_indicateurs(suivis, largeur: int = 640) -> SafeString:
    """One bar per indicator: its latest result as a share of its target (capped at 100 %)."""
    lignes = [
        s for s in suivis if s.dernier_resultat and s.prochaine_cible and s.prochaine_cible.objectif
    ]
    if not lignes:
        return mark_safe("")
    hauteur_ligne, marge = 28, 230
    hauteur = hauteur_ligne * len(lignes) + 10
    barres = []
    for n, s in enumerate(lignes):
        part = max(0.0, min(1.0, s.dernier_resultat.resultat / s.prochaine_cible.objectif))
        y = 5 + n * hauteur_ligne
        barres.append(
            f'<text x="0" y="{y + 17}" font-size="13">{escape(s.indicateur.libelle[:34])}</text>'
            f'<rect x="{marge}" y="{y + 4}" width="{largeur - marge - 60}" height="16" fill="#e6e9ec"/>'
            f'<rect x="{marge}" y="{y + 4}" width="{(largeur - marge - 60) * part:.1f}" height="16" fill="#17692b"/>'
            f'<text x="{largeur - 55}" y="{y + 17}" font-size="13">{part * 100:.0f} %</text>'
        )
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {largeur} {hauteur}" class="graphique" '
        f'aria-hidden="true" focusable="false" font-family="sans-serif">{"".join(barres)}</svg>'
    )


def graphique_barres(lignes, largeur: int = 560) -> SafeString:
    """Horizontal bars for labelled counts (objects with `libelle`, `valeur`, `masquee`).
    A masked count draws no bar: its length would give the value away."""
    if not any(ligne.valeur for ligne in lignes):
        return mark_safe("")
    maximum = (
        max(ligne.valeur for ligne in lignes if not ligne.masquee)
        if any(not ligne.masquee for ligne in lignes)
        else 1
    )
    hauteur_ligne, marge, droite = 24, 210, 70
    barres = []
    for n, ligne in enumerate(lignes):
        y = 4 + n * hauteur_ligne
        longueur = (
            0 if ligne.masquee else (largeur - marge - droite) * ligne.valeur / (maximum or 1)
        )
        texte = "< 5" if ligne.masquee else f"{ligne.valeur:,}".replace(",", "\u202f")
        barres.append(
            f'<text x="0" y="{y + 15}" font-size="12">{escape(str(ligne.libelle)[:32])}</text>'
            f'<rect x="{marge}" y="{y + 3}" width="{longueur:.1f}" height="15" fill="#1f4e8c"/>'
            f'<text x="{marge + longueur + 6:.1f}" y="{y + 15}" font-size="12">{texte}</text>'
        )
    hauteur = hauteur_ligne * len(lignes) + 8
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {largeur} {hauteur}" class="graphique" '
        f'aria-hidden="true" focusable="false" font-family="sans-serif">{"".join(barres)}</svg>'
    )
