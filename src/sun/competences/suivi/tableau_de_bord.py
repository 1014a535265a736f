"""The follow-up page's figures, every one read through the indicator registry (with its
source and date): people trained per direction and per theme, hours, satisfaction, the share of
elected officials trained, for one calendar year."""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from sun.competences import referentiel
from sun.competences.models import Direction
from sun.competences.suivi import queries
from sun.core.indicators import Niveau, Periode, Valeur, obtenir


@dataclass(frozen=True)
class Barre:
    """A bar of `sun.core.graphiques.graphique_barres`."""

    libelle: str
    valeur: int
    masquee: bool


@dataclass(frozen=True)
class LigneDirection:
    direction: Direction
    formes: Valeur
    heures: Valeur
    satisfaction: Valeur


@dataclass
class Suivi:
    annee: int
    periode: Periode
    annees: list[int]
    chiffres: dict[str, Valeur] = field(default_factory=dict)
    directions: list[LigneDirection] = field(default_factory=list)
    themes: list[tuple[str, Valeur]] = field(default_factory=list)

    @property
    def barres_directions(self) -> list[Barre]:
        return [_barre(ligne.direction.sigle or ligne.direction.nom, ligne.formes)
                for ligne in self.directions]  # fmt: skip

    @property
    def barres_themes(self) -> list[Barre]:
        return [_barre(libelle, valeur) for libelle, valeur in self.themes]

    @property
    def notes(self) -> list[str]:
        """The distinct notes of the department-wide figures (demonstration left out…)."""
        return sorted({v.note.rstrip(".") for v in self.chiffres.values() if v.note})


def _barre(libelle: str, valeur: Valeur) -> Barre:
    return Barre(libelle, valeur.valeur or 0, valeur.valeur is None)


def annee_choisie(texte: str | None) -> int:
    """The year asked for (« 2025 »), when it has sessions or is this year; else this year."""
    annee = timezone.localdate().year
    if texte and texte.isdigit() and int(texte) in queries.annees_disponibles():
        return int(texte)
    return annee


def periode_de(annee: int) -> Periode:
    aujourd_hui = timezone.localdate()
    return Periode.annee(annee, jusqu_au=aujourd_hui if annee == aujourd_hui.year else None)


def _valeur(code: str, niveau: Niveau, territoire: str, periode: Periode) -> Valeur:
    return obtenir(code).calculer(niveau, territoire, periode=periode)


def suivi(annee: int) -> Suivi:
    periode = periode_de(annee)
    annees = sorted(set(queries.annees_disponibles()) | {timezone.localdate().year}, reverse=True)
    s = Suivi(annee=annee, periode=periode, annees=annees)
    for cle, code in (("agents", "competences.agents_formes"),
                      ("elus", "competences.elus_formes"),
                      ("part_elus", "competences.part_elus_formes"),
                      ("heures", "competences.heures_formation"),
                      ("satisfaction", "competences.satisfaction_formations")):  # fmt: skip
        s.chiffres[cle] = _valeur(code, Niveau.DEPARTEMENT, settings.SUN_DEPARTEMENT, periode)
    for direction in Direction.objects.reels().order_by("nom"):
        d = direction.code
        s.directions.append(LigneDirection(
            direction,
            _valeur("competences.agents_formes", Niveau.DIRECTION, d, periode),
            _valeur("competences.heures_formation", Niveau.DIRECTION, d, periode),
            _valeur("competences.satisfaction_formations", Niveau.DIRECTION, d, periode),
        ))  # fmt: skip
    for theme, libelle in referentiel.THEMES:
        s.themes.append((libelle, _valeur(f"competences.formes_{theme}", Niveau.DEPARTEMENT,
                                          settings.SUN_DEPARTEMENT, periode)))  # fmt: skip
    return s


COLONNES_NOMS = ("Nom", "Prénom", "Catégorie", "Direction", "Sessions suivies", "Heures")


def lignes_noms(annee: int) -> list[list]:
    """The people trained in the year, for the training service only (CSV and page)."""
    periode = periode_de(annee)
    return [[p["personne"].nom, p["personne"].prenom, p["categorie"],
             str(p["direction"]) if p["direction"] else "",
             " | ".join(f"{s.titre} ({s.debut:%d/%m/%Y})" for s in p["sessions"]),
             round(p["heures"], 1)]
            for p in queries.personnes_formees(periode.du, periode.au)]  # fmt: skip
