"""Indicators of the wing diagnostic: the mean level on the CRCN (overall and per domain) and
the people with a finished diagnosis, for the département and per direction; masked under 5
people, demonstration diagnoses never counted."""

from sun.competences import referentiel
from sun.competences.diagnostic import agregats
from sun.core.indicators import (
    NON_AFFICHE,
    SEUIL_PERSONNES,
    Indicateur,
    Niveau,
    Valeur,
    declarer,
    note_demonstration,
    note_trop_peu,
)

NIVEAUX = (Niveau.DEPARTEMENT, Niveau.DIRECTION)


def _groupe(niveau: Niveau, code: str) -> agregats.Groupe:
    return agregats.departement() if niveau == Niveau.DEPARTEMENT else agregats.direction(code)


def _note(groupe: agregats.Groupe) -> str:
    demo = note_demonstration(agregats.nb_demonstration(), "diagnostic") if (
        groupe.code == "departement") else ""  # fmt: skip
    if groupe.masque:
        trop_peu = note_trop_peu(groupe.agregat.nb_personnes, SEUIL_PERSONNES,
                                 "personnes ayant terminé leur diagnostic")  # fmt: skip
        trop_peu = (f"{trop_peu} ({NON_AFFICHE})" if trop_peu
                    else "Aucun diagnostic terminé pour le moment.")  # fmt: skip
        return " ".join(t for t in (trop_peu, demo) if t)
    return demo


def niveau_crcn(niveau: Niveau, code: str) -> Valeur:
    g = _groupe(niveau, code)
    return Valeur(g.moyenne, g.date, agregats.SOURCE, _note(g))


def diagnostics_termines(niveau: Niveau, code: str) -> Valeur:
    g = _groupe(niveau, code)
    n = g.agregat.nb_personnes
    return Valeur(None if g.masque else n, g.date, agregats.SOURCE, _note(g))


def _par_domaine(domaine: str):
    def calcul(niveau: Niveau, code: str) -> Valeur:
        g = _groupe(niveau, code)
        return Valeur(g.domaine(domaine), g.date, agregats.SOURCE, _note(g))

    return calcul


declarer(Indicateur(
    code="competences.niveau_crcn", libelle="Niveau moyen de compétences numériques (CRCN)",
    unite="niveau (0 à 8)", niveaux=NIVEAUX, calcul=niveau_crcn, source=agregats.SOURCE,
    description="Moyenne des niveaux que les agents se reconnaissent sur les 16 compétences "
    "du CRCN, d'après le dernier diagnostic terminé de chacun (autoévaluation, pas une "
    "certification Pix). Masqué sous 5 personnes.", sens="hausse",
))  # fmt: skip
declarer(Indicateur(
    code="competences.diagnostics_termines",
    libelle="Personnes ayant terminé un diagnostic de compétences numériques",
    unite="personnes", niveaux=NIVEAUX, calcul=diagnostics_termines, source=agregats.SOURCE,
    description="Personnes ayant au moins un diagnostic terminé. Masqué sous 5 personnes.",
    sens="hausse",
))  # fmt: skip
for _code, _libelle in referentiel.DOMAINES.items():
    declarer(Indicateur(
        code=f"competences.niveau_crcn_{_code}",
        libelle=f"Niveau moyen de compétences numériques — domaine {_code} « {_libelle} »",
        unite="niveau (0 à 8)", niveaux=NIVEAUX, calcul=_par_domaine(_code),
        source=agregats.SOURCE, sens="hausse",
        description="Moyenne, sur les personnes, de leur niveau moyen dans ce domaine du CRCN "
        "(dernier diagnostic terminé de chacun). Masqué sous 5 personnes.",
    ))  # fmt: skip
