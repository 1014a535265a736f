"""« Suivre ma demande »: a tracking code and one piece of proof, no account.

The form is sent by POST (codes stay out of URLs and access logs), with CSRF, never cached;
every attempt counts against SUN_LIMITE_SUIVI per client address. A wrong code, a wrong proof
and an unknown code get the same answer (`sun.relation.registre.suivi`)."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from sun.relation.registre.suivi import retrouver
from sun.web.forms.demarches import SuiviForm
from sun.web.limites import limite_anonyme

INTROUVABLE = ("Nous ne trouvons pas de demande avec ce code de suivi et ce code postal ou ce "
               "nom. Vérifiez le code (8 lettres et chiffres, sur votre accusé de réception) et "
               "le code postal ou le nom donnés lors de la demande.")  # fmt: skip


@limite_anonyme("suivi", "SUN_LIMITE_SUIVI")
def _chercher(request):
    form = SuiviForm(request.POST)
    etat = None
    if form.is_valid():
        etat = retrouver(form.cleaned_data["code"], form.cleaned_data["preuve"])
    return render(request, "web/demarches/suivi.html", {
        "form": form, "etat": etat, "introuvable": INTROUVABLE if form.is_valid() and etat is None
        else "",
    })  # fmt: skip


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def suivi(request):
    if request.method == "POST":
        return _chercher(request)
    return render(request, "web/demarches/suivi.html", {"form": SuiviForm(), "etat": None})
