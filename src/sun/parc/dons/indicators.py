"""Indicators of the wing « dons » (registered through sun.parc.indicators):

- `parc.equipements_donnes`: retired items handed over by donation, **cumulative** since the
  first donation (or over a chosen period, e.g. a calendar year: `periode=Periode.annee(N)`);
  at the département level every donation of the fleet (the fleet is the served
  département's), at the commune and EPCI levels the donations to places of the register
  located there (by the place's commune);
- `parc.dons_lieux_mediation`: mediation places of the register that received equipment.

Only real, handed-over donations count; demonstration ones are said in the note. France
Numérique Ensemble reads the first one (« équipements reconditionnés »)."""

from django.conf import settings
from django.db.models import Max

from sun.core.indicators import Indicateur, Niveau, Periode, Valeur, declarer, note_demonstration
from sun.parc.dons.queries import sorties_donnees
from sun.territoire.indicators import communes_du

SOURCE = "Dons de matériel réformé enregistrés dans SUN (parc informatique, sorties « don »)"
NIVEAUX = (Niveau.COMMUNE, Niveau.EPCI, Niveau.DEPARTEMENT)


def _sorties(niveau: Niveau, code: str, periode: Periode | None, demonstration: bool = False):
    sorties = sorties_donnees(demonstration)
    if niveau != Niveau.DEPARTEMENT or code != settings.SUN_DEPARTEMENT:
        sorties = sorties.filter(don__lieu__commune_ref__in=communes_du(niveau, code))
    if periode is not None:
        sorties = sorties.filter(date__gte=periode.du, date__lte=periode.au)
    return sorties


def equipements_donnes(niveau: Niveau, code: str, periode: Periode | None = None) -> Valeur:
    sorties = _sorties(niveau, code, periode)
    demo = _sorties(niveau, code, periode, demonstration=True).count()
    return Valeur(sorties.count(), sorties.aggregate(d=Max("date"))["d"], SOURCE,
                  note_demonstration(demo, "équipements donnés" if demo > 1
                                     else "équipement donné"))  # fmt: skip


def lieux_equipes(niveau: Niveau, code: str, periode: Periode | None = None) -> Valeur:
    sorties = _sorties(niveau, code, periode).filter(don__lieu__isnull=False)
    demo = (_sorties(niveau, code, periode, demonstration=True)
            .filter(don__lieu__isnull=False).values("don__lieu").distinct().count())  # fmt: skip
    return Valeur(sorties.values("don__lieu").distinct().count(),
                  sorties.aggregate(d=Max("date"))["d"], SOURCE,
                  note_demonstration(demo, "lieux"))  # fmt: skip


declarer(Indicateur(
    code="parc.equipements_donnes", libelle="Équipements réformés donnés (cumul)",
    unite="équipements", niveaux=NIVEAUX, calcul=equipements_donnes, source=SOURCE,
    description="Équipements sortis du parc par un don remis (lieux de médiation, associations,"
    " agents), depuis le premier don ; sur une période, ceux remis pendant la période. Au niveau"
    " d'une commune ou d'un EPCI : les dons aux lieux du registre qui y sont situés.",
    sens="hausse", par_periode=True,
))  # fmt: skip
declarer(Indicateur(
    code="parc.dons_lieux_mediation", libelle="Lieux de médiation équipés par un don",
    unite="lieux", niveaux=NIVEAUX, calcul=lieux_equipes, source=SOURCE,
    description="Lieux du registre ayant reçu au moins un équipement réformé par un don remis.",
    sens="hausse", par_periode=True,
))  # fmt: skip
