"""Reads of the register for the agent space: the list of requests a user may read (searched
and filtered), the contacts found again (« dites-le-nous une fois ») with their other requests,
one request with its history, the démarches grouped by thème, the catalogue list and the key
counts of each service (from the counters, never a count over the register)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Prefetch, Q, Sum

from sun.comptes.roles import a_role
from sun.relation import permissions
from sun.relation.catalogue.recherche import THEMES
from sun.relation.models import (
    OUVERTS,
    CanalDemande,
    CompteurDemandes,
    Demande,
    Demarche,
    Evenement,
    Statut,
    Usager,
)
from sun.relation.queries import demandes
from sun.relation.registre.usagers import cle_courriel, cle_telephone, filtre_nom

CONTACTS_MAX = 8
AUTRES_DEMANDES_MAX = 10


@dataclass
class FiltresDemandes:
    q: str = ""
    service: str = ""
    demarche: str = ""
    statut: str = ""
    canal: str = ""
    reclamations: bool = False

    @classmethod
    def depuis(cls, donnees) -> "FiltresDemandes":
        statut = donnees.get("statut", "")
        canal = donnees.get("canal", "")
        return cls(
            q=(donnees.get("q") or "").strip()[:200],
            service=(donnees.get("service") or "").strip()[:60],
            demarche=(donnees.get("demarche") or "").strip()[:80],
            statut=statut if statut in Statut.values or statut == "ouvertes" else "",
            canal=canal if canal in CanalDemande.values else "",
            reclamations=donnees.get("reclamations") == "1",
        )

    @property
    def actifs(self) -> bool:
        return any((self.q, self.service, self.demarche, self.statut, self.canal,
                    self.reclamations))  # fmt: skip


def lisibles(user):
    """The requests `user` may read (permissions.peut_lire_demande, as a query)."""
    qs = demandes()
    if a_role(user, permissions.AGENT, permissions.ADMIN):
        return qs
    ids = list(permissions.services_lisibles(user).values_list("pk", flat=True))
    return qs.filter(Q(service_id__in=ids) | Q(service_concerne_id__in=ids))


def registre(user, filtres: FiltresDemandes):
    qs = lisibles(user).recherche(filtres.q)
    if filtres.service:
        qs = qs.filter(service__code=filtres.service)
    if filtres.demarche:
        qs = qs.filter(demarche__slug=filtres.demarche)
    if filtres.statut == "ouvertes":
        qs = qs.filter(statut__in=OUVERTS)
    elif filtres.statut:
        qs = qs.filter(statut=filtres.statut)
    if filtres.canal:
        qs = qs.filter(canal=filtres.canal)
    if filtres.reclamations:
        qs = qs.filter(demarche__reclamation=True)
    return qs.select_related("demarche", "service", "usager").order_by("-recue_le", "-pk")


def contacts(texte: str, user=None, *, sauf: int | None = None) -> list[Usager]:
    """The people already known whose name contains, or whose e-mail or phone is, `texte`;
    each with `autres` (their latest requests that `user` may read)."""
    texte = (texte or "").strip()[:200]
    if len(texte) < 2:
        return []
    filtre = Q()
    if "@" in texte:
        filtre |= Q(cle_courriel=cle_courriel(texte))
    if len(tel := cle_telephone(texte)) >= 9:
        filtre |= Q(cle_telephone=tel)
    if (nom := filtre_nom(texte)) is not None and len(tel) < 9 and "@" not in texte:
        filtre |= nom
    if not filtre:
        return []
    qs = Usager.objects.filter(filtre)
    if sauf:
        qs = qs.exclude(pk=sauf)
    trouves = list(qs.order_by("cle_nom", "-pk")[:CONTACTS_MAX])
    _avec_demandes(trouves, user)
    return trouves


def _avec_demandes(usagers: list[Usager], user=None) -> None:
    """Attach to each person `autres`: their latest requests (one query for all)."""
    par_usager: dict[int, list] = {u.pk: [] for u in usagers}
    if par_usager:
        qs = lisibles(user) if user is not None else demandes()
        for d in (qs.filter(usager_id__in=par_usager).select_related("demarche")
                  .order_by("-recue_le", "-pk")):  # fmt: skip
            liste = par_usager[d.usager_id]
            if len(liste) < AUTRES_DEMANDES_MAX:
                liste.append(d)
    for u in usagers:
        u.autres = par_usager[u.pk]


def usager(pk, user=None) -> Usager | None:
    try:
        trouve = Usager.objects.filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        return None
    if trouve is not None:
        _avec_demandes([trouve], user)
    return trouve


def demande_detaillee(pk: int) -> Demande | None:
    return (Demande.objects.select_related("demarche", "service", "usager", "service_concerne",
                                           "enregistree_par")
            .prefetch_related("pieces", Prefetch("evenements",
                                                 Evenement.objects.select_related("auteur")))
            .filter(pk=pk).first())  # fmt: skip


def autres_demandes(demande: Demande, user) -> list[Demande]:
    """The person's other requests that `user` may read."""
    if demande.usager_id is None:
        return []
    return list(lisibles(user).filter(usager_id=demande.usager_id).exclude(pk=demande.pk)
                .select_related("demarche").order_by("-recue_le", "-pk")[:AUTRES_DEMANDES_MAX])  # fmt: skip


def demarches_par_theme(*, reclamation: bool | None = None) -> list[tuple[str, list[Demarche]]]:
    """The démarches grouped by thème (in the order of THEMES), for a select."""
    qs = Demarche.objects.select_related("service").order_by("titre")
    if reclamation is not None:
        qs = qs.filter(reclamation=reclamation)
    groupes: dict[str, list[Demarche]] = {}
    for d in qs:
        groupes.setdefault(d.theme, []).append(d)
    ordre = list(THEMES)
    return [(THEMES.get(t, t), groupes[t])
            for t in sorted(groupes, key=lambda t: (ordre.index(t) if t in ordre else 99, t))]  # fmt: skip


def catalogue():
    """The démarches, those « à vérifier » first, with their service and channels."""
    return (Demarche.objects.select_related("service", "verifiee_par")
            .prefetch_related("canaux").order_by("-a_verifier", "titre"))  # fmt: skip


def demandes_ouvertes_de_la_demarche(demarche_id: int) -> int:
    """Open requests of a démarche (from the counters)."""
    total = (CompteurDemandes.objects.filter(demarche_id=demarche_id, statut__in=OUVERTS)
             .aggregate(n=Sum("nombre"))["n"])  # fmt: skip
    return total or 0


@dataclass
class ChiffresService:
    total: int = 0
    ouvertes: int = 0
    incompletes: int = 0
    decidees: int = 0
    dans_les_temps: int = 0
    demonstration: int = 0

    @property
    def part_dans_les_temps(self) -> float | None:
        return round(100 * self.dans_les_temps / self.decidees, 1) if self.decidees else None


def chiffres_des_services(service_ids: list[int]) -> dict[int, ChiffresService]:
    """Key counts of each service, in one GROUP BY over the counters."""
    chiffres = {pk: ChiffresService() for pk in service_ids}
    lignes = (CompteurDemandes.objects.filter(service_id__in=service_ids)
              .values("service_id", "statut", "dans_les_temps", "demonstration")
              .annotate(n=Sum("nombre")).order_by())  # fmt: skip
    for ligne in lignes:
        c, n = chiffres[ligne["service_id"]], ligne["n"] or 0
        if ligne["demonstration"]:
            c.demonstration += n
            continue
        c.total += n
        c.ouvertes += n if ligne["statut"] in OUVERTS else 0
        c.incompletes += n if ligne["statut"] == Statut.INCOMPLET else 0
        if ligne["dans_les_temps"]:
            c.decidees += n
            c.dans_les_temps += n if ligne["dans_les_temps"] == "oui" else 0
    return chiffres


def a_des_demonstrations(service_id: int) -> bool:
    return CompteurDemandes.objects.filter(service_id=service_id, demonstration=True,
                                           nombre__gt=0).exists()  # fmt: skip


def jours_avant(echeance: date | None, aujourd_hui: date) -> int | None:
    return (echeance - aujourd_hui).days if echeance else None


def echeances_par_service(service_ids: list[int], aujourd_hui: date, jours: int = 15) -> dict:
    """Open real requests whose implicit decision falls within `jours` days, per service (the
    partial index on open requests, one GROUP BY)."""
    lignes = (Demande.objects.filter(service_id__in=service_ids, statut__in=OUVERTS,
                                     demonstration=False,
                                     date_decision_implicite__gte=aujourd_hui,
                                     date_decision_implicite__lte=aujourd_hui + timedelta(days=jours))
              .values("service_id").annotate(n=Count("pk")).order_by())  # fmt: skip
    return {r["service_id"]: r["n"] for r in lignes}


def annoter_echeances(liste, aujourd_hui: date) -> None:
    """Give each request of `liste` `jours_restants` (days before its implicit decision, for
    an open request) and `implicite_acquise` (the decision is already born)."""
    for d in liste:
        ouverte = d.statut in OUVERTS
        d.jours_restants = jours_avant(d.date_decision_implicite, aujourd_hui) if ouverte else None
        d.implicite_acquise = d.jours_restants is not None and d.jours_restants < 0


def tableau_du_service(service_id: int, aujourd_hui: date) -> dict:
    """What a service dashboard shows: `tableau_service` of real requests with its deadlines
    annotated, the rows by status, and the demonstration part of each figure (all requests
    minus real ones, None without demonstration requests)."""
    from sun.relation.models import Statut
    from sun.relation.queries import tableau_service

    tableau = tableau_service(service_id, aujourd_hui)
    annoter_echeances(tableau.prochaines, aujourd_hui)
    annoter_echeances(tableau.acquises, aujourd_hui)
    demonstration = None
    if a_des_demonstrations(service_id):
        tout = tableau_service(service_id, aujourd_hui, demonstration=True)
        demonstration = {
            "par_statut": {s: tout.par_statut[s] - tableau.par_statut[s] for s in tableau.par_statut},
            **{c: getattr(tout, c) - getattr(tableau, c)
               for c in ("total", "dans_15_jours", "dans_7_jours", "decidees_implicitement")},
        }  # fmt: skip
    statuts = [(s.label, tableau.par_statut[s.value],
                demonstration["par_statut"][s.value] if demonstration else None)
               for s in Statut]  # fmt: skip
    return {"tableau": tableau, "statuts": statuts, "demonstration": demonstration}
