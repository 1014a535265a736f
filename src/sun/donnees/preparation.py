"""What `sun preparer` sets up for the data service, each step idempotent: the shipped
retention rules (never overwriting an edited one), SUN's own processing in the inventory, and
the datasets SUN produces with their files (written only when their data changed)."""

from collections.abc import Callable

from sun.donnees.catalogue.regeneration import regenerer
from sun.donnees.conservation.services import charger_defauts
from sun.donnees.inventaire.jeux_sun import synchroniser_jeux_sun
from sun.donnees.inventaire.synchronisation import synchroniser_traitements_sun

INDICATEURS = "pilotage.indicateurs"  # declared by sun.pilotage.donnees_ouvertes


def preparer_donnees(*, ecrire: Callable[[str], None] = print) -> None:
    regles = charger_defauts()
    ecrire(f"Tableau de gestion : {len(regles.crees)} règle(s) livrée(s) ajoutée(s), "
           f"{len(regles.inchanges) + len(regles.modifies)} déjà là.")  # fmt: skip
    ecrire(str(synchroniser_traitements_sun()))
    ecrire("Catalogue des données : " + regenerer().resume() + ".")
    jeux = synchroniser_jeux_sun()
    ecrire(f"Inventaire, jeux produits par SUN : {jeux.crees} ajouté(s), {jeux.modifies} mis à "
           f"jour, {jeux.supprimes} retiré(s), {jeux.inchanges} inchangé(s).")  # fmt: skip


def publier_les_indicateurs(*, ecrire: Callable[[str], None] = print) -> None:
    """Once the indicators are computed (some count the catalogue and the rules just loaded):
    the dataset of their values, again if they changed."""
    ecrire("Catalogue des données, valeurs des indicateurs : "
           + regenerer([INDICATEURS]).resume() + ".")  # fmt: skip
