"""Agent space › one request: everything about it (démarche, service, channel, legal dates,
status, missing pieces, the person and their other requests, the full history) and the actions
the workflow (`registre.statuts.suivants`) and the user's rights allow, as POST forms on this
same address (`action=`). A refused action shows its French message; nothing is written."""

from django.contrib import messages
from django.shortcuts import redirect, render

from sun.comptes.roles import role_requis
from sun.relation import permissions
from sun.relation.registre import accuse
from sun.relation.registre import queries as registre
from sun.relation.registre.code_suivi import epeler
from sun.relation.registre.services import (
    DemandeInvalide,
    ajouter_note,
    changer_statut,
    demander_pieces,
    marquer_accuse_envoye,
    recevoir_pieces,
)
from sun.relation.registre.statuts import TransitionInterdite, suivants
from sun.web.forms.relation import (
    AccuseForm,
    NoteForm,
    PiecesForm,
    ReceptionPiecesForm,
    StatutForm,
)
from sun.web.views.relation_demandes import (
    LECTEURS,
    aujourd_hui,
    demande_lisible,
    envoyer_accuse,
    refuser,
)


def _droits(user, demande) -> dict:
    instruit = permissions.peut_instruire(user, demande)
    return {
        "statut": instruit and bool(suivants(demande.statut)),
        "pieces": instruit and demande.statut in ("en_construction", "en_instruction"),
        "pieces_recues": permissions.peut_recevoir_pieces(user, demande)
        and demande.statut == "incomplet",
        "note": True,
        "accuse": True,
    }


def _formulaires(demande, donnees=None, action: str = "") -> dict:
    def lie(nom):
        return donnees if action == nom else None

    return {
        "statut": StatutForm(lie("statut"), statut=demande.statut, prefix="statut"),
        "pieces": PiecesForm(lie("pieces"), prefix="pieces"),
        "pieces_recues": ReceptionPiecesForm(lie("pieces_recues"), prefix="recues"),
        "note": NoteForm(lie("note"), prefix="note"),
        "accuse": AccuseForm(lie("accuse"), prefix="accuse",
                             initial={"moyen": "courriel" if demande.usager and
                                      demande.usager.courriel else "courrier"}),
    }  # fmt: skip


def _executer(request, demande, action: str, form) -> str | None:
    """Run `action` with the valid `form`; the success message, or raise ValueError."""
    d, user, jour = form.cleaned_data, request.user, aujourd_hui()
    if action == "statut":
        apres = changer_statut(demande, d["vers"], auteur=user, commentaire=d["commentaire"],
                               le=d["le"], aujourd_hui=jour)  # fmt: skip
        return f"Statut : {apres.get_statut_display()}."
    if action == "pieces":
        apres = demander_pieces(demande, d["pieces"], a_fournir_avant=d["a_fournir_avant"],
                                auteur=user, le=d["le"], aujourd_hui=jour,
                                commentaire=d["commentaire"])  # fmt: skip
        if apres.date_decision_implicite:  # SVR: suspended until the pieces or the time given
            return ("Pièces demandées : le délai est suspendu jusqu'à leur réception (au plus tard "
                    f"le {d['a_fournir_avant']:%d/%m/%Y}) ; décision implicite, au plus tard, le "
                    f"{apres.date_decision_implicite:%d/%m/%Y}.")  # fmt: skip
        return "Pièces demandées : la demande est incomplète, son délai ne court plus."
    if action == "pieces_recues":
        apres = recevoir_pieces(demande, le=d["le"], auteur=user, aujourd_hui=jour)
        quand = (f" Décision implicite le {apres.date_decision_implicite:%d/%m/%Y}."
                 if apres.date_decision_implicite else "")  # fmt: skip
        return "Pièces reçues : la demande repasse en instruction." + quand
    if action == "note":
        ajouter_note(demande, d["texte"], auteur=user)
        return "Note ajoutée."
    if action == "accuse":
        if d["moyen"] == "courriel":
            if not (demande.usager and demande.usager.courriel):
                raise DemandeInvalide("La personne n'a pas donné de courriel : imprimez "
                                      "l'accusé de réception (PDF).")  # fmt: skip
            envoyer_accuse(request, demande)
            return None
        marquer_accuse_envoye(demande, moyen=d["moyen"], auteur=user)
        return f"Accusé de réception marqué envoyé ({d['moyen']})."
    raise DemandeInvalide("Action inconnue.")


@role_requis(*LECTEURS)
def page(request, pk: int):
    demande = demande_lisible(request, pk)
    droits = _droits(request.user, demande)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    formulaires = _formulaires(demande, request.POST if action else None, action)
    erreur = ""
    if request.method == "POST":
        if action not in formulaires:
            erreur = "Action inconnue."
        elif not droits[action]:
            refuser("Cette action est réservée aux instructeurs du service "
                    f"« {demande.service.nom} » et aux administrateurs.")  # fmt: skip
        elif formulaires[action].is_valid():
            try:
                message = _executer(request, demande, action, formulaires[action])
            except (TransitionInterdite, DemandeInvalide) as exc:
                erreur = str(exc)
            else:
                if message:
                    messages.success(request, message)
                return redirect("espace:relation_demande", pk=demande.pk)
        else:
            erreur = "Le formulaire contient une erreur : rien n'a été enregistré."
    jour = aujourd_hui()
    registre.annoter_echeances([demande], jour)
    return render(request, "web/espace/relation/demande.html", {
        "demande": demande, "droits": droits, "formulaires": formulaires, "action": action,
        "erreur": erreur, "aujourd_hui": jour, "autres": registre.autres_demandes(demande, request.user),
        "epele": epeler(demande.code_suivi),
        "enregistree": request.GET.get("enregistree") == "1",
        "peut_enregistrer": permissions.peut_enregistrer(request.user),
        "mentions_manquantes": accuse.mentions_manquantes(demande),
        "pieces": list(demande.pieces.all()), "evenements": list(demande.evenements.all()),
    }, status=400 if erreur else 200)  # fmt: skip
