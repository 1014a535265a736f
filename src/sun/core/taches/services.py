"""Writes of the tasks: queue a long import and follow it to its report; plan the daily jobs
once per day and run them."""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from sun.core.imports import ConfirmationRequise, ImportImpossible, attente
from sun.core.taches import imports, quotidien
from sun.core.taches.models import ExecutionQuotidienne, Tache

journal = logging.getLogger(__name__)
Etat = Tache.Etat


# --- long imports -----------------------------------------------------------------------------
def lancer_import(genre: str, chemin, *, nom_fichier: str, options: dict, essai: bool,
                  auteur=None) -> Tache:  # fmt: skip
    """Put the file at `chemin` aside and queue its import. The worker runs it; with the
    immediate backend (tests) it has run when this returns."""
    declare = imports.obtenir(genre)
    tache = Tache.objects.create(
        genre=genre, libelle=declare.libelle, fichier=nom_fichier[:255], options=options,
        jeton=attente.mettre_en_attente(chemin), essai=essai,
        auteur=auteur if getattr(auteur, "pk", None) else None,
    )  # fmt: skip
    _mettre_en_file(tache)
    return Tache.objects.get(pk=tache.pk)


def _mettre_en_file(tache: Tache) -> None:
    from sun.core.taches.tasks import executer_import  # the task module imports this one

    imports.noter_progression(tache.pk, lues=0, etape="en file d'attente")
    executer_import.enqueue(str(tache.pk))


def confirmer_import(tache: Tache) -> Tache:
    """Queue again, past the guard, an import stopped for confirmation (its file waited)."""
    if Tache.objects.filter(pk=tache.pk, etat=Etat.A_CONFIRMER).update(
        etat=Etat.EN_FILE, confirmer=True, message="", debut=None, fin=None
    ):
        _mettre_en_file(tache)
    return Tache.objects.get(pk=tache.pk)


def abandonner_import(tache: Tache) -> Tache:
    """Drop an import stopped for confirmation, and its waiting file."""
    if Tache.objects.filter(pk=tache.pk, etat=Etat.A_CONFIRMER).update(
        etat=Etat.ABANDONNEE, fin=timezone.now()
    ):
        attente.retirer(tache.jeton)
    return Tache.objects.get(pk=tache.pk)


def _finir(tache: Tache, etat: str, *, message: str = "", resultat: dict | None = None) -> None:
    Tache.objects.filter(pk=tache.pk).update(
        etat=etat, message=message, resultat=resultat or {}, fin=timezone.now()
    )
    imports.oublier_progression(tache.pk)
    if etat != Etat.A_CONFIRMER:  # the file waits only for a confirmation
        attente.retirer(tache.jeton)


def executer_import(tache_id: str) -> str:
    """Run a queued import (the worker's task). Only a queued job starts: a task delivered
    twice runs once."""
    if not Tache.objects.filter(pk=tache_id, etat=Etat.EN_FILE).update(
        etat=Etat.EN_COURS, debut=timezone.now()
    ):
        return "déjà traitée"
    tache = Tache.objects.select_related("auteur").get(pk=tache_id)
    chemin = attente.fichier_en_attente(tache.jeton)
    if chemin is None:
        _finir(tache, Etat.ECHOUEE, message="Le fichier n'est plus disponible (délai dépassé) : "
               "importez-le à nouveau. Rien n'a été enregistré.")  # fmt: skip
        return Etat.ECHOUEE
    imports.noter_progression(tache.pk, lues=0, etape="lecture et enregistrement")
    try:
        rapport = imports.obtenir(tache.genre).fonction(
            chemin, tache.options, essai=tache.essai, confirmer=tache.confirmer,
            auteur=tache.auteur, nom_fichier=tache.fichier, progression=imports.compteur(tache.pk),
        )  # fmt: skip
    except ConfirmationRequise as exc:
        _finir(tache, Etat.A_CONFIRMER, message=str(exc),
               resultat={**imports.rapport_en_dict(exc.rapport), "a_fermer": list(exc.a_fermer)})  # fmt: skip
        return Etat.A_CONFIRMER
    except ImportImpossible as exc:
        _finir(tache, Etat.ECHOUEE, message=f"{exc} Rien n'a été enregistré.")
        return Etat.ECHOUEE
    except BaseException as exc:
        _finir(tache, Etat.ECHOUEE, message="Erreur inattendue pendant l'import ("
               f"{type(exc).__name__}) : rien n'a été enregistré. Le journal du worker la détaille.")  # fmt: skip
        raise
    _finir(tache, Etat.TERMINEE, resultat=imports.rapport_en_dict(rapport))
    return Etat.TERMINEE


# --- daily jobs -------------------------------------------------------------------------------
def planifier(maintenant=None, *, backend: str = "default") -> ExecutionQuotidienne | None:
    """Queue the daily jobs at their next SUN_TACHES_HEURE, once: the day's row (unique) and
    its queued task are written in one transaction, so of several workers (or a worker and
    the timer) planning the same day, one queues it and the others find it planned."""
    from sun.core.taches.tasks import taches_quotidiennes

    prevue = quotidien.prochaine_execution(maintenant)
    if ExecutionQuotidienne.objects.filter(jour=prevue.date()).exists():
        return None
    try:
        with transaction.atomic():
            execution = ExecutionQuotidienne.objects.create(jour=prevue.date(), prevue_le=prevue)
            resultat = taches_quotidiennes.using(run_after=prevue, backend=backend).enqueue(
                prevue.date().isoformat()
            )
            execution.id_tache = str(resultat.id)
            execution.save(update_fields=["id_tache"])
    except IntegrityError:
        return None
    return execution


def executer_jour(jour: str, *, backend: str = "default") -> dict:
    """Run every declared daily job for the planned `jour` (ISO date), once; each job's
    failure is recorded and does not stop the others. Then plan the next day."""
    execution, _ = ExecutionQuotidienne.objects.get_or_create(
        jour=jour, defaults={"prevue_le": timezone.now()}
    )
    resultats = {}
    if ExecutionQuotidienne.objects.filter(pk=execution.pk, debut=None).update(
        debut=timezone.now()
    ):
        resultats = executer_quotidiennes()
        ExecutionQuotidienne.objects.filter(pk=execution.pk).update(
            fin=timezone.now(), resultats=resultats
        )
    planifier(backend=backend)
    return resultats


def executer_quotidiennes() -> dict:
    """Run every declared daily job now: {code: {libelle, resultat or erreur}}."""
    resultats = {}
    for tache in quotidien.toutes():
        try:
            resultats[tache.code] = {"libelle": tache.libelle, "resultat": tache.fonction()}
        except Exception as exc:  # one failing job must not keep the others from running
            journal.exception("Tâche quotidienne %s en échec", tache.code)
            resultats[tache.code] = {
                "libelle": tache.libelle,
                "erreur": f"{type(exc).__name__} : {exc}",
            }
    return resultats
