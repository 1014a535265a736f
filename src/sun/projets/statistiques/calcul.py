"""The figures of the statistics page and command: requests by type, tool, direction, nature
and month, open and closed, median lead time by type, tool and direction. Counts are about
requests, not people: not masked; a direction's lead time on fewer than SEUIL_DELAI closed
requests is not shown. Demonstration requests and duplicates are never counted."""

from dataclasses import dataclass, field
from datetime import date
from statistics import median

from django.utils import timezone

from sun.core.indicators import SEUIL_PERSONNES
from sun.projets.models import Demande
from sun.projets.models.demandes import Nature
from sun.projets.statistiques.queries import dernier_import_glpi

SEUIL_DELAI = SEUIL_PERSONNES
NON_AFFICHE = "non affiché"
OUVERTES = ("nouvelle", "qualifiee", "planifiee", "en_cours")
SANS = {"type__libelle": "(sans type)", "outil__nom": "(outil non renseigné)",
        "direction__nom": "(direction non renseignée)"}  # fmt: skip
MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre")  # fmt: skip


@dataclass
class Barre:
    libelle: str
    valeur: int
    masquee: bool = False


@dataclass
class Tableau:
    code: str
    titre: str
    colonnes: list[str]
    lignes: list[list] = field(default_factory=list)
    graphique: list[Barre] = field(default_factory=list)
    unite_graphique: str = "nombre de demandes"
    note: str = ""

    @property
    def vide(self) -> bool:
        return not self.lignes


@dataclass
class Statistiques:
    total: int
    demonstration: int
    tableaux: dict[str, Tableau]
    source: str
    date_donnees: object  # the newest request counted (a datetime) or None


def source(dernier_import) -> str:
    quand = f"le {timezone.localtime(dernier_import):%d/%m/%Y}" if dernier_import else "(aucun)"
    return f"Demandes saisies dans SUN et tickets GLPI importés {quand}"


def _compte(code, titre, colonne, paires) -> Tableau:
    t = Tableau(code, titre, [colonne, "Demandes"])
    for libelle, n in paires:
        t.lignes.append([libelle, n])
        t.graphique.append(Barre(str(libelle), n))
    return t


def _repartition(qs, code, titre, colonne, champ) -> Tableau:
    return _compte(code, titre, colonne,
                   [(v if v else SANS[champ], n) for v, n in qs.effectifs_par(champ)])  # fmt: skip


def _mois(qs, fin: date) -> Tableau:
    debuts = []
    annee, mois = fin.year, fin.month
    for _ in range(12):
        debuts.append(date(annee, mois, 1))
        annee, mois = (annee, mois - 1) if mois > 1 else (annee - 1, 12)
    debuts.reverse()
    effectifs = qs.selon(du=debuts[0], au=fin).effectifs_par_mois()
    t = _compte("mois", "Demandes par mois (12 derniers mois)", "Mois",
                [(f"{MOIS[d.month - 1]} {d.year}", effectifs.get(d, 0)) for d in debuts])  # fmt: skip
    if not any(n for _, n in t.lignes):
        t.lignes = []
    return t


def _jours(creee, close) -> float:
    return max((close - creee).total_seconds(), 0) / 86400


def _delais(delais, index: int, code, titre, colonne, champ, seuil: int = 0) -> Tableau:
    groupes: dict[str, list[float]] = {}
    for ligne in delais:
        groupes.setdefault(ligne[index] or SANS[champ], []).append(_jours(ligne[3], ligne[4]))
    t = Tableau(code, titre, [colonne, "Demandes closes", "Délai médian (jours)"],
                unite_graphique="délai médian en jours, de la création à la clôture")  # fmt: skip
    for libelle, jours in sorted(groupes.items(), key=lambda p: (-len(p[1]), p[0])):
        if len(jours) < seuil:
            t.lignes.append([libelle, len(jours), NON_AFFICHE])
            t.graphique.append(Barre(libelle, 0, masquee=True))
        else:
            m = round(median(jours), 1)
            t.lignes.append([libelle, len(jours), m])
            t.graphique.append(Barre(libelle, round(m)))
    if seuil:
        t.note = (f"Délai non affiché pour une direction de moins de {seuil} demandes closes "
                  "dans la sélection.")  # fmt: skip
    return t


def obtenir(criteres: dict, aujourd_hui: date | None = None) -> Statistiques:
    aujourd_hui = aujourd_hui or timezone.localdate()
    tout = Demande.objects.selon(**criteres)
    qs = tout.comptees()
    natures = dict(Nature.choices)
    t = {}
    t["type"] = _repartition(qs, "type", "Demandes par type", "Type", "type__libelle")
    t["outil"] = _repartition(qs, "outil", "Demandes par outil", "Outil", "outil__nom")
    t["direction"] = _repartition(qs, "direction", "Demandes par direction", "Direction",
                                  "direction__nom")  # fmt: skip
    t["nature"] = _compte("nature", "Demandes par nature", "Nature",
                          [(natures.get(v, v), n) for v, n in qs.effectifs_par("nature")])  # fmt: skip
    t["mois"] = _mois(qs, criteres.get("au") or aujourd_hui)
    ouvertes = qs.filter(statut__in=OUVERTES).count()
    total = qs.count()
    t["etat"] = _compte("etat", "Demandes ouvertes et closes", "État",
                        [("Ouvertes", ouvertes), ("Closes (réalisées ou rejetées)",
                                                  total - ouvertes)] if total else [])  # fmt: skip
    delais = list(qs.delais())
    t["delai_type"] = _delais(delais, 0, "delai_type", "Délai médian de traitement par type",
                              "Type", "type__libelle")  # fmt: skip
    t["delai_outil"] = _delais(delais, 1, "delai_outil", "Délai médian de traitement par outil",
                               "Outil", "outil__nom")  # fmt: skip
    t["delai_direction"] = _delais(delais, 2, "delai_direction",
                                   "Délai médian de traitement par direction", "Direction",
                                   "direction__nom", seuil=SEUIL_DELAI)  # fmt: skip
    return Statistiques(total=total, demonstration=tout.de_demonstration().count(),
                        tableaux=t, source=source(dernier_import_glpi()),
                        date_donnees=qs.derniere_creee())  # fmt: skip
