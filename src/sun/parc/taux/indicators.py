"""Indicators of the wing « taux » (registered through sun.parc.indicators), at the level of
the département whose fleet SUN holds. Demonstration items and purchases never count (the
note says how many were left out). Each value is dated by the last day its figures cover."""

from datetime import date

from django.utils import timezone

from sun.core.indicators import Indicateur, Niveau, Valeur, declarer, note_demonstration
from sun.parc.taux import achats, reemploi, renouvellement
from sun.parc.taux.queries import nombre_demonstration

NIVEAUX = (Niveau.DEPARTEMENT,)


def _note(*morceaux: str) -> str:
    return " ".join(m for m in (*morceaux, note_demonstration(nombre_demonstration(),
                                                               "équipements")) if m)  # fmt: skip


def taux_reemploi(niveau: Niveau, code: str) -> Valeur:
    """Décret n° 2023-266: A ÷ B × 100 for the last complete year."""
    annee = reemploi.derniere_annee_complete()
    t = reemploi.taux_annee(annee)
    fige = "B figé." if t.fige else "B non figé."
    return Valeur(t.taux, date(annee, 12, 31), reemploi.SOURCE,
                  _note(f"Année {annee} : A = {t.a}, B = {t.b}.", fige, t.pourquoi_sans_taux))  # fmt: skip


def part_achats_reemploi(niveau: Niveau, code: str) -> Valeur:
    """Décret n° 2024-134, IT and telephony: share of the € HT from reuse, re-use or with
    recycled materials (donations at their flat value), last complete year."""
    annee = reemploi.derniere_annee_complete()
    p = achats.informatique(annee)
    vide = "" if p.base else f"Aucun achat informatique enregistré en {annee}."
    return Valeur(p.part_ensemble, date(annee, 12, 31), achats.SOURCE,
                  _note(f"Année {annee}.", vide, achats.AVERTISSEMENT_OBJECTIF))  # fmt: skip


def duree_vie_moyenne(niveau: Niveau, code: str) -> Valeur:
    d = renouvellement.duree_vie_moyenne()
    vide = "" if d.nombre else "Aucun équipement réformé avec une date d'acquisition connue."
    return Valeur(d.annees, d.derniere_reforme, reemploi.SOURCE,
                  _note(f"{d.nombre} équipement(s) réformé(s).", vide))  # fmt: skip


def taux_renouvellement(niveau: Niveau, code: str) -> Valeur:
    annee = timezone.localdate().year - 1
    r = renouvellement.renouvellement(annee)
    return Valeur(r.taux, date(annee, 12, 31), reemploi.SOURCE,
                  _note(f"Année {annee} : {r.acquis} acquis, parc de {r.parc} au 31 décembre."))  # fmt: skip


declarer(Indicateur(
    code="parc.taux_reemploi", libelle="Taux de réemploi des équipements informatiques réformés",
    unite="%", niveaux=NIVEAUX, calcul=taux_reemploi, source=reemploi.SOURCE, sens="hausse",
    description="Décret n° 2023-266 : équipements du champ orientés vers le réemploi ou la "
                "réutilisation pendant la dernière année complète (A) ÷ équipements réformés en "
                "stock au 1er janvier (B). Objectif : 50 % à partir de 2025.",
))  # fmt: skip
declarer(Indicateur(
    code="parc.part_achats_reemploi",
    libelle="Part des achats informatiques issus du réemploi ou intégrant des matières recyclées",
    unite="%", niveaux=NIVEAUX, calcul=part_achats_reemploi, source=achats.SOURCE, sens="hausse",
    description="Décret n° 2024-134, matériel informatique et téléphonie : part du montant HT de "
                "la dernière année complète. Objectif : 20 % en 2024, 25 % en 2027, 30 % en 2030.",
))  # fmt: skip
declarer(Indicateur(
    code="parc.duree_vie_moyenne", libelle="Âge moyen des équipements à leur réforme",
    unite="ans", niveaux=NIVEAUX, calcul=duree_vie_moyenne, source=reemploi.SOURCE,
    sens="hausse",
    description="Moyenne, sur les équipements réformés dont la date d'acquisition est connue, "
                "de la durée entre acquisition et réforme.",
))  # fmt: skip
declarer(Indicateur(
    code="parc.taux_renouvellement", libelle="Taux de renouvellement du parc informatique",
    unite="%", niveaux=NIVEAUX, calcul=taux_renouvellement, source=reemploi.SOURCE,
    sens="baisse", description=renouvellement.REGLE_RENOUVELLEMENT,
))  # fmt: skip
