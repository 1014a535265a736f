"""Agent space › Formations et compétences: the landing page (upcoming sessions, filters, my
next registrations), a session's page, registering (oneself, a member of one's team, anyone
for the training service) and cancelling a registration. Who may do what:
`sun.competences.permissions`; every write goes through `sun.competences.formations.services`."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from sun.competences import permissions
from sun.competences.erreurs import Refus
from sun.competences.formations import queries, services
from sun.competences.formations.parcours import competences_de, libelles_publics
from sun.competences.models import Inscription, Personne, Session
from sun.competences.services import ma_personne
from sun.comptes.roles import role_requis
from sun.web.views.competences.formations_formulaires import FiltresForm

REFUS_INSCRIRE = ("Vous pouvez inscrire vous-même, un membre de votre équipe ou, au service "
                  "formation, toute personne.")  # fmt: skip


def session_ou_404(pk: int) -> Session:
    session = Session.objects.de_la_session(pk)
    if session is None:
        raise Http404("Session introuvable.")
    return session


@role_requis(*permissions.PERSONNEL)
def accueil(request):
    filtres = FiltresForm(request.GET or None)
    maintenant = timezone.now()
    moi = ma_personne(request.user)
    return render(request, "web/competences/formations_accueil.html", {
        "filtres": filtres, "filtre": any(filtres.valeurs().values()),
        "sessions": Session.objects.catalogue(maintenant, **filtres.valeurs()),
        "mes_inscriptions": Inscription.objects.prochaines(moi, maintenant),
        "gestion": permissions.peut_gerer_formations(request.user), "maintenant": maintenant,
    })  # fmt: skip


def rendre_session(request, session: Session, erreur: str = "", champ_personne: str = ""):
    moi = ma_personne(request.user)
    maintenant = timezone.now()
    return render(request, "web/competences/formations_session.html", {
        "session": session, "competences": competences_de(session),
        "publics": libelles_publics(session), "ouverte": not session.annulee
        and session.debut > maintenant, "commencee": session.debut <= maintenant,
        "mon_inscription": queries.inscription_de(moi, session),
        "equipe": queries.equipe(moi), "gestion": permissions.peut_gerer_formations(request.user),
        "erreur": erreur, "champ_personne": champ_personne,
    }, status=400 if erreur else 200)  # fmt: skip


@role_requis(*permissions.PERSONNEL)
def session(request, pk: int):
    return rendre_session(request, session_ou_404(pk))


@role_requis(*permissions.PERSONNEL)
@require_POST
def inscrire(request, pk: int):
    """Register oneself (no `personne`), or the person chosen (team member, anyone for HR)."""
    session = session_ou_404(pk)
    choix = request.POST.get("personne", "")
    if choix:
        personne = Personne.objects.filter(pk=choix).first() if choix.isdigit() else None
        if personne is None:
            return rendre_session(request, session, "Choisissez une personne de la liste : "
                                  "personne n'a été inscrit.", choix)  # fmt: skip
    else:
        personne = ma_personne(request.user)
    permissions.exiger(permissions.peut_inscrire(request.user, personne), REFUS_INSCRIRE)
    try:
        services.inscrire(session, personne, request.user)
    except Refus as exc:
        return rendre_session(request, session, exc.message, choix)
    moi = personne.compte_id == request.user.pk
    messages.success(request, "Vous êtes inscrit(e) à cette session." if moi
                     else f"{personne} est inscrit(e) à cette session.")  # fmt: skip
    return redirect("espace:competences_session", pk=session.pk)


@role_requis(*permissions.PERSONNEL)
@require_POST
def annuler_inscription(request, pk: int):
    inscription = Inscription.objects.select_related("session", "personne").filter(pk=pk).first()
    if inscription is None or inscription.personne is None:
        raise Http404("Inscription introuvable.")
    permissions.exiger(permissions.peut_inscrire(request.user, inscription.personne),
                       REFUS_INSCRIRE)  # fmt: skip
    try:
        services.annuler_inscription(inscription, request.user)
    except Refus as exc:
        return rendre_session(request, session_ou_404(inscription.session_id), exc.message)
    messages.success(request, "Inscription annulée : la place est libérée.")
    if request.POST.get("retour") == "parcours":
        return redirect("espace:competences_parcours")
    return redirect("espace:competences_session", pk=inscription.session_id)
