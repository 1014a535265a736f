"""What the public page « Numérique responsable » shows of the fleet (schéma 5.4): figures
only, never an item. Real data only; when SUN holds demonstration items and no real one, the
page shows those, labelled (`demonstration`)."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from sun.parc.taux import achats, reemploi, renouvellement


@dataclass
class ParcPublic:
    jour: date
    demonstration: bool
    vide: bool
    par_type: list
    en_service: int
    age_moyen: float | None
    renouvellement: renouvellement.Renouvellement
    taux: reemploi.TauxAnnee
    achats: achats.PartsCategorie
    duree_vie: renouvellement.DureeDeVie
    source: str = reemploi.SOURCE
    regle_reemploi: str = reemploi.REGLE
    reference_reemploi: str = reemploi.REFERENCE
    regle_achats: str = achats.REGLE
    reference_achats: str = achats.REFERENCE
    avertissement_achats: str = achats.AVERTISSEMENT_OBJECTIF
    regle_renouvellement: str = renouvellement.REGLE_RENOUVELLEMENT


def parc_public(jour: date | None = None) -> ParcPublic:
    jour = jour or timezone.localdate()
    demo = renouvellement.seulement_demonstration()
    annee = jour.year - 1  # the last complete year
    par_type = renouvellement.en_service_par_type(jour, demo)
    return ParcPublic(
        jour=jour, demonstration=demo, vide=not demo and not renouvellement.nombre_reels(),
        par_type=par_type, en_service=sum(t.nombre for t in par_type),
        age_moyen=renouvellement.age_moyen_en_service(par_type),
        renouvellement=renouvellement.renouvellement(annee, demo),
        taux=reemploi.taux_annee(annee, demo), achats=achats.informatique(annee, demo),
        duree_vie=renouvellement.duree_vie_moyenne(demo),
    )  # fmt: skip
