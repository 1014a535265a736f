"""Statistics of activity records, by period, place, commune, EPCI, thématique, duration and
public, counted as La Coop counts them (a workshop counts one accompaniment per participant).

Small counts can point at a person (« the one woman over 70 accompanied in this village in
March »). So any figure between 1 and 4 accompaniments is masked (« < 5 »); when a breakdown
that adds up to a shown total has exactly one masked cell, the next smallest is masked too, so
the hidden one cannot be worked out by subtraction; and when the whole selection has fewer than
5 accompaniments, nothing but that fact is shown.
"""

import uuid
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Sum, Value, When
from django.db.models.functions import TruncMonth
from django.utils.dateparse import parse_date

from sun.inclusion.activites import coop
from sun.inclusion.models import Activite

SEUIL = 5
MASQUE = "< 5"


@dataclass
class Ligne:
    cle: str
    libelle: str
    valeur: int
    masquee: bool = False

    @property
    def affichee(self) -> str | int:
        return MASQUE if self.masquee else self.valeur


@dataclass
class Repartition:
    titre: str
    lignes: list[Ligne]
    additive: bool = True  # do the lines add up to the total (not so for multi-valued fields)?
    note: str = ""


@dataclass
class Filtres:
    du: date | None = None
    au: date | None = None
    type: str = ""
    thematique: str = ""
    lieu: str = ""
    commune: str = ""
    epci: str = ""
    demonstration: bool = True
    erreurs: list[str] = field(default_factory=list)

    @classmethod
    def depuis(cls, donnees) -> "Filtres":
        filtres = cls()
        for nom in ("du", "au"):
            texte = donnees.get(nom, "").strip()
            if texte:
                jour = parse_date(texte) if len(texte) == 10 else None
                if jour is None:
                    filtres.erreurs.append(
                        f"Date « {texte[:20]} » non reconnue : utilisez le format JJ/MM/AAAA."
                    )
                setattr(filtres, nom, jour)
        if filtres.du and filtres.au and filtres.au < filtres.du:
            filtres.erreurs.append("La fin de la période précède son début : période ignorée.")
            filtres.du = filtres.au = None
        type_ = donnees.get("type", "")
        filtres.type = type_ if type_ in coop.TypeActivite.values else ""
        thematique = donnees.get("thematique", "")
        filtres.thematique = thematique if thematique in coop.THEMATIQUES else ""
        filtres.lieu = donnees.get("lieu", "").strip()[:36]
        filtres.commune = donnees.get("commune", "").strip()[:5]
        filtres.epci = donnees.get("epci", "").strip()[:9]
        filtres.demonstration = donnees.get("demonstration", "1") != "0"
        return filtres


def selection(filtres: Filtres, activites: QuerySet | None = None) -> QuerySet[Activite]:
    activites = Activite.objects.all() if activites is None else activites
    if filtres.du:
        activites = activites.filter(date__gte=filtres.du)
    if filtres.au:
        activites = activites.filter(date__lte=filtres.au)
    if filtres.type:
        activites = activites.filter(type=filtres.type)
    if filtres.thematique:
        # Codes are words of a « | »-separated list; anchor on separators to avoid prefixes.
        activites = activites.filter(thematiques__regex=rf"(^|\|){filtres.thematique}($|\|)")
    if filtres.lieu:
        activites = (
            activites.filter(lieu_id=filtres.lieu) if _uuid(filtres.lieu) else activites.none()
        )
    if filtres.commune:
        activites = activites.filter(commune__code_insee=filtres.commune)
    if filtres.epci:
        activites = activites.filter(commune__epci__code_siren=filtres.epci)
    if not filtres.demonstration:
        activites = activites.filter(demonstration=False)
    return activites


def _uuid(texte: str) -> bool:
    try:
        uuid.UUID(texte)
    except ValueError:
        return False
    return True


def masquer(lignes: list[Ligne], additive: bool = True) -> list[Ligne]:
    for ligne in lignes:
        ligne.masquee = 0 < ligne.valeur < SEUIL
    masquees = [ligne for ligne in lignes if ligne.masquee]
    if additive and len(masquees) == 1:
        visibles = sorted(
            (ligne for ligne in lignes if ligne.valeur and not ligne.masquee),
            key=lambda x: x.valeur,
        )
        if visibles:
            visibles[0].masquee = True
    return lignes


@dataclass
class Statistiques:
    activites: int
    accompagnements: int
    individuels: int
    collectifs: int
    participants_ateliers: int
    personnes_nouvelles: int
    heures: int
    demonstration: int
    trop_peu: bool
    repartitions: dict[str, Repartition]
    par_mois: list[Ligne]
    date_maj: date | None


def _repartition(titre, activites, champ, libelles=None, limite=None, note="") -> Repartition:
    lignes = []
    for groupe in activites.values(*champ).annotate(n=Sum("accompagnements")).order_by("-n"):
        cle = groupe[champ[0]]
        if cle in (None, ""):
            libelle = "Non renseigné"
        elif libelles is not None:
            libelle = libelles.get(cle, cle)
        else:
            libelle = groupe[champ[1]] if len(champ) > 1 else str(cle)
        lignes.append(Ligne(str(cle or ""), libelle, groupe["n"] or 0))
    if limite and len(lignes) > limite:
        reste = sum(ligne.valeur for ligne in lignes[limite:])
        lignes = [*lignes[:limite], Ligne("autres", f"Autres ({len(lignes) - limite})", reste)]
    return Repartition(titre, masquer(lignes), note=note)


def _liste_multiple(titre, activites, champ, libelles, note) -> Repartition:
    comptes: dict[str, int] = {}
    for valeurs, nombre in activites.values_list(champ, "accompagnements").iterator(
        chunk_size=5000
    ):
        for valeur in valeurs:
            comptes[valeur] = comptes.get(valeur, 0) + nombre
    lignes = [
        Ligne(c, libelles.get(c, c), n) for c, n in sorted(comptes.items(), key=lambda x: -x[1])
    ]
    return Repartition(titre, masquer(lignes, additive=False), additive=False, note=note)


def _tranches_duree(activites) -> Repartition:
    tranche = Case(
        *[When(duree__gte=debut, duree__lt=fin, then=Value(n)) for n, (debut, fin, _) in enumerate(coop.TRANCHES_DUREE) if fin],
        default=Value(len(coop.TRANCHES_DUREE) - 1), output_field=IntegerField(),
    )  # fmt: skip
    sommes = dict(
        activites.annotate(t=tranche)
        .values("t")
        .annotate(n=Sum("accompagnements"))
        .values_list("t", "n")
    )
    lignes = [
        Ligne(str(n), libelle, sommes.get(n) or 0)
        for n, (*_, libelle) in enumerate(coop.TRANCHES_DUREE)
    ]
    return Repartition("Durée de l'accompagnement", masquer(lignes))


def _public(activites, totaux: dict) -> dict[str, Repartition]:
    repartitions = {}
    for prefixe, categories, titre in coop.CATEGORIES_PUBLIC:
        lignes = [
            Ligne(code, libelle, totaux[f"{prefixe}_{suffixe}"] or 0)
            for suffixe, code, libelle in categories
        ]
        repartitions[prefixe] = Repartition(titre, masquer(lignes))
    return repartitions


def calculer(activites: QuerySet[Activite]) -> Statistiques:
    sommes = {nom: Sum(nom) for nom in coop.champs_public()}
    totaux = activites.aggregate(
        total_accompagnements=Sum("accompagnements"), deja=Sum("deja_accompagnes"), minutes=Sum("duree"),
        collectifs_participants=Sum("accompagnements", filter=Q(type=coop.TypeActivite.COLLECTIF)),
        **sommes,
    )  # fmt: skip
    accompagnements = totaux["total_accompagnements"] or 0
    repartitions = {
        "type": _repartition("Type d'accompagnement", activites, ["type"], dict(coop.TypeActivite.choices)),
        "type_lieu": _repartition("Canal (où l'accompagnement a eu lieu)", activites, ["type_lieu"], dict(coop.TypeLieu.choices)),
        "thematique": _liste_multiple("Thématiques", activites, "thematiques", coop.THEMATIQUES,
                                      "Un accompagnement peut aborder plusieurs thématiques : la somme dépasse le total."),
        "materiel": _liste_multiple("Matériel utilisé", activites, "materiel", coop.MATERIEL,
                                    "Plusieurs matériels possibles par accompagnement."),
        "duree": _tranches_duree(activites),
        **_public(activites, totaux),
        "lieu": _repartition("Lieu d'activité", activites, ["lieu_id", "lieu__nom"], limite=20),
        "commune": _repartition("Commune", activites, ["commune__code_insee", "commune__nom"], limite=30),
        "epci": _repartition("Intercommunalité", activites, ["commune__epci__code_siren", "commune__epci__nom"]),
    }  # fmt: skip
    par_mois = [
        Ligne(m["mois"].strftime("%Y-%m"), m["mois"].strftime("%m/%Y"), m["n"] or 0)
        for m in activites.annotate(mois=TruncMonth("date")).values("mois").annotate(n=Sum("accompagnements")).order_by("mois")
        if m["mois"]
    ]  # fmt: skip
    comptes = activites.aggregate(
        total=_compte(), individuels=_compte(type=coop.TypeActivite.INDIVIDUEL),
        collectifs=_compte(type=coop.TypeActivite.COLLECTIF), demo=_compte(demonstration=True),
    )  # fmt: skip
    derniere = activites.order_by("-date").values_list("date", flat=True).first()
    return Statistiques(
        activites=comptes["total"], accompagnements=accompagnements,
        individuels=comptes["individuels"], collectifs=comptes["collectifs"],
        participants_ateliers=totaux["collectifs_participants"] or 0,
        personnes_nouvelles=accompagnements - (totaux["deja"] or 0),
        heures=round((totaux["minutes"] or 0) / 60), demonstration=comptes["demo"],
        trop_peu=0 < accompagnements < SEUIL, repartitions=repartitions,
        par_mois=masquer(par_mois), date_maj=derniere,
    )  # fmt: skip


def _compte(**conditions) -> Count:
    return Count("id", filter=Q(**conditions)) if conditions else Count("id")
