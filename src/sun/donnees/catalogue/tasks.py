"""The daily job of the catalogue: regenerate the datasets SUN produces whose data changed
(sun.core.taches.quotidien). Loaded by `sun.donnees.tasks`, which the task registry discovers."""

from sun.core.taches import quotidien


def regenerer_jeux() -> str:
    from sun.donnees.catalogue.regeneration import regenerer
    from sun.donnees.inventaire.jeux_sun import synchroniser_jeux_sun

    resume = regenerer().resume()
    synchroniser_jeux_sun()  # their entries in the inventory follow the catalogue
    return "Jeux de données produits par SUN : " + resume


quotidien.declarer("donnees.regenerer", "Régénération des jeux de données produits par SUN",
                   regenerer_jeux)  # fmt: skip
