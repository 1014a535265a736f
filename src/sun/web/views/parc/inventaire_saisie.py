"""Agent space › parc informatique › a new equipment, or the edit of one (INFORMATIQUE and
ADMIN). Writes through `sun.parc.services.creer_equipement` and `sun.parc.services.modifier_equipement`;
a refusal goes back on its field, the user's input kept, nothing written."""

from django.contrib import messages
from django.forms.models import model_to_dict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from sun.parc import services
from sun.parc.cycle_vie import RefusCycleVie
from sun.web.forms.parc import CHAMPS_EQUIPEMENT, EquipementForm, rattacher
from sun.web.views.parc.inventaire import ecriture, equipement_ou_404

ERREUR = "Le formulaire contient une erreur : rien n'a été enregistré."
# Fields of the life cycle's refusals that the edit form shows on another field.
ALIAS = {"date": "date_acquisition", "date_reforme": "date_acquisition", "etat": None}


def _rattacher(form, refus: RefusCycleVie) -> None:
    champ = ALIAS.get(refus.champ, refus.champ)
    rattacher(form, RefusCycleVie(refus.message, champ or ""))


def _rendre(request, form, equipement=None, erreur: str = ""):
    return render(request, "web/parc/inventaire/formulaire.html", {
        "form": form, "equipement": equipement, "erreur": erreur,
    }, status=400 if erreur else 200)  # fmt: skip


@ecriture
@require_http_methods(["GET", "POST"])
def nouveau(request):
    form = EquipementForm(request.POST or None, creation=True)
    if request.method == "POST":
        if form.is_valid():
            donnees = dict(form.cleaned_data)
            etat = donnees.pop("etat")
            try:
                equipement = services.creer_equipement(donnees, request.user, etat=etat)
            except RefusCycleVie as refus:
                _rattacher(form, refus)
            else:
                messages.success(request, f"Équipement « {equipement} » ajouté à l'inventaire.")
                return redirect("espace:parc_equipement", pk=equipement.pk)
        return _rendre(request, form, erreur=ERREUR)
    return _rendre(request, form)


@ecriture
@require_http_methods(["GET", "POST"])
def modifier(request, pk: int):
    equipement = equipement_ou_404(pk)
    initial = model_to_dict(equipement, fields=CHAMPS_EQUIPEMENT)
    form = EquipementForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.modifier_equipement(equipement, form.cleaned_data, request.user)
            except RefusCycleVie as refus:
                _rattacher(form, refus)
            else:
                messages.success(request, "Fiche enregistrée.")
                return redirect("espace:parc_equipement", pk=equipement.pk)
        return _rendre(request, form, equipement, erreur=ERREUR)
    return _rendre(request, form, equipement)
