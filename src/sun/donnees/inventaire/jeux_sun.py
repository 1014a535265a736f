"""The datasets SUN produces, in the inventory (« cartographie des jeux de données ») beside
the processing: one entry each, kept by SUN from the catalogue (open once published)."""

from django.db import transaction

from sun.donnees.inventaire.synchronisation import Bilan
from sun.donnees.inventaire.traitements_base import SERVICE
from sun.donnees.models import (
    EntreeInventaire,
    JeuDeDonnees,
    Nature,
    Origine,
    OrigineEntree,
    Ouverture,
    StatutJeu,
)

PREFIXE = "jeu."
APPLICATION = "SUN"


def _valeurs(jeu: JeuDeDonnees) -> dict:
    publie = jeu.statut == StatutJeu.PUBLIE
    return {
        "origine": OrigineEntree.SUN, "nature": Nature.JEU, "nom": jeu.titre,
        "description": jeu.description, "finalite": "Données ouvertes publiées par le "
        "Département au catalogue de SUN (réutilisation libre).",
        "champs": "\n".join(r.titre for r in jeu.ressources.all()),
        "frequence": jeu.frequence, "jeu": jeu, "donnees_personnelles": False,
        "ouverture": Ouverture.OUVERT if publie else Ouverture.A_OUVRIR,
        "motif_detail": "" if publie else "Produit par SUN, en attente de sa publication "
        "(fichier conforme et point de contact).",
    }  # fmt: skip


@transaction.atomic
def synchroniser_jeux_sun() -> Bilan:
    """One inventory entry per dataset SUN produces (code « jeu.<declaration> »); an entry whose
    dataset is gone is removed. The service and referent a person set are kept."""
    crees = modifies = inchanges = 0
    existantes = {e.code: e for e in EntreeInventaire.objects.filter(
        origine=OrigineEntree.SUN, nature=Nature.JEU)}  # fmt: skip
    for jeu in JeuDeDonnees.objects.filter(origine=Origine.SUN).exclude(
            statut=StatutJeu.RETIRE).prefetch_related("ressources"):  # fmt: skip
        code = PREFIXE + jeu.declaration
        v = _valeurs(jeu)
        entree = existantes.pop(code, None)
        if entree is None:
            EntreeInventaire.objects.create(code=code, service=jeu.service or SERVICE,
                                            application=APPLICATION, **v)  # fmt: skip
            crees += 1
        elif changes := [c for c, val in v.items() if getattr(entree, c) != val]:
            for c in changes:
                setattr(entree, c, v[c])
            entree.save()
            modifies += 1
        else:
            inchanges += 1
    EntreeInventaire.objects.filter(pk__in=[e.pk for e in existantes.values()]).delete()
    return Bilan(crees, modifies, len(existantes), inchanges)
