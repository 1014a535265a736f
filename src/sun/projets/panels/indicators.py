"""Indicators of the wing panels (declared with sun.core.indicators.declarer): the members of
the user panels and the answers they gave, not shown between 1 and 4 (figures about people).
Demonstration members and answers never count."""

from django.utils import timezone

from sun.core.indicators import (
    SEUIL_PERSONNES,
    Indicateur,
    Niveau,
    Valeur,
    declarer,
    note_demonstration,
    note_trop_peu,
)

SOURCE = "SUN, panels des utilisateurs (membres volontaires et leurs avis)"


def _valeur(n: int, demo: int, quoi: str) -> Valeur:
    note = note_demonstration(demo, quoi)
    if 0 < n < SEUIL_PERSONNES:
        trop_peu = note_trop_peu(n, SEUIL_PERSONNES, quoi)
        return Valeur(None, timezone.localdate(), SOURCE, f"{trop_peu} {note}".strip())
    return Valeur(n, timezone.localdate(), SOURCE, note)


def membres_panel(niveau, code) -> Valeur:
    from sun.projets.models import MembrePanel

    reels = MembrePanel.objects.reels().count()
    demo = MembrePanel.objects.de_demonstration().count()
    return _valeur(reels, demo, "membres")


def avis_panel(niveau, code) -> Valeur:
    from sun.projets.models import Avis, Consultation

    tous = Avis.objects.all()
    demo_ids = Consultation.objects.de_demonstration().values("pk")
    demo = tous.filter(consultation__in=demo_ids).count()
    reels = tous.exclude(consultation__in=demo_ids).exclude(membre__demonstration=True).count()
    return _valeur(reels, demo, "avis")


declarer(Indicateur(
    code="projets.membres_panel",
    libelle="Membres des panels d'utilisateurs",
    unite="membres",
    niveaux=(Niveau.DEPARTEMENT,),
    calcul=membres_panel,
    source=SOURCE,
    description="Agents et habitants volontaires, avec leur consentement, pour donner leur "
                "avis sur les évolutions des outils numériques du Département.",
    sens="hausse",
))  # fmt: skip

declarer(Indicateur(
    code="projets.avis_panel",
    libelle="Avis reçus des panels d'utilisateurs",
    unite="avis",
    niveaux=(Niveau.DEPARTEMENT,),
    calcul=avis_panel,
    source=SOURCE,
    description="Réponses des membres des panels aux consultations sur les demandes et les "
                "besoins.",
    sens="hausse",
))  # fmt: skip
