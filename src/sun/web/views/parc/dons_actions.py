"""The actions of a donation's page (POST only): accept, hand over, record the proof,
cancel, show on the place's page; and the agreement as PDF. A refusal re-renders the page
with its French message (status 400) and nothing written."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from sun.comptes.roles import role_requis
from sun.parc.cycle_vie import RefusCycleVie
from sun.parc.dons import convention as convention_don
from sun.parc.dons import permissions, services
from sun.parc.dons.regles import DemandeRemise
from sun.web.views.parc.dons import don_ou_404, droits, formulaires, refuser, rendre_page

REFUS_DECISION = ("Accepter, remettre, annuler un don ou enregistrer sa preuve est réservé au "
                  "service informatique et aux administrateurs.")  # fmt: skip


def _executer(action: str, don, d: dict, user) -> str:
    if action == "accepter":
        services.accepter(don, d["date_convention"], d["engagement_reemploi"], user)
        return "Don accepté : la convention est signée."
    if action == "remettre":
        sorties = services.remettre(don, DemandeRemise(
            date_remise=d["date_remise"], effacement=d["effacement"],
            effacement_date=d["effacement_date"], effacement_outil=d["effacement_outil"],
            valeur_unitaire=d["valeur_unitaire"], pour_le_reemploi=d["pour_le_reemploi"],
            engagement_reemploi=d["engagement_reemploi"],
        ), user)  # fmt: skip
        return f"Don remis : {len(sorties)} équipement(s) sorti(s) du parc."
    if action == "preuve":
        services.enregistrer_preuve(don, d["date_preuve"], d["reference"], user)
        return "Preuve du réemploi enregistrée sur le don et sur chaque sortie."
    if action == "annuler":
        services.annuler(don, d["motif"], user)
        return "Don annulé : ses équipements redeviennent disponibles."
    services.changer_visibilite(don, d["visible_sur_lieu"], user)
    return ("La page du lieu affiche le matériel reçu." if d["visible_sur_lieu"]
            else "La page du lieu n'affiche plus ce don.")  # fmt: skip


def _action(action: str):
    @require_POST
    @role_requis(*permissions.LECTEURS)
    def vue(request, pk: int):
        don = don_ou_404(request, pk)
        if not droits(request.user, don)[action]:
            if action == "visibilite":
                refuser("Seuls le lieu qui a reçu le don (ses médiateurs), le service "
                        "informatique et les administrateurs choisissent ce que sa page "
                        "affiche.", permissions.LECTEURS)  # fmt: skip
            if not permissions.peut_decider(request.user, don):
                refuser(REFUS_DECISION)
            return rendre_page(request, don, erreur=f"Cette étape ne s'applique pas à un don « "
                               f"{don.get_statut_display()} ».", action=action, status=400)  # fmt: skip
        forms = formulaires(don, request.POST, action)
        form = forms[action]
        if not form.is_valid():
            return rendre_page(request, don, forms, "Le formulaire contient une erreur : rien "
                               "n'a été enregistré.", action, status=400)  # fmt: skip
        try:
            message = _executer(action, don, form.cleaned_data, request.user)
        except RefusCycleVie as exc:
            don.refresh_from_db()
            return rendre_page(request, don, forms, exc.message, action, status=400)
        messages.success(request, message)
        return redirect("espace:parc_don", pk=don.pk)

    vue.__name__ = f"don_{action}"
    return vue


accepter = _action("accepter")
remettre = _action("remettre")
preuve = _action("preuve")
annuler = _action("annuler")
visibilite = _action("visibilite")


@role_requis(*permissions.LECTEURS)
def convention(request, pk: int):
    don = don_ou_404(request, pk)
    try:
        contenu = convention_don.pdf(don)
    except OSError:  # Pango missing on this server
        messages.error(request, "Le PDF n'est pas disponible sur ce serveur (bibliothèque Pango "
                                "absente).")  # fmt: skip
        return redirect("espace:parc_don", pk=don.pk)
    reponse = HttpResponse(contenu, content_type="application/pdf")
    reponse["Content-Disposition"] = f'inline; filename="{convention_don.nom_du_fichier(don)}"'
    return reponse
