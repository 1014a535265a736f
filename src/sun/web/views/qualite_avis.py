"""« Je donne mon avis »: the public satisfaction questionnaire (anonymous, no account, no
cookie but CSRF's, without JavaScript), and its desk-tablet mode.

One question per screen, each answer one tap (submit buttons). Step 1 creates the answer, so
that a person who leaves after it still counts; each later step is saved as it is answered,
through a signed link carrying the answer in progress (`parcours`). Answers are counted per
client address when created (SUN_LIMITE_AVIS; a tablet's signed address has its own, higher
limit, SUN_LIMITE_AVIS_BORNE: one desk serves many people). A tablet's pages go back to its
first question after a minute and a half without an answer, and ten seconds after the thanks
(an HTTP `Refresh`, no script), and show nothing of the previous person."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from sun.qualite.models import Avis
from sun.qualite.satisfaction import questionnaire as q
from sun.qualite.satisfaction.contexte import Contexte, depuis_jeton, resoudre
from sun.qualite.satisfaction.parcours import (
    FIN,
    JetonInvalide,
    etape_suivante,
    jeton_contexte,
    jeton_etape,
    lire_borne,
    lire_contexte,
    lire_etape,
    numero,
    parcours,
)
from sun.qualite.satisfaction.services import (
    AvisInvalide,
    DejaRepondu,
    enregistrer_avis,
    repondre_aides,
    repondre_clarte,
    repondre_commentaire,
    repondre_joint,
    repondre_qualite,
)
from sun.web.forms.qualite_avis import (
    AidesForm,
    CommentaireForm,
    NoteForm,
    OuiNonForm,
    SatisfactionForm,
)
from sun.web.limites import limite_anonyme

INACTIVITE_S = 90
RETOUR_APRES_MERCI_S = 10
FORMULAIRES = {"clarte": NoteForm, "aides": AidesForm, "joint": OuiNonForm,
               "qualite": NoteForm, "commentaire": CommentaireForm}  # fmt: skip
GABARIT = "web/avis/etape.html"


def _retour_borne(reponse, borne: str, apres_s: int):
    if borne:
        reponse["Refresh"] = f"{apres_s}; url={reverse('avis_borne', args=[borne])}"
    return reponse


def _borne(jeton: str) -> Contexte:
    try:
        reglage = lire_borne(jeton)
    except JetonInvalide as exc:
        raise Http404(str(exc)) from exc
    return resoudre(service=reglage.get("s", ""), lieu=reglage.get("l", ""),
                    demarche=reglage.get("d", ""), canal=reglage.get("c", ""), borne=True)  # fmt: skip


def _page_1(request, contexte: Contexte, borne: str, form=None, status: int = 200):
    form = form or SatisfactionForm(initial={"contexte": jeton_contexte(contexte.en_clair())})
    if form.is_bound:  # a refused answer: a fresh token, the same place
        form.data = form.data.copy()
        form.data["contexte"] = jeton_contexte(contexte.en_clair())
    return render(request, GABARIT, {
        "genre": "satisfaction", "form": form, "q": q, "contexte": contexte, "borne": borne,
        "numero": 1, "total": None,
    }, status=status)  # fmt: skip


def _premiere_etape(request, contexte: Contexte, borne: str = ""):
    if request.method != "POST":
        return _page_1(request, contexte, borne)
    form = SatisfactionForm(request.POST)
    if not form.is_valid():
        return _page_1(request, contexte, borne, form, status=400)
    if not borne:
        try:
            contexte = depuis_jeton(lire_contexte(form.cleaned_data["contexte"]))
        except JetonInvalide as exc:
            form.add_error(None, str(exc))
            return _page_1(request, contexte, borne, form, status=400)
    creer = _creer_borne if borne else _creer
    return creer(request, contexte, form, borne)


def _enregistrer(request, contexte: Contexte, form, borne: str):
    try:
        avis = enregistrer_avis(contexte, form.cleaned_data["satisfaction"])
    except AvisInvalide as exc:
        form.add_error(None, str(exc))
        return _page_1(request, contexte, borne, form, status=400)
    return redirect("avis_etape", jeton=jeton_etape(avis.pk, "clarte", borne))


@limite_anonyme("avis", "SUN_LIMITE_AVIS")
def _creer(request, contexte, form, borne):
    return _enregistrer(request, contexte, form, borne)


@limite_anonyme("avis_borne", "SUN_LIMITE_AVIS_BORNE")
def _creer_borne(request, contexte, form, borne):
    return _enregistrer(request, contexte, form, borne)


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def questionnaire(request):
    """`/avis/?demarche=<slug>&lieu=<id>&service=<code>&canal=<canal>`: the first question."""
    g = request.GET
    contexte = resoudre(demarche=g.get("demarche", ""), service=g.get("service", ""),
                        lieu=g.get("lieu", ""), canal=g.get("canal", ""))  # fmt: skip
    return _premiere_etape(request, contexte)


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def borne(request, jeton):
    """A desk tablet's first question (its signed set-up in the address)."""
    return _premiere_etape(request, _borne(jeton), borne=jeton)


def _repondre(genre: str, canal: str, avis: Avis, form) -> Avis:
    donnees = form.cleaned_data
    if genre == "clarte":
        return repondre_clarte(avis, donnees["note"])
    if genre == "aides":
        return repondre_aides(avis, form.codes())
    if genre == "joint":
        return repondre_joint(avis, canal, donnees["reponse"])
    if genre == "qualite":
        return repondre_qualite(avis, canal, donnees["note"])
    return repondre_commentaire(avis, donnees.get("verbatim", ""))


def _fin(borne: str):
    return redirect("avis_borne_merci", jeton=borne) if borne else redirect("avis_merci")


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def etape(request, jeton):
    """Steps 2 to 4, one question per screen; « Passer » skips a question."""
    try:
        e = lire_etape(jeton)
    except JetonInvalide as exc:
        raise Http404(str(exc)) from exc
    avis = Avis.objects.filter(pk=e.avis_pk).first()
    if avis is None or e.etape not in parcours(avis):
        raise Http404("Ce lien du questionnaire n'est plus valable.")
    genre, _, canal = e.etape.partition(":")
    form = FORMULAIRES[genre](request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        if not form.cleaned_data.get("passer"):
            try:
                avis = _repondre(genre, canal, avis, form)
            except DejaRepondu:
                return _fin(e.borne)
            except AvisInvalide as exc:
                form.add_error(None, str(exc))
        if not form.errors:
            suivante = etape_suivante(avis, e.etape)
            if suivante == FIN:
                return _fin(e.borne)
            return redirect("avis_etape", jeton=jeton_etape(avis.pk, suivante, e.borne))
    rang, total = numero(avis, e.etape)
    reponse = render(request, GABARIT, {
        "genre": genre, "form": form, "q": q, "borne": e.borne, "numero": rang, "total": total,
        "canal": canal, "libelle_canal": dict((o.code, o.libelle) for o in q.CANAUX_ADMINISTRATION).get(canal, ""),
        "libelle_canal_court": q.CANAUX_COURTS.get(canal, ""),
        "contexte": Contexte(demarche=avis.demarche, service=avis.service, lieu=avis.lieu),
    }, status=400 if form.is_bound else 200)  # fmt: skip
    return _retour_borne(reponse, e.borne, INACTIVITE_S)


@require_safe
@never_cache
def merci(request):
    return render(request, "web/avis/merci.html", {"borne": ""})


@require_safe
@never_cache
def borne_merci(request, jeton):
    _borne(jeton)
    reponse = render(
        request, "web/avis/merci.html", {"borne": jeton, "retour_s": RETOUR_APRES_MERCI_S}
    )
    return _retour_borne(reponse, jeton, RETOUR_APRES_MERCI_S)
