"""Writes of the user panels (schéma 11.3): volunteer (residents on the public page, agents
from their space), leave (the member is deleted, their answers stay, anonymous), open a
consultation on a request or a need (an e-mail to every targeted member), answer it (a second
answer updates the first). Bad input raises `Refus` before anything is written."""

import secrets
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from sun.projets import permissions
from sun.projets.erreurs import Refus
from sun.projets.models import Avis, Consultation, MembrePanel
from sun.projets.panels import courriels

MESSAGE_CONSENTEMENT = ("Pour rejoindre le panel, cochez la case de consentement : sans elle, "
                        "nous ne pouvons rien conserver.")  # fmt: skip
PUBLICS = ("tous", "agent", "usager")


@dataclass
class Inscription:
    prenom: str
    courriel: str
    code_insee: str = ""
    centres_interet: str = ""
    consentement: bool = False


def nouveau_jeton() -> str:
    return secrets.token_urlsafe(32)


def _verifier_inscription(i: Inscription) -> Inscription:
    if not i.consentement:
        raise Refus(MESSAGE_CONSENTEMENT, champ="consentement")
    prenom = (i.prenom or "").strip()
    if not prenom:
        raise Refus("Indiquez votre prénom.", champ="prenom")
    if len(prenom) > 100:
        raise Refus("Le prénom ne peut dépasser 100 caractères.", champ="prenom")
    courriel = (i.courriel or "").strip().lower()
    try:
        validate_email(courriel)
    except ValidationError:
        raise Refus("Indiquez une adresse électronique valide (par exemple "
                    "prenom@exemple.fr).", champ="courriel") from None  # fmt: skip
    code = (i.code_insee or "").strip()
    if code:
        from sun.territoire.models import Commune

        if not (len(code) == 5 and Commune.objects.de_code(code).exists()):
            raise Refus("Commune inconnue : donnez le code INSEE à 5 chiffres de votre "
                        "commune, ou laissez le champ vide.", champ="code_insee")  # fmt: skip
        code = code.upper()
    interets = (i.centres_interet or "").strip()
    if len(interets) > 300:
        raise Refus("Les sujets d'intérêt ne peuvent dépasser 300 caractères.",
                    champ="centres_interet")  # fmt: skip
    return Inscription(prenom, courriel, code, interets, True)


def inscrire_usager(inscription: Inscription, base: str) -> MembrePanel | None:
    """Register a resident. An address already registered changes nothing and returns None
    (the page says the same thing either way: nothing is revealed)."""
    i = _verifier_inscription(inscription)
    try:
        with transaction.atomic():
            if MembrePanel.objects.par_courriel(i.courriel).exists():
                return None
            membre = MembrePanel.objects.create(
                type=MembrePanel.Type.USAGER, prenom=i.prenom, courriel=i.courriel,
                code_insee=i.code_insee, centres_interet=i.centres_interet,
                consentement_le=timezone.now(), jeton=nouveau_jeton())  # fmt: skip
    except IntegrityError:  # the same address registered at the same moment
        return None
    courriels.envoyer_bienvenue(membre, base)
    return membre


def rejoindre_agent(user, consentement: bool, centres_interet: str, base: str) -> MembrePanel:
    """An agent joins the panel with the first name and e-mail of their account."""
    if not permissions.est_du_personnel(user):
        raise Refus("Le panel des agents est réservé au personnel du Département.")
    if MembrePanel.objects.filter(compte=user).exists():
        raise Refus("Vous faites déjà partie du panel.")
    if not user.email:
        raise Refus("Votre compte n'a pas d'adresse électronique : demandez à un "
                    "administrateur de la renseigner avant de rejoindre le panel.")  # fmt: skip
    i = _verifier_inscription(Inscription(prenom=user.first_name or user.get_username(),
                                          courriel=user.email, centres_interet=centres_interet,
                                          consentement=consentement))  # fmt: skip
    with transaction.atomic():
        if MembrePanel.objects.par_courriel(i.courriel).exists():
            raise Refus("Cette adresse électronique est déjà inscrite au panel : quittez "
                        "d'abord le panel avec le lien reçu par courriel.")  # fmt: skip
        membre = MembrePanel.objects.create(
            type=MembrePanel.Type.AGENT, compte=user, prenom=i.prenom, courriel=i.courriel,
            centres_interet=i.centres_interet, consentement_le=timezone.now(),
            jeton=nouveau_jeton())  # fmt: skip
    courriels.envoyer_bienvenue(membre, base)
    return membre


def quitter(membre: MembrePanel) -> None:
    """Delete the member and their data; their answers stay, anonymous (SET_NULL)."""
    with transaction.atomic():
        membre.delete()


@dataclass
class NouvelleConsultation:
    question: str
    close_le: date | None
    publics: str = "tous"
    demande: object = None
    besoin: object = None


def sujet(consultation) -> str:
    objet = consultation.demande or consultation.besoin
    return objet.titre if objet else ""


def creer_consultation(user, n: NouvelleConsultation, base: str) -> Consultation:
    """Open a consultation and send its personal link to every targeted member."""
    if not permissions.peut_consulter_panel(user):
        raise Refus("Réservé au service informatique, aux pilotes et aux administrateurs.")
    if (n.demande is None) == (n.besoin is None):
        raise Refus("Choisissez une demande ou un besoin (l'un des deux).", champ="demande")
    question = (n.question or "").strip()
    if not question:
        raise Refus("Écrivez la question posée aux membres du panel.", champ="question")
    if n.publics not in PUBLICS:
        raise Refus("Choisissez les membres consultés : tous, les agents ou les usagers.",
                    champ="publics")  # fmt: skip
    if n.close_le is None:
        raise Refus("Indiquez la date limite des réponses.", champ="close_le")
    if n.close_le < timezone.localdate():
        raise Refus("La date limite des réponses est passée : choisissez aujourd'hui ou une "
                    "date à venir.", champ="close_le")  # fmt: skip
    demo = bool((n.demande or n.besoin).demonstration)
    with transaction.atomic():
        c = Consultation.objects.create(demande=n.demande, besoin=n.besoin, question=question,
                                        publics=n.publics, close_le=n.close_le,
                                        creee_par=user)  # fmt: skip
        membres = list(MembrePanel.objects.cibles(n.publics, demo))
        c.envoyee_a = len(membres)
        c.save(update_fields=["envoyee_a"])
    for membre in membres:
        courriels.envoyer_invitation(c, membre, base, sujet(c))
    return c


def est_close(consultation, aujourd_hui: date | None = None) -> bool:
    return (aujourd_hui or timezone.localdate()) > consultation.close_le


def est_cible(consultation, membre) -> bool:
    objet = consultation.demande or consultation.besoin
    demo = bool(objet and objet.demonstration)
    if membre.demonstration != demo:
        return False
    return consultation.publics == "tous" or consultation.publics == membre.type


def repondre(consultation, membre, reponse: str, commentaire: str = "") -> tuple[Avis, bool]:
    """Record the member's answer; returns (avis, True) when it replaced an earlier one."""
    if est_close(consultation):
        raise Refus(f"Cette consultation est close depuis le "
                    f"{consultation.close_le:%d/%m/%Y} : les réponses ne sont plus reçues.")  # fmt: skip
    if not est_cible(consultation, membre):
        raise Refus("Cette consultation ne vous a pas été adressée : votre réponse n'a pas "
                    "été enregistrée.")  # fmt: skip
    if reponse not in Avis.Reponse.values:
        raise Refus("Choisissez une réponse : utile, sans effet ou gênant pour vous.",
                    champ="reponse")  # fmt: skip
    commentaire = (commentaire or "").strip()
    if len(commentaire) > 2000:
        raise Refus("Le commentaire ne peut dépasser 2 000 caractères.", champ="commentaire")
    with transaction.atomic():
        avis, cree = Avis.objects.update_or_create(
            consultation=consultation, membre=membre,
            defaults={"reponse": reponse, "commentaire": commentaire,
                      "type_membre": membre.type})  # fmt: skip
    return avis, not cree
