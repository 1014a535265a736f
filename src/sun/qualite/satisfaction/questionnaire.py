"""The questionnaire of the State's « Je donne mon avis » (JDMA, form `root`), as data: its
four steps, field codes, labels, scales and the observatoire's points (NOTES-relation §5.1,
§5.2; DISIC/jedonnemonavis.numerique.gouv.fr, `prisma/seeds/forms/root.ts`).

SUN asks the same questions with the same labels and scales, one answer per screen: step 3
(« Aides ») becomes JDMA's own three screens of its step-by-step variant (help sought, then,
for each administration channel tried, « joint ? » and the quality of the help obtained)."""

from dataclasses import dataclass

from sun.core.indicators import SEUIL_PERSONNES
from sun.qualite.models.satisfaction import Satisfaction


@dataclass(frozen=True)
class Option:
    code: str  # what SUN stores
    libelle: str  # what the user reads (JDMA's label)
    symbole: str = ""  # a text symbol shown beside the label, hidden from screen readers


# --- Step 1, « Expérience générale » (required) -------------------------------------------
TITRE_ETAPE_1 = "Expérience générale"
QUESTION_SATISFACTION = "De façon générale, comment ça s'est passé ?"
SATISFACTION = (
    Option(Satisfaction.BAD, "Pas bien", "☹"),
    Option(Satisfaction.MEDIUM, "Moyen", "😐"),
    Option(Satisfaction.GOOD, "Très bien", "☺"),
)
POINTS_SATISFACTION = {Satisfaction.GOOD: 10.0, Satisfaction.MEDIUM: 5.0, Satisfaction.BAD: 0.0}

# --- Step 2, « Clarté » (optional) ---------------------------------------------------------
TITRE_ETAPE_2 = "Clarté"
QUESTION_COMPREHENSION = "Qu'avez-vous pensé des informations et des instructions fournies ?"
AIDE_COMPREHENSION = "Sur une échelle de 1 à 5, 1 n'est pas clair du tout et 5 est très clair."
COMPREHENSION_BAS, COMPREHENSION_HAUT = "Pas clair du tout", "Très clair"
ECHELLE_1_5 = (1, 2, 3, 4, 5)
# The observatoire's points of a 1–5 answer: intentions very_bad … very_good.
POINTS_1_5 = {1: 0.0, 2: 2.5, 3: 5.0, 4: 7.5, 5: 10.0}

# --- Step 3, « Aides » (optional) ---------------------------------------------------------
TITRE_ETAPE_3 = "Aides"
QUESTION_CONTACT_TRIED = (
    "Durant votre parcours, avez-vous tenté d'obtenir de l'aide par l'un des moyens suivants ?"
)
AIDE_CONTACT_TRIED = "Plusieurs choix possibles"
# The administration channels (the only ones asked « joint ? » and « qualité »).
CANAUX_ADMINISTRATION = (
    Option("guichet", "Au guichet avec l'administration"),
    Option("telephone", "Par téléphone avec l'administration"),
    Option("email", "Par e-mail avec l'administration"),
    Option("chat", "Par chat avec l'administration"),
)
AIDE_SANS_BESOIN = "aucune"
CONTACT_TRIED = (
    *CANAUX_ADMINISTRATION,
    Option("proche", "Une personne proche"),
    Option("association", "Une association"),
    Option("internet", "Des sites internet"),
    Option("autre", "Autres, précisez"),
    Option(AIDE_SANS_BESOIN, "Je n'ai pas eu besoin d'aide"),  # exclusive
)
CODES_CONTACT_TRIED = frozenset(o.code for o in CONTACT_TRIED)
CODES_ADMINISTRATION = tuple(o.code for o in CANAUX_ADMINISTRATION)
# JDMA's short labels of the channels in the quality question.
CANAUX_COURTS = {"guichet": "Au guichet", "telephone": "Par téléphone", "email": "Par e-mail",
                 "chat": "Par chat"}  # fmt: skip

QUESTION_CONTACT_REACHED = (
    "Quand vous avez cherché de l'aide, avez-vous réussi à joindre l'administration ?"
)
OUI_NON = (Option("oui", "Oui"), Option("non", "Non"))

QUESTION_CONTACT_SATISFACTION = (
    "Comment évaluez-vous la qualité de l'aide que vous avez obtenue de la part de "
    "l'administration ?"
)
AIDE_CONTACT_SATISFACTION = "Sur une échelle de 1 à 5, 1 est très mauvaise et 5 est excellente."
QUALITE_AIDE = ("Très mauvaise", "Mauvaise", "Ni bonne, ni mauvaise", "Bonne", "Excellente")

# --- Step 4, « Commentaire » (optional) ---------------------------------------------------
TITRE_ETAPE_4 = "Commentaire"
QUESTION_VERBATIM = "Souhaitez-vous nous en dire plus ?"
AVERTISSEMENT_VERBATIM = (
    "Votre réponse est anonyme. Merci de ne pas écrire des données personnelles (exemple : nom, "
    "prénom, numéro de dossier)."
)
VERBATIM_MAX = 2000  # characters

# --- Scores of the observatoire (§5.2) -------------------------------------------------------
SEUIL_AFFICHAGE = SEUIL_PERSONNES  # fewer answers: the score is not shown


@dataclass(frozen=True)
class Appreciation:
    niveau: str  # « bien », « moyen », « faible » (CSS class and text)
    libelle: str


def appreciation(score: float | None, *, joignable: bool = False) -> Appreciation | None:
    """The observatoire's reading of a score /10: red below 5, amber below 8, green from 8;
    reachability (a share, 0–100 %) below 70 % / 85 %."""
    if score is None:
        return None
    if joignable:
        if score < 70:
            return Appreciation("faible", "Faible")
        return Appreciation("moyen", "Moyen") if score < 85 else Appreciation("bien", "Optimal")
    if score < 5:
        return Appreciation("faible", "Pas bien")
    return Appreciation("moyen", "Moyen") if score < 8 else Appreciation("bien", "Bien")


def libelle_satisfaction(code: str) -> str:
    return next((o.libelle for o in SATISFACTION if o.code == code), code)


def libelle_aide(code: str) -> str:
    return next((o.libelle for o in CONTACT_TRIED if o.code == code), code)
