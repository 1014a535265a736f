"""Agent space › data › retention: the purge (GET: what a run would do, written nowhere; POST:
the run), an elimination slip (detail, PDF, the archivist's visa or refusal, cancelling), a
transfer (detail, ZIP, the archivist's receipt, cancelling)."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from sun.comptes.roles import role_requis
from sun.donnees import permissions
from sun.donnees.conservation import bordereau as pdf_bordereau
from sun.donnees.conservation import purge, queries, services, types, versements
from sun.donnees.conservation.erreurs import RefusConservation
from sun.donnees.conservation.selection import lignes_bordereau
from sun.web.views.donnees.conservation_formulaires import RefusForm

LIGNES_PAGE = 200


@role_requis(*permissions.PURGE)
@require_http_methods(["GET", "POST"])
def purger(request):
    if request.method == "POST":
        execution = purge.purger(essai=False, par=request.user)
        (messages.warning if execution.erreurs else messages.success)(
            request, purge.resume(execution)
        )
        return redirect("espace:donnees_conservation")
    execution = purge.purger(essai=True, par=request.user)
    return render(request, "web/donnees/conservation_purge.html", {
        "execution": execution, "lignes": execution.resultats, "resume": purge.resume(execution),
        "totaux": purge.totaux(execution), "maintenant": timezone.now(),
    })  # fmt: skip


def _bordereau_ou_404(pk):
    b = queries.bordereau(pk)
    if b is None:
        raise Http404("Bordereau introuvable.")
    return b


def _page_bordereau(request, b, *, refus=None, erreur: str = "", status: int = 200):
    t = types.obtenir(b.type_enregistrement) if types.existe(b.type_enregistrement) else None
    return render(request, "web/donnees/conservation_bordereau.html", {
        "b": b, "type": t, "entetes": [l for _, l in t.champs_bordereau] if t else [],
        "lignes": lignes_bordereau(t, b.identifiants, LIGNES_PAGE) if t else [],
        "lignes_max": LIGNES_PAGE, "refus": refus or RefusForm(prefix="refus"), "erreur": erreur,
        "peut_viser": permissions.peut_viser(request.user) and b.statut == "propose",
        "peut_annuler": (permissions.peut_purger(request.user) or permissions.peut_viser(
            request.user)) and b.statut in ("propose", "vise"),
        "maintenant": timezone.now(),
    }, status=status)  # fmt: skip


@role_requis(*permissions.CONSERVATION_LECTEURS)
@require_http_methods(["GET", "POST"])
def bordereau(request, pk):
    b = _bordereau_ou_404(pk)
    if request.method == "GET":
        return _page_bordereau(request, b)
    action = request.POST.get("action", "")
    refus = RefusForm(request.POST if action == "refuser" else None, prefix="refus")
    try:
        if action == "viser":
            permissions.exiger(permissions.peut_viser(request.user), "Seul un archiviste vise "
                               "un bordereau d'élimination.", permissions.VISA)  # fmt: skip
            services.viser(b, request.user)
            messages.success(request, f"Bordereau {b.numero} visé : la prochaine purge "
                             "éliminera les enregistrements listés.")  # fmt: skip
        elif action == "refuser":
            permissions.exiger(permissions.peut_viser(request.user), "Seul un archiviste refuse "
                               "un bordereau d'élimination.", permissions.VISA)  # fmt: skip
            if not refus.is_valid():
                return _page_bordereau(request, b, refus=refus, status=400,
                                       erreur="Donnez le motif du refus.")  # fmt: skip
            services.refuser(b, request.user, refus.cleaned_data["motif"])
            messages.success(request, f"Bordereau {b.numero} refusé : les enregistrements "
                             "sont gardés.")  # fmt: skip
        elif action == "annuler":
            services.annuler(b, request.user)
            messages.success(request, f"Bordereau {b.numero} annulé.")
        else:
            return _page_bordereau(request, b, erreur="Action inconnue.", status=400)
    except RefusConservation as exc:
        return _page_bordereau(request, b, refus=refus, erreur=exc.message, status=400)
    return redirect("espace:donnees_bordereau", pk=b.pk)


@role_requis(*permissions.CONSERVATION_LECTEURS)
def bordereau_pdf(request, pk):
    b = _bordereau_ou_404(pk)
    try:
        contenu = pdf_bordereau.pdf(b)
    except OSError:
        return HttpResponse("Le PDF ne peut pas être produit sur ce serveur.", status=503,
                            content_type="text/plain; charset=utf-8")  # fmt: skip
    reponse = HttpResponse(contenu, content_type="application/pdf")
    reponse["Content-Disposition"] = f'inline; filename="{pdf_bordereau.nom_du_fichier(b)}"'
    return reponse


def _versement_ou_404(pk):
    v = queries.versement(pk)
    if v is None:
        raise Http404("Versement introuvable.")
    return v


def _page_versement(request, v, *, erreur: str = "", status: int = 200):
    return render(request, "web/donnees/conservation_versement.html", {
        "v": v, "type": types.obtenir(v.type_enregistrement)
        if types.existe(v.type_enregistrement) else None, "erreur": erreur,
        "peut_recevoir": permissions.peut_viser(request.user) and v.statut == "prepare",
        "peut_annuler": permissions.peut_purger(request.user) and v.statut == "prepare",
        "maintenant": timezone.now(),
    }, status=status)  # fmt: skip


@role_requis(*permissions.CONSERVATION_LECTEURS)
@require_http_methods(["GET", "POST"])
def versement(request, pk):
    v = _versement_ou_404(pk)
    if request.method == "GET":
        return _page_versement(request, v)
    action = request.POST.get("action", "")
    try:
        if action == "recu":
            permissions.exiger(permissions.peut_viser(request.user), "Seul un archiviste "
                               "accuse réception d'un versement.", permissions.VISA)  # fmt: skip
            services.marquer_recu(v, request.user)
            messages.success(request, f"Versement {v.numero} reçu : la prochaine purge retire "
                             "ses enregistrements de SUN.")  # fmt: skip
        elif action == "annuler":
            services.annuler_versement(v, request.user)
            messages.success(request, f"Versement {v.numero} annulé.")
        else:
            return _page_versement(request, v, erreur="Action inconnue.", status=400)
    except RefusConservation as exc:
        return _page_versement(request, v, erreur=exc.message, status=400)
    return redirect("espace:donnees_versement", pk=v.pk)


@role_requis(*permissions.CONSERVATION_LECTEURS)
def versement_zip(request, pk):
    v = _versement_ou_404(pk)
    chemin = versements.chemin(v)
    if not chemin.is_file():
        raise Http404("Le fichier de ce versement n'est plus sur le serveur.")
    return FileResponse(open(chemin, "rb"), as_attachment=True, filename=f"{v.numero}.zip",
                        content_type="application/zip")  # fmt: skip
