"""Every write of users' answers: record step 1 (it creates the answer, so that a person who
leaves after it still counts, as JDMA saves each step), record each later step once, and
moderate free texts. Nothing identifying is stored: no address, no browser, no cookie id; the
free text is masked before it is saved (`masquage`)."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from sun.qualite.models import Avis, Moderation, Satisfaction
from sun.qualite.satisfaction import questionnaire as q
from sun.qualite.satisfaction.contexte import Contexte
from sun.qualite.satisfaction.masquage import masquer
from sun.qualite.satisfaction.queries import lieux_du_departement


class AvisInvalide(ValueError):
    """A forged or out-of-scale answer: nothing is written (message in French)."""


class DejaRepondu(AvisInvalide):
    """This question of this answer was already answered (answers are written once)."""


def enregistrer_avis(contexte: Contexte, satisfaction: str, *, recu_le: datetime | None = None,
                     demonstration: bool = False) -> Avis:  # fmt: skip
    """Step 1 (required): create the answer with its general experience."""
    if satisfaction not in Satisfaction.values:
        raise AvisInvalide("Réponse refusée : choisissez « Pas bien », « Moyen » ou « Très bien ».")
    service = contexte.service
    if service is None and contexte.demarche is not None:
        service = contexte.demarche.service
    return Avis.objects.create(
        recu_le=recu_le or timezone.now(), emplacement=contexte.emplacement,
        canal=contexte.canal, demarche=contexte.demarche, service=service, lieu=contexte.lieu,
        satisfaction=satisfaction, demonstration=demonstration,
    )  # fmt: skip


def _note_1_5(valeur) -> int:
    try:
        note = int(valeur)
    except (TypeError, ValueError):
        note = 0
    if note not in q.ECHELLE_1_5 or str(valeur).strip() != str(note):
        raise AvisInvalide("Réponse refusée : la note doit être un nombre entier de 1 à 5.")
    return note


def _verrouiller(avis: Avis) -> Avis:
    return Avis.objects.select_for_update().get(pk=avis.pk)


@transaction.atomic
def repondre_clarte(avis: Avis, note) -> Avis:
    """Step 2: « Qu'avez-vous pensé des informations… ? », 1 to 5."""
    note = _note_1_5(note)
    avis = _verrouiller(avis)
    if avis.comprehension is not None:
        raise DejaRepondu("Cette question a déjà reçu une réponse.")
    avis.comprehension = note
    avis.save(update_fields=["comprehension"])
    return avis


@transaction.atomic
def repondre_aides(avis: Avis, codes: list[str]) -> Avis:
    """Step 3: the help sought (several choices; « Je n'ai pas eu besoin d'aide » alone)."""
    codes = list(dict.fromkeys(codes))
    if not codes or not set(codes) <= q.CODES_CONTACT_TRIED:
        raise AvisInvalide("Réponse refusée : choisissez parmi les moyens d'aide proposés.")
    if q.AIDE_SANS_BESOIN in codes and len(codes) > 1:
        raise AvisInvalide(
            "Réponse refusée : « Je n'ai pas eu besoin d'aide » ne se coche pas avec un moyen "
            "d'aide."
        )
    avis = _verrouiller(avis)
    if avis.contact_tried or avis.autonome is not None:
        raise DejaRepondu("Cette question a déjà reçu une réponse.")
    ordre = [o.code for o in q.CONTACT_TRIED]
    avis.contact_tried = sorted(codes, key=ordre.index)
    avis.autonome = codes == [q.AIDE_SANS_BESOIN]
    avis.save(update_fields=["contact_tried", "autonome"])
    return avis


def _canal_essaye(avis: Avis, canal: str) -> None:
    if canal not in q.CODES_ADMINISTRATION or canal not in avis.contact_tried:
        raise AvisInvalide("Réponse refusée : ce moyen de contact n'a pas été choisi.")


@transaction.atomic
def repondre_joint(avis: Avis, canal: str, reponse: str) -> Avis:
    """« … avez-vous réussi à joindre l'administration ? » for one channel tried: oui / non."""
    if reponse not in ("oui", "non"):
        raise AvisInvalide("Réponse refusée : répondez « Oui » ou « Non ».")
    avis = _verrouiller(avis)
    _canal_essaye(avis, canal)
    if canal in avis.contact_reached:
        raise DejaRepondu("Cette question a déjà reçu une réponse.")
    avis.contact_reached = {**avis.contact_reached, canal: reponse == "oui"}
    avis.save(update_fields=["contact_reached"])
    return avis


@transaction.atomic
def repondre_qualite(avis: Avis, canal: str, note) -> Avis:
    """The quality of the help obtained on a channel reached: 1 (Très mauvaise) to 5."""
    note = _note_1_5(note)
    avis = _verrouiller(avis)
    _canal_essaye(avis, canal)
    if avis.contact_reached.get(canal) is not True:
        raise AvisInvalide("Réponse refusée : l'administration n'a pas été jointe par ce moyen.")
    if canal in avis.contact_satisfaction:
        raise DejaRepondu("Cette question a déjà reçu une réponse.")
    avis.contact_satisfaction = {**avis.contact_satisfaction, canal: note}
    avis.save(update_fields=["contact_satisfaction"])
    return avis


def texte_masque(texte: str) -> str:
    """A free text as it is stored: trimmed and masked (the département's communes kept)."""
    return masquer((texte or "").strip(), lieux_du_departement())


@transaction.atomic
def repondre_commentaire(avis: Avis, texte: str) -> Avis:
    """Step 4: the free text, masked, then waiting for moderation."""
    texte = (texte or "").strip()
    if len(texte) > q.VERBATIM_MAX:
        raise AvisInvalide(f"Commentaire refusé : {q.VERBATIM_MAX} caractères au plus.")
    if not texte:
        return avis
    avis = _verrouiller(avis)
    if avis.verbatim:
        raise DejaRepondu("Un commentaire a déjà été envoyé avec cet avis.")
    avis.verbatim = texte_masque(texte)
    avis.moderation = Moderation.A_LIRE
    avis.save(update_fields=["verbatim", "moderation"])
    return avis


@transaction.atomic
def moderer(avis: Avis, decision: str, par, le: datetime | None = None) -> Avis:
    """Accept or set aside a free text (who and when are kept); a decision can be changed."""
    if decision not in (Moderation.ACCEPTE, Moderation.ECARTE):
        raise AvisInvalide("Décision inconnue : « accepter » ou « écarter ».")
    avis = _verrouiller(avis)
    if not avis.verbatim:
        raise AvisInvalide("Cet avis n'a pas de commentaire à modérer.")
    avis.moderation, avis.modere_par, avis.modere_le = decision, par, le or timezone.now()
    avis.save(update_fields=["moderation", "modere_par", "modere_le"])
    return avis
