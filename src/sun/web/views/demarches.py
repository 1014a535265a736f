"""The public portal of the département's démarches: search and filters (GET, without
JavaScript), one page per démarche in plain French, and the deposit of a request through this
site's own form (with its accusé de réception électronique, CRPA L112-11, R112-11-1).

Anonymous visitors get the portal and the démarche pages rendered once per version of the
catalogue (`pages_versionnees`); the observed processing time of a démarche page changes once
a day. The deposit form and its receipt are never cached."""

from urllib.parse import urlencode

from django.core import signing
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from sun.relation.catalogue import queries, textes
from sun.relation.catalogue.delai_observe import delai_du_jour
from sun.relation.catalogue.recherche import PUBLICS, THEMES
from sun.relation.models import CanalDemande
from sun.relation.registre import accuse, suivi
from sun.relation.registre.services import DemandeInvalide, ajouter_note, enregistrer_demande
from sun.web import versions_des_pages
from sun.web.forms.demarches import DepotForm, RechercheDemarchesForm
from sun.web.limites import limite_anonyme
from sun.web.pages_versionnees import page_anonyme_versionnee

SERVICE_AIDE = "Aide aux démarches administratives"
SEL_RECU = "sun.relation.depot"
DUREE_RECU_S = 3600


def _en_bref(resume: str) -> str:
    """The first sentence of a summary (the one-line summary of the list)."""
    texte = " ".join((resume or "").split())
    fin = texte.find(". ")
    return texte[: fin + 1] if fin >= 0 else texte


@require_safe
@page_anonyme_versionnee("demarches", versions_des_pages.portail_des_demarches)
def portail(request):
    themes, publics = queries.valeurs_des_filtres()
    form = RechercheDemarchesForm(request.GET or None, themes=themes, publics=publics)
    criteres = form.criteres() if request.GET else {}
    liste = list(queries.portail(**criteres))
    for d in liste:
        d.en_bref = _en_bref(d.resume)
        d.types_canaux = list(dict.fromkeys(c.get_type_display() for c in d.canaux.all()))
    return render(request, "web/demarches/portail.html", {
        "form": form, "demarches": liste, "cherche": bool(request.GET),
        "themes": THEMES, "publics": PUBLICS,
    })  # fmt: skip


def lien_aide(slug: str) -> str:
    """The help search (`/trouver/`) for this démarche: the service « aide aux démarches
    administratives », and its desks first."""
    return reverse("trouver") + "?" + urlencode({"services": SERVICE_AIDE, "demarche": slug})


@require_safe
@page_anonyme_versionnee("demarche", versions_des_pages.page_d_une_demarche)
def demarche(request, slug):
    d = queries.demarche_publique(slug)
    if d is None:
        raise Http404("Démarche inconnue")
    delai = delai_du_jour(d.pk, timezone.localdate())
    canaux = list(d.canaux.all())
    return render(request, "web/demarches/demarche.html", {
        "d": d, "canaux": canaux, "en_ligne": queries.a_un_canal_electronique(canaux),
        "publics": [PUBLICS.get(p, p) for p in d.publics], "theme": THEMES.get(d.theme, d.theme),
        "sans_reponse": textes.sans_reponse(d.regime, d.delai_valeur, d.delai_unite,
                                            d.voies_de_recours),
        "delai": delai, "delai_en_jours": {
            cle: textes.jours(getattr(delai, cle)) for cle in ("rapide", "habituel", "long")
        } if delai else {},
        "lien_aide": lien_aide(d.slug), "formulaire_sun": queries.a_un_formulaire_sun(d),
    })  # fmt: skip


def _demarche_deposable(slug: str):
    d = queries.demarche_publique(slug)
    if d is None or not queries.a_un_formulaire_sun(d):
        raise Http404("Cette démarche ne se fait pas par un formulaire de ce site.")
    return d


@limite_anonyme("depot", "SUN_LIMITE_DEPOT")
def _enregistrer(request, d, form):
    """Record the request (counted against SUN_LIMITE_DEPOT once the form is valid), e-mail
    its acknowledgement when an address was given, then redirect to the receipt."""
    try:
        with transaction.atomic():
            demande = enregistrer_demande(d, canal=CanalDemande.EN_LIGNE,
                                          recue_le=timezone.localdate(),
                                          coordonnees=form.coordonnees(),
                                          objet=form.cleaned_data["objet"],
                                          typologie=form.cleaned_data.get("typologie", ""),
                                          service_concerne=queries.service_par_id(
                                              form.cleaned_data.get("service_concerne")))  # fmt: skip
            if form.cleaned_data.get("message", "").strip():
                ajouter_note(demande, form.cleaned_data["message"])
    except DemandeInvalide as exc:
        form.add_error(None, str(exc))
        return render(request, "web/demarches/deposer.html", {"d": d, "form": form}, status=400)
    courriel = "aucun"
    if demande.usager.courriel:
        try:
            courriel = "envoye" if accuse.envoyer_par_courriel(demande) else "aucun"
        except (OSError, DemandeInvalide):
            courriel = "echec"
    jeton = signing.dumps({"d": demande.pk, "c": courriel}, salt=SEL_RECU)
    return redirect("demarche_recu", slug=d.slug, jeton=jeton)


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def deposer(request, slug):
    d = _demarche_deposable(slug)
    if request.method == "POST":
        form = DepotForm(request.POST, **_options_du_formulaire(d))
        if form.is_valid():
            return _enregistrer(request, d, form)
        return render(request, "web/demarches/deposer.html", {"d": d, "form": form}, status=400)
    return render(request, "web/demarches/deposer.html",
                  {"d": d, "form": DepotForm(**_options_du_formulaire(d))})  # fmt: skip


def _options_du_formulaire(d) -> dict:
    """A complaint asks its kind and the service concerned."""
    if not d.reclamation:
        return {}
    return {"reclamation": True, "services": queries.services_pour_reclamation()}


@require_safe
@never_cache
def recu(request, slug, jeton):
    """The receipt of a deposit: shown for an hour from its signed link (reloading it creates
    nothing)."""
    try:
        contenu = signing.loads(jeton, salt=SEL_RECU, max_age=DUREE_RECU_S)
    except signing.BadSignature as exc:
        raise Http404("Ce lien a expiré.") from exc
    demande = suivi.demande_deposee(contenu.get("d"), slug)
    if demande is None:
        raise Http404("Demande inconnue")
    return render(request, "web/demarches/recu.html", {
        "demande": demande, "mentions": accuse.mentions(demande), "courriel": contenu.get("c"),
    })  # fmt: skip
