"""Agent space › Accueil téléphonique › a service: the staffing aid (agents needed per weekday
and half-hour by Erlang C or Erlang A, next to the rota) and the rota entry grid. Both work on
one queue of the service at a time (`?file=`), the first by name by default."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from sun.comptes.roles import RoleManquant, role_requis
from sun.qualite.models import Effectif, FileAttente
from sun.qualite.telephonie import effectifs, permissions, services
from sun.qualite.telephonie.statistiques.periodes import lire
from sun.qualite.telephonie.statistiques.tableau import JOURS
from sun.web.forms.qualite_telephonie import EffectifsForm, PlanningForm
from sun.web.views.qualite_telephonie import contexte_periode, reference, service_lisible


def _file_choisie(request, service):
    """The service's queues and the one asked for by `?file=` (or the first)."""
    files = list(FileAttente.objects.du_service(service.pk).order_by("nom"))
    if not files:
        return files, None
    texte = (request.POST.get("file") or request.GET.get("file") or "").strip()
    if texte:
        choisie = next((f for f in files if str(f.pk) == texte), None)
        if choisie is None:
            raise Http404("Cette file d'attente n'est pas rattachée à ce service.")
        return files, choisie
    return files, files[0]


@role_requis(*permissions.LECTEURS)
@require_GET
def effectifs_service(request, code: str):
    service = service_lisible(code)
    files, file = _file_choisie(request, service)
    periode = lire(request.GET, reference(service.pk))
    form = EffectifsForm(request.GET if "objectif" in request.GET else None)
    objectif, apres = form.choix()
    resultat = effectifs.obtenir(file.pk, periode, objectif, apres) if file else None
    return render(request, "web/espace/qualite/telephonie_effectifs.html", {
        **contexte_periode(periode), "service": service, "files": files, "file": file,
        "form": form, "resultat": resultat, "abandons_min": effectifs.ABANDONS_MIN,
        "patience_supposee": effectifs.PATIENCE_SUPPOSEE_S,
        "peut_planifier": permissions.peut_planifier(request.user, service.pk),
    })  # fmt: skip


@role_requis(*permissions.LECTEURS)
def planning(request, code: str):
    service = service_lisible(code)
    files, file = _file_choisie(request, service)
    peut = permissions.peut_planifier(request.user, service.pk)
    if request.method == "POST" and not peut:
        raise RoleManquant("Le planning de ce service est saisi par ses instructeurs, les "
                           "agents et les administrateurs.", permissions.EDITEURS)  # fmt: skip
    form = None
    if file is not None:
        jours, heures = effectifs.plage_de_la_file(file.pk)
        initial = {f"j{j}_h{h}": n for (j, h), n in Effectif.objects.grille(file.pk).items()}
        form = PlanningForm(request.POST or None, initial=initial, jours=jours, heures=heures)
        if not peut:
            for champ in form.fields.values():
                champ.disabled = True
        if request.method == "POST" and form.is_valid():
            n = services.enregistrer_planning(file, form.grille())
            messages.success(request, f"Planning de la file « {file.nom} » enregistré : {n} "
                             f"demi-heure{'s' if n > 1 else ''} saisie{'s' if n > 1 else ''}.")  # fmt: skip
            return redirect(reverse("espace:qualite_telephone_planning", args=[service.code])
                            + f"?file={file.pk}")  # fmt: skip
    return render(request, "web/espace/qualite/telephonie_planning.html", {
        "service": service, "files": files, "file": file, "form": form, "peut": peut,
        "jours": [JOURS[j - 1] for j in form.jours] if form else [],
    })  # fmt: skip
