"""Every write to the register of requests: record a request from any channel, move it
through its workflow, ask for and receive missing pieces, add notes, mark its acknowledgement
sent. Each write keeps the history (`Evenement`), the legal dates and the counters.
"""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from sun.relation import delais
from sun.relation.models import (
    Demande,
    DemandePieces,
    Demarche,
    Evenement,
    ServiceInstructeur,
    Statut,
    Usager,
)
from sun.relation.registre import compteurs
from sun.relation.registre.code_suivi import nouveau_code
from sun.relation.registre.statuts import verifier_transition
from sun.relation.registre.usagers import cle_courriel, cle_nom, cle_telephone


class DemandeInvalide(ValueError):
    """A French message saying what is wrong; nothing was written."""


@dataclass
class Coordonnees:
    nom: str
    courriel: str = ""
    telephone: str = ""
    adresse: str = ""
    code_postal: str = ""

    def verifier(self) -> None:
        if not self.nom.strip():
            raise DemandeInvalide("Indiquez le nom de la personne.")
        if not (self.courriel.strip() or self.telephone.strip() or self.adresse.strip()):
            raise DemandeInvalide("Indiquez au moins un moyen de répondre à la personne : "
                                  "courriel, téléphone ou adresse postale.")  # fmt: skip
        if self.code_postal and not (len(self.code_postal) == 5 and self.code_postal.isdigit()):
            raise DemandeInvalide("Le code postal doit compter 5 chiffres.")


def creer_usager(coordonnees: Coordonnees, *, demonstration: bool = False) -> Usager:
    coordonnees.verifier()
    c = coordonnees
    return Usager.objects.create(
        nom=c.nom.strip(), courriel=c.courriel.strip(), telephone=c.telephone.strip(),
        adresse=c.adresse.strip(), code_postal=c.code_postal.strip(),
        cle_courriel=cle_courriel(c.courriel), cle_telephone=cle_telephone(c.telephone),
        cle_nom=cle_nom(c.nom), demonstration=demonstration,
    )  # fmt: skip


def _evenement(demande, type_, auteur=None, commentaire="", de="", vers="", par="") -> None:
    Evenement.objects.create(demande=demande, type=type_, auteur=auteur, commentaire=commentaire,
                             de_statut=de, vers_statut=vers,
                             auteur_libelle=par or (auteur.get_full_name() or auteur.username
                                                    if auteur else ""))  # fmt: skip


def _aujourd_hui(aujourd_hui: date | None) -> date:
    return aujourd_hui or timezone.localdate()


def calculer_dates(demande: Demande) -> None:
    """Set the implicit-decision date and « in time » of `demande` from its regime and pieces
    (in memory; the caller saves)."""
    regime = delais.Regime(demande.regime, demande.delai_valeur, demande.delai_unite)
    etat = delais.EtatPieces(demande.pieces_en_attente, demande.date_pieces_completes,
                             demande.jours_suspendus_pieces)  # fmt: skip
    demande.date_decision_implicite = delais.echeance_de(regime, demande.recue_le,
                                                         etat).expiration  # fmt: skip
    demande.dans_les_temps = delais.dans_les_temps(
        demande.decidee_le, demande.date_decision_implicite, demande.recue_le,
        demande.demarche.delai_annonce_jours,
    )  # fmt: skip


def verifier_reception(demarche: Demarche, recue_le: date, aujourd_hui: date) -> None:
    if recue_le > aujourd_hui:
        raise DemandeInvalide(f"La date de réception ({recue_le:%d/%m/%Y}) est dans le futur.")
    if recue_le < demarche.ouverte_le:
        raise DemandeInvalide(
            f"La date de réception ({recue_le:%d/%m/%Y}) précède l'ouverture de la démarche "
            f"« {demarche.titre} » ({demarche.ouverte_le:%d/%m/%Y})."
        )


def nouvelle_demande(
    demarche: Demarche,
    *,
    canal: str,
    recue_le: date,
    usager: Usager | None = None,
    objet: str = "",
    typologie: str = "",
    service_concerne: ServiceInstructeur | None = None,
    demonstration: bool = False,
    statut: str = Statut.EN_CONSTRUCTION,
) -> Demande:
    """An unsaved request with its regime copied from the démarche and its dates computed."""
    if demarche.reclamation and not typologie:
        raise DemandeInvalide("Une réclamation doit avoir un type (accueil, délai, décision…).")
    if typologie and not demarche.reclamation:
        raise DemandeInvalide("Seule une réclamation a un type de réclamation.")
    demande = Demande(
        demarche=demarche, service_id=demarche.service_id, canal=canal, recue_le=recue_le,
        usager=usager, objet=objet.strip(), statut=statut, regime=demarche.regime,
        delai_valeur=demarche.delai_valeur, delai_unite=demarche.delai_unite,
        typologie=typologie, service_concerne=service_concerne, demonstration=demonstration,
    )  # fmt: skip
    calculer_dates(demande)
    return demande


def _enregistrer_avec_code(demande: Demande) -> None:
    for _ in range(10):
        demande.code_suivi = nouveau_code()
        try:
            with transaction.atomic():
                demande.save()
            return
        except IntegrityError:
            if not Demande.objects.filter(code_suivi=demande.code_suivi).exists():
                raise
    raise RuntimeError("Aucun code de suivi libre trouvé en 10 essais.")


@transaction.atomic
def enregistrer_demande(
    demarche: Demarche,
    *,
    canal: str,
    recue_le: date,
    usager: Usager | None = None,
    coordonnees: Coordonnees | None = None,
    objet: str = "",
    auteur=None,
    typologie: str = "",
    service_concerne: ServiceInstructeur | None = None,
    aujourd_hui: date | None = None,
    demonstration: bool = False,
) -> Demande:
    """Record a request received on `canal`, for an existing person (`usager`) or a new one
    (`coordonnees`). Raises DemandeInvalide (nothing written)."""
    verifier_reception(demarche, recue_le, _aujourd_hui(aujourd_hui))
    if usager is None:
        if coordonnees is None:
            raise DemandeInvalide("Indiquez la personne qui fait la demande.")
        coordonnees.verifier()
    demande = nouvelle_demande(demarche, canal=canal, recue_le=recue_le, usager=usager,
                               objet=objet, typologie=typologie, service_concerne=service_concerne,
                               demonstration=demonstration)  # fmt: skip
    if usager is None:
        demande.usager = creer_usager(coordonnees, demonstration=demonstration)
    demande.enregistree_par = auteur
    _enregistrer_avec_code(demande)
    _evenement(demande, Evenement.Type.CREATION, auteur,
               f"Reçue le {recue_le:%d/%m/%Y} ({demande.get_canal_display().lower()})",
               vers=demande.statut, par="" if auteur else "Formulaire en ligne")  # fmt: skip
    compteurs.deplacer(None, compteurs.cle(demande))
    return demande


def _verrouiller(demande: Demande) -> Demande:
    return Demande.objects.select_for_update().select_related("demarche").get(pk=demande.pk)


@transaction.atomic
def changer_statut(
    demande: Demande,
    vers: str,
    *,
    auteur=None,
    commentaire: str = "",
    le: date | None = None,
    aujourd_hui: date | None = None,
) -> Demande:
    """Move `demande` to `vers` if the workflow allows it; a decision is dated `le` (today by
    default). Raises TransitionInterdite or DemandeInvalide."""
    d = _verrouiller(demande)
    verifier_transition(d.statut, vers)
    jour = le or _aujourd_hui(aujourd_hui)
    if jour > _aujourd_hui(aujourd_hui) or jour < d.recue_le:
        raise DemandeInvalide("La date de la décision doit être entre la réception et aujourd'hui.")
    avant, de = compteurs.cle(d), d.statut
    d.statut = vers
    d.decidee_le = jour if vers in (Statut.ACCEPTE, Statut.REFUSE, Statut.SANS_SUITE) else None
    calculer_dates(d)
    d.save()
    _evenement(d, Evenement.Type.STATUT, auteur, commentaire, de=de, vers=vers)
    compteurs.deplacer(avant, compteurs.cle(d))
    return d


def _appliquer_pieces(d: Demande) -> None:
    etat = delais.etat_pieces([delais.Pieces(p.demandees_le, p.recues_le, p.a_fournir_avant)
                               for p in d.pieces.all()])  # fmt: skip
    d.pieces_en_attente = etat.en_attente
    d.date_pieces_completes = etat.completes_le
    d.jours_suspendus_pieces = etat.jours_suspendus
    calculer_dates(d)


@transaction.atomic
def demander_pieces(
    demande: Demande,
    pieces: list[str],
    *,
    a_fournir_avant: date,
    auteur=None,
    le: date | None = None,
    aujourd_hui: date | None = None,
    commentaire: str = "",
) -> Demande:
    """The request is incomplete (L114-5): record the missing pieces, the day they were asked
    and the deadline given. The clock stops until they arrive."""
    d = _verrouiller(demande)
    verifier_transition(d.statut, Statut.INCOMPLET)
    pieces = [p.strip() for p in pieces if p.strip()]
    jour = le or _aujourd_hui(aujourd_hui)
    if not pieces:
        raise DemandeInvalide("Indiquez au moins une pièce ou information manquante.")
    if jour < d.recue_le or jour > _aujourd_hui(aujourd_hui):
        raise DemandeInvalide("Les pièces sont demandées entre la réception et aujourd'hui.")
    if a_fournir_avant <= jour:
        raise DemandeInvalide("Le délai laissé pour envoyer les pièces doit finir après la "
                              "date de la demande de pièces.")  # fmt: skip
    avant, de = compteurs.cle(d), d.statut
    DemandePieces.objects.create(demande=d, pieces=pieces, demandees_le=jour,
                                 a_fournir_avant=a_fournir_avant)  # fmt: skip
    d.statut = Statut.INCOMPLET
    _appliquer_pieces(d)
    d.save()
    _evenement(d, Evenement.Type.PIECES_DEMANDEES, auteur,
               f"{'; '.join(pieces)} — à fournir avant le {a_fournir_avant:%d/%m/%Y}"
               + (f". {commentaire}" if commentaire else ""), de=de, vers=d.statut)  # fmt: skip
    compteurs.deplacer(avant, compteurs.cle(d))
    return d


@transaction.atomic
def recevoir_pieces(
    demande: Demande,
    *,
    le: date | None = None,
    auteur=None,
    aujourd_hui: date | None = None,
) -> Demande:
    """The missing pieces arrived on `le`: the request goes back to instruction and its
    implicit-decision date is computed again (SVA: from `le`; SVR: suspension ended)."""
    d = _verrouiller(demande)
    verifier_transition(d.statut, Statut.EN_INSTRUCTION)
    attendues = list(d.pieces.filter(recues_le=None))
    if d.statut != Statut.INCOMPLET or not attendues:
        raise DemandeInvalide("Aucune pièce n'est attendue pour cette demande.")
    jour = le or _aujourd_hui(aujourd_hui)
    if jour > _aujourd_hui(aujourd_hui) or any(jour < p.demandees_le for p in attendues):
        raise DemandeInvalide("Les pièces sont reçues entre leur demande et aujourd'hui.")
    avant, de = compteurs.cle(d), d.statut
    DemandePieces.objects.filter(pk__in=[p.pk for p in attendues]).update(recues_le=jour)
    d.statut = Statut.EN_INSTRUCTION
    _appliquer_pieces(d)
    d.save()
    quand = (f" ; décision implicite le {d.date_decision_implicite:%d/%m/%Y}"
             if d.date_decision_implicite else "")  # fmt: skip
    _evenement(d, Evenement.Type.PIECES_RECUES, auteur, f"Reçues le {jour:%d/%m/%Y}{quand}",
               de=de, vers=d.statut)  # fmt: skip
    compteurs.deplacer(avant, compteurs.cle(d))
    return d


def ajouter_note(demande: Demande, texte: str, *, auteur=None) -> None:
    if not texte.strip():
        raise DemandeInvalide("La note est vide.")
    _evenement(demande, Evenement.Type.NOTE, auteur, texte.strip()[:5000])


@transaction.atomic
def marquer_accuse_envoye(
    demande: Demande, *, moyen: str, auteur=None, mentions_verifiees: bool = False
) -> None:
    """Record that the acknowledgement of receipt went out (`moyen`: courriel, courrier,
    remis en main propre). Refused when a mention R112-5 requires is missing (unless the
    caller has just checked them, as `accuse.envoyer_par_courriel` does before sending)."""
    from sun.relation.registre.accuse import verifier_mentions

    if not mentions_verifiees:
        verifier_mentions(demande)
    Demande.objects.filter(pk=demande.pk).update(accuse_envoye_le=timezone.now())
    _evenement(demande, Evenement.Type.ACCUSE, auteur, f"Envoyé ({moyen})")
