"""The telephone charts, drawn as SVG on the server: the weekday × half-hour heat map and the
pick-up rate month by month. Each is an image with a title and a description (`role="img"`),
always followed on the page by the table that carries the real data; the drawing is sized for
a 360-pixel phone (400 units wide, 14-unit text, as `sun.core.graphiques`)."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

LARGEUR = 400
POLICE = 14
COULEURS = ["#eef3fb", "#c6d8f0", "#8db3e2", "#4f86c6", "#1f4e8c"]  # few → many calls
MASQUEE = "#bdbdbd"
ABREGES = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]


def _svg(ident: str, titre: str, description: str, hauteur: int, contenu: str) -> SafeString:
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {LARGEUR} {hauteur}" '
        f'width="{LARGEUR}" height="{hauteur}" class="graphique" role="img" '
        f'aria-labelledby="{ident}-titre {ident}-desc" font-family="sans-serif" '
        f'font-size="{POLICE}"><title id="{ident}-titre">{escape(titre)}</title>'
        f'<desc id="{ident}-desc">{escape(description)}</desc>{contenu}</svg>'
    )


def classe(valeur: int, maximum: int) -> int:
    """The colour step (0–4) of a count against the largest one."""
    if maximum <= 0 or valeur <= 0:
        return 0
    return min(4, int(5 * valeur / (maximum + 1)))


def carte_chaleur(ident: str, jours: list[int], lignes: list[tuple[str, list]],
                  maximum: int, titre: str) -> SafeString:  # fmt: skip
    """One column per weekday, one row per half-hour, darker where more calls arrived; a cell
    of 1 to 4 calls (masked) is grey. Only the first half-hour of each hour is labelled."""
    if not lignes:
        return mark_safe("")
    gauche, haut, ligne = 52, 22, 16
    colonne = (LARGEUR - gauche) / len(jours)
    parties = [
        f'<text x="{gauche + colonne * (k + 0.5):.1f}" y="15" text-anchor="middle">'
        f"{ABREGES[j - 1]}</text>"
        for k, j in enumerate(jours)
    ]
    for r, (libelle, cellules) in enumerate(lignes):
        y = haut + r * ligne
        if libelle.split(" – ")[0].endswith(" h"):
            parties.append(f'<text x="0" y="{y + 13}">{escape(libelle.split(" – ")[0])}</text>')
        for k, valeur in enumerate(cellules):
            couleur = MASQUEE if isinstance(valeur, str) else COULEURS[classe(valeur, maximum)]
            parties.append(
                f'<rect x="{gauche + colonne * k:.1f}" y="{y}" width="{colonne - 2:.1f}" '
                f'height="{ligne - 2}" fill="{couleur}" stroke="#6b7785" stroke-width="0.5"/>'
            )
    hauteur = haut + len(lignes) * ligne + 4
    description = (f"Carte de chaleur : {len(jours)} jours en colonnes, {len(lignes)} "
                   f"demi-heures en lignes ; plus la case est foncée, plus il y a eu d'appels "
                   f"(au plus {maximum} sur une demi-heure). Les cases grises comptent de 1 à "
                   "4 appels (non affichés). Les nombres exacts sont dans le tableau qui suit.")  # fmt: skip
    return _svg(ident, titre, description, hauteur, "".join(parties))


def courbe_taux(ident: str, points: list[tuple[str, float | None]], objectif: int | None,
                titre: str) -> SafeString:  # fmt: skip
    """The pick-up rate (0–100 %) month by month as a line, the target as a dashed line; a
    month with too few calls leaves a gap."""
    if not any(v is not None for _, v in points):
        return mark_safe("")
    gauche, droite, haut, bas = 44, 8, 10, 40
    hauteur = 240
    dessin = hauteur - haut - bas
    pas = (LARGEUR - gauche - droite) / max(1, len(points) - 1) if len(points) > 1 else 0

    def y(v: float) -> float:
        return haut + dessin * (1 - v / 100)

    parties = []
    for v in (0, 50, 100):
        parties.append(f'<line x1="{gauche}" x2="{LARGEUR - droite}" y1="{y(v):.1f}" '
                       f'y2="{y(v):.1f}" stroke="#c4cad1" stroke-width="1"/>'
                       f'<text x="{gauche - 6}" y="{y(v) + 5:.1f}" text-anchor="end">{v} %</text>')  # fmt: skip
    if objectif is not None:
        parties.append(f'<line x1="{gauche}" x2="{LARGEUR - droite}" y1="{y(objectif):.1f}" '
                       f'y2="{y(objectif):.1f}" stroke="#b34700" stroke-width="2" '
                       f'stroke-dasharray="6 4"/>')  # fmt: skip
    trace, segments = [], []
    for k, (_, v) in enumerate(points):
        if v is None:
            if trace:
                segments.append(trace)
            trace = []
            continue
        trace.append((gauche + pas * k, y(v)))
    if trace:
        segments.append(trace)
    for segment in segments:
        chemin = " ".join(f"{x:.1f},{yy:.1f}" for x, yy in segment)
        parties.append(f'<polyline points="{chemin}" fill="none" stroke="#1f4e8c" '
                       f'stroke-width="3"/>')  # fmt: skip
        parties.extend(f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="4" fill="#1f4e8c"/>'
                       for x, yy in segment)  # fmt: skip
    etiquettes = max(1, (len(points) + 5) // 6)  # about six month labels
    for k, (libelle, _) in enumerate(points):
        if k % etiquettes == 0:
            parties.append(f'<text x="{gauche + pas * k:.1f}" y="{hauteur - bas + 22}" '
                           f'text-anchor="middle">{escape(libelle)}</text>')  # fmt: skip
    debut, fin = points[0][0], points[-1][0]
    description = (f"Courbe du taux de décroché par mois, de {debut} à {fin}"
                   + (f", avec l'objectif de {objectif} % en pointillés" if objectif else "")
                   + ". Un mois de moins de 5 appels à décrocher laisse un vide. Les valeurs "
                   "exactes sont dans le tableau qui suit.")  # fmt: skip
    return _svg(ident, titre, description, hauteur, "".join(parties))
