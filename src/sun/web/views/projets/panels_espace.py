"""Agent space › Projets › Panel des utilisateurs (schéma 11.3): every member of staff joins or
leaves the agents' panel (« Mon panel »); the IT service, pilots and administrators (module
« panel ») see the members, open a consultation on a request or a need (an e-mail goes to
every targeted member) and read its results, masked under 5 answers."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from sun.comptes.roles import role_requis
from sun.core.indicators import NON_AFFICHE, SEUIL_PERSONNES
from sun.projets import permissions
from sun.projets.erreurs import Refus
from sun.projets.models import Consultation, Demande, MembrePanel
from sun.projets.panels import queries, services
from sun.projets.panels.resultats import resultats
from sun.web.views.projets.panels_formulaires import ConsultationForm, RejoindreForm

MESSAGE_PANEL = "Réservé au service informatique, aux pilotes et aux administrateurs."
MESSAGE_FORMULAIRE = "Le formulaire contient une erreur : rien n'a été enregistré."


def _page_mon_panel(request, form=None, erreur: str = ""):
    return render(request, "web/projets/panels_mon_panel.html", {
        "membre": queries.membre_du_compte(request.user), "form": form or RejoindreForm(),
        "erreur": erreur,
    }, status=400 if erreur else 200)  # fmt: skip


@role_requis(*permissions.PERSONNEL)
@require_http_methods(["GET", "HEAD", "POST"])
def mon_panel(request):
    permissions.exiger(permissions.est_du_personnel(request.user), "Réservé au personnel.")
    if request.method != "POST":
        return _page_mon_panel(request)
    form = RejoindreForm(request.POST)
    if not form.is_valid():
        return _page_mon_panel(request, form, MESSAGE_FORMULAIRE)
    try:
        services.rejoindre_agent(request.user, bool(form.cleaned_data.get("consentement")),
                                 form.cleaned_data.get("centres_interet") or "",
                                 request.build_absolute_uri("/"))  # fmt: skip
    except Refus as exc:
        if exc.champ in form.fields:
            form.add_error(exc.champ, exc.message)
        return _page_mon_panel(request, form, exc.message)
    messages.success(request, "Vous faites partie du panel : un courriel de bienvenue vous a "
                     "été envoyé.")  # fmt: skip
    return redirect("espace:projets_mon_panel")


@role_requis(*permissions.PANEL)
@require_http_methods(["GET", "HEAD"])
def tableau(request):
    permissions.exiger(permissions.peut_consulter_panel(request.user), MESSAGE_PANEL)
    aujourd_hui = timezone.localdate()
    reels = MembrePanel.objects.reels()
    comptes = reels.compte_par_type()
    return render(request, "web/projets/panels_tableau.html", {
        "comptes": [(lib, comptes.get(v, 0)) for v, lib in MembrePanel.Type.choices],
        "total": sum(comptes.values()),
        "demo": MembrePanel.objects.de_demonstration().count(),
        "membres": MembrePanel.objects.order_by("type", "prenom"),
        "consultations": Consultation.objects.avec_liens().avec_nombre_avis(),
        "aujourd_hui": aujourd_hui, "seuil": SEUIL_PERSONNES, "non_affiche": NON_AFFICHE,
    })  # fmt: skip


def _page_nouvelle(request, form, erreur: str = ""):
    return render(request, "web/projets/panels_consultation_nouvelle.html",
                  {"form": form, "erreur": erreur}, status=400 if erreur else 200)  # fmt: skip


@role_requis(*permissions.PANEL)
@require_http_methods(["GET", "HEAD", "POST"])
def consultation_nouvelle(request):
    permissions.exiger(permissions.peut_consulter_panel(request.user), MESSAGE_PANEL)
    if request.method != "POST":
        initial = {}
        pk = request.GET.get("demande", "")
        if pk.isdigit() and Demande.objects.ouvertes().filter(pk=int(pk)).exists():
            initial["demande"] = int(pk)
        return _page_nouvelle(request, ConsultationForm(initial=initial))
    form = ConsultationForm(request.POST)
    if not form.is_valid():
        return _page_nouvelle(request, form, MESSAGE_FORMULAIRE)
    d = form.cleaned_data
    n = services.NouvelleConsultation(question=d.get("question") or "",
                                      close_le=d.get("close_le"), publics=d.get("publics"),
                                      demande=d.get("demande"), besoin=d.get("besoin"))  # fmt: skip
    try:
        c = services.creer_consultation(request.user, n, request.build_absolute_uri("/"))
    except Refus as exc:
        if exc.champ in form.fields:
            form.add_error(exc.champ, exc.message)
        return _page_nouvelle(request, form, exc.message)
    messages.success(request, f"Consultation ouverte : {c.envoyee_a} membre(s) sollicité(s) "
                     "par courriel.")  # fmt: skip
    return redirect("espace:projets_panel_consultation", pk=c.pk)


@role_requis(*permissions.PANEL)
@require_http_methods(["GET", "HEAD"])
def consultation(request, pk: int):
    permissions.exiger(permissions.peut_consulter_panel(request.user), MESSAGE_PANEL)
    c = queries.consultation(pk)
    if c is None:
        raise Http404("Consultation introuvable.")
    return render(request, "web/projets/panels_consultation.html", {
        "c": c, "objet": c.demande or c.besoin, "r": resultats(c),
        "close": services.est_close(c), "seuil": SEUIL_PERSONNES,
        "lisible": c.demande is not None and permissions.peut_lire_demande(request.user,
                                                                           c.demande),
    })  # fmt: skip


@role_requis(*permissions.PERSONNEL)
@require_POST
def quitter_mon_panel(request):
    membre = queries.membre_du_compte(request.user)
    if membre is not None:
        services.quitter(membre)
    messages.success(request, "Vous avez quitté le panel : vos données sont supprimées, vos "
                     "réponses déjà données restent anonymes.")  # fmt: skip
    return redirect("espace:projets_mon_panel")
