"""Agent space › purchases of AGEC art. 58 (décret n° 2024-134): the shares of a year per
product category, its purchase lines, the form of a new line and the declaration file. The
figures come from `sun.parc.taux.achats`; writes go through `sun.parc.taux.services`."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from sun.comptes.roles import RoleManquant, role_requis
from sun.core.text import nombre
from sun.parc.cycle_vie import RefusCycleVie
from sun.parc.taux import achats, declaration, permissions
from sun.parc.taux.services import enregistrer_achat
from sun.web.views.parc.taux import PREMIERE_ANNEE
from sun.web.views.parc.taux_formulaires import AchatForm

PAR_PAGE = 50


def _annee(request) -> int:
    courante = timezone.localdate().year
    try:
        annee = int(request.GET.get("annee", ""))
    except ValueError:
        return courante - 1
    return annee if PREMIERE_ANNEE <= annee <= courante else courante - 1


@role_requis(*permissions.LECTEURS)
def liste(request):
    annee = _annee(request)
    parts = achats.parts(annee)
    lignes = Paginator(achats.lignes_de_l_annee(annee), PAR_PAGE).get_page(request.GET.get("page"))
    courante = timezone.localdate().year
    return render(request, "web/parc/taux/achats.html", {
        "annee": annee, "annees": list(range(courante, max(PREMIERE_ANNEE, courante - 10), -1)),
        "parts": [p for p in parts if not p.vide or p.categorie == "informatique"],
        "lignes": lignes, "regle": achats.REGLE, "reference": achats.REFERENCE,
        "source": achats.SOURCE, "avertissement": achats.AVERTISSEMENT_OBJECTIF,
        "declaration_manque": declaration.manque(), "jour": timezone.localdate(),
        "peut_ecrire": permissions.peut_ecrire(request.user),
    })  # fmt: skip


@role_requis(*permissions.LECTEURS)
@require_http_methods(["GET", "POST"])
def nouveau(request):
    if not permissions.peut_ecrire(request.user):
        raise RoleManquant("Seuls le service informatique et les administrateurs enregistrent "
                           "des achats.", permissions.REDACTEURS)  # fmt: skip
    form = AchatForm(request.POST or None)
    erreur = ""
    if request.method == "POST":
        if form.is_valid():
            try:
                ligne = enregistrer_achat(form.cleaned_data, request.user)
            except RefusCycleVie as exc:
                erreur = exc.message
                if exc.champ in form.fields:
                    form.add_error(exc.champ, exc.message)
            else:
                messages.success(request, f"Achat enregistré : {ligne.libelle} "
                                 f"({nombre(ligne.montant_ht, 2)} € HT).")  # fmt: skip
                return redirect(reverse("espace:parc_achats") + f"?annee={ligne.date.year}")
        else:
            erreur = "Le formulaire contient une erreur : rien n'a été enregistré."
    return render(request, "web/parc/taux/achat_nouveau.html", {"form": form, "erreur": erreur},
                  status=400 if erreur else 200)  # fmt: skip
