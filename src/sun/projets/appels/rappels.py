"""Reminders before a call's deadline: 30, 14 and 3 days before, the call's follower and the
holders of its applications « en préparation » get one e-mail per threshold.

The rule (`AppelAProjets.rappel_envoye_le` keeps the day of the last reminder): on day J, a
call whose deadline is D (J ≤ D ≤ J + 30) is « at » the tightest threshold reached, the
smallest of 30, 14, 3 that is ≥ D − J. A reminder goes out when that threshold is tighter than
the one the last reminder was sent at (measured the same way, D − rappel_envoye_le), or when
none was sent. So each threshold sends once; a missed day catches up with one e-mail (the
tightest threshold reached); a deadline moved later starts again at 30 days. Demonstration
calls are never reminded. If the mail server fails, nothing is recorded: the next run tries
again."""

from dataclasses import dataclass, field
from datetime import date

from django.core.mail import send_mail

from sun.projets.appels.services import noter_rappel

SEUILS = (3, 14, 30)


def palier(jours: int) -> int | None:
    """The tightest threshold `jours` days before the deadline reach (None over 30 days)."""
    if jours < 0:
        return None
    return next((s for s in SEUILS if jours <= s), None)


def a_rappeler(appel, jour: date) -> int | None:
    """The threshold to remind `appel` at on `jour`, or None."""
    actuel = palier((appel.date_limite - jour).days)
    if actuel is None:
        return None
    if appel.rappel_envoye_le is None:
        return actuel
    precedent = palier((appel.date_limite - appel.rappel_envoye_le).days)
    return actuel if precedent is None or actuel < precedent else None


@dataclass
class Rappel:
    appel: object
    seuil: int
    destinataires: list[str] = field(default_factory=list)  # names e-mailed (or to e-mail)
    sans_adresse: list[str] = field(default_factory=list)
    echec: str = ""


def destinataires(appel) -> list:
    """The follower and the holders of applications in preparation, once each."""
    personnes = [appel.suivi_par] if appel.suivi_par_id else []
    for c in appel.candidatures.en_preparation().select_related("porteur"):
        if c.porteur_id and c.porteur not in personnes:
            personnes.append(c.porteur)
    return [p for p in personnes if p.is_active]


def _nom(user) -> str:
    return user.get_full_name() or user.username


def _message(appel, jours: int, nom: str) -> tuple[str, str]:
    quand = "aujourd'hui" if jours == 0 else f"dans {jours} jour{'s' if jours > 1 else ''}"
    objet = f"[SUN] Appel à projets : date limite {quand} — {appel.titre[:80]}"
    texte = (f"Bonjour {nom},\n\nL'appel à projets « {appel.titre} » ({appel.financeur}"
             f"{' — ' + appel.programme if appel.programme else ''}) se clôt le "
             f"{appel.date_limite:%d/%m/%Y}, {quand}.\n\nVous le suivez ou vous portez une "
             "candidature en préparation. Le détail de l'appel et des candidatures est dans "
             f"l'espace agents de SUN (Appels à projets).\n\nLien de l'appel : {appel.lien}\n")  # fmt: skip
    return objet, texte


def rappeler(jour: date, *, envoyer: bool = True) -> list[Rappel]:
    """Send (or, with envoyer=False, list) the reminders due on `jour`."""
    from sun.projets.models import AppelAProjets

    rappels = []
    for appel in AppelAProjets.objects.a_rappeler(jour, max(SEUILS)):
        seuil = a_rappeler(appel, jour)
        if seuil is None:
            continue
        rappel = Rappel(appel, seuil)
        avec_adresse = []
        for personne in destinataires(appel):
            (avec_adresse if personne.email else rappel.sans_adresse).append(personne)
        rappel.destinataires = [_nom(p) for p in avec_adresse]
        if envoyer:
            try:
                for personne in avec_adresse:
                    objet, texte = _message(appel, (appel.date_limite - jour).days, _nom(personne))
                    send_mail(objet, texte, None, [personne.email])
            except OSError as exc:  # smtplib's errors are OSErrors
                rappel.echec = str(exc)
            else:
                noter_rappel(appel, jour)
        rappel.sans_adresse = [_nom(p) for p in rappel.sans_adresse]
        rappels.append(rappel)
    return rappels
