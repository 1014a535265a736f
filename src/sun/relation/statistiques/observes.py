"""The three figures Démarches Simplifiées shows users (« dans le meilleur des cas », « dans la
plupart des cas », « dans les cas plus longs »), per démarche, from
`sun.relation.catalogue.delai_observe` (the same figures as the public pages)."""

from datetime import date

from sun.relation.catalogue.delai_observe import JOURS_RECENTS, SEUIL, delais_observes
from sun.relation.statistiques.tableaux import Ligne, Tableau


def tableau_delais_observes(demarches: list[int], noms: dict, aujourd_hui: date) -> Tableau:
    observes = delais_observes(demarches, aujourd_hui)
    tableau = Tableau(
        "delais_observes",
        "Délai observé, tel que l'indique le portail des démarches",
        [
            "Démarche",
            "Demandes closes",
            "Meilleur des cas (jours)",
            "Plupart des cas (jours)",
            "Cas plus longs (jours)",
        ],
        unite_graphique="jours (plupart des cas)",
        note=f"Demandes closes dans les {JOURS_RECENTS} jours précédant le "
        f"{aujourd_hui:%d/%m/%Y}, triées par durée et coupées en trois tiers : 9 sur 10 de "
        "chaque tiers sont décidées dans le délai indiqué (méthode de Démarches "
        f"Simplifiées). Démarches de moins de {SEUIL} demandes closes : non affichées.",
    )
    for demarche_id, d in sorted(observes.items(), key=lambda x: noms.get(x[0], "")):
        libelle = noms.get(demarche_id, str(demarche_id))
        tableau.lignes.append([libelle, d.nombre, d.rapide, d.habituel, d.long])
        tableau.graphique.append(Ligne(str(demarche_id), libelle, d.habituel))
    return tableau
