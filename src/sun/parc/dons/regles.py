"""The rules of a donation, pure: the numbering, the taker each legal basis designates, which
items hold data (their erasure is required before the handing over), and what the handing
over needs. Each refusal is one French sentence (`RefusCycleVie`)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone

from sun.parc.cycle_vie import RefusCycleVie
from sun.parc.models import Don
from sun.parc.referentiel import VALEUR_DON_MAX, BaseLegaleDon, Destination, TypeEquipement

# Items that hold a storage medium: their data are erased (and how, when) before they leave.
AVEC_STOCKAGE = frozenset({TypeEquipement.SMARTPHONE, TypeEquipement.PORTABLE,
                           TypeEquipement.POSTE_FIXE, TypeEquipement.TABLETTE,
                           TypeEquipement.SERVEUR})  # fmt: skip
OUVERTS = (Don.Statut.PROPOSE, Don.Statut.ACCEPTE)

# The text of each legal basis, quoted on the agreement (CGPPP, as amended by loi 3DS
# n° 2022-217 art. 178).
TEXTES_BASES = {
    BaseLegaleDon.L3212_2_3: (
        "Article L3212-2, 3° du code général de la propriété des personnes publiques : cessions "
        "gratuites de matériels informatiques aux associations de parents d'élèves, de soutien "
        "scolaire, d'étudiants, aux associations reconnues d'utilité publique et aux structures "
        "agréées « entreprise solidaire d'utilité sociale » de réemploi."
    ),
    BaseLegaleDon.L3212_2_5: (
        "Article L3212-2, 5° du code général de la propriété des personnes publiques : cessions "
        "gratuites de matériels informatiques aux personnels de la collectivité."
    ),
    BaseLegaleDon.L3212_2_11: (
        "Article L3212-2, 11° du code général de la propriété des personnes publiques : cessions "
        "gratuites de matériels informatiques aux associations reconnues d'intérêt général dont "
        "l'objet est d'équiper, de former et d'accompagner des personnes en situation de "
        "précarité."
    ),
    BaseLegaleDon.L3212_3: (
        "Article L3212-3 du code général de la propriété des personnes publiques : les "
        "collectivités territoriales, leurs groupements et leurs établissements publics peuvent "
        "procéder aux cessions gratuites prévues à l'article L3212-2."
    ),
}


def numero(annee: int, rang: int) -> str:
    """DON-AAAA-NNNN: the year of the proposal and its rank in that year."""
    return f"DON-{annee}-{rang:04d}"


def etapes(don: Don) -> list[tuple[str, str, bool]]:
    """(step, date or detail, done) of the donation's path."""
    S = Don.Statut
    if don.statut == S.ANNULE:
        return [("Proposé", f"{timezone.localtime(don.cree_le):%d/%m/%Y}", True),
                ("Annulé", f"{timezone.localtime(don.date_maj):%d/%m/%Y}", True)]  # fmt: skip
    fait = {S.PROPOSE: 1, S.ACCEPTE: 2, S.REMIS: 3}[don.statut]
    return [
        ("Proposé", f"{timezone.localtime(don.cree_le):%d/%m/%Y}", True),
        ("Convention signée", f"{don.date_convention:%d/%m/%Y}" if don.date_convention else "", fait >= 2),
        ("Remis", f"{don.date_remise:%d/%m/%Y}" if don.date_remise else "", fait >= 3),
        ("Preuve du réemploi reçue", f"{don.date_preuve:%d/%m/%Y}" if don.date_preuve else "",
         bool(don.date_preuve)),
    ]  # fmt: skip


def destination_de(base_legale: str) -> str:
    """The taker of the exits: staff for L3212-2 5°, an association or body otherwise."""
    if base_legale == BaseLegaleDon.L3212_2_5:
        return Destination.DON_PERSONNEL
    return Destination.DON_ASSOCIATION


def a_un_stockage(type_: str) -> bool:
    return type_ in AVEC_STOCKAGE


@dataclass(frozen=True)
class DemandeRemise:
    """What the handing over needs: its date, the erasure (method, date, tool), the unit
    value of each item (or one for all), whether it counts for the reuse objective."""

    date_remise: date | None
    effacement: str = ""
    effacement_date: date | None = None
    effacement_outil: str = ""
    valeur_unitaire: Decimal | None = None
    valeurs: dict | None = None  # {equipement pk: Decimal}, over valeur_unitaire
    pour_le_reemploi: bool = True
    engagement_reemploi: bool | None = None  # None: as recorded on the donation

    def valeur_de(self, equipement) -> Decimal | None:
        if self.valeurs and equipement.pk in self.valeurs:
            return self.valeurs[equipement.pk]
        return self.valeur_unitaire


def verifier_remise(don: Don, demande: DemandeRemise, equipements: list) -> None:
    """Everything checked before any exit is written."""
    if don.statut != Don.Statut.ACCEPTE:
        raise RefusCycleVie("Le don doit être accepté (convention signée) avant la remise.",
                            "statut")  # fmt: skip
    if not equipements:
        raise RefusCycleVie("Ce don ne contient aucun équipement.", "equipements")
    if don.base_legale not in BaseLegaleDon.values:
        raise RefusCycleVie("Indiquez la base légale du don (CGPPP L3212-2 ou L3212-3).",
                            "base_legale")  # fmt: skip
    if demande.date_remise is None:
        raise RefusCycleVie("Indiquez la date de la remise.", "date_remise")
    if don.date_convention and demande.date_remise < don.date_convention:
        raise RefusCycleVie(
            f"La remise ({demande.date_remise:%d/%m/%Y}) précède la signature de la convention "
            f"({don.date_convention:%d/%m/%Y}).", "date_remise",
        )  # fmt: skip
    engagement = don.engagement_reemploi if demande.engagement_reemploi is None else (
        demande.engagement_reemploi)  # fmt: skip
    if demande.pour_le_reemploi and not engagement:
        raise RefusCycleVie(
            "Pour compter dans le taux de réemploi (décret n° 2023-266), le preneur signe un "
            "engagement de réemploi avant la remise : cochez « engagement de réemploi signé », "
            "ou indiquez que ce don ne compte pas pour le réemploi.", "engagement_reemploi",
        )  # fmt: skip
    if demande.pour_le_reemploi and don.date_convention is None:
        raise RefusCycleVie("L'engagement de réemploi est daté par la convention : indiquez la "
                            "date de sa signature.", "date_convention")  # fmt: skip
    _verifier_effacement(demande, equipements)
    for equipement in equipements:
        valeur = demande.valeur_de(equipement)
        if valeur is not None and valeur < 0:
            raise RefusCycleVie("Une valeur unitaire ne peut pas être négative.", "valeur_unitaire")
        if valeur is not None and valeur > VALEUR_DON_MAX:
            raise RefusCycleVie(
                f"« {equipement} » est estimé {valeur} € : un bien cédé gratuitement vaut au plus "
                f"{VALEUR_DON_MAX} € l'unité (CGPPP D3212-3). Retirez-le du don ou corrigez sa "
                "valeur.", "valeur_unitaire",
            )  # fmt: skip


def _verifier_effacement(demande: DemandeRemise, equipements: list) -> None:
    avec_donnees = [e for e in equipements if a_un_stockage(e.type)]
    if not avec_donnees:
        return
    exemple = avec_donnees[0]
    quoi = f"« {exemple} » ({exemple.get_type_display().lower()})"
    if len(avec_donnees) > 1:
        quoi += f" et {len(avec_donnees) - 1} autre(s) équipement(s) à stockage"
    if not demande.effacement or demande.effacement == Don.Effacement.SANS_STOCKAGE:
        raise RefusCycleVie(f"Les données de {quoi} doivent être effacées avant la remise : "
                            "indiquez la méthode d'effacement.", "effacement")  # fmt: skip
    if demande.effacement not in Don.Effacement.values:
        raise RefusCycleVie("Méthode d'effacement inconnue.", "effacement")
    if demande.effacement_date is None:
        raise RefusCycleVie(f"Indiquez la date de l'effacement des données de {quoi}.",
                            "effacement_date")  # fmt: skip
    if demande.date_remise and demande.effacement_date > demande.date_remise:
        raise RefusCycleVie(
            f"L'effacement ({demande.effacement_date:%d/%m/%Y}) est daté après la remise "
            f"({demande.date_remise:%d/%m/%Y}) : les données sont effacées avant.",
            "effacement_date",
        )  # fmt: skip
