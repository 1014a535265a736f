"""Purchase shares of AGEC art. 58 (décret n° 2024-134) per calendar year and product category:
the € HT total, the amount from reuse or re-use, the amount with recycled materials, the
donations at their flat-rate value (arrêté du 29 février 2024).

For « Matériel informatique et téléphonie » the inventory counts too: every real equipment
acquired in the year with a price (bought refurbished: reuse; its own purchase line, if any,
says whether it has recycled content), plus the purchase lines not tied to an equipment — a
line tied to an equipment is counted through that equipment only, never twice.

Shares: (reuse + donations) ÷ (total + donations) and recycled ÷ (total + donations); the
target of the IT category applies to what is from reuse or re-use or with recycled materials
(a good that is both counted once). How the target splits between the two columns is not
confirmed for this category (NOTES-parc.md §4)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import Case, Count, DecimalField, F, Q, Sum, Value, When
from django.db.models.functions import Coalesce

from sun.parc.models import AchatLigne, Equipement
from sun.parc.referentiel import Achat, CategorieAchat

SOURCE = "Achats saisis dans SUN et inventaire tenu dans SUN"
REFERENCE = ("Loi n° 2020-105 du 10 février 2020 (AGEC), art. 58 ; décret n° 2024-134 du "
             "21 février 2024 ; arrêtés du 29 février 2024")  # fmt: skip
REGLE = (
    "Chaque année civile, une part du montant hors taxes dépensé pour chaque catégorie de "
    "produits doit être issue du réemploi ou de la réutilisation, ou intégrer des matières "
    "recyclées. Les biens reçus en don comptent à leur valeur forfaitaire. Pour le matériel "
    "informatique et la téléphonie : au moins 20 % en 2024, 25 % en 2027 et 30 % en 2030."
)  # fmt: skip
AVERTISSEMENT_OBJECTIF = (
    "La répartition de l'objectif entre la part issue du réemploi et la part intégrant des "
    "matières recyclées n'est pas confirmée pour cette catégorie : l'objectif est comparé ici "
    "à l'ensemble (réemploi, réutilisation ou matières recyclées)."
)  # fmt: skip
OBJECTIFS_PAR_DEFAUT = {CategorieAchat.INFORMATIQUE.value: {2024: 20, 2027: 25, 2030: 30}}
ZERO = Decimal("0.00")


def objectifs() -> dict:
    """SUN_PARC_OBJECTIFS_ACHATS: {catégorie: {année du palier: %}}."""
    reglage = getattr(settings, "SUN_PARC_OBJECTIFS_ACHATS", None)
    return OBJECTIFS_PAR_DEFAUT if reglage is None else reglage


def objectif(categorie: str, annee: int) -> int | None:
    """The target of the latest milestone reached in `annee` (none before the first)."""
    paliers = {int(k): v for k, v in (objectifs().get(str(categorie)) or {}).items()}
    atteints = [a for a in paliers if a <= annee]
    return paliers[max(atteints)] if atteints else None


@dataclass
class PartsCategorie:
    annee: int
    categorie: str
    total: Decimal = ZERO
    reemploi: Decimal = ZERO
    recycle: Decimal = ZERO
    reemploi_ou_recycle: Decimal = ZERO
    dons: Decimal = ZERO
    lignes: int = 0
    equipements: int = 0

    @property
    def libelle(self) -> str:
        return CategorieAchat(self.categorie).label

    @property
    def base(self) -> Decimal:
        return self.total + self.dons

    def _part(self, montant: Decimal) -> float | None:
        return round(float(100 * montant / self.base), 1) if self.base else None

    @property
    def part_reemploi(self) -> float | None:
        return self._part(self.reemploi + self.dons)

    @property
    def part_recycle(self) -> float | None:
        return self._part(self.recycle)

    @property
    def part_ensemble(self) -> float | None:
        return self._part(self.reemploi_ou_recycle + self.dons)

    @property
    def objectif(self) -> int | None:
        return objectif(self.categorie, self.annee)

    @property
    def ecart(self) -> float | None:
        if self.objectif is None or self.part_ensemble is None:
            return None
        return round(self.part_ensemble - self.objectif, 1)

    @property
    def vide(self) -> bool:
        return not (self.lignes or self.equipements)


def _somme(condition: Q | None = None, champ: str = "montant_ht"):
    expression = F(champ) if condition is None else Case(When(condition, then=F(champ)),
                                                         default=Value(ZERO))  # fmt: skip
    return Coalesce(Sum(expression, output_field=DecimalField(max_digits=14, decimal_places=2)),
                    Value(ZERO), output_field=DecimalField(max_digits=14, decimal_places=2))  # fmt: skip


def parts(annee: int, demonstration: bool = False) -> list[PartsCategorie]:
    """One `PartsCategorie` per category, in the order of the decree (two queries, one more
    for the inventory)."""
    debut, fin = date(annee, 1, 1), date(annee, 12, 31)
    montants = {
        "total": _somme(), "reemploi": _somme(Q(issu_reemploi=True)),
        "recycle": _somme(Q(avec_recycle=True)),
        "ensemble": _somme(Q(issu_reemploi=True) | Q(avec_recycle=True)),
        "dons": _somme(Q(issu_don=True), "valeur_forfaitaire_don"), "n": Count("pk"),
    }  # fmt: skip
    lignes = (
        AchatLigne.objects.filter(
            demonstration=demonstration, date__range=(debut, fin), equipement__isnull=True
        )
        .values("categorie")
        .annotate(**montants)
    )
    resultat = {c: PartsCategorie(annee, c) for c in CategorieAchat.values}
    for ligne in lignes:
        p = resultat[ligne["categorie"]]
        p.total, p.reemploi, p.recycle = ligne["total"], ligne["reemploi"], ligne["recycle"]
        p.reemploi_ou_recycle, p.dons, p.lignes = ligne["ensemble"], ligne["dons"], ligne["n"]
    _ajouter_inventaire(resultat[CategorieAchat.INFORMATIQUE], debut, fin, demonstration)
    return list(resultat.values())


def _ajouter_inventaire(p: PartsCategorie, debut: date, fin: date, demonstration: bool) -> None:
    reconditionne = Q(achat=Achat.RECONDITIONNE) | Q(achat_ligne__issu_reemploi=True)
    recycle = Q(achat_ligne__avec_recycle=True)
    c = Equipement.objects.filter(
        demonstration=demonstration, date_acquisition__range=(debut, fin),
        prix_acquisition__isnull=False,
    ).aggregate(
        total=_somme(champ="prix_acquisition"),
        reemploi=_somme(reconditionne, "prix_acquisition"),
        recycle=_somme(recycle, "prix_acquisition"),
        ensemble=_somme(reconditionne | recycle, "prix_acquisition"), n=Count("pk"),
    )  # fmt: skip
    p.total += c["total"]
    p.reemploi += c["reemploi"]
    p.recycle += c["recycle"]
    p.reemploi_ou_recycle += c["ensemble"]
    p.equipements = c["n"] or 0


def informatique(annee: int, demonstration: bool = False) -> PartsCategorie:
    return next(p for p in parts(annee, demonstration)
                if p.categorie == CategorieAchat.INFORMATIQUE)  # fmt: skip


def lignes_de_l_annee(annee: int, demonstration: bool = False):
    return (AchatLigne.objects.filter(demonstration=demonstration, date__year=annee)
            .select_related("equipement").order_by("-date", "-pk"))  # fmt: skip
