"""Reads of the training catalogue and registrations."""

from django.db import models
from django.db.models import Count, F, Q

from sun.competences.queries import Demonstration

# The statuses that hold a seat (a cancelled registration frees it).
STATUTS_ACTIFS = ("inscrit", "present", "absent")


class SessionQuerySet(Demonstration):
    def publiees(self):
        """Not cancelled."""
        return self.filter(annulee=False)

    def a_venir(self, maintenant):
        """Not started yet at `maintenant`."""
        return self.filter(debut__gt=maintenant)

    def filtrer(self, theme: str = "", public: str = "", format: str = ""):
        qs = self
        if theme:
            qs = qs.filter(theme=theme)
        if public:
            qs = qs.filter(publics__contains=public)
        if format:
            qs = qs.filter(format=format)
        return qs

    def avec_places(self):
        """Each session with `nb_inscrits` (seats held) and `places_restantes`."""
        return self.annotate(
            nb_inscrits=Count("inscriptions", filter=Q(inscriptions__statut__in=STATUTS_ACTIFS))
        ).annotate(places_restantes=F("places") - F("nb_inscrits"))

    def catalogue(self, maintenant, theme: str = "", public: str = "", format: str = ""):
        """The upcoming published sessions, filtered, with their seats left."""
        return (
            self.publiees().a_venir(maintenant).filtrer(theme, public, format).avec_places()
            .order_by("debut", "titre")
        )  # fmt: skip

    def de_la_session(self, pk: int):
        return self.avec_places().filter(pk=pk).first()


class InscriptionQuerySet(models.QuerySet):
    def reels(self):
        return self.filter(session__demonstration=False)

    def actives(self):
        return self.filter(statut__in=STATUTS_ACTIFS)

    def de(self, personne):
        return self.filter(personne=personne).select_related("session")

    def prochaines(self, personne, maintenant):
        """The person's active registrations to sessions not started yet."""
        return (
            self.de(personne).actives().filter(session__debut__gt=maintenant,
                                               session__annulee=False)
            .order_by("session__debut")
        )  # fmt: skip

    def de_session(self, session):
        return (
            self.filter(session=session)
            .select_related("personne", "direction")
            .order_by("personne__nom", "personne__prenom", "pk")
        )

    def a_rappeler(self, maintenant, jusqu_a):
        """Registrations still « inscrit », not reminded, to a published session starting
        between `maintenant` and `jusqu_a`, of a person with an e-mail address."""
        return (
            self.filter(statut="inscrit", rappel_envoye_le__isnull=True, session__annulee=False,
                        session__debut__gt=maintenant, session__debut__lte=jusqu_a)
            .exclude(personne__isnull=True).exclude(personne__courriel="")
            .select_related("session", "personne").order_by("session__debut", "pk")
        )  # fmt: skip

    def a_prevenir(self, session):
        """The active registrations to `session` of a person with an e-mail address (told
        when the session is cancelled)."""
        return (
            self.filter(session=session).actives().exclude(personne__isnull=True)
            .exclude(personne__courriel="").select_related("session", "personne").order_by("pk")
        )  # fmt: skip

    def avec_attestation(self):
        return self.exclude(attestation="")


def chercher_personnes(texte: str, limite: int = 20):
    """People whose name or first name contains each word of `texte`."""
    from sun.competences.models import Personne

    mots = [m for m in (texte or "").split() if m]
    if not mots:
        return Personne.objects.none()
    qs = Personne.objects.select_related("direction")
    for mot in mots:
        qs = qs.filter(Q(nom__icontains=mot) | Q(prenom__icontains=mot))
    return qs.order_by("nom", "prenom")[:limite]


def equipe(personne):
    """The members of `personne`'s team (the people they manage)."""
    return personne.equipe.order_by("nom", "prenom") if personne else []


def inscription_de(personne, session):
    """`personne`'s registration to `session`, whatever its status, or None."""
    from sun.competences.models import Inscription

    if personne is None:
        return None
    return Inscription.objects.filter(personne=personne, session=session).first()
