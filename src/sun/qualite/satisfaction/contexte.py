"""Where the questionnaire is shown: a démarche, a service, a place, a channel (the page's
link parameters, or a desk tablet's set-up), read from the catalogue and the register of
places. Unknown values are dropped: the answer is then recorded without them."""

import uuid
from dataclasses import dataclass

from sun.qualite.models import Emplacement


@dataclass(frozen=True)
class Contexte:
    """Where the questionnaire was shown (no person in it)."""

    demarche: object = None
    service: object = None
    lieu: object = None
    canal: str = ""
    borne: bool = False

    @property
    def emplacement(self) -> str:
        if self.borne:
            return Emplacement.BORNE
        if self.demarche is not None:
            return Emplacement.DEMARCHE
        return Emplacement.LIEU if self.lieu is not None else Emplacement.SITE

    def en_clair(self) -> dict:
        """What the signed token of the step-1 form carries (ids only)."""
        return {
            "d": self.demarche.pk if self.demarche is not None else None,
            "s": self.service.pk if self.service is not None else None,
            "l": str(self.lieu.pk) if self.lieu is not None else None,
            "c": self.canal, "b": self.borne,
        }  # fmt: skip

    @property
    def sujet(self) -> str:
        """« la démarche … », « le lieu … »: what the questions are about."""
        if self.demarche is not None:
            return f"la démarche « {self.demarche.titre} »"
        if self.lieu is not None:
            return f"votre passage à « {self.lieu.nom} »"
        if self.service is not None:
            return f"le service « {self.service.nom} »"
        return "ce service"


def _uuid(valeur) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(valeur))
    except (TypeError, ValueError, AttributeError):
        return None


def resoudre(*, demarche: str = "", service: str = "", lieu: str = "", canal: str = "",
             borne: bool = False) -> Contexte:  # fmt: skip
    """From public parameters: a démarche's slug, a service's code, a place's id, a channel."""
    from sun.inclusion.models import Lieu
    from sun.relation.models import CanalDemande, Demarche, ServiceInstructeur

    d = (Demarche.objects.select_related("service").filter(slug=str(demarche)[:100]).first()
         if demarche else None)  # fmt: skip
    s = ServiceInstructeur.objects.filter(code=str(service)[:60]).first() if service else None
    pk = _uuid(lieu) if lieu else None
    lieu_trouve = Lieu.objects.filter(pk=pk).first() if pk else None
    canal = canal if canal in CanalDemande.values else ""
    return Contexte(demarche=d, service=s or (d.service if d else None), lieu=lieu_trouve,
                    canal=canal, borne=borne)  # fmt: skip


def depuis_jeton(contenu: dict) -> Contexte:
    """From the ids the step-1 form's signed token carries."""
    from sun.inclusion.models import Lieu
    from sun.relation.models import Demarche, ServiceInstructeur

    d = Demarche.objects.select_related("service").filter(pk=contenu.get("d")).first() \
        if contenu.get("d") else None  # fmt: skip
    s = ServiceInstructeur.objects.filter(pk=contenu.get("s")).first() if contenu.get("s") else None
    pk = _uuid(contenu.get("l"))
    return Contexte(demarche=d, service=s, lieu=Lieu.objects.filter(pk=pk).first() if pk else None,
                    canal=str(contenu.get("c") or ""), borne=bool(contenu.get("b")))  # fmt: skip
