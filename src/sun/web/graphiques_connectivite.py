"""The connectivity charts, drawn on the server as SVG (no JavaScript): the quarterly FttH
curve, the bar of best technologies and the département choropleth of fibre eligibility.

Each is an image with a title and a description (`role="img"`, `aria-labelledby`), always
shown next to the table that carries its data; sized for a 360-pixel phone (400 units wide,
14-unit text, as `sun.core.graphiques`). Colours are dark enough on white for graphics (3:1)
and the choropleth's classes go from light to dark."""

import math

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from shapely.geometry import shape

LARGEUR = 400
POLICE = 14
TRAIT = "#1f4e8c"  # 8.6:1 on white
GRILLE = "#c4cad1"
# Light → dark, one per class of `sun.connectivite.pages.CLASSES_FIBRE` (ColorBrewer YlGnBu).
COULEURS_FIBRE = ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494")
HACHURES = "url(#{ident}-hachures)"  # communes without data


def _nombre(valeur: float, decimales: int = 0) -> str:
    texte = f"{valeur:,.{decimales}f}".replace(",", "\u202f").replace(".", ",")
    return texte


def _svg(ident: str, titre: str, description: str, largeur: float, hauteur: float,
         contenu: str, classe: str = "graphique") -> SafeString:  # fmt: skip
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {largeur:.0f} {hauteur:.0f}" '
        f'width="{largeur:.0f}" height="{hauteur:.0f}" class="{classe}" role="img" '
        f'aria-labelledby="{ident}-titre {ident}-desc" font-family="sans-serif" '
        f'font-size="{POLICE}"><title id="{ident}-titre">{escape(titre)}</title>'
        f'<desc id="{ident}-desc">{escape(description)}</desc>{contenu}</svg>'
    )


def courbe_ftth(ident: str, points: list, en_parts: bool, titre: str) -> SafeString:
    """FttH-connectable premises quarter by quarter (`PointCourbe`): as a share of the
    premises (0–100 %) when every quarter has one, else as a count."""
    if not points:
        return mark_safe("")
    gauche, droite, haut, bas, hauteur = 58, 12, 12, 40, 240
    dessin = hauteur - haut - bas
    valeurs = [p.part if en_parts else p.locaux for p in points]
    maximum = 100 if en_parts else max(max(valeurs), 1)
    pas = (LARGEUR - gauche - droite) / max(1, len(points) - 1)

    def y(v: float) -> float:
        return haut + dessin * (1 - v / maximum)

    parties = []
    for v in (0, maximum / 2, maximum):
        etiquette = f"{v:.0f} %" if en_parts else _nombre(v)
        parties.append(f'<line x1="{gauche}" x2="{LARGEUR - droite}" y1="{y(v):.1f}" '
                       f'y2="{y(v):.1f}" stroke="{GRILLE}" stroke-width="1"/>'
                       f'<text x="{gauche - 6}" y="{y(v) + 5:.1f}" text-anchor="end">'
                       f"{etiquette}</text>")  # fmt: skip
    coordonnees = [(gauche + pas * k, y(v)) for k, v in enumerate(valeurs)]
    chemin = " ".join(f"{x:.1f},{yy:.1f}" for x, yy in coordonnees)
    parties.append(f'<polyline points="{chemin}" fill="none" stroke="{TRAIT}" stroke-width="3"/>')
    parties.extend(f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="3.5" fill="{TRAIT}"/>'
                   for x, yy in coordonnees)  # fmt: skip
    tous = max(1, math.ceil(len(points) / 5))  # about five quarter labels
    for k, p in enumerate(points):
        if k % tous == 0 or k == len(points) - 1:
            ancre = "end" if k == len(points) - 1 else "middle" if k else "start"
            parties.append(f'<text x="{gauche + pas * k:.1f}" y="{hauteur - bas + 22}" '
                           f'text-anchor="{ancre}">{escape(p.libelle)}</text>')  # fmt: skip
    dernier = points[-1]
    fin = (f"{_nombre(dernier.part, 1)} % des locaux" if en_parts
           else f"{_nombre(dernier.locaux)} locaux")  # fmt: skip
    description = (f"Courbe des locaux raccordables à la fibre, trimestre par trimestre, de "
                   f"{points[0].libelle} à {dernier.libelle} : {fin} au dernier trimestre. "
                   "Les valeurs exactes sont dans le tableau qui suit.")  # fmt: skip
    return _svg(ident, titre, description, LARGEUR, hauteur, "".join(parties))


def barres_technologies(ident: str, lignes: list, titre: str) -> SafeString:
    """One bar per best technology (`Ligne`: libelle, nombre, part), as a share of premises."""
    lignes = [ligne for ligne in lignes if ligne.nombre]
    if not lignes:
        return mark_safe("")
    hauteur_ligne, droite = 44, 64
    longueur_max = LARGEUR - droite
    parties = []
    for n, ligne in enumerate(lignes):
        y = n * hauteur_ligne
        longueur = longueur_max * (ligne.part or 0) / 100
        parties.append(
            f'<text x="0" y="{y + 15}">{escape(ligne.libelle[:52])}</text>'
            f'<rect x="0" y="{y + 21}" width="{longueur_max}" height="16" fill="#e6e9ec"/>'
            f'<rect x="0" y="{y + 21}" width="{longueur:.1f}" height="16" fill="{TRAIT}"/>'
            f'<text x="{longueur_max + 6}" y="{y + 34}">{_nombre(ligne.part or 0, 1)} %</text>'
        )
    description = ("Barres de la part des locaux selon leur meilleure technologie : "
                   + " ; ".join(f"{ligne.libelle} {_nombre(ligne.part or 0, 1)} %"
                                for ligne in lignes)
                   + ". Le tableau qui suit donne les nombres de locaux.")  # fmt: skip
    hauteur = hauteur_ligne * len(lignes) + 4
    return _svg(ident, titre, description, LARGEUR, hauteur, "".join(parties))


def _anneaux(geometrie: dict, tolerance: float) -> list[list[tuple[float, float]]]:
    try:
        forme = shape(geometrie).simplify(tolerance, preserve_topology=True)
    except (ValueError, TypeError, AttributeError, KeyError):
        return []
    return [list(p.exterior.coords) for p in getattr(forme, "geoms", [forme])
            if hasattr(p, "exterior")]  # fmt: skip


def carte_fibre(ident: str, communes: list, contours: dict[str, dict], titre: str,
                largeur: int = 600) -> SafeString:  # fmt: skip
    """The choropleth: each commune (`LigneCommune`) filled by its class of fibre eligibility,
    hatched without data; the same projection as `sun.web.cartes_svg`."""
    formes = [(c, contours[c.code_insee]) for c in communes if c.code_insee in contours]
    if not formes:
        return mark_safe("")
    points = [pt for _, g in formes for pt in _coordonnees(g)]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    min_x, max_x, min_y, max_y = min(xs), max(xs), min(ys), max(ys)
    k = math.cos(math.radians((min_y + max_y) / 2))
    echelle = largeur / max((max_x - min_x) * k, 1e-9)
    hauteur = max((max_y - min_y) * echelle, 1)
    tolerance = 0.8 / echelle  # under one drawn unit

    def xy(lon: float, lat: float) -> str:
        return f"{(lon - min_x) * k * echelle:.1f} {(max_y - lat) * echelle:.1f}"

    chemins = []
    for commune, geometrie in formes:
        remplissage = (HACHURES.format(ident=ident) if commune.classe is None
                       else COULEURS_FIBRE[commune.classe])  # fmt: skip
        d = "".join("M" + "L".join(xy(x, y) for x, y in anneau) + "Z"
                    for anneau in _anneaux(geometrie, tolerance))  # fmt: skip
        if d:
            chemins.append(f'<path d="{d}" fill="{remplissage}"><title>{escape(commune.nom)}'
                           f"</title></path>")  # fmt: skip
    motif = (f'<defs><pattern id="{ident}-hachures" width="6" height="6" '
             'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
             '<rect width="6" height="6" fill="#ffffff"/>'
             '<line x1="0" y1="0" x2="0" y2="6" stroke="#6b6b6b" stroke-width="2"/></pattern></defs>')  # fmt: skip
    contenu = f'{motif}<g stroke="#4d4d4d" stroke-width="0.4">{"".join(chemins)}</g>'
    description = (f"Carte des {len(formes)} communes, colorées de la plus claire (moins de "
                   "25 % des locaux éligibles à la fibre) à la plus foncée (100 %) ; hachurées "
                   "sans donnée. Le tableau qui suit donne la part de chaque commune.")  # fmt: skip
    return _svg(ident, titre, description, largeur, hauteur, contenu, "graphique carte-fibre")


def _coordonnees(geometrie: dict):
    def parcourir(valeur):
        if valeur and isinstance(valeur[0], (int, float)):
            yield valeur[0], valeur[1]
        else:
            for element in valeur or []:
                yield from parcourir(element)

    return parcourir(geometrie.get("coordinates") or [])
