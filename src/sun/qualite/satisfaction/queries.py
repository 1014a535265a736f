"""Reads of users' answers (chainable QuerySet methods; `Avis.objects` is this queryset)."""

from functools import lru_cache

from django.conf import settings
from django.db import models
from django.db.models import Q

# The moderation states (sun.qualite.models.Moderation), repeated here: the model module
# imports this one for its manager.
A_LIRE, ACCEPTE, ECARTE = "a_lire", "accepte", "ecarte"


class AvisQuerySet(models.QuerySet):
    def reels(self):
        """Real answers (demonstration answers are never counted)."""
        return self.filter(demonstration=False)

    def demonstration(self):
        return self.filter(demonstration=True)

    def du_service(self, service):
        """The answers about a service: recorded for it, or for one of its démarches."""
        pk = getattr(service, "pk", service)
        return self.filter(Q(service_id=pk) | Q(demarche__service_id=pk))

    def des_services(self, pks):
        return self.filter(Q(service_id__in=pks) | Q(demarche__service_id__in=pks))

    def avec_texte(self):
        return self.exclude(verbatim="")

    def a_moderer(self):
        return self.avec_texte().filter(moderation=A_LIRE)

    def en_etat(self, moderation: str):
        return self.avec_texte().filter(moderation=moderation)

    def publiables(self):
        """Texts a moderator accepted: the only ones that may be shown elsewhere."""
        return self.avec_texte().filter(moderation=ACCEPTE)

    def filtrer(self, *, service=None, demarche=None, canal: str = "", du=None, au=None):
        """The results page's filters (`du`/`au`: dates, on the local day of reception)."""
        qs = self
        if service is not None:
            qs = qs.du_service(service)
        if demarche is not None:
            qs = qs.filter(demarche=demarche)
        if canal:
            qs = qs.filter(canal=canal)
        if du is not None:
            qs = qs.filter(recu_le__date__gte=du)
        if au is not None:
            qs = qs.filter(recu_le__date__lte=au)
        return qs

    def pour_resultats(self):
        """Only the columns the scores need, with the labels of démarche and service."""
        return self.values_list(
            "recu_le", "canal", "demarche_id", "demarche__titre", "service_id", "service__nom",
            "demarche__service_id", "demarche__service__nom", "satisfaction", "comprehension",
            "contact_reached", "contact_satisfaction", "autonome",
        )  # fmt: skip

    def pour_moderation(self):
        return self.select_related("demarche", "service", "lieu", "modere_par").order_by(
            "-recu_le", "-pk"
        )


def verbatims_publiables(service, limite: int = 20):
    """The accepted free texts about a service (for instance for its Services Publics+
    results page), newest first: (date, text) of real answers only."""
    from sun.qualite.models import Avis

    return list(
        Avis.objects.reels().du_service(service).publiables()
        .order_by("-recu_le", "-pk").values_list("recu_le", "verbatim")[:limite]
    )  # fmt: skip


@lru_cache(maxsize=4)
def _lieux(departement: str, version: str) -> frozenset[str]:
    from sun.qualite.satisfaction.masquage import cle_de_lieu
    from sun.territoire.models import Commune

    noms = Commune.objects.filter(departement__code=departement).values_list("nom", flat=True)
    return frozenset(cle_de_lieu(n) for n in noms)


def lieux_du_departement() -> frozenset[str]:
    """The names of the département's communes (kept by the masking), read once per
    process and version of the territory."""
    from sun.territoire.version import version_territoire

    return _lieux(settings.SUN_DEPARTEMENT, str(version_territoire()))
