"""Agent space › Compétences › my skills diagnosis: the 16 questions (a draft kept until
finished), the result with sessions proposed, sharing with one's manager, deleting it, and the manager's
list of shared diagnoses. Only the person (and their manager once shared) reads the answers:
`sun.competences.permissions.peut_lire_diagnostic`."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sun.competences import permissions, referentiel
from sun.competences.diagnostic import calcul, queries, services
from sun.competences.erreurs import Refus
from sun.competences.models import Diagnostic
from sun.competences.services import ma_personne
from sun.comptes.roles import role_requis
from sun.core.graphiques import graphique_barres
from sun.web.views.competences.diagnostic_graphique import lignes_graphique


def _questions(reponses: dict) -> list:
    return [(code, libelle, [(c, str(reponses.get(c.code, ""))) for c in referentiel.COMPETENCES
                             if c.domaine == code])
            for code, libelle in referentiel.DOMAINES.items()]  # fmt: skip


@role_requis(*permissions.PERSONNEL)
@require_http_methods(["GET", "POST"])
def formulaire(request):
    moi = ma_personne(request.user)
    brouillon = Diagnostic.objects.brouillon_de(moi)
    reponses = dict(brouillon.reponses) if brouillon else {}
    erreur, statut = "", 200
    if request.method == "POST":
        terminer = request.POST.get("action") == "terminer"
        try:
            e = services.enregistrer(moi, request.POST, terminer=terminer)
        except Refus as exc:
            erreur, statut = exc.message, 400
            reponses = {**reponses, **{k.removeprefix("niveau_"): v for k, v in
                                       request.POST.items() if k.startswith("niveau_")}}  # fmt: skip
        else:
            if e.termine:
                messages.success(request, e.message())
                return redirect("espace:competences_diagnostic_resultat", pk=e.diagnostic.pk)
            if not e.fin_refusee:
                messages.success(request, e.message())
                return redirect("espace:competences_diagnostic")
            erreur, statut, reponses = e.message(), 400, dict(e.diagnostic.reponses)
    nb = sum(1 for c in referentiel.COMPETENCES if str(reponses.get(c.code, "")) != "")
    return render(request, "web/competences/diagnostic_formulaire.html", {
        "domaines": _questions(reponses), "niveaux": list(referentiel.NIVEAUX.items()),
        "reponses": reponses, "nb_repondues": nb, "total": calcul.TOTAL, "duree": calcul.DUREE,
        "erreur": erreur, "historique": Diagnostic.objects.historique_de(moi)[:10],
        "brouillon": brouillon, "moi": moi,
    }, status=statut)  # fmt: skip


def _diagnostic(request, pk) -> Diagnostic:
    diagnostic = Diagnostic.objects.select_related("personne").filter(pk=pk).first()
    if diagnostic is None:
        raise Http404("Diagnostic introuvable.")
    permissions.exiger(permissions.peut_lire_diagnostic(request.user, diagnostic),
                       "Un diagnostic n'est lu que par la personne concernée, et par son "
                       "responsable si elle le lui partage.")  # fmt: skip
    return diagnostic


def _page_resultat(request, diagnostic: Diagnostic, erreur: str = "", statut: int = 200):
    r = calcul.resultat(diagnostic.reponses)
    sessions = queries.sessions_proposables(timezone.now(), diagnostic.personne.demonstration)
    graphique = lignes_graphique(r)
    return render(request, "web/competences/diagnostic_resultat.html", {
        "diagnostic": diagnostic, "r": r, "propositions": calcul.propositions(r.a_renforcer, sessions),
        "graphique": graphique_barres(graphique), "lignes_graphique": graphique,
        "seuil": referentiel.SEUIL_A_RENFORCER,
        "est_moi": permissions.est_la_personne(request.user, diagnostic.personne),
        "maintenant": timezone.now(), "erreur": erreur,
    }, status=statut)  # fmt: skip


@role_requis(*permissions.PERSONNEL)
@require_GET
def resultat(request, pk):
    return _page_resultat(request, _diagnostic(request, pk))


@role_requis(*permissions.PERSONNEL)
@require_POST
def partager(request, pk):
    diagnostic = _diagnostic(request, pk)
    permissions.exiger(permissions.est_la_personne(request.user, diagnostic.personne),
                       "Seule la personne concernée partage son diagnostic.")  # fmt: skip
    try:
        services.partager(
            diagnostic, ma_personne(request.user), request.POST.get("partage") == "oui"
        )
    except Refus as exc:
        diagnostic.refresh_from_db()
        return _page_resultat(request, diagnostic, exc.message, 400)
    messages.success(request, "Diagnostic partagé avec votre responsable."
                     if diagnostic.partage_avec_responsable
                     else "Votre diagnostic n'est plus partagé avec votre responsable.")  # fmt: skip
    return redirect("espace:competences_diagnostic_resultat", pk=diagnostic.pk)


@role_requis(*permissions.PERSONNEL)
@require_POST
def supprimer(request, pk):
    diagnostic = _diagnostic(request, pk)
    permissions.exiger(permissions.est_la_personne(request.user, diagnostic.personne),
                       "Seule la personne concernée supprime son diagnostic.")  # fmt: skip
    try:
        services.supprimer(request.user, diagnostic)
    except Refus as exc:
        return _page_resultat(request, diagnostic, exc.message, 400)
    messages.success(request, "Votre diagnostic a été supprimé, avec toutes ses réponses.")
    return redirect("espace:competences_diagnostic")


@role_requis(*permissions.PERSONNEL)
def equipe(request):
    moi = ma_personne(request.user)
    return render(request, "web/competences/diagnostic_equipe.html", {
        "diagnostics": Diagnostic.objects.partages_de_l_equipe(moi),
    })  # fmt: skip
