"""Agent space › Avis des usagers: the results (observatoire scores by démarche, service,
channel and month, each with its table, the monthly trend as SVG, a CSV), the free texts and
their moderation, a desk tablet's signed address, and the import of JDMA exports.
Rights: `sun.qualite.satisfaction.permissions` (checked here, on every request)."""

import contextlib

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sun.comptes.roles import ESPACE, role_requis
from sun.core.imports import ConfirmationRequise, ImportImpossible
from sun.core.tableur import ecrivain_csv
from sun.qualite.models import Avis, Moderation
from sun.qualite.satisfaction import permissions as droits
from sun.qualite.satisfaction import questionnaire as q
from sun.qualite.satisfaction import resultats as res
from sun.qualite.satisfaction.graphique import tendance
from sun.qualite.satisfaction.importation import ENTETE, importer_avis
from sun.qualite.satisfaction.parcours import jeton_borne
from sun.qualite.satisfaction.services import AvisInvalide, moderer
from sun.relation.models import CanalDemande, Demarche, ServiceInstructeur
from sun.web.forms.qualite_avis import BorneForm, FiltresAvisForm, ImportAvisForm, ModerationForm
from sun.web.televersement import copie_temporaire

ETATS = {Moderation.A_LIRE: "À modérer", Moderation.ACCEPTE: "Acceptés",
         Moderation.ECARTE: "Écartés"}  # fmt: skip


def _exiger(autorise: bool, message: str) -> None:
    if not autorise:
        raise PermissionDenied(message)


def _filtres(request) -> tuple[FiltresAvisForm, dict]:
    _exiger(droits.peut_lire_resultats(request.user),
            "Les résultats des avis sont réservés aux agents, instructeurs, pilotes et administrateurs.")  # fmt: skip
    form = FiltresAvisForm(request.GET or None, services=ServiceInstructeur.objects.order_by("nom"),
                           demarches=Demarche.objects.order_by("titre"),
                           canaux=CanalDemande.choices)  # fmt: skip
    return form, form.filtres()


@role_requis(*ESPACE)
@require_GET
def resultats(request):
    form, filtres = _filtres(request)
    r = res.obtenir(**filtres)
    return render(request, "web/espace/qualite/avis.html", {
        "form": form, "r": r, "ensemble": res.cellules(r.ensemble), "colonnes": res.COLONNES,
        "tableaux": list(r.tableaux.values()), "graphique": tendance(r.mois, q.appreciation),
        "source": res.SOURCE, "maintenant": timezone.now(), "seuil": q.SEUIL_AFFICHAGE,
        "lire_textes": droits.peut_lire_textes(request.user),
        "importer": droits.peut_importer(request.user),
        "borne": droits.peut_installer_borne(request.user),
    })  # fmt: skip


@role_requis(*ESPACE)
@require_GET
def resultats_csv(request):
    _, filtres = _filtres(request)
    r = res.obtenir(**filtres)
    reponse = HttpResponse(content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = 'attachment; filename="avis-des-usagers.csv"'
    ecrivain = ecrivain_csv(reponse, delimiter=";")
    ecrivain.writerows(res.lignes_csv(r))
    ecrivain.writerow([])
    date = f"{timezone.localtime(r.dernier):%d/%m/%Y}" if r.dernier else "—"
    ecrivain.writerow([f"Source : {res.SOURCE} ; dernier avis reçu le {date} ; calcul du "
                       f"{timezone.localdate():%d/%m/%Y}. Scores sur moins de "
                       f"{q.SEUIL_AFFICHAGE} réponses non affichés ; {r.demonstration} avis de "
                       "démonstration non comptés."])  # fmt: skip
    return reponse


@role_requis(*ESPACE)
@require_GET
def textes(request):
    """The free texts `user` may read, by moderation state (pilotes: accepted ones only)."""
    _exiger(droits.peut_lire_textes(request.user),
            "Les commentaires des usagers sont réservés aux services qu'ils concernent.")  # fmt: skip
    moderateur = droits.lit_les_textes_a_moderer(request.user)
    etat = request.GET.get("etat", Moderation.A_LIRE if moderateur else Moderation.ACCEPTE)
    if etat not in ETATS or not moderateur:
        etat = Moderation.A_LIRE if moderateur and etat not in ETATS else Moderation.ACCEPTE
    lisibles = droits.textes_lisibles(request.user, Avis.objects.all())
    page = Paginator(lisibles.en_etat(etat).pour_moderation(), 50).get_page(request.GET.get("page"))
    for avis in page:
        avis.moderable = droits.peut_moderer(request.user, avis)
    return render(request, "web/espace/qualite/avis_textes.html", {
        "page": page, "etat": etat, "etats": ETATS if moderateur else {}, "moderateur": moderateur,
        "a_moderer": lisibles.a_moderer().count() if moderateur else 0,
    })  # fmt: skip


@role_requis(*ESPACE)
@require_POST
def moderer_texte(request, pk):
    avis = get_object_or_404(Avis.objects.select_related("demarche"), pk=pk)
    _exiger(droits.peut_moderer(request.user, avis),
            "Seuls les instructeurs du service concerné, les agents et les administrateurs "
            "modèrent ce commentaire.")  # fmt: skip
    form = ModerationForm(request.POST)
    etat = avis.moderation
    if form.is_valid():
        with contextlib.suppress(AvisInvalide):  # a text-less answer: nothing to moderate
            moderer(avis, form.cleaned_data["decision"], request.user)
    return redirect(reverse("espace:qualite_avis_textes") + f"?etat={etat}#avis-{avis.pk}")


@role_requis(*ESPACE)
@require_http_methods(["GET", "HEAD", "POST"])
def borne(request):
    """The signed address a desk tablet opens (service, place, démarche; channel « guichet »)."""
    _exiger(droits.peut_installer_borne(request.user),
            "La mise en place d'une tablette est réservée aux agents, instructeurs et administrateurs.")  # fmt: skip
    services = droits.services_geres(request.user)
    demarches = Demarche.objects.filter(service__in=services).order_by("titre")
    form = BorneForm(request.POST or None, services=services, demarches=demarches)
    adresse = ""
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        jeton = jeton_borne(service=d["service"].code, lieu=d["lieu"],
                            demarche=d["demarche"].slug if d["demarche"] else "")  # fmt: skip
        adresse = request.build_absolute_uri(reverse("avis_borne", args=[jeton]))
    return render(request, "web/espace/qualite/avis_borne.html", {"form": form, "adresse": adresse},
                  status=400 if form.is_bound and form.errors else 200)  # fmt: skip


@role_requis(*ESPACE)
@require_http_methods(["GET", "HEAD", "POST"])
def importer(request):
    """Upload a JDMA CSV export: imported at once (one transaction), with its report."""
    _exiger(droits.peut_importer(request.user),
            "L'import des avis est réservé aux agents, instructeurs et administrateurs.")  # fmt: skip
    services = droits.services_geres(request.user)
    form = ImportAvisForm(request.POST or None, request.FILES or None, services=services,
                          demarches=Demarche.objects.filter(service__in=services).order_by("titre"))  # fmt: skip
    rapport, erreur = None, ""
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if not droits.tous_les_services(request.user) and not (d["service"] or d["demarche"]):
            form.add_error("service", "Choisissez le service (ou la démarche) de ces avis.")
        else:
            rapport, erreur = _importer(request, d)
    statut = 400 if (form.is_bound and form.errors) or erreur else 200
    return render(request, "web/espace/qualite/avis_importer.html", {
        "form": form, "rapport": rapport, "erreur": erreur, "entete": ENTETE,
    }, status=statut)  # fmt: skip


def _importer(request, d: dict):
    envoye = d["fichier"]
    with copie_temporaire(envoye) as chemin:
        try:
            return importer_avis(chemin, essai=d["essai"], auteur=request.user,
                                 demarche=d["demarche"], service=d["service"],
                                 confirmer=d["confirmer"]), ""  # fmt: skip
        except ConfirmationRequise as exc:
            return exc.rapport, f"{exc} Cochez « Importer même si… » pour confirmer."
        except ImportImpossible as exc:
            return None, f"{exc} Rien n'a été enregistré."
