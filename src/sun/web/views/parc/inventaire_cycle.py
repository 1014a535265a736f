"""Agent space › parc informatique › the life-cycle steps of one equipment (INFORMATIQUE and
ADMIN; POST only, except the exit form which has its own page): change of état,
decommissioning, exit, proof of reuse, cancellation of an exit, repair / upgrade /
refurbishing. Each goes through `sun.parc.services`; a refusal is shown on its field of the
sheet (status 400), the input kept, nothing written."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from sun.parc import queries, services
from sun.parc.cycle_vie import DemandeSortie, RefusCycleVie
from sun.parc.referentiel import Etat
from sun.web.forms.parc import (
    EXPLICATION_OBJECTIF,
    AnnulationForm,
    EtatForm,
    InterventionForm,
    PreuveForm,
    ReformeForm,
    SortieForm,
    rattacher,
)
from sun.web.views.parc.inventaire import ecriture, equipement_ou_404, rendre_fiche

ERREUR = "Le formulaire contient une erreur : rien n'a été enregistré."


def _executer(request, equipement, prefixe: str, form, action, succes: str):
    """Validate `form`, run `action(cleaned_data)` (it may return the message); back to the sheet, with a message or with
    the form's errors."""
    if form.is_valid():
        try:
            message = action(form.cleaned_data)
        except RefusCycleVie as refus:
            rattacher(form, refus)
        else:
            messages.success(request, message or succes)
            return redirect("espace:parc_equipement", pk=equipement.pk)
    return rendre_fiche(request, equipement, {prefixe: form}, ERREUR)


@ecriture
@require_POST
def etat(request, pk: int):
    e = equipement_ou_404(pk)
    fiche = queries.fiche(e, timezone.localdate())
    form = EtatForm(request.POST, prefix="etat", etats=fiche.etats_possibles)

    def action(d):
        apres = services.changer_etat(e, d["etat"], d["date"], d["commentaire"], request.user)
        return f"Nouvel état : {apres.get_etat_display()}."

    return _executer(request, e, "etat", form, action, "État enregistré.")


@ecriture
@require_POST
def reformer(request, pk: int):
    e = equipement_ou_404(pk)

    def action(d):
        services.reformer(e, d["date"], d["commentaire"], request.user)

    return _executer(request, e, "reforme", ReformeForm(request.POST, prefix="reforme"), action,
                     "Équipement réformé : il attend sa sortie du parc.")  # fmt: skip


@ecriture
@require_POST
def preuve(request, pk: int):
    e = equipement_ou_404(pk)
    form = PreuveForm(request.POST, prefix="preuve")

    def action(d):
        sortie = getattr(e, "sortie", None) if e.etat == Etat.SORTI else None
        if sortie is None:
            raise RefusCycleVie("Cet équipement n'est pas sorti du parc.", "")
        services.enregistrer_preuve(sortie, d["date_preuve"], d["reference_preuve"], request.user)

    return _executer(request, e, "preuve", form, action, "Preuve du réemploi enregistrée.")


@ecriture
@require_POST
def annuler_sortie(request, pk: int):
    e = equipement_ou_404(pk)

    def action(d):
        services.annuler_sortie(e, d["motif"], request.user)

    return _executer(request, e, "annulation", AnnulationForm(request.POST, prefix="annulation"),
                     action, "Sortie annulée : l'équipement est de nouveau réformé.")  # fmt: skip


@ecriture
@require_POST
def intervention(request, pk: int):
    e = equipement_ou_404(pk)

    def action(d):
        services.noter_intervention(e, d["genre"], d["date"], d["commentaire"], d["prestataire"],
                                    request.user)  # fmt: skip

    form = InterventionForm(request.POST, prefix="intervention")
    return _executer(request, e, "intervention", form, action, "Intervention enregistrée.")


@ecriture
@require_http_methods(["GET", "POST"])
def sortir(request, pk: int):
    e = equipement_ou_404(pk)
    form = SortieForm(request.POST or None, initial={"date": timezone.localdate()})
    erreur = ""
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            demande = DemandeSortie(
                date=d["date"], voie=d["voie"], destination=d["destination"],
                destinataire=d["destinataire"], justification=d["justification"],
                date_engagement=d["date_engagement"], date_preuve=d["date_preuve"],
                valeur_unitaire=d["valeur_unitaire"],
            )  # fmt: skip
            try:
                services.sortir(e, demande, request.user, prestataire=d["prestataire"],
                                reference_engagement=d["reference_engagement"],
                                reference_preuve=d["reference_preuve"],
                                destinataire_siret=d["destinataire_siret"])  # fmt: skip
            except RefusCycleVie as refus:
                rattacher(form, refus)
            else:
                messages.success(request, "Sortie du parc enregistrée.")
                return redirect("espace:parc_equipement", pk=e.pk)
        erreur = ERREUR
    return render(request, "web/parc/inventaire/sortie.html", {
        "e": e, "form": form, "erreur": erreur, "explication": EXPLICATION_OBJECTIF,
        "fiche": queries.fiche(e, timezone.localdate()),
    }, status=400 if erreur else 200)  # fmt: skip
