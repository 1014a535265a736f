"""Reminders: actions whose planned end is within 30 days or passed, e-mailed to their pilots,
each event once (a new planned end is a new event)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from sun.pilotage.models import Action, Relance

DELAI_JOURS = 30
TERMINEES = (Action.Statut.REALISE, Action.Statut.ABANDONNE)


@dataclass
class Echeance:
    action: Action
    evenement: str
    envoyes: list[str]  # pilots e-mailed now
    deja_relances: int
    sans_adresse: list[str]
    echecs: list[str]  # the mail server refused: not recorded, tried again next run


def echeances(aujourd_hui: date) -> list[tuple[Action, str]]:
    actions = (Action.objects.exclude(statut__in=TERMINEES).exclude(date_fin_prevue=None)
               .filter(date_fin_prevue__lte=aujourd_hui + timedelta(days=DELAI_JOURS))
               .select_related("plan").prefetch_related("pilotes").order_by("date_fin_prevue"))  # fmt: skip
    return [(a, Relance.Evenement.ECHEANCE_PASSEE if a.date_fin_prevue < aujourd_hui
             else Relance.Evenement.ECHEANCE_PROCHE) for a in actions]  # fmt: skip


def relancer(aujourd_hui: date, *, envoyer: bool = True) -> list[Echeance]:
    resultats = []
    for action, evenement in echeances(aujourd_hui):
        envoyes, deja, sans_adresse, echecs = [], 0, [], []
        for pilote in action.pilotes.all():
            nom = pilote.get_full_name() or pilote.username
            if not pilote.email:
                sans_adresse.append(nom)
                continue
            if Relance.objects.filter(action=action, evenement=evenement, destinataire=pilote,
                                      date_fin_prevue=action.date_fin_prevue).exists():  # fmt: skip
                deja += 1
                continue
            if envoyer:
                try:
                    with transaction.atomic():
                        Relance.objects.create(action=action, evenement=evenement, destinataire=pilote,
                                               date_fin_prevue=action.date_fin_prevue)  # fmt: skip
                        send_mail(
                            _objet(action, evenement),
                            _message(action, evenement, nom),
                            None,
                            [pilote.email],
                        )
                except IntegrityError:  # another run sent it meanwhile
                    deja += 1
                    continue
                except OSError as exc:  # smtplib's errors are OSErrors
                    echecs.append(f"{nom} ({exc})")
                    continue
            envoyes.append(nom)
        resultats.append(Echeance(action, evenement, envoyes, deja, sans_adresse, echecs))
    return resultats


def _objet(action: Action, evenement: str) -> str:
    quand = "dépassée" if evenement == Relance.Evenement.ECHEANCE_PASSEE else "proche"
    return f"[SUN] Échéance {quand} : action {action.code} {action.titre[:80]}"


def _message(action: Action, evenement: str, nom: str) -> str:
    phrase = ("Sa fin prévue, le {:%d/%m/%Y}, est dépassée." if evenement == Relance.Evenement.ECHEANCE_PASSEE
              else "Sa fin prévue est le {:%d/%m/%Y}.").format(action.date_fin_prevue)  # fmt: skip
    return (f"Bonjour {nom},\n\nVous pilotez l'action {action.code} « {action.titre} » du plan "
            f"« {action.plan.titre} » ; elle est « {action.get_statut_display()} ». {phrase}\n\n"
            "Mettez à jour son statut, ses étapes ou sa date dans l'espace agents de SUN "
            "(Pilotage), ou ajoutez une note de suivi.\n")  # fmt: skip
