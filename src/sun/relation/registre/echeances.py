"""Reminders of legal deadlines (`sun relation echeances`, a daily job): each service gets one
e-mail listing its open requests whose implicit decision is born within 15 days, and again
within 7 days — each request once per threshold and per date (a new date after missing pieces
is a new event), as `sun pilotage relances` does for the plan."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.mail import send_mail
from django.db import transaction

from sun.relation.models import Demande, EcheanceEnvoyee, ServiceInstructeur
from sun.relation.models.registre import OUVERTS

SEUILS = (7, 15)  # days before the implicit decision; the nearest threshold wins


@dataclass
class Envoi:
    service: ServiceInstructeur
    demandes: list[tuple[Demande, int]] = field(default_factory=list)  # (request, threshold)
    destinataires: list[str] = field(default_factory=list)
    deja: int = 0
    echec: str = ""

    def ligne(self) -> str:
        if self.echec:
            return f"échec de l'envoi ({self.echec}), réessayé au prochain passage"
        if not self.destinataires:
            return (f"{len(self.demandes)} demande(s), aucune adresse (ni celle du service ni "
                    "celle d'un instructeur)")  # fmt: skip
        deja = f" ; {self.deja} déjà signalée(s)" if self.deja else ""
        return f"{len(self.demandes)} demande(s) à {', '.join(self.destinataires)}{deja}"


def _seuil(demande: Demande, aujourd_hui: date) -> int:
    reste = (demande.date_decision_implicite - aujourd_hui).days
    return min(s for s in SEUILS if reste <= s)


def a_signaler(aujourd_hui: date) -> dict[int, list[tuple[Demande, int]]]:
    """Open real requests whose implicit decision falls within 15 days, by service."""
    demandes = (Demande.objects.filter(statut__in=OUVERTS, demonstration=False,
                                       date_decision_implicite__gte=aujourd_hui,
                                       date_decision_implicite__lte=aujourd_hui + timedelta(days=max(SEUILS)))
                .select_related("demarche", "usager").order_by("date_decision_implicite", "pk"))  # fmt: skip
    par_service: dict[int, list[tuple[Demande, int]]] = {}
    for d in demandes:
        par_service.setdefault(d.service_id, []).append((d, _seuil(d, aujourd_hui)))
    return par_service


def _destinataires(service: ServiceInstructeur) -> list[str]:
    adresses = [service.courriel] if service.courriel else []
    adresses += [u.email for u in service.instructeurs.filter(is_active=True) if u.email]
    return list(dict.fromkeys(adresses))


def relancer(aujourd_hui: date, *, envoyer: bool = True) -> list[Envoi]:
    envois = []
    par_service = a_signaler(aujourd_hui)
    for service in ServiceInstructeur.objects.filter(pk__in=par_service).order_by("nom"):
        envoi = Envoi(service, destinataires=_destinataires(service))
        deja = set(EcheanceEnvoyee.objects.filter(demande__in=[d for d, _ in par_service[service.pk]])
                   .values_list("demande_id", "seuil", "date_decision_implicite"))  # fmt: skip
        for d, seuil in par_service[service.pk]:
            if (d.pk, seuil, d.date_decision_implicite) in deja:
                envoi.deja += 1
            else:
                envoi.demandes.append((d, seuil))
        envois.append(envoi)
        if not envoyer or not envoi.demandes or not envoi.destinataires:
            continue
        try:
            with transaction.atomic():
                EcheanceEnvoyee.objects.bulk_create(
                    [EcheanceEnvoyee(demande=d, seuil=s, date_decision_implicite=d.date_decision_implicite)
                     for d, s in envoi.demandes], ignore_conflicts=True)  # fmt: skip
                send_mail(_objet(envoi), _message(envoi, aujourd_hui), None, envoi.destinataires)
        except OSError as exc:  # smtplib's errors: nothing recorded, tried again next run
            envoi.echec = str(exc)
    return envois


def _objet(envoi: Envoi) -> str:
    proches = sum(1 for _, s in envoi.demandes if s == 7)
    return (f"[SUN] {len(envoi.demandes)} décision(s) implicite(s) dans 15 jours ou moins"
            + (f", dont {proches} dans 7 jours" if proches else "") + f" — {envoi.service.nom}")  # fmt: skip


def _message(envoi: Envoi, aujourd_hui: date) -> str:
    lignes = [f"Bonjour,\n\nSans décision expresse, ces demandes reçues par « {envoi.service.nom} » "
              "seront réputées acceptées (SVA) ou rejetées (SVR) à la fin du jour indiqué :\n"]  # fmt: skip
    for d, _ in envoi.demandes:
        reste = (d.date_decision_implicite - aujourd_hui).days
        sens = "acceptation" if d.regime == "sva" else "rejet"
        lignes.append(f"- {d.code_suivi} · {d.demarche.titre} · reçue le {d.recue_le:%d/%m/%Y} · "
                      f"{sens} implicite le {d.date_decision_implicite:%d/%m/%Y} (dans {reste} j)")  # fmt: skip
    lignes.append(
        "\nDécidez-les, ou demandez les pièces manquantes, dans l'espace agents de SUN "
        f"(Tableau de bord des services, /espace/relation/services/{envoi.service.code}/).\n"
    )
    return "\n".join(lignes)
