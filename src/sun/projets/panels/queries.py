"""Reads of the user panels and their consultations."""

from django.db import models
from django.db.models import Count

from sun.projets.queries import Demonstration


class MembrePanelQuerySet(Demonstration):
    def agents(self):
        return self.filter(type="agent")

    def usagers(self):
        return self.filter(type="usager")

    def par_courriel(self, courriel: str):
        return self.filter(courriel__iexact=courriel.strip())

    def par_jeton(self, jeton: str):
        """The member whose secret is `jeton`, or None (an empty token matches nobody)."""
        if not jeton:
            return None
        return self.filter(jeton=jeton).first()

    def cibles(self, publics: str, demonstration: bool):
        """The members a consultation for `publics` (tous/agent/usager) is sent to: real
        members for a real subject, demonstration members for a demonstration subject."""
        qs = self.filter(demonstration=demonstration)
        return qs if publics == "tous" else qs.filter(type=publics)

    def compte_par_type(self) -> dict[str, int]:
        lignes = self.order_by().values("type").annotate(n=Count("pk"))
        return {ligne["type"]: ligne["n"] for ligne in lignes}


class ConsultationQuerySet(models.QuerySet):
    def avec_liens(self):
        return self.select_related("demande", "besoin", "creee_par")

    def ouvertes(self, aujourd_hui):
        return self.filter(close_le__gte=aujourd_hui)

    def closes(self, aujourd_hui):
        return self.filter(close_le__lt=aujourd_hui)

    def avec_nombre_avis(self):
        return self.annotate(nombre_avis=Count("avis"))

    def reelles(self):
        """Consultations on a real subject (neither a demonstration request nor need)."""
        return self.exclude(demande__demonstration=True).exclude(besoin__demonstration=True)

    def de_demonstration(self):
        return self.filter(models.Q(demande__demonstration=True)
                           | models.Q(besoin__demonstration=True))  # fmt: skip


def avis_de(consultation, membre):
    from sun.projets.models import Avis

    return Avis.objects.filter(consultation=consultation, membre=membre).first()


def consultation(pk: int):
    from sun.projets.models import Consultation

    return Consultation.objects.avec_liens().filter(pk=pk).first()


def membre_du_compte(user):
    from sun.projets.models import MembrePanel

    if not user.is_authenticated:
        return None
    return MembrePanel.objects.filter(compte=user).first()
