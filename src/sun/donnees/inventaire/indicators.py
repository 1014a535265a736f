"""Indicators of the wing « inventaire » (registered through sun.donnees.indicators):

- `donnees.inventaire`: entries of nature « jeu » in the internal inventory (orientation 9.2,
  « cartographie des jeux de données »);
- `donnees.inventaire_ouverts`: share of those that are open (published).

Both at the département level only (the inventory is the département's). Importing this
module also declares the `scdl/catalogue` dataset (catalogue_scdl)."""

from django.db.models import Count, Max, Q

from sun.core.indicators import Indicateur, Niveau, Valeur, declarer
from sun.donnees.inventaire import catalogue_scdl as _catalogue_scdl  # noqa: F401
from sun.donnees.inventaire.queries import jeux_inventories
from sun.donnees.models import Ouverture

SOURCE = "Inventaire des données de SUN"
NIVEAUX = (Niveau.DEPARTEMENT,)


def _chiffres() -> dict:
    return jeux_inventories().aggregate(n=Count("pk"), d=Max("modifie_le"),
                                        ouverts=Count("pk", filter=Q(ouverture=Ouverture.OUVERT)))  # fmt: skip


def _jour(chiffres: dict):
    return chiffres["d"].date() if chiffres["d"] else None


def inventaire(niveau: Niveau, code: str) -> Valeur:
    c = _chiffres()
    return Valeur(c["n"], _jour(c), SOURCE)


def inventaire_ouverts(niveau: Niveau, code: str) -> Valeur:
    c = _chiffres()
    if not c["n"]:
        return Valeur(None, None, SOURCE, "Aucun jeu de données inventorié.")
    return Valeur(round(100 * c["ouverts"] / c["n"], 1), _jour(c), SOURCE,
                  f"{c['ouverts']} jeu(x) ouvert(s) sur {c['n']} inventorié(s).")  # fmt: skip


declarer(
    Indicateur(
        code="donnees.inventaire",
        libelle="Jeux de données internes inventoriés",
        unite="jeux de données",
        niveaux=NIVEAUX,
        calcul=inventaire,
        source=SOURCE,
        description="Entrées de nature « jeu de données » de l'inventaire interne (cartographie "
        "des données, orientation 9.2), quelle que soit leur ouverture.",
        sens="hausse",
    )
)
declarer(Indicateur(
    code="donnees.inventaire_ouverts", libelle="Part des jeux inventoriés qui sont ouverts",
    unite="%", niveaux=NIVEAUX, calcul=inventaire_ouverts, source=SOURCE,
    description="Jeux de données inventoriés dont l'ouverture est « ouvert (publié) », sur "
    "l'ensemble des jeux inventoriés.", sens="hausse",
))  # fmt: skip
