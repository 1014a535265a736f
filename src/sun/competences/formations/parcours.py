"""A person's training path: their registrations past and future, hours trained, themes and
CRCN competences worked (counted on the sessions they attended), certificates, and the
satisfaction answers still to give."""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.utils import timezone

from sun.competences import referentiel
from sun.competences.models import Inscription, Personne

LIBELLES_THEMES = dict(referentiel.THEMES)


@dataclass
class Parcours:
    personne: Personne
    a_venir: list[Inscription] = field(default_factory=list)
    passees: list[Inscription] = field(default_factory=list)
    heures: Decimal = Decimal(0)
    themes: list[str] = field(default_factory=list)
    competences: list[referentiel.Competence] = field(default_factory=list)
    attestations: list[Inscription] = field(default_factory=list)
    satisfaction_a_donner: list[Inscription] = field(default_factory=list)


def competences_de(session) -> list[referentiel.Competence]:
    """The CRCN competences a session works on, with their labels."""
    return [referentiel.PAR_CODE[c] for c in session.competences if c in referentiel.PAR_CODE]


def parcours(personne: Personne, maintenant: datetime | None = None) -> Parcours:
    maintenant = maintenant or timezone.now()
    p = Parcours(personne)
    themes, codes = [], set()
    for i in Inscription.objects.de(personne).order_by("-session__debut"):
        session = i.session
        if (
            session.debut > maintenant
            and i.statut != Inscription.Statut.ANNULE
            and not (session.annulee)
        ):
            p.a_venir.append(i)
        else:
            p.passees.append(i)
        if i.statut != Inscription.Statut.PRESENT:
            continue
        p.heures += session.duree_heures
        libelle = LIBELLES_THEMES.get(session.theme, session.theme)
        if libelle not in themes:
            themes.append(libelle)
        codes.update(session.competences)
        p.attestations.append(i)
        if i.satisfaction is None:
            p.satisfaction_a_donner.append(i)
    p.a_venir.reverse()
    p.themes = sorted(themes)
    p.competences = [c for c in referentiel.COMPETENCES if c.code in codes]
    return p


def libelles_publics(session) -> list[str]:
    libelles = dict(referentiel.PUBLICS)
    return [libelles.get(p, p) for p in session.publics]
