"""The rules of the life cycle, pure: which state may follow which, what an exit needs, the
age and the in-scope test of décret n° 2023-266. Services (services.py) and the importer
apply them; each refusal is one French sentence."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings

from sun.parc.referentiel import (
    AGE_EXCLUSION_ANS,
    DUREE_DE_VIE_ANS,
    VALEUR_DON_MAX,
    CategorieDeee,
    Destination,
    Etat,
    Voie,
)

# state → the states it may go to (an exit is cancelled back to `reforme`).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Etat.COMMANDE: (Etat.EN_STOCK, Etat.EN_SERVICE),
    Etat.EN_STOCK: (Etat.EN_SERVICE, Etat.EN_REPARATION, Etat.REFORME),
    Etat.EN_SERVICE: (Etat.EN_STOCK, Etat.EN_REPARATION, Etat.REFORME),
    Etat.EN_REPARATION: (Etat.EN_SERVICE, Etat.EN_STOCK, Etat.REFORME),
    Etat.REFORME: (Etat.EN_STOCK, Etat.SORTI),
    Etat.SORTI: (Etat.REFORME,),
}

DESTINATIONS_DU_DON = (Destination.DON_ASSOCIATION, Destination.DON_PERSONNEL,
                       Destination.CESSION_PUBLIQUE)  # fmt: skip
DONS = (Destination.DON_ASSOCIATION, Destination.DON_PERSONNEL)
FIN_DE_VIE = (Voie.RECYCLAGE, Voie.DESTRUCTION)
PRENEURS_FIN_DE_VIE = (Destination.ECO_ORGANISME, Destination.REPRISE_FOURNISSEUR,
                       Destination.PRESTATAIRE)  # fmt: skip


class RefusCycleVie(ValueError):
    """A step the life cycle refuses; `champ` names the form field at fault (or "")."""

    def __init__(self, message: str, champ: str = ""):
        super().__init__(message)
        self.message, self.champ = message, champ


def verifier_transition(avant: str, apres: str) -> None:
    if apres == avant:
        return
    if apres not in TRANSITIONS.get(avant, ()):
        raise RefusCycleVie(
            f"Un équipement « {Etat(avant).label} » ne peut pas passer à « {Etat(apres).label} »"
            + (" : réformez-le d'abord." if apres == Etat.SORTI else "."),
            "etat",
        )


def verifier_pas_futur(jour: date | None, quoi: str, champ: str = "date") -> None:
    """A step of the life cycle is recorded once it happened: never after today."""
    if jour and jour > date.today():
        raise RefusCycleVie(f"La date {quoi} ({jour:%d/%m/%Y}) est dans le futur : enregistrez "
                            "l'étape le jour où elle a lieu.", champ)  # fmt: skip


def verifier_dates(acquisition: date | None, reforme: date | None = None,
                   sortie: date | None = None) -> None:  # fmt: skip
    """Acquisition ≤ decommissioning ≤ exit."""
    if acquisition and reforme and reforme < acquisition:
        raise RefusCycleVie(
            f"La date de réforme ({reforme:%d/%m/%Y}) précède la date d'acquisition "
            f"({acquisition:%d/%m/%Y}).", "date_reforme",
        )  # fmt: skip
    if acquisition and sortie and sortie < acquisition:
        raise RefusCycleVie(
            f"La date d'acquisition ({acquisition:%d/%m/%Y}) est postérieure à la date de "
            f"sortie ({sortie:%d/%m/%Y}).", "date",
        )  # fmt: skip
    if reforme and sortie and sortie < reforme:
        raise RefusCycleVie(
            f"La date de sortie ({sortie:%d/%m/%Y}) précède la date de réforme "
            f"({reforme:%d/%m/%Y}) : un équipement sort du parc après sa réforme.", "date",
        )  # fmt: skip


@dataclass(frozen=True)
class DemandeSortie:
    """What an exit needs: a date, a route, a taker and a justification."""

    date: date | None
    voie: str
    destination: str
    destinataire: str
    justification: str
    date_engagement: date | None = None
    date_preuve: date | None = None
    valeur_unitaire: float | None = None


def verifier_sortie(demande: DemandeSortie, acquisition: date | None,
                    reforme: date | None) -> None:  # fmt: skip
    if not demande.voie:
        raise RefusCycleVie("Une sortie du parc doit dire sa voie : réemploi, réutilisation, "
                            "don, recyclage ou destruction.", "voie")  # fmt: skip
    if demande.voie not in Voie.values:
        raise RefusCycleVie(f"Voie de sortie inconnue : « {demande.voie} ».", "voie")
    if not demande.date:
        raise RefusCycleVie("Indiquez la date de sortie.", "date")
    if not demande.destination or demande.destination not in Destination.values:
        raise RefusCycleVie("Indiquez qui prend l'équipement (preneur).", "destination")
    if not (demande.destinataire or "").strip():
        raise RefusCycleVie("Indiquez le nom du preneur.", "destinataire")
    if not (demande.justification or "").strip():
        raise RefusCycleVie("Justifiez la sortie (motif, bon d'enlèvement, décision…).",
                            "justification")  # fmt: skip
    if demande.voie == Voie.DON and demande.destination not in DESTINATIONS_DU_DON:
        raise RefusCycleVie("Un don va à une association, un agent ou une autre personne "
                            "publique.", "destination")  # fmt: skip
    if demande.destination in DONS and demande.voie != Voie.DON:
        raise RefusCycleVie("Un équipement remis gratuitement à une association ou à un agent "
                            "sort par la voie « don ».", "voie")  # fmt: skip
    if demande.voie in FIN_DE_VIE and demande.destination not in PRENEURS_FIN_DE_VIE:
        raise RefusCycleVie("Le recyclage et la destruction passent par un éco-organisme, la "
                            "reprise du fournisseur ou un prestataire.", "destination")  # fmt: skip
    if (demande.voie == Voie.DON and demande.valeur_unitaire is not None
            and demande.valeur_unitaire > VALEUR_DON_MAX):  # fmt: skip
        raise RefusCycleVie(f"Un bien donné gratuitement vaut au plus {VALEUR_DON_MAX} € l'unité "
                            "(CGPPP D3212-3).", "valeur_unitaire")  # fmt: skip
    if reforme is None:
        raise RefusCycleVie("Un équipement est réformé avant de sortir du parc : indiquez sa date "
                            "de réforme.", "date_reforme")  # fmt: skip
    verifier_dates(acquisition, reforme, demande.date)
    verifier_pas_futur(demande.date, "de sortie")
    verifier_pas_futur(demande.date_engagement, "de l'engagement", "date_engagement")
    verifier_pas_futur(demande.date_preuve, "de la preuve", "date_preuve")
    if demande.date_preuve and demande.date_preuve < demande.date:
        raise RefusCycleVie("La preuve du réemploi arrive après la sortie, pas avant.",
                            "date_preuve")  # fmt: skip


def age_en_annees(debut: date | None, fin: date) -> float | None:
    return None if debut is None else (fin - debut).days / 365.25


def dans_le_champ(categorie: str, acquisition: date | None, reforme: date | None,
                  classifie: bool = False, securite: bool = False) -> bool:  # fmt: skip
    """Whether an item counts for décret n° 2023-266: categories 2° and 6°, not more than ten
    years old when decommissioned, no classified or security-bound information. An item
    whose acquisition date is unknown counts (its age cannot exclude it)."""
    if categorie == CategorieDeee.HORS_CHAMP or classifie or securite:
        return False
    age = age_en_annees(acquisition, reforme) if reforme else None
    return age is None or age <= AGE_EXCLUSION_ANS


def compte_pour_le_reemploi(voie: str, date_sortie: date, date_engagement: date | None,
                            date_preuve: date | None) -> bool:  # fmt: skip
    """A: the route is reuse (réemploi, réutilisation, don), the taker committed before (or on)
    the exit day, and proved the reuse afterwards."""
    return (voie in (Voie.REEMPLOI, Voie.REUTILISATION, Voie.DON)
            and date_engagement is not None and date_engagement <= date_sortie
            and date_preuve is not None)  # fmt: skip


def duree_de_vie(type_: str, cible: int | None = None) -> int:
    """Planned lifetime in years: the item's own, else the setting, else the type's."""
    if cible:
        return cible
    reglage = getattr(settings, "SUN_PARC_DUREES_DE_VIE", {}) or {}
    return int(reglage.get(str(type_), DUREE_DE_VIE_ANS.get(type_, 6)))
