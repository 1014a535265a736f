"""The footprint charts, drawn on the server as SVG (no JavaScript), each an image with a title
and a description (`role="img"`, `aria-labelledby`) always shown with the table of its data;
sized for a 360-pixel phone like `sun.web.graphiques_connectivite` (400 units, 14-unit text).
Two colours dark enough on white for graphics (3:1), told apart by the legend and the table."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from sun.core.text import nombre

LARGEUR = 400
POLICE = 14
LIGNE = 44
FABRICATION = "#1f4e8c"  # 8.6:1 on white
USAGE = "#b35806"  # 4.6:1 on white


def _svg(ident: str, titre: str, description: str, hauteur: float, contenu: str) -> SafeString:
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {LARGEUR} {hauteur:.0f}" '
        f'width="{LARGEUR}" height="{hauteur:.0f}" class="graphique" role="img" '
        f'aria-labelledby="{ident}-titre {ident}-desc" font-family="sans-serif" '
        f'font-size="{POLICE}"><title id="{ident}-titre">{escape(titre)}</title>'
        f'<desc id="{ident}-desc">{escape(description)}</desc>{contenu}</svg>'
    )


def _kg(valeur: float) -> str:
    return f"{nombre(valeur / 1000, 1)} t" if valeur >= 10_000 else f"{nombre(valeur, 0)} kg"


def barres(ident: str, titre: str, lignes: list, maximum_lignes: int = 12) -> SafeString:
    """One bar per row (`pages.Ligne`: libelle, fabrication, usage), manufacturing then use
    side by side in one bar; at most `maximum_lignes` rows (the table has them all)."""
    lignes = [ligne for ligne in lignes if ligne.total > 0][:maximum_lignes]
    if not lignes:
        return mark_safe("")
    droite = 72
    longueur_max = LARGEUR - droite
    plus_grand = max(ligne.total for ligne in lignes)
    parties = []
    for n, ligne in enumerate(lignes):
        y = n * LIGNE
        fab = longueur_max * ligne.fabrication / plus_grand
        use = longueur_max * ligne.usage / plus_grand
        libelle = ligne.libelle if len(ligne.libelle) <= 52 else ligne.libelle[:51] + "…"
        parties.append(
            f'<text x="0" y="{y + 15}">{escape(libelle)}</text>'
            f'<rect x="0" y="{y + 21}" width="{fab:.1f}" height="16" fill="{FABRICATION}"/>'
            f'<rect x="{fab:.1f}" y="{y + 21}" width="{use:.1f}" height="16" fill="{USAGE}"/>'
            f'<text x="{fab + use + 6:.1f}" y="{y + 34}">{_kg(ligne.total)}</text>'
        )
    hauteur = LIGNE * len(lignes) + 4
    legende, hauteur = _legende(hauteur)
    description = ("Barres de l'empreinte annuelle en kg CO2e, fabrication amortie puis usage : "
                   + " ; ".join(f"{ligne.libelle} {_kg(ligne.total)}" for ligne in lignes)
                   + ". Le tableau qui suit donne toutes les valeurs.")  # fmt: skip
    return _svg(ident, titre, description, hauteur, "".join(parties) + legende)


def _legende(y: float) -> tuple[str, float]:
    texte = (f'<rect x="0" y="{y + 6:.0f}" width="14" height="14" fill="{FABRICATION}"/>'
             f'<text x="20" y="{y + 18:.0f}">Fabrication amortie</text>'
             f'<rect x="200" y="{y + 6:.0f}" width="14" height="14" fill="{USAGE}"/>'
             f'<text x="220" y="{y + 18:.0f}">Usage</text>')  # fmt: skip
    return texte, y + 28


def colonnes(ident: str, titre: str, lignes: list) -> SafeString:
    """One stacked column per year (`pages.Ligne` with libelle = the year)."""
    if not lignes or not any(ligne.total > 0 for ligne in lignes):
        return mark_safe("")
    gauche, haut, bas, hauteur = 56, 12, 30, 240
    dessin = hauteur - haut - bas
    plus_grand = max(ligne.total for ligne in lignes) or 1
    pas = (LARGEUR - gauche) / len(lignes)
    largeur_barre = pas * 0.7
    parties = []
    for v in (0, plus_grand / 2, plus_grand):
        y = haut + dessin * (1 - v / plus_grand)
        parties.append(f'<line x1="{gauche}" x2="{LARGEUR}" y1="{y:.1f}" y2="{y:.1f}" '
                       f'stroke="#c4cad1" stroke-width="1"/><text x="{gauche - 6}" '
                       f'y="{y + 5:.1f}" text-anchor="end">{_kg(v)}</text>')  # fmt: skip
    for k, ligne in enumerate(lignes):
        x = gauche + pas * k + (pas - largeur_barre) / 2
        h_fab = dessin * ligne.fabrication / plus_grand
        h_use = dessin * ligne.usage / plus_grand
        base = haut + dessin
        parties.append(
            f'<rect x="{x:.1f}" y="{base - h_fab:.1f}" width="{largeur_barre:.1f}" '
            f'height="{h_fab:.1f}" fill="{FABRICATION}"/>'
            f'<rect x="{x:.1f}" y="{base - h_fab - h_use:.1f}" width="{largeur_barre:.1f}" '
            f'height="{h_use:.1f}" fill="{USAGE}"/>'
        )
        if k % 2 == 0 or k == len(lignes) - 1:
            parties.append(f'<text x="{x + largeur_barre / 2:.1f}" y="{hauteur - bas + 20}" '
                           f'text-anchor="middle">{escape(ligne.libelle)}</text>')  # fmt: skip
    legende, hauteur = _legende(hauteur)
    description = (f"Colonnes de l'empreinte annuelle du parc de {lignes[0].libelle} à "
                   f"{lignes[-1].libelle}, fabrication amortie en bas, usage au-dessus : "
                   + " ; ".join(f"{ligne.libelle} {_kg(ligne.total)}" for ligne in lignes)
                   + ". Le tableau qui suit donne les valeurs.")  # fmt: skip
    return _svg(ident, titre, description, hauteur, "".join(parties) + legende)
