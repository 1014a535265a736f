"""Writes on the channels of a démarche from the agent space: add, edit, delete one channel,
each checked by the same rules as the catalogue file (`fichier.CanalF`)."""

from django.db import transaction
from django.db.models import Max
from pydantic import ValidationError

from sun.relation.catalogue.fichier import CanalF
from sun.relation.catalogue.services import CHAMPS_CANAL
from sun.relation.models import Canal, Demarche


class CanalInvalide(ValueError):
    """A French message saying what is wrong with the channel; nothing was written."""


def _verifier(valeurs: dict) -> dict:
    propres = {c: (valeurs.get(c) or "") for c in CHAMPS_CANAL}
    try:
        CanalF(**propres)
    except ValidationError as exc:
        messages = []
        for e in exc.errors():
            texte = str(e.get("msg", "")).removeprefix("Value error, ")
            messages.append(texte)
        raise CanalInvalide("Canal refusé : " + " ; ".join(messages) + ".") from exc
    return propres


@transaction.atomic
def ajouter_canal(demarche: Demarche, valeurs: dict) -> Canal:
    """Add a channel at the end of the démarche's list. Raises CanalInvalide."""
    propres = _verifier(valeurs)
    dernier = demarche.canaux.aggregate(m=Max("ordre"))["m"]
    return Canal.objects.create(demarche=demarche, ordre=(dernier or 0) + 1, **propres)


@transaction.atomic
def modifier_canal(canal: Canal, valeurs: dict) -> Canal:
    propres = _verifier(valeurs)
    for champ, valeur in propres.items():
        setattr(canal, champ, valeur)
    canal.save()
    return canal


@transaction.atomic
def supprimer_canal(canal: Canal) -> None:
    """Delete a channel; a démarche keeps at least one (the catalogue file requires it)."""
    if canal.demarche.canaux.count() <= 1:
        raise CanalInvalide("Une démarche garde au moins un canal : ajoutez-en un autre avant "
                            "de supprimer celui-ci.")  # fmt: skip
    canal.delete()
