"""Public pages of the user panels (schéma 11.3), no account needed: volunteer (with explicit
consent), the thanks, leave with the personal link, answer a consultation with the personal
link. Writes go through sun.projets.panels.services; the public forms are rate-limited."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from sun.projets.erreurs import Refus
from sun.projets.models import MembrePanel
from sun.projets.panels import queries, services
from sun.web.limites import limite_anonyme
from sun.web.views.projets.panels_formulaires import AvisForm, InscriptionForm

LIMITE = ("panel", "SUN_LIMITE_PANEL")
MESSAGE_FORMULAIRE = "Le formulaire contient une erreur : rien n'a été enregistré."


def _membre(jeton: str) -> MembrePanel:
    membre = MembrePanel.objects.par_jeton(jeton)
    if membre is None:
        raise Http404("Ce lien n'est pas ou plus valable.")
    return membre


def _page_inscription(request, form, erreur: str = ""):
    return render(request, "web/projets/panels_inscription.html", {"form": form, "erreur": erreur},
                  status=400 if erreur else 200)  # fmt: skip


@require_http_methods(["GET", "HEAD", "POST"])
@limite_anonyme(*LIMITE)
def inscription(request):
    if request.method != "POST":
        return _page_inscription(request, InscriptionForm())
    form = InscriptionForm(request.POST)
    if not form.is_valid():
        return _page_inscription(request, form, MESSAGE_FORMULAIRE)
    d = form.cleaned_data
    saisie = services.Inscription(
        prenom=d.get("prenom") or "", courriel=d.get("courriel") or "",
        code_insee=d.get("code_insee") or "", centres_interet=d.get("centres_interet") or "",
        consentement=bool(d.get("consentement")))  # fmt: skip
    try:
        services.inscrire_usager(saisie, request.build_absolute_uri("/"))
    except Refus as exc:
        if exc.champ in form.fields:
            form.add_error(exc.champ, exc.message)
        return _page_inscription(request, form, exc.message)
    return redirect("panel_merci")


@require_http_methods(["GET", "HEAD"])
def merci(request):
    return render(request, "web/projets/panels_merci.html", {"quitte": False})


@require_http_methods(["GET", "HEAD", "POST"])
@limite_anonyme(*LIMITE)
def quitter(request, jeton: str):
    membre = _membre(jeton)
    if request.method != "POST":
        return render(request, "web/projets/panels_quitter.html", {"membre": membre})
    services.quitter(membre)
    return render(request, "web/projets/panels_merci.html", {"quitte": True})


def _page_avis(request, consultation, membre, form, *, erreur="", enregistre=False,
               mis_a_jour=False):  # fmt: skip
    return render(request, "web/projets/panels_avis.html", {
        "c": consultation, "objet": consultation.demande or consultation.besoin,
        "membre": membre, "form": form, "erreur": erreur, "enregistre": enregistre,
        "mis_a_jour": mis_a_jour, "deja": queries.avis_de(consultation, membre),
    }, status=400 if erreur else 200)  # fmt: skip


def _refus_avis(request, consultation, message: str):
    return render(request, "web/projets/panels_avis_refus.html",
                  {"c": consultation, "erreur": message}, status=400)  # fmt: skip


@require_http_methods(["GET", "HEAD", "POST"])
@limite_anonyme(*LIMITE)
def avis(request, pk: int, jeton: str):
    consultation = queries.consultation(pk)
    if consultation is None:
        raise Http404("Consultation introuvable.")
    membre = _membre(jeton)
    if services.est_close(consultation):
        return _refus_avis(request, consultation, f"Cette consultation est close depuis le "
                           f"{consultation.close_le:%d/%m/%Y} : les réponses ne sont plus "
                           "reçues. Merci de votre intérêt.")  # fmt: skip
    if not services.est_cible(consultation, membre):
        return _refus_avis(request, consultation, "Cette consultation ne vous a pas été "
                           "adressée : vous ne pouvez pas y répondre.")  # fmt: skip
    if request.method != "POST":
        deja = queries.avis_de(consultation, membre)
        initial = {"reponse": deja.reponse, "commentaire": deja.commentaire} if deja else {}
        return _page_avis(request, consultation, membre, AvisForm(initial=initial))
    form = AvisForm(request.POST)
    if not form.is_valid():
        return _page_avis(request, consultation, membre, form, erreur=MESSAGE_FORMULAIRE)
    d = form.cleaned_data
    try:
        _avis, mis_a_jour = services.repondre(consultation, membre, d.get("reponse") or "",
                                              d.get("commentaire") or "")  # fmt: skip
    except Refus as exc:
        if exc.champ in form.fields:
            form.add_error(exc.champ, exc.message)
        return _page_avis(request, consultation, membre, form, erreur=exc.message)
    return _page_avis(request, consultation, membre, form, enregistre=True,
                      mis_a_jour=mis_a_jour)  # fmt: skip
