"""The record of every import (places, fragility index, activities, CRA v1, territory…), and
the imports the worker runs for the agent space (queued, running, stopped for a confirmation)."""

from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from sun.comptes.roles import ESPACE, Role, a_role, role_requis
from sun.core.models import JournalImport
from sun.core.queries import genres_importes, journal_des_imports
from sun.core.services import enregistrer_fichier_refuse
from sun.core.taches import queries as taches
from sun.core.taches.imports import progression
from sun.core.taches.services import abandonner_import, confirmer_import, lancer_import
from sun.inclusion import permissions
from sun.web.televersement import copie_temporaire

# The agent-space page of each kind of import run by the worker (it follows its jobs).
PAGES = {"lieux": "espace:lieux_importer", "activites": "espace:activites_importer",
         "ifn": "espace:ifn_importer", "telephonie": "espace:qualite_telephone_importer"}  # fmt: skip


def lancer_import_envoye(genre: str, envoye, *, options: dict, essai: bool, auteur):
    """Queue the import of an uploaded file: the file is copied aside for the worker."""
    # The reader knows a workbook by its content, a CSV by its text: no suffix needed.
    with copie_temporaire(envoye, genre) as chemin:
        return lancer_import(genre, chemin, nom_fichier=envoye.name, options=options,
                             essai=essai, auteur=auteur)  # fmt: skip


def statut_du_formulaire(request, form, genre: str, libelle: str) -> int:
    """The status of an import page: 422 when its form is refused; a file refused by its
    reader before anything was queued goes to the record of imports all the same."""
    if not (form.is_bound and form.errors):
        return 200
    envoye = request.FILES.get("fichier")
    if envoye is not None and "fichier" in form.errors:
        enregistrer_fichier_refuse(genre, libelle, envoye.name, " ".join(form.errors["fichier"]),
                                   auteur=request.user)  # fmt: skip
    return 422


def url_de_la_tache(tache) -> str:
    return f"{reverse(PAGES[tache.genre])}?tache={tache.pk}"


def contexte_tache(tache, page: str) -> dict:
    """What web/espace/imports/_tache.html needs to show the job `tache` (None: no job)."""
    if tache is None:
        return {"tache": None}
    return {
        "tache": tache, "url_suivi": url_de_la_tache(tache),
        "progression": progression(tache.pk) if tache.active else None,
        "arret": {"jeton": tache.jeton, "erreur": tache.message, "rapport": tache.resultat,
                  "a_fermer": tache.resultat.get("a_fermer", [])}
        if tache.etat == tache.Etat.A_CONFIRMER else None,
    }  # fmt: skip


@role_requis(*ESPACE)
@require_POST
def confirmer_tache(request):
    """Confirm (or drop) an import stopped by the guard, whatever its kind: the worker runs it
    again from its waiting file, past the guard. Its launcher, or an administrator."""
    tache = taches.a_confirmer(request.POST.get("jeton", ""), request.POST.get("genre", ""))
    if tache is None or tache.genre not in PAGES:
        messages.error(
            request, "Cet import en attente n'existe plus : importez à nouveau le fichier."
        )
        return redirect("espace:imports")
    decider(request, tache)
    return redirect(url_de_la_tache(tache))


def decider(request, tache):
    """The decision posted on a stopped import, by its launcher or an administrator: the job
    run again past the guard (returned), or dropped (None)."""
    if tache.auteur_id != request.user.pk and not a_role(request.user, Role.ADMINISTRATEUR):
        raise PermissionDenied(
            "Seul le compte qui a lancé l'import (ou un administrateur) le confirme."
        )
    if request.POST.get("decision") == "confirmer":
        return confirmer_import(tache)
    abandonner_import(tache)
    messages.info(request, "Import abandonné : rien n'a été enregistré.")
    return None


@role_requis(*ESPACE)
def journal(request):
    if not permissions.peut_importer(request.user):
        raise PermissionDenied
    genres = dict(genres_importes())
    genre = request.GET.get("genre", "")
    if genre not in genres:
        genre = ""
    page = Paginator(journal_des_imports(genre), 30).get_page(request.GET.get("page"))
    a_suivre = [(t, url_de_la_tache(t)) for t in taches.taches_a_suivre(genre) if t.genre in PAGES]
    return render(request, "web/espace/imports/journal.html", {
        "page": page, "genres": genres, "genre": genre, "a_suivre": a_suivre,
        "quotidiennes": taches.dernieres_executions(), "prochaine": taches.prochaine_execution(),
    })  # fmt: skip


@role_requis(*ESPACE)
def rapport(request, pk: int):
    """The full CSV report of an import (rejected lines and reported values)."""
    if not permissions.peut_importer(request.user):
        raise PermissionDenied
    return fichier_du_rapport(get_object_or_404(JournalImport, pk=pk))


def fichier_du_rapport(entree: JournalImport) -> HttpResponse:
    """The CSV report of a journal entry, from var/imports/ only (else 404)."""
    chemin = Path(entree.rapport) if entree.rapport else None
    dossier = (Path(settings.VAR_DIR) / "imports").resolve()
    if chemin is None or not chemin.exists() or dossier not in chemin.resolve().parents:
        raise Http404("Rapport introuvable.")
    # With a BOM, so that a spreadsheet reads its accents (the file is capped in lines).
    reponse = HttpResponse(b"\xef\xbb\xbf" + chemin.read_bytes(),
                           content_type="text/csv; charset=utf-8")  # fmt: skip
    reponse["Content-Disposition"] = f'attachment; filename="{chemin.name}"'
    return reponse
