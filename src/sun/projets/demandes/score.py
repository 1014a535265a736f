"""The score of a change request (pure: no database): what ranks the backlog of a tool.

    valeur = poids(utilisateurs concernés) + poids(fréquence) + soutiens (10 au plus)
             + 200 si obligation légale ou réglementaire
    score  = valeur ÷ effort (1 à 5), arrondi au centième

Without an effort estimate there is no score (the request is listed « à estimer »). The legal
bonus is larger than five times any other value (26 at most), so that a legal obligation comes
first whatever its effort. The page « Comment le score est calculé » shows these rules
(`REGLES`)."""

from decimal import ROUND_HALF_UP, Decimal

# (lower bound of users affected, weight), highest first.
PALIERS_UTILISATEURS = ((200, 10), (50, 6), (10, 3), (1, 1))
POIDS_FREQUENCE = {"quotidienne": 6, "hebdomadaire": 4, "mensuelle": 2, "rare": 1}
SOUTIENS_MAX = 10
BONUS_OBLIGATION = 200
EFFORT_MIN, EFFORT_MAX = 1, 5

REGLES = (
    ("Utilisateurs concernés", "1 à 9 : 1 point ; 10 à 49 : 3 points ; 50 à 199 : 6 points ; "
     "200 ou plus : 10 points ; non renseigné : 0."),
    ("Fréquence d'usage", "tous les jours : 6 points ; chaque semaine : 4 ; chaque mois : 2 ; "
     "rarement : 1 ; non renseignée : 0."),
    ("Soutiens (« moi aussi »)", f"1 point par personne qui soutient la demande, "
     f"{SOUTIENS_MAX} points au plus."),
    ("Obligation légale ou réglementaire", f"{BONUS_OBLIGATION} points : une obligation passe "
     "toujours en premier, quel que soit l'effort."),
    ("Effort estimé", "de 1 (très faible) à 5 (très important) : la somme des points est divisée "
     "par l'effort. Tant que l'effort n'est pas estimé, la demande n'a pas de score et figure "
     "« à estimer » en fin de liste."),
)  # fmt: skip


def poids_utilisateurs(utilisateurs: int | None) -> int:
    for seuil, poids in PALIERS_UTILISATEURS:
        if utilisateurs is not None and utilisateurs >= seuil:
            return poids
    return 0


def poids_frequence(frequence: str | None) -> int:
    return POIDS_FREQUENCE.get(frequence or "", 0)


def valeur(utilisateurs: int | None, frequence: str | None, obligation: bool,
           soutiens: int) -> int:  # fmt: skip
    """The points of a request before the effort."""
    return (poids_utilisateurs(utilisateurs) + poids_frequence(frequence)
            + min(max(soutiens, 0), SOUTIENS_MAX)
            + (BONUS_OBLIGATION if obligation else 0))  # fmt: skip


def calculer(utilisateurs: int | None, frequence: str | None, obligation: bool, soutiens: int,
             effort: int | None) -> Decimal | None:  # fmt: skip
    """The score, or None while the effort is not estimated (or out of 1–5)."""
    if effort is None or not EFFORT_MIN <= effort <= EFFORT_MAX:
        return None
    brut = Decimal(valeur(utilisateurs, frequence, obligation, soutiens)) / Decimal(effort)
    return brut.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
