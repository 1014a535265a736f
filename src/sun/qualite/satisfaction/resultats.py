"""Results of the questionnaire on the State observatoire's formulas (NOTES-relation §5.2), by
démarche, service, channel and month: satisfaction /10, simplicité du langage /10, aide
joignable (% of « Oui »), aide efficace /10, niveau d'autonomie (% of « Je n'ai pas eu
besoin d'aide » among the answers to step 3), each with its number of answers. A score
computed on fewer than 5 answers is not shown; demonstration answers are counted apart."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from sun.core.indicators import NON_AFFICHE
from sun.qualite.satisfaction import questionnaire as q

SOURCE = "Questionnaire de satisfaction (SUN, compatible « Je donne mon avis ») et imports JDMA"
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]  # fmt: skip


@dataclass
class Cumul:
    """The running sums of one group of answers."""

    n: int = 0
    points_satisfaction: float = 0.0
    n_clarte: int = 0
    points_clarte: float = 0.0
    n_joint: int = 0
    oui: int = 0
    n_efficace: int = 0
    points_efficace: float = 0.0
    n_autonomie: int = 0
    autonomes: int = 0

    def ajouter(self, satisfaction, comprehension, joint: dict, qualite: dict, autonome) -> None:
        self.n += 1
        self.points_satisfaction += q.POINTS_SATISFACTION.get(satisfaction, 0.0)
        if comprehension in q.POINTS_1_5:
            self.n_clarte += 1
            self.points_clarte += q.POINTS_1_5[comprehension]
        for valeur in (joint or {}).values():
            self.n_joint += 1
            self.oui += valeur is True
        for note in (qualite or {}).values():
            if note in q.POINTS_1_5:
                self.n_efficace += 1
                self.points_efficace += q.POINTS_1_5[note]
        if autonome is not None:
            self.n_autonomie += 1
            self.autonomes += bool(autonome)

    @staticmethod
    def _moyenne(points: float, n: int, facteur: float = 1.0) -> float | None:
        return round(points * facteur / n, 1) if n >= q.SEUIL_AFFICHAGE else None

    @property
    def satisfaction(self) -> float | None:
        return self._moyenne(self.points_satisfaction, self.n)

    @property
    def simplicite(self) -> float | None:
        return self._moyenne(self.points_clarte, self.n_clarte)

    @property
    def joignable(self) -> float | None:  # a percentage
        return self._moyenne(self.oui, self.n_joint, 100.0)

    @property
    def efficace(self) -> float | None:
        return self._moyenne(self.points_efficace, self.n_efficace)

    @property
    def autonomie(self) -> float | None:  # a percentage
        return self._moyenne(self.autonomes, self.n_autonomie, 100.0)


@dataclass(frozen=True)
class Cellule:
    texte: str
    niveau: str = ""  # « bien », « moyen », « faible »: the colour, always with its words


def _nombre(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def _score(valeur: float | None, n: int, unite: str, joignable: bool = False,
           colore: bool = True) -> Cellule:  # fmt: skip
    if valeur is None:
        return Cellule(NON_AFFICHE if n else "—")
    texte = f"{_nombre(valeur)} {unite}"
    avis = q.appreciation(valeur, joignable=joignable) if colore else None
    return Cellule(f"{texte} — {avis.libelle}", avis.niveau) if avis else Cellule(texte)


def _effectif(n: int) -> Cellule:
    if n == 0:
        return Cellule("0")
    return (
        Cellule(NON_AFFICHE) if n < q.SEUIL_AFFICHAGE else Cellule(f"{n:,}".replace(",", "\u202f"))
    )


COLONNES = ["Avis", "Satisfaction", "Simplicité du langage", "Aide joignable", "Aide efficace",
            "Niveau d'autonomie"]  # fmt: skip


def cellules(c: Cumul) -> list[Cellule]:
    return [
        _effectif(c.n), _score(c.satisfaction, c.n, "/10"),
        _score(c.simplicite, c.n_clarte, "/10"), _score(c.joignable, c.n_joint, "%", True),
        _score(c.efficace, c.n_efficace, "/10"), _score(c.autonomie, c.n_autonomie, "%", colore=False),
    ]  # fmt: skip


@dataclass
class Tableau:
    code: str
    titre: str
    premiere: str  # the first column's heading
    lignes: list[tuple[str, Cumul]]

    @property
    def colonnes(self) -> list[str]:
        return [self.premiere, *COLONNES]

    @property
    def rangees(self) -> list[tuple[str, list[Cellule]]]:
        return [(libelle, cellules(c)) for libelle, c in self.lignes]


@dataclass
class Resultats:
    ensemble: Cumul = field(default_factory=Cumul)
    tableaux: dict[str, Tableau] = field(default_factory=dict)
    mois: list[tuple[str, Cumul]] = field(default_factory=list)
    demonstration: int = 0
    dernier: datetime | None = None


def libelle_mois(annee: int, mois: int) -> str:
    return f"{MOIS[mois - 1]} {annee}"


def calculer(lignes, canaux: dict[str, str], demonstration: int = 0) -> Resultats:
    """`lignes`: the rows of `AvisQuerySet.pour_resultats()` (one pass, grouped in memory)."""
    r = Resultats(demonstration=demonstration)
    groupes: dict[str, dict] = {
        k: defaultdict(Cumul) for k in ("demarche", "service", "canal", "mois")
    }
    for (recu_le, canal, _d, demarche, _s, service, _ds, service_demarche, satisfaction,
         comprehension, joint, qualite, autonome) in lignes:  # fmt: skip
        local = timezone.localtime(recu_le)
        cles = {
            "demarche": demarche or "Sans démarche (lieu, guichet, site)",
            "service": service or service_demarche or "Sans service",
            "canal": canaux.get(canal, "Canal non précisé"), "mois": (local.year, local.month),
        }  # fmt: skip
        valeurs = (satisfaction, comprehension, joint, qualite, autonome)
        r.ensemble.ajouter(*valeurs)
        for nom, cle in cles.items():
            groupes[nom][cle].ajouter(*valeurs)
        r.dernier = recu_le if r.dernier is None or recu_le > r.dernier else r.dernier
    tri = lambda g: sorted(g.items(), key=lambda x: (-x[1].n, x[0]))  # noqa: E731
    r.tableaux = {
        "demarches": Tableau("demarches", "Par démarche", "Démarche", tri(groupes["demarche"])),
        "services": Tableau("services", "Par service", "Service", tri(groupes["service"])),
        "canaux": Tableau("canaux", "Par canal", "Canal", tri(groupes["canal"])),
    }
    r.mois = [(libelle_mois(*cle), c) for cle, c in sorted(groupes["mois"].items())]
    r.tableaux["mois"] = Tableau("mois", "Mois par mois", "Mois", r.mois)
    return r


def lignes_csv(r: Resultats) -> list[list[str]]:
    """Every table in one CSV: a « Regroupement » column, then the table's columns."""
    lignes = [["Regroupement", "Valeur", *COLONNES]]
    lignes.append(["Ensemble", "Tous les avis", *(c.texte for c in cellules(r.ensemble))])
    for t in r.tableaux.values():
        lignes += [[t.premiere, libelle, *(c.texte for c in cs)] for libelle, cs in t.rangees]
    return lignes


def obtenir(**filtres) -> Resultats:
    """The results of the real answers under the page's filters (service, démarche, canal,
    du, au), with the number of demonstration answers under the same filters apart."""
    from sun.qualite.models import Avis
    from sun.relation.models import CanalDemande

    lignes = Avis.objects.reels().filtrer(**filtres).pour_resultats().iterator()
    demonstration = Avis.objects.demonstration().filtrer(**filtres).count()
    return calculer(lignes, dict(CanalDemande.choices), demonstration)
