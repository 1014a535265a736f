"""Agent space › Formations › the training service (role formation, administrators): create,
edit and cancel a session, its registrants with attendance, registering any person, the
attendance sheet as CSV. Every write goes through `sun.competences.formations.services`."""

import io

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from sun.competences import permissions
from sun.competences.erreurs import Refus
from sun.competences.formations import queries, services
from sun.competences.models import Inscription, Personne, Session
from sun.comptes.roles import role_requis
from sun.core.tableur import ecrivain_csv
from sun.web.views.competences.formations import rendre_session, session_ou_404
from sun.web.views.competences.formations_formulaires import SessionForm

GESTION = permissions.GESTION


def _formulaire(request, session: Session | None):
    initial = SessionForm.initial_de(session) if session else {}
    form = SessionForm(request.POST or None, initial=initial)
    erreur, champ = "", None
    if request.method == "POST":
        if form.is_valid():
            try:
                if session is None:
                    session = services.creer_session(form.cleaned_data, request.user)
                    messages.success(request, "Session créée.")
                else:
                    services.modifier_session(session, form.cleaned_data, request.user)
                    messages.success(request, "Session enregistrée.")
            except Refus as exc:
                erreur, champ = exc.message, exc.champ
                if champ in form.fields:
                    form.add_error(champ, exc.message)
            else:
                return redirect("espace:competences_session", pk=session.pk)
        else:
            erreur = "Le formulaire contient une erreur : rien n'a été enregistré."
    return render(request, "web/competences/formations_session_form.html", {
        "form": form, "session": session, "erreur": erreur,
    }, status=400 if erreur else 200)  # fmt: skip


@role_requis(*GESTION)
@require_http_methods(["GET", "POST"])
def nouvelle(request):
    return _formulaire(request, None)


@role_requis(*GESTION)
@require_http_methods(["GET", "POST"])
def modifier(request, pk: int):
    return _formulaire(request, session_ou_404(pk))


@role_requis(*GESTION)
@require_POST
def annuler(request, pk: int):
    session = session_ou_404(pk)
    try:
        annulee = services.annuler_session(session, request.user)
    except Refus as exc:
        return rendre_session(request, session, exc.message)
    messages.success(request, "Session annulée : elle n'apparaît plus dans le catalogue ; "
                     f"{annulee.prevenues} personne(s) inscrite(s) prévenue(s) par courriel.")  # fmt: skip
    return redirect("espace:competences_session", pk=session.pk)


def rendre_inscrits(request, session: Session, erreur: str = ""):
    recherche = request.GET.get("q", "").strip()[:100]
    return render(request, "web/competences/formations_inscrits.html", {
        "session": session, "inscriptions": Inscription.objects.de_session(session),
        "commencee": session.debut <= timezone.now(), "recherche": recherche,
        "trouvees": queries.chercher_personnes(recherche) if recherche else [],
        "erreur": erreur, "statuts": Inscription.Statut,
    }, status=400 if erreur else 200)  # fmt: skip


@role_requis(*GESTION)
def inscrits(request, pk: int):
    return rendre_inscrits(request, session_ou_404(pk))


@role_requis(*GESTION)
@require_POST
def inscrire_personne(request, pk: int):
    session = session_ou_404(pk)
    choix = request.POST.get("personne", "")
    personne = Personne.objects.filter(pk=choix).first() if choix.isdigit() else None
    if personne is None:
        return rendre_inscrits(request, session, "Choisissez une personne trouvée par la "
                               "recherche : personne n'a été inscrit.")  # fmt: skip
    try:
        services.inscrire(session, personne, request.user)
    except Refus as exc:
        return rendre_inscrits(request, session, exc.message)
    messages.success(request, f"{personne} est inscrit(e) à cette session.")
    return redirect("espace:competences_inscrits", pk=session.pk)


@role_requis(*GESTION)
@require_POST
def presence(request, pk: int):
    inscription = Inscription.objects.select_related("session").filter(pk=pk).first()
    if inscription is None:
        raise Http404("Inscription introuvable.")
    try:
        services.noter_presence(inscription, request.POST.get("statut", ""), request.user)
    except Refus as exc:
        return rendre_inscrits(request, session_ou_404(inscription.session_id), exc.message)
    messages.success(request, f"Présence notée pour {inscription.personne or 'la personne'}.")
    return redirect("espace:competences_inscrits", pk=inscription.session_id)


@role_requis(*GESTION)
def inscrits_csv(request, pk: int):
    """The attendance sheet (émargement): one line per registrant, a column to sign."""
    session = session_ou_404(pk)
    texte = io.StringIO()
    ecrivain = ecrivain_csv(texte, delimiter=";")
    ecrivain.writerow(["Session", "Début", "Nom", "Prénom", "Direction", "Catégorie", "Statut",
                       "Signature"])  # fmt: skip
    debut = f"{timezone.localtime(session.debut):%d/%m/%Y %H:%M}"
    for i in Inscription.objects.de_session(session).actives():
        p = i.personne
        ecrivain.writerow([session.titre, debut, p.nom if p else "Personne retirée",
                           p.prenom if p else "", str(i.direction or ""),
                           p.get_categorie_display() if p else i.categorie,
                           i.get_statut_display(), ""])  # fmt: skip
    reponse = HttpResponse(texte.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="emargement-session-{session.pk}.csv"'
    return reponse
