"""The telephone figures of a service (or of every service) for a period, computed in a handful
of GROUP BYs and kept once per version of the telephone data (`qualite/versions.py`). Plain
values only: the result goes into the cache.

Per service and period: calls received, pick-up rate against the queues' target, waits p50 and
p90 of the answered calls (from a histogram of waits grouped in SQL), short abandons, calls
outside hours, calls answered within the threshold, the weekday × half-hour heat map, the trend
month by month. Demonstration calls are counted apart, never in these figures."""

from dataclasses import dataclass, field
from datetime import date

from sun.core.calculs_versionnes import calcul_versionne
from sun.core.text import heure
from sun.qualite.telephonie.statistiques import chiffres as ch
from sun.qualite.telephonie.statistiques.periodes import MOIS, Periode
from sun.relation.statistiques.percentiles import par_groupe

JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def creneau(demi_heure: int) -> str:
    """17 → « 8 h 30 – 9 h »."""
    debut, fin = demi_heure * 30, demi_heure * 30 + 30
    return f"{heure(debut // 60, debut % 60)} – {heure(fin // 60 % 24, fin % 60)}"


@dataclass
class Ligne:
    """The figures of one group (a service, a queue, a month): shown values, masked already."""

    libelle: str
    cle: str
    recus: int | str
    a_decrocher: int | str
    taux: float | None
    objectif: str
    atteint: bool | None
    p50: float | None
    p90: float | None
    abandons_courts: int | str
    hors_horaires: int | str
    dans_le_seuil: float | None

    @property
    def affiche(self) -> dict[str, str]:
        """The counts formatted for a page."""
        textes = {c: ch.affiche(getattr(self, c)) for c in ("recus", "a_decrocher",
                                                            "abandons_courts", "hors_horaires")}  # fmt: skip
        return {**textes, "p50": ch.duree(self.p50), "p90": ch.duree(self.p90)}


@dataclass
class Tableau:
    periode: str
    du: date
    au: date
    recus: int
    demonstration: dict
    date_donnees: date | None
    objectif: str
    objectif_unique: int | None
    abandon_court: str
    seuil_reponse: str
    chiffres: Ligne | None = None
    files: list[Ligne] = field(default_factory=list)
    mois: list[Ligne] = field(default_factory=list)
    jours: list[int] = field(default_factory=list)  # weekdays shown in the heat map
    carte: list[tuple[str, list[int | str]]] = field(default_factory=list)  # per half-hour
    carte_max: int = 0
    reglages: dict = field(default_factory=dict)

    @property
    def carte_affichee(self) -> list[tuple[str, list[str]]]:
        return [(libelle, [ch.affiche(c) for c in cellules]) for libelle, cellules in self.carte]

    @property
    def trop_peu(self) -> bool:
        return 0 < self.recus < ch.SEUIL


def _ligne(libelle, cle, c: dict, histo: dict, objectifs: set[int]) -> Ligne:
    taux = ch.part(c["decroches"], c["a_decrocher"])
    p50, p90 = ch.percentiles(histo)
    objectif = next(iter(objectifs)) if len(objectifs) == 1 else None
    return Ligne(
        libelle=libelle, cle=cle, recus=ch.compte(c["recus"]),
        a_decrocher=ch.compte(c["a_decrocher"]), taux=taux,
        objectif=ch.valeurs(objectifs, " %"),
        atteint=None if taux is None or objectif is None else taux >= objectif,
        p50=p50, p90=p90, abandons_courts=ch.compte(c["abandons_courts"]),
        hors_horaires=ch.compte(c["hors_horaires"]),
        dans_le_seuil=ch.part(c["dans_le_seuil"], c["a_decrocher"]),
    )  # fmt: skip


def _demonstration(qs) -> dict:
    c = qs.chiffres()
    return {"recus": c["recus"], "taux": ch.part(c["decroches"], c["a_decrocher"])}


def _carte(tableau: Tableau, comptes: dict) -> None:
    """The heat map: calls received per weekday (columns) and half-hour (rows), over the
    half-hours from the first to the last with calls, Saturday and Sunday only if they have
    calls."""
    if not comptes:
        return
    jours = sorted({j for j, _ in comptes} | {1, 2, 3, 4, 5})
    heures = [h for _, h in comptes]
    tableau.jours = jours
    tableau.carte_max = max(c["recus"] for c in comptes.values())
    for h in range(min(heures), max(heures) + 1):
        cellules = [ch.compte(comptes.get((j, h), {}).get("recus", 0)) for j in jours]
        tableau.carte.append((creneau(h), cellules))


def calculer_service(service_id: int, periode: Periode) -> Tableau:
    """Every figure of the service's telephone dashboard for `periode` (not kept: see
    `obtenir_service`)."""
    from sun.qualite.models import Appel, FileAttente

    files = list(FileAttente.objects.du_service(service_id).order_by("nom"))
    base = Appel.objects.du_service(service_id)
    reels = base.reels().entre(periode.du, periode.au)
    c = reels.chiffres()
    objectifs = {f.objectif_decroche for f in files}
    tableau = Tableau(
        periode=periode.libelle, du=periode.du, au=periode.au, recus=c["recus"],
        demonstration=_demonstration(base.de_demonstration().entre(periode.du, periode.au)),
        date_donnees=c["dernier"], objectif=ch.valeurs(objectifs, " %"),
        objectif_unique=next(iter(objectifs)) if len(objectifs) == 1 else None,
        abandon_court=ch.valeurs({f.abandon_court_s for f in files}, " s"),
        seuil_reponse=ch.valeurs({f.seuil_reponse_s for f in files}, " s"),
        reglages={f.pk: (f.nom, f.code, f.objectif_decroche, f.abandon_court_s,
                         f.seuil_reponse_s) for f in files},
    )  # fmt: skip
    if not c["recus"] or tableau.trop_peu:
        return tableau
    histo = {v: n for v, n in reels.histogramme_attente()}
    tableau.chiffres = _ligne("Ensemble du service", "", c, histo, objectifs)
    par_file = reels.chiffres_par("file_id")
    histos = par_groupe(reels.histogramme_attente("file_id"))
    for f in files:
        if f.pk in par_file:
            tableau.files.append(_ligne(f.nom, str(f.pk), par_file[f.pk], histos.get(f.pk, {}),
                                        {f.objectif_decroche}))  # fmt: skip
    tendance = base.reels().entre(periode.debut_tendance(), periode.au)
    histos_mois = par_groupe(tendance.histogramme_attente_par_mois())
    for mois, cm in sorted(tendance.chiffres_par_mois().items()):
        libelle = f"{MOIS[mois.month - 1]} {mois.year}"
        tableau.mois.append(_ligne(libelle, f"{mois:%Y-%m}", cm, histos_mois.get(mois, {}),
                                   objectifs))  # fmt: skip
    _carte(tableau, reels.chiffres_par("jour_semaine", "demi_heure"))
    return tableau


def empreinte_telephonie(*autres) -> str:
    """What the telephone figures depend on: the calls, queues and rota, the services'
    names (catalogue), and `autres` (service, period…)."""
    from sun.core.versions import empreinte
    from sun.qualite.versions import TELEPHONIE
    from sun.relation.versions import CATALOGUE

    return empreinte([TELEPHONIE, CATALOGUE], *autres)


def obtenir_service(service_id: int, periode: Periode, cle: str | None = None) -> Tableau:
    """`calculer_service`, kept until the telephone data change."""
    cle = cle or empreinte_telephonie(service_id, periode.cle())
    return calcul_versionne(f"telephonie-service:{service_id}:{periode.cle()}", cle,
                            lambda: calculer_service(service_id, periode))  # fmt: skip


@dataclass
class Liste:
    periode: str
    services: list[Ligne] = field(default_factory=list)
    sans_service: list[tuple[int, str, str, int | str]] = field(default_factory=list)
    demonstration: dict = field(default_factory=dict)
    date_donnees: date | None = None


def calculer_liste(periode: Periode) -> Liste:
    """One line per service with queues, and the queues tied to no service."""
    from sun.qualite.models import Appel, FileAttente

    reels = Appel.objects.reels().entre(periode.du, periode.au)
    par_service = reels.chiffres_par("file__service_id")
    histos = par_groupe(reels.histogramme_attente("file__service_id"))
    files = list(FileAttente.objects.avec_services())
    liste = Liste(periode=periode.libelle, date_donnees=reels.dernier_jour(),
                  demonstration=_demonstration(Appel.objects.de_demonstration()
                                               .entre(periode.du, periode.au)))  # fmt: skip
    services: dict[int, tuple[str, str, set[int]]] = {}
    for f in files:
        if f.service_id is None:
            liste.sans_service.append((f.pk, f.nom, f.code, "—"))
            continue
        nom, code, objectifs = services.setdefault(f.service_id, (f.service.nom,
                                                                   f.service.code, set()))  # fmt: skip
        objectifs.add(f.objectif_decroche)
    sans = reels.filter(file__service__isnull=True).chiffres_par("file_id")
    liste.sans_service = [(pk, nom, code, ch.compte(sans.get(pk, {}).get("recus", 0)))
                          for pk, nom, code, _ in liste.sans_service]  # fmt: skip
    vide = dict.fromkeys(("recus", "a_decrocher", "decroches", "abandons", "abandons_courts",
                          "hors_horaires", "svi_seul", "dans_le_seuil"), 0)  # fmt: skip
    for pk, (nom, code, objectifs) in sorted(services.items(), key=lambda x: x[1][0]):
        c = par_service.get(pk, vide)
        liste.services.append(_ligne(nom, code, c, histos.get(pk, {}), objectifs))
    return liste


def obtenir_liste(periode: Periode) -> Liste:
    cle = empreinte_telephonie("liste", periode.cle())
    return calcul_versionne(f"telephonie-liste:{periode.cle()}", cle,
                            lambda: calculer_liste(periode))  # fmt: skip
