"""Agent space › Accueil téléphonique: the figures of every service's phone queues for a period,
the dashboard of one service (pick-up rate against its target, waits, abandons, heat map,
trend month by month, CSV), and the settings of a queue. Figures come from
`sun.qualite.telephonie.statistiques.tableau`, kept per version of the telephone data; the
rendered figures are kept in the template's cache under the same fingerprint."""

import io

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET

from sun.comptes.roles import RoleManquant, role_requis
from sun.core.calculs_versionnes import calcul_versionne
from sun.core.tableur import ecrivain_csv
from sun.qualite.models import Appel, FileAttente
from sun.qualite.telephonie import permissions, services
from sun.qualite.telephonie.statistiques import chiffres as ch
from sun.qualite.telephonie.statistiques import graphiques
from sun.qualite.telephonie.statistiques.periodes import TYPES, Periode, lire
from sun.qualite.telephonie.statistiques.tableau import (
    JOURS,
    empreinte_telephonie,
    obtenir_liste,
    obtenir_service,
)
from sun.relation.models import ServiceInstructeur
from sun.web.forms.qualite_telephonie import FileAttenteForm

LECTEURS = permissions.LECTEURS


def reference(service_id: int | None = None):
    """The day of the latest real call (of the service), or today: it gives the default
    period. Kept with the telephone version (one aggregate per version)."""

    def calcul():
        qs = Appel.objects.reels()
        if service_id is not None:
            qs = qs.du_service(service_id)
        return qs.dernier_jour() or timezone.localdate()

    nom = f"telephonie-reference:{service_id}"
    return calcul_versionne(nom, empreinte_telephonie(nom, timezone.localdate()), calcul)


def contexte_periode(periode: Periode) -> dict:
    return {"periode": periode, "types_periode": TYPES, "trimestres": range(1, 5),
            "seuil": ch.SEUIL, "masque": ch.MASQUE, "non_affiche": ch.NON_AFFICHE,
            "source": ch.SOURCE, "definition": ch.DEFINITION,
            "maintenant": timezone.now()}  # fmt: skip


def service_lisible(code: str) -> ServiceInstructeur:
    service = ServiceInstructeur.objects.filter(code=code).first()
    if service is None:
        raise Http404("Service introuvable.")
    return service


@role_requis(*LECTEURS)
@require_GET
def liste(request):
    periode = lire(request.GET, reference())
    peut_regler = permissions.peut_tout_regler(request.user)
    return render(request, "web/espace/qualite/telephonie.html", {
        **contexte_periode(periode), "cle": empreinte_telephonie("liste", periode.cle()),
        "liste": SimpleLazyObject(lambda: obtenir_liste(periode)),
        "peut_regler": peut_regler or permissions.services_assignables(request.user).exists(),
    })  # fmt: skip


def _figures(tableau) -> dict:
    points = [(f"{ligne.cle[5:7]}/{ligne.cle[2:4]}", ligne.taux) for ligne in tableau.mois]
    return {
        "carte": graphiques.carte_chaleur(
            "carte-chaleur", tableau.jours, tableau.carte, tableau.carte_max,
            f"Appels reçus par jour de la semaine et demi-heure, {tableau.periode}"),
        "courbe": graphiques.courbe_taux(
            "courbe-taux", points, tableau.objectif_unique, "Taux de décroché par mois"),
        "jours": [JOURS[j - 1] for j in tableau.jours],
    }  # fmt: skip


@role_requis(*LECTEURS)
@require_GET
def service(request, code: str):
    trouve = service_lisible(code)
    periode = lire(request.GET, reference(trouve.pk))
    cle = empreinte_telephonie(trouve.pk, periode.cle())
    tableau = SimpleLazyObject(lambda: obtenir_service(trouve.pk, periode, cle))
    files = list(FileAttente.objects.du_service(trouve.pk).order_by("nom"))
    return render(request, "web/espace/qualite/telephonie_service.html", {
        **contexte_periode(periode), "service": trouve, "cle": cle, "tableau": tableau,
        "figures": SimpleLazyObject(lambda: _figures(tableau)), "files": files,
        # One right for the rota and the settings of the service's queues.
        "peut_regler": permissions.peut_planifier(request.user, trouve.pk),
    })  # fmt: skip


def _valeur(v, unite: str = "") -> str:
    if v is None:
        return ch.NON_AFFICHE
    if isinstance(v, float):
        return f"{v:.1f}".replace(".", ",") + unite
    return f"{v}{unite}" if isinstance(v, int) else str(v)


@role_requis(*LECTEURS)
@require_GET
def chiffres_csv(request, code: str):
    trouve = service_lisible(code)
    periode = lire(request.GET, reference(trouve.pk))
    t = obtenir_service(trouve.pk, periode)
    tampon = io.StringIO()
    e = ecrivain_csv(tampon, delimiter=";")
    e.writerow([f"Accueil téléphonique — {trouve.nom} — {t.periode}"])
    colonnes = ["", "Appels reçus", "Appels à décrocher", "Taux de décroché (%)", "Objectif",
                "Attente médiane (s)", "9 appels sur 10 décrochés en (s)",
                f"Abandons avant le seuil ({t.abandon_court})", "Hors horaires",
                f"Décrochés en {t.seuil_reponse} au plus (%)"]  # fmt: skip

    def ligne(lg):
        return [lg.libelle, lg.recus, lg.a_decrocher, _valeur(lg.taux), lg.objectif,
                _valeur(lg.p50), _valeur(lg.p90), lg.abandons_courts, lg.hors_horaires,
                _valeur(lg.dans_le_seuil)]  # fmt: skip

    if t.chiffres is None:
        e.writerow([f"Moins de {ch.SEUIL} appels sur la période : chiffres non affichés."
                    if t.trop_peu else "Aucun appel sur la période."])  # fmt: skip
    else:
        e.writerows([[], ["Par file d'attente"], colonnes, ligne(t.chiffres)])
        e.writerows(ligne(lg) for lg in t.files)
        e.writerows([[], ["Par mois"], ["Mois", *colonnes[1:]]])
        e.writerows(ligne(lg) for lg in t.mois)
        e.writerows([[], ["Appels reçus par demi-heure et jour de la semaine"],
                     ["Demi-heure", *[JOURS[j - 1] for j in t.jours]]])  # fmt: skip
        e.writerows([libelle, *cellules] for libelle, cellules in t.carte)
    date = f"{t.date_donnees:%d/%m/%Y}" if t.date_donnees else "—"
    e.writerows([[], [f"Source : {ch.SOURCE} ; dernier appel le {date} ; calcul du "
                      f"{timezone.localdate():%d/%m/%Y}. Nombres de 1 à 4 appels masqués "
                      f"({ch.MASQUE}) ; parts et attentes sur moins de {ch.SEUIL} appels non "
                      "affichées."], [f"Définition du taux de décroché : {ch.DEFINITION}"]])  # fmt: skip
    reponse = HttpResponse("\ufeff" + tampon.getvalue(), content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="telephone-{trouve.code}.csv"'
    return reponse


@role_requis(*permissions.EDITEURS)
def regler_file(request, pk: int):
    file = get_object_or_404(FileAttente.objects.select_related("service"), pk=pk)
    if not permissions.peut_regler_file(request.user, file):
        raise RoleManquant("Les réglages de cette file sont réservés aux instructeurs de son "
                           "service, aux agents et aux administrateurs.", permissions.EDITEURS)  # fmt: skip
    assignables = permissions.services_assignables(request.user)
    initial = {"service": file.service, "objectif_decroche": file.objectif_decroche,
               "abandon_court_s": file.abandon_court_s, "seuil_reponse_s": file.seuil_reponse_s}  # fmt: skip
    form = FileAttenteForm(request.POST or None, initial=initial, services=assignables)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if d["service"] is None and not permissions.peut_tout_regler(request.user):
            form.add_error("service", "Choisissez l'un de vos services.")
        else:
            services.regler_file(file, service=d["service"],
                                 objectif_decroche=d["objectif_decroche"],
                                 abandon_court_s=d["abandon_court_s"],
                                 seuil_reponse_s=d["seuil_reponse_s"])  # fmt: skip
            messages.success(request, f"Réglages de la file « {file.nom} » enregistrés.")
            if file.service is not None:
                return redirect(reverse("espace:qualite_telephone_service",
                                        args=[file.service.code]))  # fmt: skip
            return redirect("espace:qualite_telephone")
    return render(request, "web/espace/qualite/telephonie_file.html", {"file": file,
                                                                      "form": form})  # fmt: skip
