"""Agent space › « Mon parcours »: my registrations, hours trained, themes and CRCN
competences worked, certificates, the satisfaction question; the same path of any person for
the training service; the certificate as PDF (the person and the training service only)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sun.competences import permissions
from sun.competences.erreurs import Refus
from sun.competences.formations import attestation as attestation_pdf
from sun.competences.formations import services
from sun.competences.formations.parcours import parcours as parcours_de
from sun.competences.models import Inscription, Personne
from sun.competences.services import ma_personne
from sun.comptes.roles import role_requis
from sun.web.views.competences.formations_formulaires import SatisfactionForm

NOTES = SatisfactionForm.base_fields["satisfaction"].choices
REFUS_ATTESTATION = "L'attestation se télécharge par la personne formée ou le service formation."


def _rendre(request, personne, *, moi: bool, erreur: str = "", pour: int = 0):
    choix = request.POST.get("satisfaction", "") if pour else ""
    return render(request, "web/competences/formations_parcours.html", {
        "parcours": parcours_de(personne), "moi": moi, "erreur": erreur, "pour": pour,
        "notes": NOTES, "choix": int(choix) if choix.isdigit() else None,
        "commentaire": request.POST.get("commentaire", "") if pour else "",
        "gestion": permissions.peut_gerer_formations(request.user),
    }, status=400 if erreur else 200)  # fmt: skip


@role_requis(*permissions.PERSONNEL)
def parcours(request):
    return _rendre(request, ma_personne(request.user), moi=True)


@role_requis(*permissions.GESTION)
def parcours_personne(request, pk: int):
    personne = Personne.objects.filter(pk=pk).select_related("direction").first()
    if personne is None:
        raise Http404("Personne introuvable.")
    return _rendre(request, personne, moi=permissions.est_la_personne(request.user, personne))


def _inscription(pk: int) -> Inscription:
    inscription = Inscription.objects.select_related("session", "personne").filter(pk=pk).first()
    if inscription is None or inscription.personne is None:
        raise Http404("Inscription introuvable.")
    return inscription


@role_requis(*permissions.PERSONNEL)
@require_POST
def satisfaction(request, pk: int):
    inscription = _inscription(pk)
    permissions.exiger(permissions.est_la_personne(request.user, inscription.personne),
                       "Seule la personne formée répond à cette question.")  # fmt: skip
    form = SatisfactionForm(request.POST)
    note = form.cleaned_data["satisfaction"] if form.is_valid() else None
    try:
        services.repondre_satisfaction(inscription, note, request.POST.get("commentaire", ""),
                                       request.user)  # fmt: skip
    except Refus as exc:
        return _rendre(
            request, inscription.personne, moi=True, erreur=exc.message, pour=inscription.pk
        )
    messages.success(request, "Merci : votre réponse est enregistrée.")
    return redirect("espace:competences_parcours")


@role_requis(*permissions.PERSONNEL)
def attestation(request, pk: int):
    inscription = _inscription(pk)
    permissions.exiger(permissions.peut_lire_attestation(request.user, inscription),
                       REFUS_ATTESTATION)  # fmt: skip
    try:
        services.delivrer_attestation(inscription)
    except Refus as exc:
        return render(request, "web/competences/formations_attestation_refusee.html",
                      {"inscription": inscription, "erreur": exc.message}, status=400)  # fmt: skip
    inscription.refresh_from_db(fields=["attestation"])
    try:
        contenu = attestation_pdf.pdf(inscription)
    except OSError:  # Pango missing on this server
        messages.error(request, "Le PDF n'est pas disponible sur ce serveur (bibliothèque Pango "
                                "absente).")  # fmt: skip
        return redirect("espace:competences_parcours")
    reponse = HttpResponse(contenu, content_type="application/pdf")
    reponse["Content-Disposition"] = (
        f'inline; filename="{attestation_pdf.nom_du_fichier(inscription)}"'
    )
    return reponse
