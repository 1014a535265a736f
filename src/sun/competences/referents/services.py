"""Writes of the directory of referents (the training service, the IT service and
administrators): add a referent (an existing person of the direction, or a new person with
name and e-mail), edit their scope, contact and questions, deactivate them. Every function
checks before writing and raises `Refus` (a French message, nothing written)."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from sun.competences.erreurs import Refus
from sun.competences.models import Direction, Personne, Referent
from sun.competences.referents import queries


def _verifier(perimetre: str, courriel: str, telephone: str) -> None:
    if not perimetre:
        raise Refus("Indiquez le périmètre du référent (services, sites ou outils couverts) : "
                    "rien n'a été enregistré.", champ="perimetre")  # fmt: skip
    if len(perimetre) > 300:
        raise Refus("Le périmètre fait 300 caractères au plus : rien n'a été enregistré.",
                    champ="perimetre")  # fmt: skip
    if not courriel:
        raise Refus("L'adresse électronique de contact est obligatoire : rien n'a été "
                    "enregistré.", champ="courriel")  # fmt: skip
    try:
        validate_email(courriel)
    except ValidationError:
        raise Refus(f"L'adresse électronique « {courriel} » n'est pas valide : rien n'a été "
                    "enregistré.", champ="courriel") from None  # fmt: skip
    if len(telephone) > 30:
        raise Refus("Le téléphone fait 30 caractères au plus : rien n'a été enregistré.",
                    champ="telephone")  # fmt: skip


def ajouter_referent(
    direction: Direction | None,
    perimetre: str,
    courriel: str,
    personne: Personne | None = None,
    nom: str = "",
    prenom: str = "",
    telephone: str = "",
    questions: str = "",
) -> Referent:
    """A new referent of `direction`: `personne` (who must work in that direction), or a new
    person of that direction created from `nom`/`prenom` and the contact e-mail. The same
    person twice for a direction is refused (an inactive one is made active again)."""
    perimetre, courriel = (perimetre or "").strip(), (courriel or "").strip()
    telephone, questions = (telephone or "").strip(), (questions or "").strip()
    nom, prenom = (nom or "").strip(), (prenom or "").strip()
    with transaction.atomic():
        if direction is None:
            raise Refus("Choisissez la direction : rien n'a été enregistré.", champ="direction")
        if personne is None and not nom:
            raise Refus("Choisissez une personne de la direction ou indiquez le nom de la "
                        "personne à créer : rien n'a été enregistré.", champ="personne")  # fmt: skip
        _verifier(perimetre, courriel, telephone)
        if personne is not None:
            if personne.direction_id != direction.pk:
                ailleurs = personne.direction or "aucune direction"
                raise Refus(f"{personne} n'est pas de la direction « {direction} » (direction "
                            f"enregistrée : {ailleurs}) : rien n'a été enregistré.",
                            champ="personne")  # fmt: skip
            existant = Referent.objects.filter(direction=direction, personne=personne).first()
            if existant is not None and existant.actif:
                raise Refus(f"{personne} est déjà référent de la direction « {direction} » : "
                            "rien n'a été enregistré.", champ="personne")  # fmt: skip
            if existant is not None:
                existant.perimetre, existant.courriel = perimetre, courriel
                existant.telephone, existant.questions, existant.actif = telephone, questions, True
                existant.save()
                return existant
        else:
            if len(nom) > 100 or len(prenom) > 100:
                raise Refus("Le nom et le prénom font 100 caractères au plus : rien n'a été "
                            "enregistré.", champ="nom")  # fmt: skip
            homonyme = queries.homonyme(direction, nom, prenom)
            if homonyme is not None:
                raise Refus(f"{homonyme} existe déjà dans cette direction : choisissez cette "
                            "personne dans la liste plutôt que d'en créer une autre. Rien n'a "
                            "été enregistré.", champ="personne")  # fmt: skip
            personne = Personne.objects.create(nom=nom, prenom=prenom, courriel=courriel,
                                               direction=direction,
                                               demonstration=direction.demonstration)  # fmt: skip
        return Referent.objects.create(direction=direction, personne=personne,
                                       perimetre=perimetre, courriel=courriel,
                                       telephone=telephone, questions=questions,
                                       depuis=timezone.localdate())  # fmt: skip


def modifier_referent(referent: Referent, perimetre: str, courriel: str, telephone: str = "",
                      questions: str = "") -> Referent:  # fmt: skip
    """Change a referent's scope, contact and questions."""
    perimetre, courriel = (perimetre or "").strip(), (courriel or "").strip()
    telephone, questions = (telephone or "").strip(), (questions or "").strip()
    with transaction.atomic():
        _verifier(perimetre, courriel, telephone)
        referent.perimetre, referent.courriel = perimetre, courriel
        referent.telephone, referent.questions = telephone, questions
        referent.save(update_fields=["perimetre", "courriel", "telephone", "questions"])
    return referent


def desactiver_referent(referent: Referent) -> Referent:
    """The referent leaves the network (kept, no longer listed)."""
    with transaction.atomic():
        if not referent.actif:
            raise Refus("Ce référent est déjà désactivé : rien n'a été modifié.")
        referent.actif = False
        referent.save(update_fields=["actif"])
    return referent
