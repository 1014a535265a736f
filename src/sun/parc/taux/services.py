"""Writes of the wing « taux »: freezing B of décret n° 2023-266 (the 1 January snapshot) and
recording purchase lines (décret n° 2024-134). Each refusal is a `RefusCycleVie` (a French
sentence and the field at fault); nothing is written then."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils import timezone

from sun.parc.cycle_vie import RefusCycleVie
from sun.parc.models import AchatLigne, Equipement, StockReforme
from sun.parc.referentiel import CategorieAchat
from sun.parc.taux import queries


@transaction.atomic
def figer_stock(annee: int, user=None, jour: date | None = None) -> StockReforme:
    """Freeze B of `annee`: the in-scope decommissioned items in stock on 1 January, counted
    from the dates (an exit recorded late still counts where it belongs). Once 1 January has
    passed only, and once only."""
    jour = jour or timezone.localdate()
    if jour < date(annee, 1, 1):
        raise RefusCycleVie(f"Le stock au 1er janvier {annee} ne peut être figé qu'à partir de "
                            "ce jour.", "annee")  # fmt: skip
    if StockReforme.objects.filter(annee=annee).exists():
        raise RefusCycleVie(f"Le stock au 1er janvier {annee} est déjà figé.", "annee")
    ids = queries.identifiants(queries.stock(annee))
    try:
        with transaction.atomic():
            return StockReforme.objects.create(annee=annee, nombre=len(ids), equipements=ids,
                                               fige_par=user)  # fmt: skip
    except IntegrityError as exc:  # frozen by another process meanwhile
        raise RefusCycleVie(f"Le stock au 1er janvier {annee} est déjà figé.", "annee") from exc


def figer_si_besoin(jour: date | None = None) -> str:
    """Daily job: once 1 January of the current year has passed, freeze that year's B if it
    is not frozen yet (nothing is frozen while the inventory holds no real item). Returns a
    one-line summary in French."""
    jour = jour or timezone.localdate()
    annee = jour.year
    if StockReforme.objects.filter(annee=annee).exists():
        return f"Stock réformé au 1er janvier {annee} déjà figé."
    if not Equipement.objects.reels().exists():
        return "Aucun équipement réel dans l'inventaire : rien à figer."
    stock = figer_stock(annee, None, jour)
    return f"Stock réformé au 1er janvier {annee} figé : {stock.nombre} équipement(s)."


def _montant(valeur, champ: str, libelle: str) -> Decimal | None:
    if valeur in (None, ""):
        return None
    try:
        montant = Decimal(str(valeur).replace(",", ".").replace(" ", ""))
    except InvalidOperation as exc:
        raise RefusCycleVie(f"{libelle} : « {valeur} » n'est pas un montant.", champ) from exc
    if montant < 0:
        raise RefusCycleVie(f"{libelle} ne peut pas être négatif ({valeur} €).", champ)
    return montant.quantize(Decimal("0.01"))


@transaction.atomic
def enregistrer_achat(donnees: dict, auteur=None) -> AchatLigne:
    """One purchase line (€ HT) of décret n° 2024-134; negative amounts are refused."""
    montant = _montant(donnees.get("montant_ht"), "montant_ht", "Le montant HT")
    if montant is None:
        raise RefusCycleVie("Indiquez le montant HT de l'achat.", "montant_ht")
    if not donnees.get("date"):
        raise RefusCycleVie("Indiquez la date de l'achat.", "date")
    if donnees.get("categorie") not in CategorieAchat.values:
        raise RefusCycleVie("Choisissez la catégorie de produits (décret n° 2024-134).",
                            "categorie")  # fmt: skip
    if not (donnees.get("libelle") or "").strip():
        raise RefusCycleVie("Indiquez un libellé (ce qui a été acheté).", "libelle")
    don = bool(donnees.get("issu_don"))
    valeur_don = _montant(donnees.get("valeur_forfaitaire_don"), "valeur_forfaitaire_don",
                          "La valeur forfaitaire du don")  # fmt: skip
    if don and valeur_don is None:
        raise RefusCycleVie("Un bien issu d'un don compte à sa valeur forfaitaire (arrêté du "
                            "29 février 2024) : indiquez-la.", "valeur_forfaitaire_don")  # fmt: skip
    if not don and valeur_don is not None:
        raise RefusCycleVie("Une valeur forfaitaire ne se donne que pour un bien issu d'un don.",
                            "valeur_forfaitaire_don")  # fmt: skip
    return AchatLigne.objects.create(
        date=donnees["date"], categorie=donnees["categorie"], libelle=donnees["libelle"].strip(),
        reference_marche=(donnees.get("reference_marche") or "").strip(),
        fournisseur=(donnees.get("fournisseur") or "").strip(), montant_ht=montant,
        issu_reemploi=bool(donnees.get("issu_reemploi")),
        avec_recycle=bool(donnees.get("avec_recycle")), issu_don=don,
        valeur_forfaitaire_don=valeur_don, saisi_par=auteur,
    )  # fmt: skip
