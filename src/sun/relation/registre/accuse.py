"""The accusé de réception (CRPA L112-3, R112-5; online submissions L112-11, R112-11-1).

Every mention the law requires is written here, once, next to the article it implements:
the PDF, the e-mail and the check « nothing is missing » all read `mentions(demande)`.
"""

import contextlib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from sun.relation.models import Demande, DemandePieces, Regime


@dataclass(frozen=True)
class Mention:
    code: str
    titre: str
    texte: str
    article: str


def _date(d) -> str:
    return f"{d:%d/%m/%Y}" if d else ""


def _service(demande: Demande) -> str:
    s = demande.service
    lignes = [s.nom, s.adresse_postale.replace("\n", ", ")]
    lignes.append(f"Téléphone : {s.telephone}" if s.telephone else "")
    if s.courriel:
        lignes.append(f"Courriel : {s.courriel}")
    if s.horaires:
        lignes.append(f"Horaires : {s.horaires}")
    return "\n".join(ligne for ligne in lignes if ligne)


def _regime(demande: Demande) -> Mention:
    expiration = demande.date_decision_implicite
    if demande.regime == Regime.AUCUN:
        return Mention("regime", "Décision", (
            "Cette démarche ne donne pas lieu à une décision implicite : le service vous "
            "répondra par une décision écrite."), "CRPA L231-4 et L231-6")  # fmt: skip
    sens = "acceptée" if demande.regime == Regime.SVA else "rejetée"
    if expiration is None:
        texte = (f"Sans réponse du service, votre demande sera réputée {sens} à la fin d'un délai "
                 f"de {demande.delai_valeur} {demande.delai_unite}, qui ne court qu'à compter de "
                 "la réception des pièces demandées ci-dessous.")  # fmt: skip
    else:
        texte = (f"Sans réponse du service, votre demande sera réputée {sens} le "
                 f"{_date(expiration)} au soir ; vous pourrez vous en prévaloir à partir du "
                 f"{_date(expiration + timedelta(days=1))}.")  # fmt: skip
        if demande.regime == Regime.SVR and demande.pieces_en_attente:
            texte += (" Cette date suppose que les pièces demandées ci-dessous arrivent à la fin "
                      "du délai laissé pour les envoyer ; si le service les reçoit plus tôt, elle "
                      "sera avancée d'autant.")  # fmt: skip
    article = "CRPA L231-1" if demande.regime == Regime.SVA else "CRPA L231-4"
    return Mention("date_decision", "Date de la décision implicite", texte,
                   f"CRPA R112-5 1° ; {article}")  # fmt: skip


def voies_de_recours(demarche) -> str:
    """The remedies against a refusal: the démarche's own (a compulsory prior appeal, another
    court) when the catalogue gives them, else the general ones (CRPA L411-2, CJA R421-1)."""
    tribunal = settings.SUN_RELATION_TRIBUNAL
    if demarche.voies_de_recours.strip():
        return demarche.voies_de_recours.strip().replace("{tribunal}", tribunal)
    return (
        "Si votre demande est rejetée implicitement, vous pouvez, dans un délai de deux mois à "
        "compter de la naissance de ce rejet : demander au service de réexaminer votre demande "
        "(recours gracieux) ou saisir son autorité hiérarchique (recours hiérarchique) ; saisir "
        f"{tribunal} (recours contentieux), y compris par l'application Télérecours citoyens "
        "(www.telerecours.fr). Un recours gracieux ou hiérarchique fait dans ce délai prolonge "
        "le délai du recours contentieux. Vous pouvez aussi demander les motifs du rejet "
        "implicite dans ce même délai : ils vous seront communiqués dans le mois."
    )


def _pieces(demande: Demande) -> Mention | None:
    attendues = [p for p in demande.pieces.all() if p.recues_le is None]
    if not attendues:
        return None
    lignes = []
    for p in attendues:
        lignes += [f"- {piece}" for piece in p.pieces]
    dernier: DemandePieces = max(attendues, key=lambda p: p.a_fournir_avant)
    regle = ("Le délai de la décision implicite ne commencera à courir qu'à la réception de ces "
             "pièces." if demande.regime == Regime.SVA else
             f"Le délai de la décision implicite est suspendu jusqu'à leur réception, et au plus "
             f"tard jusqu'au {_date(dernier.a_fournir_avant)}."
             if demande.regime == Regime.SVR else "")  # fmt: skip
    texte = ("Votre demande est incomplète. Merci d'envoyer au service, avant le "
             f"{_date(dernier.a_fournir_avant)} :\n" + "\n".join(lignes)
             + (f"\n{regle}" if regle else ""))  # fmt: skip
    return Mention("pieces", "Pièces manquantes", texte, "CRPA L114-5 ; R112-5 3°")


def mentions(demande: Demande) -> list[Mention]:
    """Every mention of the acknowledgement of `demande`, in the order of the letter."""
    liste = [
        Mention("reception", "Date de réception",
                f"Votre demande « {demande.demarche.titre} » a été reçue le "
                f"{_date(demande.recue_le)} ({demande.get_canal_display().lower()}). "
                f"Son code de suivi est {demande.code_suivi}.", "CRPA L112-3 ; R112-5 1°"),
        Mention("service", "Service chargé de votre dossier", _service(demande),
                "CRPA R112-5 2°"),
        _regime(demande),
    ]  # fmt: skip
    if demande.regime == Regime.SVR:
        liste.append(Mention("recours", "Voies et délais de recours", voies_de_recours(demande.demarche),
                             "CRPA R112-5 ; L411-2 ; CJA R421-1, R421-2 ; CRPA L232-4"))  # fmt: skip
    elif demande.regime == Regime.SVA:
        liste.append(Mention("attestation", "Attestation d'acceptation", (
            "Si votre demande est acceptée implicitement, le service vous délivrera sur simple "
            "demande une attestation de cette acceptation."), "CRPA R112-5 ; L232-3"))  # fmt: skip
    pieces = _pieces(demande)
    if pieces:
        liste.append(pieces)
    return liste


def mentions_manquantes(demande: Demande) -> list[str]:
    """What R112-5 requires and the record lacks (the acknowledgement is then not sent)."""
    s = demande.service
    manque = []
    if not demande.recue_le:
        manque.append("la date de réception")
    if not s.nom.strip():
        manque.append("la désignation du service")
    if not s.adresse_postale.strip():
        manque.append("l'adresse postale du service")
    if not s.telephone.strip():
        manque.append("le téléphone du service")
    pieces_attendues = demande.pieces.filter(recues_le=None).exists()
    if (
        demande.regime != Regime.AUCUN
        and not demande.date_decision_implicite
        and not pieces_attendues
    ):
        manque.append("la date de la décision implicite")
    return manque


def verifier_mentions(demande: Demande) -> None:
    """Raise DemandeInvalide (French message) when a mention R112-5 requires is missing."""
    from sun.relation.registre.services import DemandeInvalide

    if manquantes := mentions_manquantes(demande):
        raise DemandeInvalide("L'accusé de réception est incomplet (CRPA R112-5) : "
                              + " ; ".join(manquantes) + ".")  # fmt: skip


def contexte(demande: Demande) -> dict:
    return {"demande": demande, "mentions": mentions(demande),
            "organisation": _organisation()}  # fmt: skip


def _organisation() -> str:
    from sun.inclusion.lieux.exports import producteur

    return producteur()


def html(demande: Demande) -> str:
    return render_to_string("web/relation/accuse.html", contexte(demande))


def pdf(demande: Demande) -> bytes:
    from weasyprint import HTML  # heavy: loaded only for a PDF

    return HTML(string=html(demande)).write_pdf()


def texte(demande: Demande) -> str:
    """The acknowledgement as plain text (the body of the e-mail)."""
    morceaux = [f"{_organisation()} — accusé de réception", ""]
    for m in mentions(demande):
        morceaux += [m.titre, m.texte, f"({m.article})", ""]
    return "\n".join(morceaux)


def envoyer_par_courriel(demande: Demande, *, auteur=None, avec_pdf: bool = True) -> bool:
    """E-mail the acknowledgement to the person when they gave an address; record it sent.
    Returns False when there is no address. Raises DemandeInvalide when a mention is missing,
    OSError when the mail server refuses."""
    from sun.relation.registre.services import marquer_accuse_envoye

    if demande.usager is None or not demande.usager.courriel:
        return False
    verifier_mentions(demande)  # before sending: a refused letter is never e-mailed
    message = EmailMessage(f"Accusé de réception de votre demande {demande.code_suivi}",
                           texte(demande), None, [demande.usager.courriel])  # fmt: skip
    if avec_pdf:
        # Pango missing on this server: the text alone is the acknowledgement.
        with contextlib.suppress(OSError):
            message.attach(f"accuse-reception-{demande.code_suivi}.pdf", pdf(demande),
                           "application/pdf")  # fmt: skip
    message.send()
    marquer_accuse_envoye(demande, moyen="courriel", auteur=auteur, mentions_verifiees=True)
    return True
