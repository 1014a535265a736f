"""Demonstration content of the user panels: 12 members (agents and residents, e-mails under
demo.invalid) and, when a demonstration request exists, one consultation with 7 answers.
Idempotent: run twice, nothing is duplicated."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from sun.projets.models import Avis, Consultation, Demande, MembrePanel
from sun.projets.panels.services import nouveau_jeton

PRENOMS = ["Camille", "Dominique", "Claude", "Sacha", "Alix", "Maxime", "Lou", "Noa",
           "Andréa", "Charlie", "Eden", "Morgan"]  # fmt: skip
COMMUNES = ["11069", "11262", "11203", "11076", ""]
QUESTION = "Cette évolution vous serait-elle utile ? (démonstration)"
REPONSES = ["utile", "utile", "utile", "indifferent", "utile", "genant", "indifferent"]
COMMENTAIRES = ["Cela m'éviterait de tout recopier.", "", "", "Je n'utilise pas cet outil.",
                "", "Encore un changement d'écran à apprendre.", ""]  # fmt: skip


def _membres() -> list[MembrePanel]:
    membres = []
    for n, prenom in enumerate(PRENOMS):
        type_ = MembrePanel.Type.AGENT if n % 3 == 0 else MembrePanel.Type.USAGER
        membre, _ = MembrePanel.objects.get_or_create(
            courriel=f"panel-{n + 1:02d}@demo.invalid",
            defaults={"type": type_, "prenom": prenom, "demonstration": True,
                      "code_insee": "" if type_ == "agent" else COMMUNES[n % len(COMMUNES)],
                      "centres_interet": "outils de la relation aux usagers",
                      "consentement_le": timezone.now(), "jeton": nouveau_jeton()})  # fmt: skip
        membres.append(membre)
    return membres


def creer_demo() -> list[str]:
    with transaction.atomic():
        membres = _membres()
        lignes = [f"{len(membres)} membres du panel des utilisateurs de DÉMONSTRATION"]
        demande = Demande.objects.filter(demonstration=True).order_by("pk").first()
        if demande is None:
            return lignes
        c = Consultation.objects.filter(demande=demande, question=QUESTION).first()
        if c is None:
            c = Consultation.objects.create(
                demande=demande, question=QUESTION, publics="tous",
                close_le=timezone.localdate() + timedelta(days=21),
                envoyee_a=len(membres))  # fmt: skip
        for membre, reponse, commentaire in zip(membres, REPONSES, COMMENTAIRES, strict=False):
            Avis.objects.get_or_create(consultation=c, membre=membre, defaults={
                "reponse": reponse, "commentaire": commentaire, "type_membre": membre.type})  # fmt: skip
        lignes.append(f"1 consultation du panel de DÉMONSTRATION ({c.avis.count()} avis)")
    return lignes
