"""The directory's map, drawn on the server as SVG (no JavaScript, no tiles): the outline of
the département and one numbered point per actor of the page, the same numbers as the table
that follows it (which carries every piece of information). Each point is a link to its row
(`ancre`, the row's id), named by its number and the actor's name; the SVG is then a group
(an image may not hold links) named by its title and described. Same projection as `sun.web.cartes_svg` and `graphiques_connectivite`."""

import math

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

LARGEUR = 400
POINT = "#1f4e8c"  # 8.6:1 on white
DEMO = "#6b4c00"  # demonstration actors: another colour, and the table says so


def carte_reparateurs(ident: str, contour: list, points: list[dict], titre: str) -> SafeString:
    """`points`: {"n", "nom", "lat", "lon", "demonstration", "ancre"}; empty without outline
    nor point. A point without `ancre` is drawn but is no link."""
    places = [p for p in points if p.get("lat") is not None and p.get("lon") is not None]
    xs = [x for anneau in contour for x, _ in anneau] + [p["lon"] for p in places]
    ys = [y for anneau in contour for _, y in anneau] + [p["lat"] for p in places]
    if not xs:
        return mark_safe("")
    marge = max(max(xs) - min(xs), max(ys) - min(ys), 0.05) * 0.04
    min_x, max_x = min(xs) - marge, max(xs) + marge
    min_y, max_y = min(ys) - marge, max(ys) + marge
    k = math.cos(math.radians((min_y + max_y) / 2))
    echelle = LARGEUR / max((max_x - min_x) * k, 1e-9)
    hauteur = max((max_y - min_y) * echelle, 1)

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (lon - min_x) * k * echelle, (max_y - lat) * echelle

    d = "".join("M" + "L".join("{:.0f} {:.0f}".format(*xy(x, y)) for x, y in anneau) + "Z"
                for anneau in contour)  # fmt: skip
    parties = [f'<path d="{d}" fill="#eef1f3" stroke="#607d8b" stroke-width="1.5"/>'] if d else []
    for p in places:
        x, y = xy(p["lon"], p["lat"])
        couleur = DEMO if p.get("demonstration") else POINT
        marque = (
            f'<circle cx="{x:.0f}" cy="{y:.0f}" r="10" fill="{couleur}" stroke="#fff" '
            f'stroke-width="2"/><text x="{x:.0f}" y="{y + 5:.0f}" fill="#fff" '
            f'text-anchor="middle" font-weight="700">{p["n"]}</text>'
        )
        if p.get("ancre"):
            nom = f"{p['n']}. {p['nom']}" + (" (démonstration)" if p.get("demonstration") else "")
            marque = (f'<a href="#{escape(p["ancre"])}" aria-label="{escape(nom)} : voir sa '
                      f'ligne dans le tableau">{marque}</a>')  # fmt: skip
        parties.append(marque)
    noms = " ; ".join(f"{p['n']}. {p['nom']}" for p in places)
    description = (
        f"Carte du département avec {len(places)} acteur{'s' if len(places) > 1 else ''} "
        f"numéroté{'s' if len(places) > 1 else ''} comme dans le tableau qui suit : {noms}."
        if places else "Carte du département : aucun acteur à placer."
    )  # fmt: skip
    role = "group" if any(p.get("ancre") for p in places) else "img"
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {LARGEUR} {hauteur:.0f}" '
        f'class="graphique" role="{role}" aria-labelledby="{ident}-titre" '
        f'aria-describedby="{ident}-desc" '
        f'font-family="sans-serif" font-size="13"><title id="{ident}-titre">{escape(titre)}'
        f'</title><desc id="{ident}-desc">{escape(description)}</desc>{"".join(parties)}</svg>'
    )
