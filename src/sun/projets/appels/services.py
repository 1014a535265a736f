"""Writes of the wing « appels »: the watch list of calls, the applications made for the
plan's actions, and the budget line a funding goes to. Every check comes before the write,
inside one transaction; bad input raises `Refus` with a French message and writes nothing.

A funding obtained never changes the budget line's `reel` (the realised spending is the
finance service's figure): the line only says where the money goes."""

from datetime import date
from decimal import Decimal, InvalidOperation
from urllib.parse import urlparse

from django.db import transaction
from django.utils import timezone

from sun.projets.erreurs import Refus

CHAMPS_APPEL = ("titre", "financeur", "programme", "description", "date_limite",
                "beneficiaires", "montant_max", "lien", "relaye", "suivi_par")  # fmt: skip
STATUTS = ("preparation", "deposee", "obtenue", "refusee", "abandonnee")
DEPOSEES = ("deposee", "obtenue", "refusee")
TYPES_BUDGET = ("investissement", "fonctionnement")


def _montant(valeur, champ: str, libelle: str) -> Decimal | None:
    if valeur in (None, ""):
        return None
    try:
        montant = Decimal(str(valeur).replace(" ", "").replace("\u202f", "").replace(",", "."))
    except InvalidOperation:
        raise Refus(f"{libelle} : un nombre en euros est attendu (par exemple 15000 ou "
                    "15000,50) ; rien n'a été enregistré.", champ=champ) from None  # fmt: skip
    if not montant.is_finite() or montant <= 0 or montant >= Decimal("1e10"):
        raise Refus(f"{libelle} : un montant positif est attendu ; rien n'a été enregistré.",
                    champ=champ)  # fmt: skip
    return montant.quantize(Decimal("0.01"))


def _texte(donnees: dict, champ: str, libelle: str, longueur: int, requis: bool = True) -> str:
    texte = (donnees.get(champ) or "").strip()
    if requis and not texte:
        raise Refus(f"{libelle} : ce champ est obligatoire ; rien n'a été enregistré.",
                    champ=champ)  # fmt: skip
    if len(texte) > longueur:
        raise Refus(f"{libelle} : {longueur} caractères au plus ; rien n'a été enregistré.",
                    champ=champ)  # fmt: skip
    return texte


def _valeurs_appel(donnees: dict) -> dict:
    lien = _texte(donnees, "lien", "Lien vers l'appel", 500)
    adresse = urlparse(lien)
    if adresse.scheme not in ("http", "https") or not adresse.netloc:
        raise Refus("Le lien doit être une adresse web commençant par http:// ou https:// ; "
                    "rien n'a été enregistré.", champ="lien")  # fmt: skip
    if not isinstance(donnees.get("date_limite"), date):
        raise Refus("Indiquez la date limite de dépôt ; rien n'a été enregistré.",
                    champ="date_limite")  # fmt: skip
    return {
        "titre": _texte(donnees, "titre", "Intitulé", 300),
        "financeur": _texte(donnees, "financeur", "Financeur", 200),
        "programme": _texte(donnees, "programme", "Programme", 200, requis=False),
        "description": (donnees.get("description") or "").strip(),
        "date_limite": donnees["date_limite"],
        "beneficiaires": _texte(donnees, "beneficiaires", "Bénéficiaires éligibles", 5000),
        "montant_max": _montant(donnees.get("montant_max"), "montant_max", "Montant maximal"),
        "lien": lien,
        "relaye": bool(donnees.get("relaye")),
        "suivi_par": donnees.get("suivi_par") or None,
    }


def _date_passee(jour: date) -> Refus:
    return Refus(f"La date limite est déjà passée (le {jour:%d/%m/%Y}) : indiquez une date à "
                 "venir ; rien n'a été enregistré.", champ="date_limite")  # fmt: skip


def creer_appel(donnees: dict, par=None, *, aujourd_hui: date | None = None):
    """A new call of the watch list; its deadline must not be passed."""
    from sun.projets.models import AppelAProjets

    aujourd_hui = aujourd_hui or timezone.localdate()
    with transaction.atomic():
        valeurs = _valeurs_appel(donnees)
        if valeurs["date_limite"] < aujourd_hui:
            raise _date_passee(valeurs["date_limite"])
        return AppelAProjets.objects.create(**valeurs)


def modifier_appel(appel, donnees: dict, par=None, *, aujourd_hui: date | None = None):
    """Edit a call. An expired call keeps its date; a new date may not be in the past. A new
    deadline restarts the reminders (see rappels.py: thresholds are measured from it)."""
    aujourd_hui = aujourd_hui or timezone.localdate()
    with transaction.atomic():
        valeurs = _valeurs_appel(donnees)
        nouvelle = valeurs["date_limite"]
        if nouvelle != appel.date_limite and nouvelle < aujourd_hui:
            raise _date_passee(nouvelle)
        for champ, valeur in valeurs.items():
            setattr(appel, champ, valeur)
        appel.save()
        return appel


def ligne_budget_pour(action, annee: int, type_budget: str):
    """The action's budget line for `annee` and `type_budget`, created (without amounts) when
    missing. Years outside the plan are refused."""
    from sun.pilotage.models import LigneBudget

    if type_budget not in TYPES_BUDGET:
        raise Refus("Type de ligne de budget inconnu (investissement ou fonctionnement) ; "
                    "rien n'a été enregistré.", champ="type_budget")  # fmt: skip
    plan = action.plan
    if not isinstance(annee, int) or not plan.debut <= annee <= plan.fin:
        raise Refus(f"L'année de la ligne de budget doit être comprise entre {plan.debut} et "
                    f"{plan.fin} (années du plan) ; rien n'a été enregistré.",
                    champ="annee_budget")  # fmt: skip
    with transaction.atomic():
        return LigneBudget.objects.get_or_create(action=action, annee=annee, type=type_budget)[0]


def _valeurs_candidature(appel, donnees: dict, plan) -> dict:
    action = donnees.get("action")
    if action is None:
        raise Refus("Choisissez l'action du schéma concernée ; rien n'a été enregistré.",
                    champ="action")  # fmt: skip
    if plan is None or action.plan_id != plan.pk:
        raise Refus("Cette action n'appartient pas au plan en cours ; rien n'a été enregistré.",
                    champ="action")  # fmt: skip
    statut = donnees.get("statut") or "preparation"
    if statut not in STATUTS:
        raise Refus("Statut inconnu ; rien n'a été enregistré.", champ="statut")
    demande = _montant(donnees.get("montant_demande"), "montant_demande", "Montant demandé")
    if demande is None:
        raise Refus("Indiquez le montant demandé ; rien n'a été enregistré.",
                    champ="montant_demande")  # fmt: skip
    if appel.montant_max is not None and demande > appel.montant_max:
        raise Refus(f"Le montant demandé dépasse le plafond de l'appel ({appel.montant_max:.2f} "
                    "€) ; rien n'a été enregistré.", champ="montant_demande")  # fmt: skip
    obtenu = _montant(donnees.get("montant_obtenu"), "montant_obtenu", "Montant obtenu")
    deposee_le, decision_le = donnees.get("deposee_le"), donnees.get("decision_le")
    if statut == "obtenue":
        if obtenu is None:
            raise Refus("Un financement obtenu demande son montant ; rien n'a été enregistré.",
                        champ="montant_obtenu")  # fmt: skip
        if decision_le is None:
            raise Refus("Un financement obtenu demande la date de la décision ; rien n'a été "
                        "enregistré.", champ="decision_le")  # fmt: skip
        if obtenu > demande:
            raise Refus("Le montant obtenu ne peut pas dépasser le montant demandé ; rien n'a "
                        "été enregistré.", champ="montant_obtenu")  # fmt: skip
    elif obtenu is not None:
        raise Refus("Un montant obtenu ne s'indique que pour le statut « Financement obtenu » ;"
                    " rien n'a été enregistré.", champ="montant_obtenu")  # fmt: skip
    if statut in DEPOSEES and deposee_le is None:
        raise Refus("Indiquez la date de dépôt de la candidature ; rien n'a été enregistré.",
                    champ="deposee_le")  # fmt: skip
    if deposee_le is not None and deposee_le > appel.date_limite:
        raise Refus(f"Dépôt après la date limite de l'appel (le {appel.date_limite:%d/%m/%Y}) "
                    ": rien n'a été enregistré.", champ="deposee_le")  # fmt: skip
    if deposee_le and decision_le and decision_le < deposee_le:
        raise Refus("La décision ne peut pas précéder le dépôt ; rien n'a été enregistré.",
                    champ="decision_le")  # fmt: skip
    ligne = donnees.get("ligne_budget")
    if ligne is not None and ligne.action_id != action.pk:
        raise Refus(f"Cette ligne de budget est celle d'une autre action ({ligne.action.code}) ;"
                    " choisissez une ligne de l'action retenue. Rien n'a été enregistré.",
                    champ="ligne_budget")  # fmt: skip
    note = (donnees.get("note") or "").strip()
    return {"action": action, "statut": statut, "montant_demande": demande,
            "montant_obtenu": obtenu if statut == "obtenue" else None,
            "deposee_le": deposee_le, "decision_le": decision_le, "ligne_budget": ligne,
            "note": note}  # fmt: skip


def _avec_ligne(valeurs: dict, donnees: dict) -> dict:
    """A budget line to create for year + type, when asked and none was chosen."""
    annee, type_budget = donnees.get("annee_budget"), donnees.get("type_budget")
    if valeurs["ligne_budget"] is None and (annee or type_budget):
        if not (annee and type_budget):
            raise Refus("Pour une nouvelle ligne de budget, indiquez l'année et le type ; "
                        "rien n'a été enregistré.", champ="annee_budget")  # fmt: skip
        valeurs["ligne_budget"] = ligne_budget_pour(valeurs["action"], annee, type_budget)
    return valeurs


def creer_candidature(appel, donnees: dict, par=None, *, plan=None):
    """An application to `appel` for one action of the current plan (`plan`, by default
    sun.pilotage.avancement.plan_courant())."""
    from sun.pilotage.avancement import plan_courant
    from sun.projets.models import Candidature

    plan = plan if plan is not None else plan_courant()
    with transaction.atomic():
        valeurs = _avec_ligne(_valeurs_candidature(appel, donnees, plan), donnees)
        return Candidature.objects.create(appel=appel, porteur=par, **valeurs)


def modifier_candidature(candidature, donnees: dict, par=None, *, plan=None):
    from sun.pilotage.avancement import plan_courant

    plan = plan if plan is not None else plan_courant()
    with transaction.atomic():
        valeurs = _avec_ligne(_valeurs_candidature(candidature.appel, donnees, plan), donnees)
        for champ, valeur in valeurs.items():
            setattr(candidature, champ, valeur)
        if candidature.porteur_id is None:
            candidature.porteur = par
        candidature.save()
        return candidature


def noter_rappel(appel, jour: date) -> None:
    """Record the day of the last reminder sent for `appel`."""
    from sun.projets.models import AppelAProjets

    AppelAProjets.objects.filter(pk=appel.pk).update(rappel_envoye_le=jour)
    appel.rappel_envoye_le = jour
