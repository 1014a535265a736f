"""Reminders before a session: an e-mail to each registered person with an address,
`JOURS_AVANT` days before the start, once only (`Inscription.rappel_envoye_le`)."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.mail import send_mail
from django.utils import timezone

from sun.competences.formations import services
from sun.competences.models import Inscription

JOURS_AVANT = 2


@dataclass
class Compte:
    envoyes: list[str] = field(default_factory=list)
    echecs: list[str] = field(default_factory=list)

    def resume(self) -> str:
        texte = f"{len(self.envoyes)} rappel(s) de formation envoyé(s)"
        return texte + (f", {len(self.echecs)} échec(s)" if self.echecs else "")


def objet(session) -> str:
    return f"Rappel : formation « {session.titre} » le {timezone.localtime(session.debut):%d/%m/%Y}"


def message(inscription: Inscription) -> str:
    s = inscription.session
    debut, fin = timezone.localtime(s.debut), timezone.localtime(s.fin)
    lignes = [
        f"Bonjour {inscription.personne},",
        "",
        f"Vous êtes inscrit(e) à la formation « {s.titre} ».",
        f"Date : le {debut:%d/%m/%Y} de {debut:%H:%M} à {fin:%H:%M}"
        if debut.date() == fin.date()
        else f"Dates : du {debut:%d/%m/%Y %H:%M} au {fin:%d/%m/%Y %H:%M}",
        f"Format : {s.get_format_display()}",
    ]
    if s.lieu:
        lignes.append(f"Lieu : {s.lieu}")
    if s.lien:
        lignes.append(f"Lien : {s.lien}")
    lignes += ["", "Si vous ne pouvez pas venir, annulez votre inscription depuis votre parcours "
               "de formation pour libérer la place.", "", "Le service formation"]  # fmt: skip
    return "\n".join(lignes)


def rappeler(maintenant: datetime | None = None, *, essai: bool = False) -> Compte:
    """Send the reminders due at `maintenant` (in `essai` mode, list them without sending)."""
    maintenant = maintenant or timezone.now()
    compte = Compte()
    jusqu_a = maintenant + timedelta(days=JOURS_AVANT)
    for inscription in Inscription.objects.a_rappeler(maintenant, jusqu_a):
        ligne = (f"{inscription.personne.courriel} — {inscription.session.titre} "
                 f"({timezone.localtime(inscription.session.debut):%d/%m/%Y %H:%M})")  # fmt: skip
        if essai:
            compte.envoyes.append(ligne)
            continue
        try:
            send_mail(objet(inscription.session), message(inscription), None,
                      [inscription.personne.courriel])  # fmt: skip
        except OSError as exc:
            compte.echecs.append(f"{ligne} : {exc}")
            continue
        services.marquer_rappel_envoye(inscription, maintenant)
        compte.envoyes.append(ligne)
    return compte


def objet_annulation(session) -> str:
    debut = timezone.localtime(session.debut)
    return f"Formation annulée : « {session.titre} » du {debut:%d/%m/%Y}"


def message_annulation(inscription: Inscription) -> str:
    s = inscription.session
    debut = timezone.localtime(s.debut)
    return "\n".join([
        f"Bonjour {inscription.personne},",
        "",
        f"La formation « {s.titre} » prévue le {debut:%d/%m/%Y à %H:%M} est annulée : votre "
        "inscription ne tient plus.",
        "Les autres sessions sont dans le catalogue des formations de l'espace agents.",
        "",
        "Le service formation",
    ])  # fmt: skip


def prevenir_annulation(session, inscriptions) -> int:
    """E-mail each of `inscriptions` (registrations to the cancelled `session`); the number
    of e-mails sent (a failure is skipped: the cancellation stands)."""
    envoyes = 0
    for inscription in inscriptions:
        try:
            send_mail(objet_annulation(session), message_annulation(inscription), None,
                      [inscription.personne.courriel])  # fmt: skip
        except OSError:
            continue
        envoyes += 1
    return envoyes
