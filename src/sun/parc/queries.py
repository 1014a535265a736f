"""Reads of the inventory: the filters of the fleet list (functions taking a queryset, so they
chain on `Equipement.objects` or on any narrower set), the counts per état × type and per
site, and the sheet of one equipment (its events, its exit, its age, and the life-cycle
steps its état allows)."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, QuerySet

from sun.parc import cycle_vie
from sun.parc.models import Equipement, EvenementCycleVie, Site
from sun.parc.referentiel import EN_PARC, VOIES_REEMPLOI, Etat, TypeEquipement

# Age bands of the list: code → (label, minimum years included, maximum years excluded).
TRANCHES_AGE: dict[str, tuple[str, int, int | None]] = {
    "0-3": ("moins de 3 ans", 0, 3),
    "3-5": ("de 3 à 5 ans", 3, 5),
    "5-8": ("de 5 à 8 ans", 5, 8),
    "8-10": ("de 8 à 10 ans", 8, 10),
    "10+": ("10 ans et plus", 10, None),
    "inconnu": ("date d'acquisition inconnue", 0, None),
}
# The states a sheet offers through « Changer d'état » (decommissioning and exits have their
# own forms: they need a date, a route, a taker).
ETATS_SIMPLES = (Etat.EN_STOCK, Etat.EN_SERVICE, Etat.EN_REPARATION)
DONNEES = {"reelles": "données réelles seulement", "demonstration": "démonstration seulement"}


def _il_y_a(jour: date, ans: int) -> date:
    try:
        return jour.replace(year=jour.year - ans)
    except ValueError:  # 29 February
        return jour.replace(year=jour.year - ans, day=28)


def par_age(qs: QuerySet, tranche: str, jour: date) -> QuerySet:
    """Items whose age (from acquisition to `jour`) falls in the band `tranche`."""
    if tranche == "inconnu":
        return qs.filter(date_acquisition__isnull=True)
    if tranche not in TRANCHES_AGE:
        return qs
    _, mini, maxi = TRANCHES_AGE[tranche]
    qs = qs.filter(date_acquisition__lte=_il_y_a(jour, mini))
    return qs.filter(date_acquisition__gt=_il_y_a(jour, maxi)) if maxi is not None else qs


def par_texte(qs: QuerySet, texte: str) -> QuerySet:
    """Name, serial number, inventory number, model or maker containing `texte`."""
    texte = (texte or "").strip()
    if not texte:
        return qs
    return qs.filter(Q(nom__icontains=texte) | Q(numero_serie__icontains=texte)
                     | Q(numero_inventaire__icontains=texte) | Q(modele__icontains=texte)
                     | Q(fabricant__icontains=texte))  # fmt: skip


def par_etat(qs: QuerySet, etat: str) -> QuerySet:
    """One état, or « parc » (every état still in the fleet: ordered, stock, service, repair)."""
    if etat == "parc":
        return qs.filter(etat__in=EN_PARC)
    return qs.filter(etat=etat) if etat in Etat.values else qs


def par_commune(qs: QuerySet, code_insee: str) -> QuerySet:
    """The item's own commune, or its site's."""
    if not code_insee:
        return qs
    return qs.filter(Q(commune__code_insee=code_insee) | Q(site__commune__code_insee=code_insee))


def garantie_finie(qs: QuerySet, jour: date) -> QuerySet:
    return qs.filter(date_fin_garantie__lt=jour)


def filtrer(qs: QuerySet, *, type: str = "", etat: str = "", site: str = "", commune: str = "",
            proprietaire: str = "", source: str = "", texte: str = "", age: str = "",
            garantie: str = "", donnees: str = "", jour: date | None = None) -> QuerySet:  # fmt: skip
    """Every filter of the fleet list; an empty or unknown value filters nothing."""
    jour = jour or date.today()
    if type in TypeEquipement.values:
        qs = qs.filter(type=type)
    qs = par_etat(qs, etat)
    if str(site).isdigit():
        qs = qs.filter(site_id=int(site))
    elif site == "aucun":
        qs = qs.filter(site__isnull=True)
    qs = par_commune(qs, commune)
    if proprietaire:
        qs = qs.filter(proprietaire=proprietaire)
    if source:
        qs = qs.filter(source=source)
    qs = par_age(par_texte(qs, texte), age, jour)
    if garantie == "finie":
        qs = garantie_finie(qs, jour)
    elif garantie == "en_cours":
        qs = qs.filter(date_fin_garantie__gte=jour)
    if donnees == "reelles":
        qs = qs.filter(demonstration=False)
    elif donnees == "demonstration":
        qs = qs.filter(demonstration=True)
    return qs


def pour_la_liste(qs: QuerySet) -> QuerySet:
    return qs.select_related("site", "commune").order_by("type", "nom", "cle")


@dataclass
class Comptes:
    """Items per type (rows) and état (columns), with totals; `demonstration`: how many of
    them are demonstration data."""

    etats: list[tuple[str, str]]
    lignes: list[dict] = field(default_factory=list)
    par_etat: list[int] = field(default_factory=list)
    total: int = 0
    demonstration: int = 0


def comptes_etat_type(qs: QuerySet) -> Comptes:
    """One GROUP BY: items per état and type (only the types present are listed)."""
    cellules, demonstration = {}, 0
    for ligne in qs.order_by().values("type", "etat", "demonstration").annotate(n=Count("id")):
        cle = (ligne["type"], ligne["etat"])
        cellules[cle] = cellules.get(cle, 0) + ligne["n"]
        demonstration += ligne["n"] if ligne["demonstration"] else 0
    comptes = Comptes(etats=list(Etat.choices), demonstration=demonstration)
    for type_, libelle in TypeEquipement.choices:
        valeurs = [cellules.get((type_, e), 0) for e, _ in Etat.choices]
        if any(valeurs):
            comptes.lignes.append({"type": type_, "libelle": libelle, "valeurs": valeurs,
                                   "total": sum(valeurs)})  # fmt: skip
    comptes.par_etat = [
        sum(c for (_, e2), c in cellules.items() if e2 == e) for e, _ in Etat.choices
    ]
    comptes.total = sum(comptes.par_etat)
    return comptes


def comptes_par_site(qs: QuerySet) -> list[dict]:
    """Items per site (with « sans site »), those in the fleet and those decommissioned."""
    lignes = (qs.order_by().values("site_id", "site__nom", "site__demonstration")
              .annotate(total=Count("id"), en_parc=Count("id", filter=Q(etat__in=EN_PARC)),
                        reformes=Count("id", filter=Q(etat=Etat.REFORME)))
              .order_by("site__nom"))  # fmt: skip
    return [{"site_id": ligne["site_id"], "nom": ligne["site__nom"] or "Sans site",
             "demonstration": bool(ligne["site__demonstration"]), "total": ligne["total"],
             "en_parc": ligne["en_parc"], "reformes": ligne["reformes"]} for ligne in lignes]  # fmt: skip


def sources(qs: QuerySet | None = None) -> list[str]:
    qs = Equipement.objects.all() if qs is None else qs
    return list(qs.order_by("source").values_list("source", flat=True).distinct())


def sites_avec_comptes() -> QuerySet:
    return Site.objects.select_related("commune").annotate(
        nombre=Count("equipements"),
        en_parc=Count("equipements", filter=Q(equipements__etat__in=EN_PARC)),
    ).order_by("nom")  # fmt: skip


@dataclass
class Fiche:
    """The sheet of one equipment: what it is, its age against its planned lifetime, its
    history, its exit, and what the life cycle lets one do next."""

    equipement: Equipement
    evenements: list[EvenementCycleVie]
    sortie: object | None
    jour: date
    duree_vie: int = 0
    age: float | None = None
    fin_de_vie: date | None = None
    au_dela: bool = False
    garantie_finie: bool | None = None
    dans_le_champ: bool = False
    compte_pour_objectif: bool = False
    etats_possibles: list[tuple[str, str]] = field(default_factory=list)
    peut_reformer: bool = False
    peut_sortir: bool = False
    peut_prouver: bool = False
    peut_annuler: bool = False
    peut_intervenir: bool = False


def equipement(pk: int) -> Equipement | None:
    return (Equipement.objects.select_related("site", "commune", "reconditionneur")
            .filter(pk=pk).first())  # fmt: skip


def fiche(equipement: Equipement, jour: date | None = None) -> Fiche:
    jour = jour or date.today()
    e = equipement
    sortie = getattr(e, "sortie", None) if e.etat == Etat.SORTI else None
    evenements = list(e.evenements.select_related("auteur", "prestataire")
                      .order_by("-date", "-enregistre_le"))  # fmt: skip
    f = Fiche(equipement=e, evenements=evenements, sortie=sortie, jour=jour)
    f.duree_vie = cycle_vie.duree_de_vie(e.type, e.duree_vie_cible)
    f.age = cycle_vie.age_en_annees(e.date_acquisition, e.date_reforme or jour)
    if e.date_acquisition:
        fin = _il_y_a(e.date_acquisition, -f.duree_vie)
        f.fin_de_vie, f.au_dela = fin, e.etat in EN_PARC and fin <= jour
    if e.date_fin_garantie:
        f.garantie_finie = e.date_fin_garantie < jour
    f.dans_le_champ = cycle_vie.dans_le_champ(e.categorie_deee, e.date_acquisition,
                                              e.date_reforme, e.informations_classifiees,
                                              e.obligations_securite)  # fmt: skip
    if sortie is not None:
        f.compte_pour_objectif = f.dans_le_champ and cycle_vie.compte_pour_le_reemploi(
            sortie.voie, sortie.date, sortie.date_engagement, sortie.date_preuve
        )
    suivants = cycle_vie.TRANSITIONS.get(e.etat, ())
    f.etats_possibles = [(s.value, s.label) for s in ETATS_SIMPLES if s in suivants]
    f.peut_reformer = Etat.REFORME in suivants and e.etat != Etat.SORTI
    f.peut_sortir = e.etat == Etat.REFORME
    f.peut_prouver = sortie is not None and sortie.voie in VOIES_REEMPLOI
    f.peut_annuler = sortie is not None
    f.peut_intervenir = e.etat in EN_PARC or e.etat == Etat.REFORME
    return f
