"""Agent space › catalogue: upload a file for a resource, read its check report, publish the
version (an administrator may publish a non-conforming file with a reason), publish and
withdraw a dataset. A refusal shows its French message and nothing is written."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from sun.comptes.roles import role_requis
from sun.donnees import permissions
from sun.donnees.catalogue import services
from sun.donnees.catalogue.versions import FichierRefuse
from sun.donnees.models import Ressource, StatutJeu, StatutValidation, VersionRessource
from sun.donnees.validation import RapportValidation
from sun.web.televersement import copie_temporaire
from sun.web.views.donnees.catalogue_espace import jeu_ou_404, rendre_jeu
from sun.web.views.donnees.catalogue_formulaires import DepotForm, PublicationForm


def _ressource(pk: int) -> Ressource:
    try:
        return Ressource.objects.select_related("jeu").get(pk=pk)
    except Ressource.DoesNotExist:
        raise Http404("Ressource introuvable.") from None


def _version(pk: int) -> VersionRessource:
    try:
        return VersionRessource.objects.select_related("ressource__jeu", "derogation_par").get(
            pk=pk)  # fmt: skip
    except VersionRessource.DoesNotExist:
        raise Http404("Version introuvable.") from None


@role_requis(*permissions.CATALOGUE)
@require_http_methods(["GET", "POST"])
def depot(request, pk: int):
    ressource = _ressource(pk)
    form = DepotForm(request.POST or None, request.FILES or None)
    erreur, rapport = "", None
    if request.method == "POST":
        if form.is_valid():
            envoye = form.cleaned_data["fichier"]
            with copie_temporaire(envoye) as chemin:
                try:
                    version = services.deposer_fichier(ressource, chemin, nom_fichier=envoye.name,
                                                       par=request.user)  # fmt: skip
                except services.RefusCatalogue as exc:
                    erreur = exc.message
                except FichierRefuse as exc:
                    erreur, rapport = exc.message, exc.rapport
            if not erreur:
                return redirect("espace:donnees_version", pk=version.pk)
        else:
            erreur = "Choisissez un fichier : rien n'a été enregistré."
    return render(request, "web/donnees/catalogue_espace_depot.html", {
        "form": form, "erreur": erreur, "rapport": rapport, "ressource": ressource,
        "jeu": ressource.jeu,
        "taille_max_mo": services.taille_max_octets() // (1024 * 1024),
        "extensions": services.EXTENSIONS.get(ressource.format, ()),
    }, status=400 if erreur else 200)  # fmt: skip


def rendre_version(request, version, form=None, erreur: str = "", status: int = 200):
    invalide = version.statut_validation == StatutValidation.INVALIDE
    return render(request, "web/donnees/catalogue_espace_version.html", {
        "version": version, "ressource": version.ressource, "jeu": version.ressource.jeu,
        "rapport": RapportValidation.depuis_dict(version.rapport),
        "publiable": not version.publiee and version.statut_validation in (
            StatutValidation.VALIDE, StatutValidation.SANS_SCHEMA),
        "derogeable": not version.publiee and invalide
        and permissions.peut_deroger(request.user),
        "invalide": invalide, "form": form or PublicationForm(), "erreur": erreur,
    }, status=status)  # fmt: skip


@role_requis(*permissions.CATALOGUE)
def version(request, pk: int):
    return rendre_version(request, _version(pk))


@require_POST
@role_requis(*permissions.CATALOGUE)
def version_publier(request, pk: int):
    version = _version(pk)
    form = PublicationForm(request.POST)
    if not form.is_valid():
        return rendre_version(request, version, form, "Le motif tient en 2 000 caractères au "
                              "plus : rien n'a été publié.", status=400)  # fmt: skip
    try:
        services.publier_version_deposee(version, par=request.user,
                                         motif=form.cleaned_data["motif"])  # fmt: skip
    except services.PublicationRefusee as exc:
        return rendre_version(request, version, form, exc.message, status=400)
    jeu = version.ressource.jeu
    plus_recente = version.ressource.versions.filter(publiee=True, numero__gt=version.numero)
    if plus_recente.exists():
        messages.success(request, f"Version {version.numero} publiée à son adresse datée ; "
                         "l'adresse stable de la ressource sert toujours la version publiée "
                         "la plus récente.")  # fmt: skip
    elif jeu.statut == StatutJeu.PUBLIE:
        messages.success(request, f"Version {version.numero} publiée : l'adresse stable de la "
                         "ressource la sert désormais.")  # fmt: skip
    else:  # a draft's files stay private until the dataset itself is published
        messages.success(request, f"Version {version.numero} retenue : elle sera servie à "
                         "l'adresse stable de la ressource dès que le jeu de données sera "
                         "publié.")  # fmt: skip
    return redirect("espace:donnees_jeu", pk=jeu.pk)


@require_POST
@role_requis(*permissions.CATALOGUE)
def publier(request, pk: int):
    jeu = jeu_ou_404(pk)
    try:
        services.publier_jeu(jeu, par=request.user)
    except services.PublicationRefusee as exc:
        return rendre_jeu(request, jeu, exc.message, status=400)
    messages.success(request, f"« {jeu.titre} » est publié au catalogue des données.")
    return redirect("espace:donnees_jeu", pk=jeu.pk)


@require_POST
@role_requis(*permissions.CATALOGUE)
def retirer(request, pk: int):
    jeu = jeu_ou_404(pk)
    try:
        services.retirer_jeu(jeu, par=request.user)
    except services.RefusCatalogue as exc:
        return rendre_jeu(request, jeu, exc.message, status=400)
    messages.success(request, f"« {jeu.titre} » est retiré : sa page le dit, ses fichiers "
                     "datés restent téléchargeables.")  # fmt: skip
    return redirect("espace:donnees_jeu", pk=jeu.pk)
