"""The e-mails of the user panels: the welcome message (with the link to leave) and the
invitation to answer a consultation (with the member's personal link). `base` is the site's
absolute address (« https://sun.example.org/ »), given by the caller."""

from django.core.mail import send_mail
from django.urls import reverse


def _lien(base: str, nom: str, *args) -> str:
    return base.rstrip("/") + reverse(nom, args=args)


def lien_quitter(base: str, membre) -> str:
    return _lien(base, "panel_quitter", membre.jeton)


def lien_avis(base: str, consultation, membre) -> str:
    return _lien(base, "panel_avis", consultation.pk, membre.jeton)


def envoyer_bienvenue(membre, base: str) -> None:
    texte = (
        f"Bonjour {membre.prenom},\n\n"
        "Vous faites désormais partie du panel des utilisateurs des outils numériques du "
        "Département de l'Aude. De temps en temps, nous vous demanderons votre avis sur une "
        "évolution envisagée : une question, une réponse en un clic.\n\n"
        "Nous conservons votre prénom, votre adresse électronique, votre commune si vous "
        "l'avez donnée, vos sujets d'intérêt et vos réponses, uniquement pour vous consulter, "
        "jusqu'à ce que vous quittiez le panel.\n\n"
        "Pour quitter le panel à tout moment (vos données sont alors supprimées, vos réponses "
        f"déjà données restent anonymes) :\n{lien_quitter(base, membre)}\n\n"
        "Merci de votre participation.\nLe Département de l'Aude"
    )
    send_mail("Bienvenue dans le panel des utilisateurs", texte, None, [membre.courriel])


def envoyer_invitation(consultation, membre, base: str, sujet: str) -> None:
    texte = (
        f"Bonjour {membre.prenom},\n\n"
        f"Votre avis nous intéresse sur : « {sujet} ».\n\n"
        f"{consultation.question}\n\n"
        f"Répondez avant le {consultation.close_le:%d/%m/%Y} en suivant ce lien personnel "
        f"(ne le transmettez pas) :\n{lien_avis(base, consultation, membre)}\n\n"
        f"Pour quitter le panel :\n{lien_quitter(base, membre)}\n\n"
        "Merci.\nLe Département de l'Aude"
    )
    send_mail(f"Votre avis : {sujet}"[:150], texte, None, [membre.courriel])
