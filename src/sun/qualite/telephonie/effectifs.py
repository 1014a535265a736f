"""The staffing aid: for each weekday and half-hour of a queue's opening hours, the agents
needed to reach a service level, from the observed arrivals and handling time, next to the
agents the service put in its rota.

- arrivals: the calls that reached the queue (not the IVR alone, not outside hours) in that
  half-hour, averaged over the number of such weekdays between the first and last day with
  calls of the period;
- handling time: the mean talk time of the answered calls, plus the wrap-up time given on the
  page;
- model: Erlang A (callers abandon; mean patience = total waiting time of the queued calls ÷
  abandons, the maximum-likelihood estimate for exponential patience) when the period has at
  least `ABANDONS_MIN` abandons, else Erlang C (callers never hang up).
"""

from dataclasses import dataclass, field
from datetime import date

from sun.qualite.telephonie import erlang
from sun.qualite.telephonie.statistiques.chiffres import SEUIL
from sun.qualite.telephonie.statistiques.periodes import Periode
from sun.qualite.telephonie.statistiques.tableau import JOURS, creneau

ABANDONS_MIN = 30  # abandons needed to estimate the patience
# Under Erlang C nobody hangs up: « answered » is then read as « answered within a minute ».
PATIENCE_SUPPOSEE_S = 60
DEMI_HEURE_S = 1800
OUVERTURE_PAR_DEFAUT = (range(1, 6), range(17, 35))  # Monday–Friday, 8 h 30 – 17 h 30


@dataclass(frozen=True)
class Objectif:
    cible: float  # share of calls, 0–1
    delai_s: int | None  # None: answered at all (not abandoned)

    @property
    def libelle(self) -> str:
        pourcentage = f"{self.cible * 100:g} %".replace(".", ",")
        if self.delai_s is None:
            return f"{pourcentage} des appels décrochés"
        return f"{pourcentage} des appels décrochés en {self.delai_s} s au plus"

    def cle(self) -> str:
        return f"{self.cible}|{self.delai_s}"


OBJECTIFS = {
    "decroche": Objectif(0.85, None),
    "80en20": Objectif(0.80, 20),
}


def plage(creneaux: set[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The weekdays and the run of half-hours (first to last) of the opening hours, from the
    half-hours with calls or in the rota; Monday–Friday 8 h 30 – 17 h 30 when there are none."""
    if not creneaux:
        return list(OUVERTURE_PAR_DEFAUT[0]), list(OUVERTURE_PAR_DEFAUT[1])
    heures = [h for _, h in creneaux]
    return sorted({j for j, _ in creneaux}), list(range(min(heures), max(heures) + 1))


def plage_de_la_file(file_id: int) -> tuple[list[int], list[int]]:
    from sun.qualite.models import Appel, Effectif

    creneaux = Appel.objects.reels().de_la_file(file_id).creneaux_ouverts()
    return plage(creneaux | set(Effectif.objects.grille(file_id)))


@dataclass
class Creneau:
    demi_heure: int
    libelle: str
    appels: float  # mean arrivals per such half-hour
    charge: float  # erlangs
    necessaires: int
    en_poste: int | None
    ecart: int | None  # en_poste − necessaires

    @property
    def texte_ecart(self) -> str:
        if self.ecart is None:
            return "planning non saisi"
        if self.ecart == 0:
            return "juste ce qu'il faut"
        n = abs(self.ecart)
        if self.ecart < 0:
            return f"il manque {n} agent{'s' if n > 1 else ''}"
        return f"{n} agent{'s' if n > 1 else ''} de plus que nécessaire"


@dataclass
class Effectifs:
    periode: str
    objectif: str
    modele: str  # « Erlang A » or « Erlang C »
    raison: str
    du: date | None
    au: date | None
    decroches: int
    abandons: int
    duree_moyenne_s: float | None
    apres_appel_s: int
    patience_s: float | None
    planning_saisi: bool
    jours: list[tuple[str, list[Creneau]]] = field(default_factory=list)
    manques: int = 0  # half-hours short of agents
    impossible: str = ""  # why nothing could be computed


def necessaires(charge: float, duree: float, objectif: Objectif, patience: float | None) -> int:
    """Agents needed for `charge` erlangs under the objective (Erlang A with a patience, else
    Erlang C)."""
    if patience is not None:
        return erlang.agents_erlang_a(charge, duree, patience, objectif.cible, objectif.delai_s)
    delai = objectif.delai_s if objectif.delai_s is not None else PATIENCE_SUPPOSEE_S
    return erlang.agents_erlang_c(charge, duree, objectif.cible, delai)


def calculer(file_id: int, periode: Periode, objectif: Objectif, apres_appel_s: int) -> Effectifs:
    from sun.qualite.models import Appel, Effectif

    appels = Appel.objects.reels().de_la_file(file_id).entre(periode.du, periode.au)
    d = appels.durees()
    planning = Effectif.objects.grille(file_id)
    resultat = Effectifs(
        periode=periode.libelle, objectif=objectif.libelle, modele="Erlang C", raison="",
        du=d["premier"], au=d["dernier"], decroches=d["decroches"], abandons=d["abandons"],
        duree_moyenne_s=None, apres_appel_s=apres_appel_s, patience_s=None,
        planning_saisi=bool(planning),
    )  # fmt: skip
    if d["decroches"] < SEUIL:
        resultat.impossible = (f"Moins de {SEUIL} appels décrochés sur la période : la durée "
                               "moyenne de traitement ne peut pas être estimée.")  # fmt: skip
        return resultat
    duree = d["conversation"] / d["decroches"] + apres_appel_s
    resultat.duree_moyenne_s = d["conversation"] / d["decroches"]
    if duree <= 0:
        resultat.impossible = "Durée de conversation nulle : rien à calculer."
        return resultat
    patience = None
    if d["abandons"] >= ABANDONS_MIN and d["attente_totale"]:
        patience = d["attente_totale"] / d["abandons"]
        resultat.modele, resultat.patience_s = "Erlang A", patience
        resultat.raison = (f"{d['abandons']} abandons sur la période : assez pour estimer la "
                           "patience des appelants.")  # fmt: skip
    else:
        resultat.raison = (f"{d['abandons']} abandon{'s' if d['abandons'] > 1 else ''} sur la "
                           f"période, moins de {ABANDONS_MIN} : la patience des appelants ne "
                           "peut pas être estimée, le modèle suppose qu'ils attendent.")  # fmt: skip
        if objectif.delai_s is None:
            resultat.raison += (" Sans abandons, « décroché » est lu comme « décroché en "
                                f"{PATIENCE_SUPPOSEE_S} secondes au plus » : au-delà, on suppose "
                                "que l'appelant raccroche.")  # fmt: skip
    nombre_jours = periode.jours_de_semaine(d["premier"], d["dernier"])
    arrivees = appels.arrivees_par_creneau()
    jours, heures = plage(set(arrivees) | set(planning))
    for j in jours:
        lignes = []
        for h in heures:
            n = arrivees.get((j, h), {}).get("arrivees", 0)
            moyenne = n / nombre_jours[j] if nombre_jours[j] else 0.0
            charge = moyenne / DEMI_HEURE_S * duree
            besoin = necessaires(charge, duree, objectif, patience)
            en_poste = planning.get((j, h))
            ecart = None if en_poste is None else en_poste - besoin
            resultat.manques += ecart is not None and ecart < 0
            lignes.append(Creneau(h, creneau(h), round(moyenne, 1), round(charge, 2), besoin,
                                  en_poste, ecart))  # fmt: skip
        resultat.jours.append((JOURS[j - 1], lignes))
    return resultat


def obtenir(file_id: int, periode: Periode, objectif: Objectif, apres_appel_s: int) -> Effectifs:
    """`calculer`, kept until the telephone data (calls, queues, rota) change."""
    from sun.core.calculs_versionnes import calcul_versionne
    from sun.qualite.telephonie.statistiques.tableau import empreinte_telephonie

    nom = f"telephonie-effectifs:{file_id}:{periode.cle()}:{objectif.cle()}:{apres_appel_s}"
    return calcul_versionne(nom, empreinte_telephonie(nom),
                            lambda: calculer(file_id, periode, objectif, apres_appel_s))  # fmt: skip
