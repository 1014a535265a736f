"""Every write of a donation: propose it (to a place of the register or an association),
add or remove retired items, accept it (the agreement signed), hand it over (the exits of
the fleet, all or none), record the proof of reuse, cancel it, show it on the place's page.
Each function checks first and writes nothing when it refuses (`RefusCycleVie`)."""

from datetime import date

from django.db import transaction

from sun.core.versions import donnees_ecrites
from sun.parc import services as parc
from sun.parc.cycle_vie import DemandeSortie, RefusCycleVie
from sun.parc.dons import lignes
from sun.parc.dons.identifiants import nettoyer_rna, nettoyer_siret, siret_valide
from sun.parc.dons.regles import OUVERTS, DemandeRemise, destination_de, numero, verifier_remise
from sun.parc.models import Don, EvenementCycleVie
from sun.parc.referentiel import BaseLegaleDon, Etat, Voie

Statut = Don.Statut
CHAMPS = ("beneficiaire", "siret", "rna", "adresse", "contact", "base_legale", "etat_materiel",
          "commentaire")  # fmt: skip


def _prochain_numero(annee: int) -> str:
    prefixe = f"DON-{annee}-"
    rangs = [int(n.removeprefix(prefixe)) for n in Don.objects.filter(numero__startswith=prefixe)
             .values_list("numero", flat=True) if n.removeprefix(prefixe).isdigit()]  # fmt: skip
    return numero(annee, max(rangs, default=0) + 1)


def _adresse_du_lieu(lieu) -> str:
    ville = f"{lieu.code_postal} {lieu.commune}".strip()
    return ", ".join(p for p in (lieu.adresse, ville) if p)


def _identifiants_du_lieu(lieu) -> tuple[str, str]:
    """(SIRET, RNA) the register knows for the place or its structure, when well-formed."""
    for pivot in (lieu.pivot, lieu.structure.pivot if lieu.structure_id else ""):
        pivot = (pivot or "").strip().upper()
        if siret_valide(pivot):
            return pivot, ""
        if pivot.startswith("W"):
            try:
                return "", nettoyer_rna(pivot)
            except RefusCycleVie:
                continue
    return "", ""


@transaction.atomic
def proposer_don(donnees: dict, auteur=None, *, lieu=None, demonstration: bool = False,
                 jour: date | None = None) -> Don:  # fmt: skip
    """A new donation, « proposé ». With `lieu` (a place of the register), its name, address
    and identifiers fill the fields left empty."""
    champs = {k: (donnees.get(k) or "").strip() for k in CHAMPS}
    if lieu is not None:
        siret, rna = _identifiants_du_lieu(lieu)
        champs["beneficiaire"] = champs["beneficiaire"] or lieu.nom
        champs["adresse"] = champs["adresse"] or _adresse_du_lieu(lieu)
        champs["siret"], champs["rna"] = champs["siret"] or siret, champs["rna"] or rna
    champs["siret"] = nettoyer_siret(champs["siret"])
    champs["rna"] = nettoyer_rna(champs["rna"])
    champs["base_legale"] = champs["base_legale"] or BaseLegaleDon.L3212_2_11
    if champs["base_legale"] not in BaseLegaleDon.values:
        raise RefusCycleVie("Choisissez la base légale du don (CGPPP L3212-2 ou L3212-3).",
                            "base_legale")  # fmt: skip
    champs["etat_materiel"] = champs["etat_materiel"] or Don.Etat.BON
    if champs["etat_materiel"] not in Don.Etat.values:
        raise RefusCycleVie("État du matériel inconnu.", "etat_materiel")
    if not champs["beneficiaire"]:
        raise RefusCycleVie("Indiquez le bénéficiaire du don.", "beneficiaire")
    pour_les_agents = champs["base_legale"] == BaseLegaleDon.L3212_2_5
    if lieu is None and not (champs["siret"] or champs["rna"]) and not pour_les_agents:
        raise RefusCycleVie(
            "Choisissez un lieu du registre, ou indiquez le SIRET ou le numéro RNA de "
            "l'association bénéficiaire (au moins l'un des deux).", "siret",
        )  # fmt: skip
    lieu_demo = bool(lieu is not None and lieu.demonstration)
    if demonstration and lieu is not None and not lieu_demo:
        raise RefusCycleVie("Un don de démonstration ne va qu'à un lieu de démonstration.", "lieu")
    jour = jour or date.today()
    return Don.objects.create(numero=_prochain_numero(jour.year), lieu=lieu, cree_par=auteur,
                              demonstration=demonstration or lieu_demo, **champs)  # fmt: skip


def _exiger_ouvert(don: Don) -> None:
    if don.statut not in OUVERTS:
        raise RefusCycleVie(f"Ce don est « {don.get_statut_display()} » : ses équipements ne "
                            "changent plus.", "statut")  # fmt: skip


@transaction.atomic
def ajouter_equipements(don: Don, equipements, auteur=None, jour: date | None = None) -> int:
    """Offer retired items in `don`; all or none. Returns how many were added."""
    _exiger_ouvert(don)
    equipements = list(equipements)
    deja = set(lignes.ids_du_don(don))
    ailleurs = lignes.dons_ouverts_de(e.pk for e in equipements)
    nouveaux = []
    for e in equipements:
        if e.pk in deja:
            continue
        if e.etat != Etat.REFORME:
            raise RefusCycleVie(f"« {e} » est « {e.get_etat_display()} » : seul un équipement "
                                "réformé peut être donné (réformez-le d'abord).", "equipements")  # fmt: skip
        if ailleurs.get(e.pk, don.numero) != don.numero:
            raise RefusCycleVie(f"« {e} » est déjà proposé dans le don {ailleurs[e.pk]} : "
                                "retirez-le de ce don d'abord.", "equipements")  # fmt: skip
        if e.demonstration != don.demonstration:
            raise RefusCycleVie("Un don de démonstration ne contient que du matériel de "
                                "démonstration, et un don réel que du matériel réel.",
                                "equipements")  # fmt: skip
        nouveaux.append(e)
    don.equipements.add(*nouveaux)
    _noter_dans_l_historique(nouveaux, lignes.texte_propose(don), jour, auteur)
    return len(nouveaux)


@transaction.atomic
def retirer_equipements(don: Don, equipements, auteur=None, jour: date | None = None) -> int:
    _exiger_ouvert(don)
    dedans = set(lignes.ids_du_don(don))
    retires = [e for e in equipements if e.pk in dedans]
    don.equipements.remove(*retires)
    _noter_dans_l_historique(retires, lignes.texte_retire(don), jour, auteur)
    return len(retires)


def _noter_dans_l_historique(equipements: list, texte: str, jour: date | None, auteur) -> None:
    """One event « proposé au don … » or « retiré du don … » on each item's sheet."""
    if not equipements:
        return
    jour = jour or date.today()
    EvenementCycleVie.objects.bulk_create([EvenementCycleVie(
        equipement=e, date=jour, genre=lignes.GENRE, etat_avant=e.etat, etat_apres=e.etat,
        commentaire=texte, auteur=auteur) for e in equipements])  # fmt: skip
    donnees_ecrites(EvenementCycleVie)


@transaction.atomic
def accepter(don: Don, date_convention: date | None, engagement_reemploi: bool,
             auteur=None) -> Don:  # fmt: skip
    """The taker accepted: the agreement is signed (its date), with or without a commitment
    to reuse."""
    if don.statut != Statut.PROPOSE:
        raise RefusCycleVie(f"Seul un don proposé s'accepte (celui-ci est « "
                            f"{don.get_statut_display()} »).", "statut")  # fmt: skip
    if not lignes.ids_du_don(don):
        raise RefusCycleVie("Ajoutez au moins un équipement avant d'accepter le don.",
                            "equipements")  # fmt: skip
    if date_convention is None:
        raise RefusCycleVie("Indiquez la date de signature de la convention.", "date_convention")
    don.statut, don.date_convention = Statut.ACCEPTE, date_convention
    don.engagement_reemploi = bool(engagement_reemploi)
    don.save(update_fields=["statut", "date_convention", "engagement_reemploi", "date_maj"])
    return don


@transaction.atomic
def remettre(don: Don, demande: DemandeRemise, auteur=None) -> list:
    """Hand the items over: each leaves the fleet (route « don »), in one transaction; one
    refusal and nothing is written. Returns the exits."""
    equipements = list(lignes.equipements_du_don(don).select_for_update())
    for e in equipements:
        if e.etat != Etat.REFORME:
            raise RefusCycleVie(f"« {e} » n'est plus réformé (« {e.get_etat_display()} ») : "
                                "retirez-le du don.", "equipements")  # fmt: skip
    verifier_remise(don, demande, equipements)
    engagement = (don.engagement_reemploi if demande.engagement_reemploi is None
                  else demande.engagement_reemploi)  # fmt: skip
    date_engagement = don.date_convention if engagement else None
    justification = (f"Don {don.numero} à {don.beneficiaire} ({don.get_base_legale_display()})"
                     + (f", convention du {don.date_convention:%d/%m/%Y}"
                        if don.date_convention else ""))  # fmt: skip
    sorties = [parc.sortir(e, DemandeSortie(
        date=demande.date_remise, voie=Voie.DON, destination=destination_de(don.base_legale),
        destinataire=don.beneficiaire, justification=justification,
        date_engagement=date_engagement, valeur_unitaire=demande.valeur_de(e),
    ), auteur, don=don, destinataire_siret=don.siret,
        reference_engagement=f"Convention de don {don.numero}" if engagement else "",
    ) for e in equipements]  # fmt: skip
    don.statut, don.date_remise = Statut.REMIS, demande.date_remise
    don.engagement_reemploi = engagement
    don.effacement, don.effacement_date = demande.effacement, demande.effacement_date
    don.effacement_outil = demande.effacement_outil.strip()
    don.save()
    return sorties


@transaction.atomic
def enregistrer_preuve(don: Don, jour: date | None, reference: str = "", auteur=None) -> Don:
    """The taker proved the reuse: on the donation and on each of its exits."""
    if don.statut != Statut.REMIS:
        raise RefusCycleVie("La preuve du réemploi s'enregistre sur un don remis.", "statut")
    if jour is None:
        raise RefusCycleVie("Indiquez la date de la preuve du réemploi.", "date_preuve")
    if don.date_remise and jour < don.date_remise:
        raise RefusCycleVie("La preuve du réemploi arrive après la remise, pas avant.",
                            "date_preuve")  # fmt: skip
    reference = reference.strip() or f"Preuve du réemploi, don {don.numero}"
    for sortie in don.sorties.all():
        parc.enregistrer_preuve(sortie, jour, reference, auteur)
    don.date_preuve = jour
    don.save(update_fields=["date_preuve", "date_maj"])
    return don


@transaction.atomic
def annuler(don: Don, motif: str, auteur=None) -> Don:
    if don.statut == Statut.REMIS:
        raise RefusCycleVie("Un don remis ne s'annule pas ici : annulez la sortie de chaque "
                            "équipement dans l'inventaire.", "statut")  # fmt: skip
    if don.statut == Statut.ANNULE:
        raise RefusCycleVie("Ce don est déjà annulé.", "statut")
    if not (motif or "").strip():
        raise RefusCycleVie("Dites pourquoi le don est annulé.", "motif")
    don.statut = Statut.ANNULE
    don.commentaire = "\n".join(p for p in (don.commentaire, f"Annulé : {motif.strip()}") if p)
    don.save(update_fields=["statut", "commentaire", "date_maj"])
    return don


@transaction.atomic
def changer_visibilite(don: Don, visible: bool, auteur=None) -> Don:
    """The receiving place chooses whether its public page says « matériel reçu du
    Département »."""
    if don.lieu_id is None:
        raise RefusCycleVie("Ce don ne va pas à un lieu du registre : il n'a pas de page "
                            "publique où s'afficher.", "visible_sur_lieu")  # fmt: skip
    don.visible_sur_lieu = bool(visible)
    don.save(update_fields=["visible_sur_lieu", "date_maj"])
    return don
