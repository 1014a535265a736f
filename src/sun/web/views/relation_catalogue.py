"""Agent space › Catalogue des démarches: the list (« à vérifier » first), the upload of a
catalogue file (administrators; refused whole with every error listed), and the page of one
démarche for the instructeurs of its service and administrators: its descriptive fields, its
channels, « Confirmer ces informations », and its silence rule in a form of its own."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render

from sun.comptes.roles import Role, RoleManquant, role_requis
from sun.relation import permissions
from sun.relation.catalogue.fichier import CatalogueInvalide
from sun.relation.catalogue.services import (
    changer_regime,
    charger,
    confirmer_demarche,
    modifier_demarche,
)
from sun.relation.catalogue.services_canaux import (
    CanalInvalide,
    ajouter_canal,
    modifier_canal,
    supprimer_canal,
)
from sun.relation.models import Canal, Demarche
from sun.relation.registre import queries as registre
from sun.web.forms.relation import CanalForm, CatalogueFichierForm, DemarcheForm, RegimeForm
from sun.web.televersement import copie_temporaire

LECTEURS = (Role.AGENT, Role.INSTRUCTEUR, Role.PILOTE, Role.ADMINISTRATEUR)
EDITEURS = (Role.INSTRUCTEUR, Role.ADMINISTRATEUR)


def _editable(request, slug: str) -> Demarche:
    demarche = get_object_or_404(Demarche.objects.select_related("service", "verifiee_par"),
                                 slug=slug)  # fmt: skip
    if not permissions.peut_editer_demarche(request.user, demarche):
        raise RoleManquant(f"La démarche « {demarche.titre} » ne peut être modifiée que par les "
                           f"instructeurs du service « {demarche.service.nom} » et les "
                           "administrateurs.", EDITEURS)  # fmt: skip
    return demarche


@role_requis(*LECTEURS)
def catalogue(request, form_fichier=None, erreurs=(), status=200):
    admin = permissions.est_admin(request.user)
    demarches = list(registre.catalogue())
    for d in demarches:
        d.modifiable = permissions.peut_editer_demarche(request.user, d)
    return render(request, "web/espace/relation/catalogue.html", {
        "demarches": demarches, "a_verifier": sum(d.a_verifier for d in demarches),
        "admin": admin, "form_fichier": form_fichier or (CatalogueFichierForm() if admin else None),
        "erreurs": erreurs,
    }, status=status)  # fmt: skip


@role_requis(Role.ADMINISTRATEUR)
def importer(request):
    """Load a catalogue file (YAML or CSV, bounded like every upload); refused whole."""
    if request.method != "POST":
        return redirect("espace:relation_catalogue")
    form = CatalogueFichierForm(request.POST, request.FILES)
    if not form.is_valid():
        return catalogue(request, form_fichier=form, status=400)
    envoye = form.cleaned_data["fichier"]
    with copie_temporaire(envoye) as chemin:
        try:
            rapport = charger(chemin, auteur=request.user)
        except CatalogueInvalide as exc:
            return catalogue(request, form_fichier=form, erreurs=exc.erreurs, status=400)
    for ligne in rapport.lignes():
        messages.success(request, ligne)
    return redirect("espace:relation_catalogue")


def _page(request, demarche, *, form=None, regime=None, erreur="", action="", status=200):
    admin = permissions.est_admin(request.user)
    return render(request, "web/espace/relation/demarche.html", {
        "demarche": demarche, "canaux": list(demarche.canaux.all()),
        "form": form or DemarcheForm.de(demarche, admin=admin),
        "form_regime": regime or RegimeForm(initial={
            "regime": demarche.regime, "delai_valeur": demarche.delai_valeur,
            "delai_unite": demarche.delai_unite, "base_legale": demarche.base_legale,
            "appliquer": "nouvelles"}),
        "ouvertes": registre.demandes_ouvertes_de_la_demarche(demarche.pk),
        "erreur": erreur, "action": action,
    }, status=status)  # fmt: skip


@role_requis(*EDITEURS)
def demarche(request, slug: str):
    demarche = _editable(request, slug)
    if request.method != "POST":
        return _page(request, demarche)
    action = request.POST.get("action", "")
    if action == "confirmer":
        confirmer_demarche(demarche, auteur=request.user)
        messages.success(
            request, "Informations confirmées : la démarche n'est plus « à vérifier »."
        )
        return redirect("espace:relation_demarche", slug=demarche.slug)
    if action == "regime":
        return _regime(request, demarche)
    if action == "supprimer_canal":
        canal = get_object_or_404(Canal, pk=request.POST.get("canal") or 0, demarche=demarche)
        try:
            supprimer_canal(canal)
        except CanalInvalide as exc:
            return _page(request, demarche, erreur=str(exc), action=action, status=400)
        messages.success(request, "Canal supprimé.")
        return redirect("espace:relation_demarche", slug=demarche.slug)
    admin = permissions.est_admin(request.user)
    form = DemarcheForm.de(demarche, request.POST, admin=admin)
    if not form.is_valid():
        return _page(request, demarche, form=form, action="modifier", status=400,
                     erreur="Le formulaire contient une erreur : rien n'a été enregistré.")  # fmt: skip
    try:
        modifier_demarche(demarche, form.cleaned_data, auteur=request.user)
    except ValueError as exc:
        return _page(request, demarche, form=form, erreur=str(exc), action="modifier", status=400)
    messages.success(request, "Démarche enregistrée.")
    return redirect("espace:relation_demarche", slug=demarche.slug)


def _regime(request, demarche):
    form = RegimeForm(request.POST)
    if not form.is_valid():
        return _page(request, demarche, regime=form, action="regime", status=400,
                     erreur="La règle du silence n'est pas modifiée : corrigez le formulaire.")  # fmt: skip
    d = form.cleaned_data
    try:
        n = changer_regime(demarche, d["regime"], d["delai_valeur"], d["delai_unite"],
                           base_legale=d["base_legale"], auteur=request.user,
                           appliquer_aux_demandes=d["appliquer"])  # fmt: skip
    except ValueError as exc:
        return _page(request, demarche, regime=form, erreur=str(exc), action="regime", status=400)
    if d["appliquer"] == "toutes":
        messages.success(request, f"Règle du silence modifiée ; dates recalculées pour {n} "
                                  f"demande{'s' if n > 1 else ''}, décidées comprises (leur part "
                                  "« dans le délai » aussi). Les accusés de réception déjà "
                                  "envoyés portent l'ancienne date : écrivez aux personnes dont "
                                  "la demande est en cours (leur historique le signale).")  # fmt: skip
    else:
        messages.success(request, "Règle du silence modifiée pour les nouvelles demandes ; "
                                  "les demandes déjà reçues gardent la leur.")  # fmt: skip
    return redirect("espace:relation_demarche", slug=demarche.slug)


@role_requis(*EDITEURS)
def canal(request, slug: str, pk: int | None = None):
    """Add (`pk` None) or edit one channel of a démarche."""
    demarche = _editable(request, slug)
    existant = get_object_or_404(Canal, pk=pk, demarche=demarche) if pk else None
    form = CanalForm.de(existant, request.POST if request.method == "POST" else None)
    erreur = ""
    if request.method == "POST" and form.is_valid():
        try:
            if existant:
                modifier_canal(existant, form.cleaned_data)
            else:
                ajouter_canal(demarche, form.cleaned_data)
        except CanalInvalide as exc:
            erreur = str(exc)
        else:
            messages.success(request, "Canal enregistré.")
            return redirect("espace:relation_demarche", slug=demarche.slug)
    return render(request, "web/espace/relation/canal.html", {
        "demarche": demarche, "canal": existant, "form": form, "erreur": erreur,
    }, status=400 if request.method == "POST" else 200)  # fmt: skip


@role_requis(Role.ADMINISTRATEUR)
def service_modifier(request, code: str):
    """Administrators edit a service (its contact goes into every acknowledgement) and the
    list of its instructeurs."""
    from sun.relation.catalogue.services import modifier_service
    from sun.relation.catalogue.services_instructeurs import (
        InstructeurInvalide,
        ajouter_instructeur,
        instructeurs_possibles,
        retirer_instructeur,
    )
    from sun.relation.models import ServiceInstructeur
    from sun.web.forms.relation import InstructeurForm, ServiceForm

    service = get_object_or_404(ServiceInstructeur, code=code)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    form = ServiceForm.de(service, request.POST if action == "service" else None)
    form_instructeur = InstructeurForm(request.POST if action == "ajouter" else None,
                                       possibles=instructeurs_possibles())  # fmt: skip
    erreur = ""
    if action == "service" and form.is_valid():
        modifier_service(service, form.cleaned_data)
        messages.success(request, "Service enregistré.")
        return redirect("espace:relation_service_modifier", code=service.code)
    if action == "ajouter" and form_instructeur.is_valid():
        try:
            ajouter_instructeur(service, form_instructeur.cleaned_data["utilisateur"])
        except InstructeurInvalide as exc:
            erreur = str(exc)
        else:
            messages.success(request, "Instructeur ajouté.")
            return redirect("espace:relation_service_modifier", code=service.code)
    if action == "retirer":
        membre = service.instructeurs.filter(pk=request.POST.get("utilisateur") or 0).first()
        try:
            if membre is None:
                raise InstructeurInvalide("Ce compte n'est pas instructeur de ce service.")
            retirer_instructeur(service, membre)
        except InstructeurInvalide as exc:
            erreur = str(exc)
        else:
            messages.success(request, f"{membre.username} n'est plus instructeur du service.")
            return redirect("espace:relation_service_modifier", code=service.code)
    if action and not erreur:
        erreur = "Le formulaire contient une erreur : rien n'a été enregistré."
    return render(request, "web/espace/relation/service_modifier.html", {
        "service": service, "form": form, "form_instructeur": form_instructeur,
        "instructeurs": list(service.instructeurs.order_by("username")), "erreur": erreur,
        "action": action,
    }, status=400 if erreur else 200)  # fmt: skip
