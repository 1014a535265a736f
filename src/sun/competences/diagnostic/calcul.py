"""Computations of the skills diagnosis: reading the answers typed in a form, a person's
result (level and stage per competence, mean per domain, what to strengthen) and the
aggregated figures of a group of people (masked under 5 by the callers)."""

from dataclasses import dataclass
from statistics import fmean

from sun.competences import referentiel
from sun.competences.erreurs import Refus

DUREE = "environ 8 minutes"
TOTAL = len(referentiel.COMPETENCES)


def _code(cle: str) -> str | None:
    """The competence code of a form field (`niveau_1.1`) or of a dict key (`1.1`)."""
    if cle.startswith("niveau_"):
        return cle.removeprefix("niveau_")
    return cle if cle[:1].isdigit() else None


def lire_reponses(saisie) -> dict[str, int]:
    """The answers of a form (`niveau_1.1` = « 3 »…) or of a dict {code: level}; an empty
    answer is simply not given, other fields are ignored. Raises Refus on an unknown
    competence or a level outside 0–8."""
    reponses: dict[str, int] = {}
    lecture = saisie.lists() if hasattr(saisie, "lists") else dict(saisie).items()
    for cle, valeur in lecture:
        code = _code(str(cle))
        if code is None:
            continue
        if isinstance(valeur, list | tuple):
            valeur = valeur[-1] if valeur else ""
        if code not in referentiel.PAR_CODE:
            raise Refus(f"La compétence « {code} » n'existe pas dans le référentiel : rien n'a "
                        "été enregistré.", champ=str(cle))  # fmt: skip
        texte = str(valeur).strip()
        if texte == "":
            continue
        niveau = int(texte) if texte.isdigit() else -1
        if not 0 <= niveau <= referentiel.NIVEAU_MAX:
            libelle = referentiel.PAR_CODE[code].libelle
            raise Refus(f"Le niveau « {texte} » n'est pas valide pour « {code} {libelle} » : "
                        f"choisissez un niveau de 0 à {referentiel.NIVEAU_MAX}. Rien n'a été "
                        "enregistré.", champ=f"niveau_{code}")  # fmt: skip
        reponses[code] = niveau
    return reponses


def manquantes(reponses: dict) -> list[referentiel.Competence]:
    """The competences not answered yet, in the framework's order."""
    return [c for c in referentiel.COMPETENCES if c.code not in reponses]


@dataclass(frozen=True)
class LigneCompetence:
    competence: referentiel.Competence
    niveau: int | None

    @property
    def stade(self) -> str:
        return referentiel.stade(self.niveau) if self.niveau is not None else "Non renseigné"

    @property
    def a_renforcer(self) -> bool:
        return self.niveau is not None and self.niveau < referentiel.SEUIL_A_RENFORCER

    @property
    def libelle_niveau(self) -> str:
        return referentiel.NIVEAUX.get(self.niveau, "") if self.niveau is not None else ""


@dataclass(frozen=True)
class Domaine:
    code: str
    libelle: str
    lignes: list[LigneCompetence]

    @property
    def moyenne(self) -> float | None:
        niveaux = [ligne.niveau for ligne in self.lignes if ligne.niveau is not None]
        return round(fmean(niveaux), 1) if niveaux else None


@dataclass(frozen=True)
class Resultat:
    domaines: list[Domaine]

    @property
    def lignes(self) -> list[LigneCompetence]:
        return [ligne for d in self.domaines for ligne in d.lignes]

    @property
    def a_renforcer(self) -> list[LigneCompetence]:
        return [ligne for ligne in self.lignes if ligne.a_renforcer]

    @property
    def moyenne(self) -> float | None:
        niveaux = [ligne.niveau for ligne in self.lignes if ligne.niveau is not None]
        return round(fmean(niveaux), 1) if niveaux else None

    @property
    def nb_repondues(self) -> int:
        return sum(1 for ligne in self.lignes if ligne.niveau is not None)


def resultat(reponses: dict) -> Resultat:
    """A person's result, competence by competence, grouped by domain."""
    return Resultat([
        Domaine(code, libelle, [LigneCompetence(c, reponses.get(c.code))
                                for c in referentiel.COMPETENCES if c.domaine == code])
        for code, libelle in referentiel.DOMAINES.items()
    ])  # fmt: skip


def competences_de_session(session) -> set[str]:
    """The competences a session works on: those it names, else its theme's."""
    return set(session.competences or referentiel.THEME_COMPETENCES.get(session.theme, ()))


def propositions(a_renforcer: list[LigneCompetence], sessions) -> list[tuple]:
    """(line, [sessions]) for each competence to strengthen: the sessions working on it."""
    sessions = list(sessions)
    return [
        (ligne, [s for s in sessions if ligne.competence.code in competences_de_session(s)])
        for ligne in a_renforcer
    ]


# --- aggregated figures ----------------------------------------------------------------------
@dataclass(frozen=True)
class Agregat:
    """Mean levels over a group of people (one finished diagnosis each)."""

    nb_personnes: int
    par_competence: dict[str, float]
    par_domaine: dict[str, float]
    moyenne: float | None


def agreger(liste_reponses: list[dict]) -> Agregat:
    """Mean level per competence, per domain (mean of each person's domain mean) and overall
    (mean of each person's mean), over the answers of finished diagnoses."""
    liste = [r for r in liste_reponses if r]
    par_competence = {}
    for c in referentiel.COMPETENCES:
        niveaux = [r[c.code] for r in liste if c.code in r]
        if niveaux:
            par_competence[c.code] = round(fmean(niveaux), 1)
    par_domaine = {}
    for code in referentiel.DOMAINES:
        moyennes = [m for m in (resultat(r).domaines[int(code) - 1].moyenne for r in liste)
                    if m is not None]  # fmt: skip
        if moyennes:
            par_domaine[code] = round(fmean(moyennes), 1)
    moyennes = [m for m in (resultat(r).moyenne for r in liste) if m is not None]
    return Agregat(len(liste), par_competence, par_domaine,
                   round(fmean(moyennes), 1) if moyennes else None)  # fmt: skip
