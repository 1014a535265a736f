"""Every write of the inventory and the life cycle. Each function checks with `cycle_vie`
first and writes nothing when it refuses (RefusCycleVie, a French sentence)."""

from datetime import date

from django.db import transaction

from sun.parc import cycle_vie
from sun.parc.cycle_vie import DemandeSortie, RefusCycleVie
from sun.parc.models import Don, Equipement, EvenementCycleVie, Reparateur, Sortie
from sun.parc.referentiel import CATEGORIE_DU_TYPE, VOIES_REEMPLOI, Etat, TypeEquipement

Genre = EvenementCycleVie.Genre
CHAMPS_MODIFIABLES = (
    "nom", "type", "fabricant", "modele", "numero_serie", "numero_inventaire",
    "date_acquisition", "prix_acquisition", "achat", "reconditionneur", "date_fin_garantie",
    "proprietaire", "site", "commune", "date_mise_en_service", "duree_vie_cible",
    "informations_classifiees", "obligations_securite", "commentaire", "categorie_deee",
)  # fmt: skip


def cle_de(numero_inventaire: str, numero_serie: str) -> str:
    """The key of an equipment in its source: its inventory number, else its serial number."""
    inventaire, serie = (numero_inventaire or "").strip(), (numero_serie or "").strip()
    if inventaire:
        return f"inv:{inventaire}"
    if serie:
        return f"ns:{serie}"
    raise RefusCycleVie("Un équipement a un numéro d'inventaire ou, à défaut, un numéro de série.",
                        "numero_inventaire")  # fmt: skip


def _verifier_fiche(equipement: Equipement) -> None:
    if equipement.type not in TypeEquipement.values:
        raise RefusCycleVie(f"Type d'équipement inconnu : « {equipement.type} ».", "type")
    if equipement.prix_acquisition is not None and equipement.prix_acquisition < 0:
        raise RefusCycleVie("Le prix d'acquisition ne peut pas être négatif.", "prix_acquisition")
    sortie = getattr(equipement, "sortie", None) if equipement.pk else None
    cycle_vie.verifier_dates(equipement.date_acquisition, equipement.date_reforme,
                             sortie.date if sortie else None)  # fmt: skip


@transaction.atomic
def creer_equipement(donnees: dict, auteur=None, *, source: str = "Saisie SUN",
                     etat: str = Etat.EN_SERVICE, jour: date | None = None,
                     demonstration: bool = False) -> Equipement:  # fmt: skip
    champs = {k: v for k, v in donnees.items() if k in CHAMPS_MODIFIABLES}
    equipement = Equipement(source=source, etat=etat, demonstration=demonstration, **champs)
    equipement.cle = cle_de(equipement.numero_inventaire, equipement.numero_serie)
    if not equipement.categorie_deee:
        equipement.categorie_deee = CATEGORIE_DU_TYPE.get(equipement.type, "hors_champ")
    _verifier_fiche(equipement)
    if Equipement.objects.filter(source=source, cle=equipement.cle).exists():
        raise RefusCycleVie("Un équipement de ce numéro d'inventaire (ou de série) existe déjà.",
                            "numero_inventaire")  # fmt: skip
    equipement.save()
    _noter(equipement, Genre.ENTREE, jour or date.today(), "", etat, "", auteur)
    return equipement


@transaction.atomic
def modifier_equipement(equipement: Equipement, donnees: dict, auteur=None) -> Equipement:
    """Edit an item's sheet. Its key follows its numbers (an inventory number another item of
    the same source holds is refused); on a refusal nothing is written and the caller's
    instance is left as it was."""
    fiche = Equipement.objects.select_for_update().get(pk=equipement.pk)
    ancien_site = fiche.site_id
    for champ, valeur in donnees.items():
        if champ in CHAMPS_MODIFIABLES:
            setattr(fiche, champ, valeur.strip() if isinstance(valeur, str) else valeur)
    if "type" in donnees and "categorie_deee" not in donnees:
        fiche.categorie_deee = CATEGORIE_DU_TYPE.get(fiche.type, "hors_champ")
    fiche.cle = cle_de(fiche.numero_inventaire, fiche.numero_serie)
    _verifier_fiche(fiche)
    if Equipement.objects.filter(source=fiche.source, cle=fiche.cle).exclude(pk=fiche.pk).exists():
        raise RefusCycleVie("Un équipement de ce numéro d'inventaire (ou de série) existe déjà.",
                            "numero_inventaire")  # fmt: skip
    fiche.save()
    if fiche.site_id != ancien_site:
        _noter(fiche, Genre.REAFFECTATION, date.today(), fiche.etat, fiche.etat,
               f"Nouveau site : {fiche.site or 'aucun'}", auteur)  # fmt: skip
    return fiche


@transaction.atomic
def changer_etat(equipement: Equipement, etat: str, jour: date, commentaire: str = "",
                 auteur=None) -> Equipement:  # fmt: skip
    """In stock, in service, in repair, back from decommissioning. Decommissioning and exits
    have their own functions (they need a date, a route)."""
    if etat in (Etat.REFORME, Etat.SORTI) and equipement.etat != Etat.SORTI:
        raise RefusCycleVie("Utilisez « Réformer » ou « Sortir du parc » pour ces étapes.", "etat")
    cycle_vie.verifier_transition(equipement.etat, etat)
    cycle_vie.verifier_pas_futur(jour, "du changement d'état")
    if (
        equipement.etat == Etat.REFORME
        and equipement.date_reforme
        and jour < equipement.date_reforme
    ):
        raise RefusCycleVie(f"L'équipement a été réformé le {equipement.date_reforme:%d/%m/%Y} : "
                            "il ne peut pas revenir en stock avant.", "date")  # fmt: skip
    avant = equipement.etat
    equipement.etat = etat
    if avant == Etat.REFORME:
        equipement.date_reforme = None  # put back in stock: no longer decommissioned
    if etat == Etat.EN_SERVICE and equipement.date_mise_en_service is None:
        equipement.date_mise_en_service = jour
    equipement.save()
    _noter(equipement, Genre.CHANGEMENT_ETAT, jour, avant, etat, commentaire, auteur)
    return equipement


@transaction.atomic
def reformer(equipement: Equipement, jour: date, commentaire: str = "", auteur=None) -> Equipement:
    cycle_vie.verifier_transition(equipement.etat, Etat.REFORME)
    cycle_vie.verifier_dates(equipement.date_acquisition, jour)
    cycle_vie.verifier_pas_futur(jour, "de réforme", "date_reforme")
    avant = equipement.etat
    equipement.etat, equipement.date_reforme = Etat.REFORME, jour
    equipement.save()
    _noter(equipement, Genre.REFORME, jour, avant, Etat.REFORME, commentaire, auteur)
    return equipement


@transaction.atomic
def sortir(equipement: Equipement, demande: DemandeSortie, auteur=None, *, don: Don | None = None,
           prestataire: Reparateur | None = None, reference_engagement: str = "",
           reference_preuve: str = "", destinataire_siret: str = "") -> Sortie:  # fmt: skip
    """The exit of a decommissioned item: dated, justified, with its route and taker."""
    if equipement.etat != Etat.REFORME:
        raise RefusCycleVie("Seul un équipement réformé sort du parc : réformez-le d'abord.",
                            "etat")  # fmt: skip
    cycle_vie.verifier_sortie(demande, equipement.date_acquisition, equipement.date_reforme)
    sortie = Sortie.objects.create(
        equipement=equipement, date=demande.date, voie=demande.voie,
        destination=demande.destination, destinataire=demande.destinataire.strip(),
        destinataire_siret=destinataire_siret, prestataire=prestataire, don=don,
        justification=demande.justification.strip(), date_engagement=demande.date_engagement,
        reference_engagement=reference_engagement, date_preuve=demande.date_preuve,
        reference_preuve=reference_preuve, valeur_unitaire=demande.valeur_unitaire, auteur=auteur,
    )  # fmt: skip
    equipement.etat = Etat.SORTI
    equipement.save(update_fields=["etat", "date_maj"])
    _noter(equipement, Genre.SORTIE, demande.date, Etat.REFORME, Etat.SORTI,
           f"{sortie.get_voie_display()} — {sortie.destinataire}", auteur)  # fmt: skip
    return sortie


@transaction.atomic
def enregistrer_preuve(sortie: Sortie, jour: date, reference: str = "", auteur=None) -> Sortie:
    """The taker proved the reuse: the exit now counts for the objective (if committed before)."""
    if sortie.voie not in VOIES_REEMPLOI:
        raise RefusCycleVie(f"Une sortie par « {sortie.get_voie_display()} » n'est pas un "
                            "réemploi : elle n'a pas de preuve de réemploi.", "date_preuve")  # fmt: skip
    cycle_vie.verifier_pas_futur(jour, "de la preuve", "date_preuve")
    if jour < sortie.date:
        raise RefusCycleVie("La preuve du réemploi arrive après la sortie, pas avant.",
                            "date_preuve")  # fmt: skip
    sortie.date_preuve, sortie.reference_preuve = jour, reference
    sortie.save(update_fields=["date_preuve", "reference_preuve"])
    return sortie


@transaction.atomic
def annuler_sortie(equipement: Equipement, motif: str, auteur=None) -> Equipement:
    if not motif.strip():
        raise RefusCycleVie("Dites pourquoi la sortie est annulée.", "motif")
    sortie = getattr(equipement, "sortie", None)
    if sortie is None:
        raise RefusCycleVie("Cet équipement n'est pas sorti du parc.", "etat")
    sortie.delete()
    equipement.etat = Etat.REFORME
    equipement.save(update_fields=["etat", "date_maj"])
    _noter(equipement, Genre.ANNULATION, date.today(), Etat.SORTI, Etat.REFORME, motif, auteur)
    return equipement


@transaction.atomic
def noter_intervention(equipement: Equipement, genre: str, jour: date, commentaire: str = "",
                       prestataire: Reparateur | None = None, auteur=None) -> EvenementCycleVie:  # fmt: skip
    """A repair, an upgrade (memory, disk) or a refurbishing: it lengthens the item's life."""
    if genre not in (Genre.REPARATION, Genre.AMELIORATION, Genre.RECONDITIONNEMENT):
        raise RefusCycleVie("Intervention inconnue.", "genre")
    cycle_vie.verifier_pas_futur(jour, "de l'intervention")
    if genre == Genre.RECONDITIONNEMENT and prestataire is not None:
        equipement.reconditionneur = prestataire
        equipement.save(update_fields=["reconditionneur", "date_maj"])
    return _noter(equipement, genre, jour, equipement.etat, equipement.etat, commentaire, auteur,
                  prestataire)  # fmt: skip


def _noter(equipement, genre, jour, avant, apres, commentaire, auteur, prestataire=None):
    return EvenementCycleVie.objects.create(
        equipement=equipement, date=jour, genre=genre, etat_avant=avant or "",
        etat_apres=apres or "", commentaire=commentaire, auteur=auteur, prestataire=prestataire,
    )  # fmt: skip
