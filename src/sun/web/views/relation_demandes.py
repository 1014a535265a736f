"""Agent space › Demandes: the register of requests (search, filters), recording a request
received on any channel in under a minute, and the page of one request with its history and
the actions its workflow and the user's rights allow (`relation_demande_actions`).

Rights (`sun.relation.permissions`) are checked here on the server for every view: agents and
administrators read every request, instructeurs those of their services; pilots read the
statistics only."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from sun.comptes.roles import Role, RoleManquant, role_requis
from sun.relation import permissions
from sun.relation.catalogue.recherche import THEMES
from sun.relation.models import CanalDemande, Demarche, Statut
from sun.relation.registre import accuse
from sun.relation.registre import queries as registre
from sun.relation.registre.services import Coordonnees, DemandeInvalide, enregistrer_demande
from sun.relation.registre.usagers import cle_telephone
from sun.web.forms.relation import NOUVELLE_PERSONNE, DemandeForm

LECTEURS = (Role.AGENT, Role.INSTRUCTEUR, Role.ADMINISTRATEUR)
PAR_PAGE = 50


def aujourd_hui():
    return timezone.localdate()


def refuser(message: str):
    raise RoleManquant(message, LECTEURS)


def demande_lisible(request, pk: int):
    """The request `pk` with everything its page shows, if `request.user` may read it."""
    demande = registre.demande_detaillee(pk)
    if demande is None:
        raise Http404("Demande introuvable.")
    if not permissions.peut_lire_demande(request.user, demande):
        refuser(f"Cette demande relève du service « {demande.service.nom} » : seuls ses "
                "instructeurs, les agents et les administrateurs peuvent l'ouvrir.")  # fmt: skip
    return demande


@role_requis(*LECTEURS)
def liste(request):
    filtres = registre.FiltresDemandes.depuis(request.GET)
    page = Paginator(registre.registre(request.user, filtres), PAR_PAGE).get_page(
        request.GET.get("page")
    )
    jour = aujourd_hui()
    registre.annoter_echeances(page.object_list, jour)
    return render(request, "web/espace/relation/demandes.html", {
        "page": page, "filtres": filtres, "aujourd_hui": jour,
        "services": permissions.services_lisibles(request.user).order_by("nom"),
        "demarches": Demarche.objects.order_by("titre").only("slug", "titre"),
        "statuts": Statut.choices, "canaux": CanalDemande.choices,
        "peut_enregistrer": permissions.peut_enregistrer(request.user),
    })  # fmt: skip


def _pre_rempli(contact: str) -> dict:
    """What the search typed says about a new person: an e-mail, a phone or a name."""
    contact = (contact or "").strip()
    if not contact:
        return {}
    if "@" in contact:
        return {"courriel": contact}
    if len(cle_telephone(contact)) >= 9:
        return {"telephone": contact}
    return {"nom": contact}


def _premier_champ(form, trouves, contact: str) -> str:
    """The field the cursor starts in (autofocus): the search, a person found, or the first
    field left to fill."""
    if form.is_bound and form.errors:
        return next((c for c in form.errors if c != "__all__"), "")
    if trouves:
        return "usager"
    if not contact:
        return "contact"
    for champ in ("nom", "telephone", "demarche"):
        if not form.initial.get(champ):
            return champ
    return "canal"


@role_requis(*LECTEURS)
def nouvelle(request):
    """Record a request: first find the person again (name, e-mail or phone), else a name and
    one contact; then the démarche, the channel and the day of receipt. Only
    `enregistrer_demande` writes; the acknowledgement leaves at once by e-mail if given."""
    if not permissions.peut_enregistrer(request.user):
        refuser("Enregistrer une demande est réservé aux agents, instructeurs et administrateurs.")
    source = request.POST if request.method == "POST" else request.GET
    contact = (source.get("contact") or "").strip()[:200]
    trouves = registre.contacts(contact, request.user)
    choisi = registre.usager(source.get("usager"), request.user) if source.get("usager") else None
    if choisi is not None and choisi.pk not in {u.pk for u in trouves}:
        trouves.insert(0, choisi)
    groupes = registre.demarches_par_theme()
    initial = {"canal": CanalDemande.TELEPHONE, "recue_le": aujourd_hui(),
               "demarche": request.GET.get("demarche", ""),
               "usager": str(choisi.pk) if choisi else ("" if trouves else NOUVELLE_PERSONNE),
               **_pre_rempli(contact)}  # fmt: skip
    form = DemandeForm(request.POST or None, initial=initial, groupes=groupes, trouves=trouves)
    if request.method == "POST" and form.is_valid():
        demande = _enregistrer(request, form, {u.pk: u for u in trouves})
        if demande is not None:
            return redirect(
                reverse("espace:relation_demande", args=[demande.pk]) + "?enregistree=1"
            )
    premier = _premier_champ(form, trouves, contact)
    if premier in form.fields and premier != "usager":
        form.fields[premier].widget.attrs["autofocus"] = True
    return render(request, "web/espace/relation/nouvelle.html", {
        "form": form, "contact": contact, "trouves": trouves, "groupes": groupes,
        "themes": THEMES, "premier": premier,
        "reclamations": bool(form.reclamations),
    }, status=400 if form.is_bound else 200)  # fmt: skip


def _enregistrer(request, form, trouves: dict):
    d = form.cleaned_data
    usager = None
    coordonnees = None
    if d["usager"] != NOUVELLE_PERSONNE:
        usager = trouves.get(int(d["usager"])) if d["usager"].isdigit() else None
        if usager is None:
            form.add_error("usager", "Personne introuvable : cherchez-la de nouveau.")
            return None
    else:
        coordonnees = Coordonnees(nom=d["nom"], courriel=d["courriel"], telephone=d["telephone"],
                                  adresse=d["adresse"], code_postal=d["code_postal"])  # fmt: skip
    try:
        demande = enregistrer_demande(
            d["demarche"], canal=d["canal"], recue_le=d["recue_le"], usager=usager,
            coordonnees=coordonnees, objet=d["objet"], auteur=request.user,
            typologie=d["typologie"], service_concerne=d["service_concerne"],
            aujourd_hui=aujourd_hui(),
        )  # fmt: skip
    except DemandeInvalide as exc:
        form.add_error(None, str(exc))
        return None
    messages.success(request, f"Demande enregistrée : code de suivi {demande.code_suivi}.")
    envoyer_accuse(request, demande)
    return demande


def envoyer_accuse(request, demande) -> bool:
    """E-mail the acknowledgement if the person gave an address; say what happened."""
    if demande.usager is None or not demande.usager.courriel:
        messages.info(request, "Pas de courriel : remettez ou envoyez l'accusé de réception "
                               "imprimé (PDF).")  # fmt: skip
        return False
    try:
        envoye = accuse.envoyer_par_courriel(demande, auteur=request.user)
    except OSError:
        messages.warning(request, "Accusé de réception non envoyé : le serveur de messagerie "
                                  "ne répond pas. La demande est bien enregistrée ; réessayez "
                                  "plus tard ou imprimez le PDF.")  # fmt: skip
        return False
    except DemandeInvalide as exc:
        messages.warning(request, f"Accusé de réception non envoyé. {exc}")
        return False
    if envoye:
        messages.success(request, f"Accusé de réception envoyé à {demande.usager.courriel}.")
    return envoye


@role_requis(*LECTEURS)
def accuse_pdf(request, pk: int):
    demande = demande_lisible(request, pk)
    try:
        contenu = accuse.pdf(demande)
    except OSError:  # Pango missing on this server
        messages.error(request, "Le PDF n'est pas disponible sur ce serveur (bibliothèque Pango "
                                "absente) : imprimez la page depuis le navigateur.")  # fmt: skip
        return redirect("espace:relation_demande", pk=pk)
    reponse = HttpResponse(contenu, content_type="application/pdf")
    reponse["Content-Disposition"] = f'inline; filename="accuse-reception-{demande.code_suivi}.pdf"'
    return reponse
