"""Indicators of the wing « reparateurs » (registered through sun.parc.indicators):

- `parc.part_reconditionne_local`: of the fleet's refurbished items, the share refurbished
  inside the département (schéma 5.3: « par manque d'offre territoriale »);
- `parc.acteurs_reparation`: published actors of the repair directory.

Demonstration items and actors never count (the note says how many were left out)."""

from datetime import date

from django.utils import timezone

from sun.core.indicators import Indicateur, Niveau, Valeur, declarer
from sun.parc.models import Activite
from sun.parc.reparateurs import queries
from sun.territoire.indicators import communes_du

SOURCE_PARC = "Parc informatique du département (SUN) et annuaire de la réparation (SUN)"
SOURCE_ANNUAIRE = "Annuaire de la réparation et du reconditionnement (SUN)"


def _prefixe_postal(code_departement: str) -> str:
    """The postcode prefix of a département: « 11 », « 20 » for Corsica, « 971 » overseas."""
    if code_departement.upper() in ("2A", "2B"):
        return "20"
    return code_departement


def reconditionneurs() -> dict[int, int | None]:
    """{refurbished item: its refurbisher or None}. The latest act wins: an exit to reuse
    through a provider, else the latest refurbishing event's provider (or the item's
    refurbisher), else the refurbisher of an item bought refurbished."""
    achats, evenements, sorties = queries.reconditionnements()
    par_equipement: dict[int, int | None] = dict(achats)
    for equipement, prestataire, reconditionneur in evenements:
        par_equipement[equipement] = (
            prestataire or reconditionneur or par_equipement.get(equipement)
        )
    par_equipement.update(sorties)
    return par_equipement


def part_reconditionne_local(niveau: Niveau, code: str) -> Valeur:
    """Share (%) of the refurbished items whose refurbisher is located in département `code`
    (its commune's département, else its postcode), among those whose refurbisher is known."""
    par_equipement = reconditionneurs()
    connus = {e: r for e, r in par_equipement.items() if r is not None}
    inconnus = len(par_equipement) - len(connus)
    lieux = queries.localisation_des_acteurs(set(connus.values()))
    prefixe = _prefixe_postal(code)

    def local(acteur: int) -> bool:
        departement, code_postal = lieux.get(acteur, (None, ""))
        if departement:
            return departement.upper() == code.upper()
        return bool(code_postal) and code_postal.startswith(prefixe)

    note = (f"{inconnus} équipement{'s' if inconnus > 1 else ''} reconditionné"
            f"{'s' if inconnus > 1 else ''} sans reconditionneur connu, non compté"
            f"{'s' if inconnus > 1 else ''}." if inconnus else "")  # fmt: skip
    if not connus:
        return Valeur(None, None, SOURCE_PARC, note or "Aucun équipement reconditionné dont le "
                      "reconditionneur est connu.")  # fmt: skip
    locaux = sum(1 for r in connus.values() if local(r))
    return Valeur(round(100 * locaux / len(connus), 1), timezone.localdate(), SOURCE_PARC, note)


def acteurs_reparation(niveau: Niveau, code: str) -> Valeur:
    """Published real actors of the directory located in the territory."""
    codes = list(communes_du(niveau, code).values_list("code_insee", flat=True))
    acteurs = queries.acteurs_reels_publies(codes)
    demonstration = queries.compte_demonstration()
    s = "s" if demonstration > 1 else ""
    note = f"{demonstration} acteur{s} de démonstration non compté{s}" if demonstration else ""
    if not acteurs:
        return Valeur(0, timezone.localdate(), SOURCE_ANNUAIRE, note)
    derniere: date = max(d for _, d in acteurs).date()
    return Valeur(len(acteurs), derniere, SOURCE_ANNUAIRE, note)


def _acteurs_faisant(activite: str):
    def calcul(niveau: Niveau, code: str) -> Valeur:
        total = acteurs_reparation(niveau, code)
        return Valeur(acteurs_par_activite(niveau, code).get(activite, 0), total.date,
                      total.source, total.note)  # fmt: skip

    return calcul


def acteurs_par_activite(niveau: Niveau, code: str) -> dict[str, int]:
    """{activity: published real actors doing it} in the territory (an actor counts once per
    activity it has)."""
    codes = list(communes_du(niveau, code).values_list("code_insee", flat=True))
    compte: dict[str, int] = {}
    for activites, _ in queries.acteurs_reels_publies(codes):
        for activite in activites or []:
            compte[activite] = compte.get(activite, 0) + 1
    return compte


declarer(Indicateur(
    code="parc.part_reconditionne_local",
    libelle="Part du matériel reconditionné dans le département",
    unite="%",
    niveaux=(Niveau.DEPARTEMENT,),
    calcul=part_reconditionne_local,
    source=SOURCE_PARC,
    sens="hausse",
    description=(
        "Parmi les équipements du parc reconditionnés — achetés reconditionnés, passés par un "
        "reconditionnement (événement du cycle de vie) ou sortis vers le réemploi par un "
        "prestataire — la part dont le reconditionneur (reconditionneur de l'équipement, "
        "prestataire de l'événement ou de la sortie ; le dernier acte l'emporte) est situé "
        "dans le département : sa commune dans l'annuaire, à défaut son code postal. Les "
        "équipements dont le reconditionneur n'est pas connu ne sont pas comptés (la note "
        "dit combien) ; le matériel de démonstration non plus."
    ),
))  # fmt: skip
declarer(Indicateur(
    code="parc.acteurs_reparation",
    libelle="Acteurs de la réparation et du reconditionnement",
    unite="acteurs",
    niveaux=(Niveau.DEPARTEMENT, Niveau.EPCI),
    calcul=acteurs_reparation,
    source=SOURCE_ANNUAIRE,
    sens="hausse",
    description=(
        "Réparateurs, reconditionneurs, repair cafés, ateliers de l'ESS et points de collecte "
        "publiés dans l'annuaire public de SUN et situés sur le territoire (le détail par "
        "activité est sur la page « Réparer et reconditionner ») ; les acteurs de "
        "démonstration ne sont pas comptés."
    ),
))  # fmt: skip
for _activite in Activite:
    declarer(Indicateur(
        code=f"parc.acteurs_reparation_{_activite.value}",
        libelle=f"Acteurs de la réparation : {_activite.label.lower()}",
        unite="acteurs",
        niveaux=(Niveau.DEPARTEMENT, Niveau.EPCI),
        calcul=_acteurs_faisant(_activite.value),
        source=SOURCE_ANNUAIRE,
        sens="hausse",
        description=(f"Acteurs publiés dans l'annuaire de SUN dont une activité est « "
                     f"{_activite.label.lower()} », situés sur le territoire (démonstration "
                     "non comptée)."),
    ))  # fmt: skip
