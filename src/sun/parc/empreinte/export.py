"""The footprint as CSV rows (page `espace:parc_empreinte_csv`, `sun parc empreinte --csv`):
one row per year × type × site over ten years, the edition and the assumptions in `#` lines
at the top."""

import io

from sun.core.tableur import ecrivain_csv
from sun.parc.empreinte import calcul, pages, queries
from sun.parc.empreinte.facteurs import CRITERES, table_courante
from sun.parc.referentiel import TypeEquipement


def _chiffre(valeur: float, decimales: int = 3) -> str:
    return f"{valeur:.{decimales}f}"


def lignes(annee: int | None = None, edition: str | None = None) -> list[list[str]]:
    annee = annee or pages.annee_courante()
    table = table_courante(edition)
    h = pages.hypotheses(table)
    liste = list(range(annee - pages.ANNEES_SERIE + 1, annee + 1))
    resultats = calcul.annees(pages.groupes(), table, liste, croise=True)
    sites = queries.sites()
    autres = [c for c in table.criteres if c != "gwp"]
    durees = ", ".join(f"{libelle} {duree} ans" for libelle, duree, _ in h.durees)
    entete = [
        [f"# Empreinte du parc informatique, {liste[0]}–{annee}, calculée le {h.date:%d/%m/%Y}"],
        [f"# Facteurs : {h.edition} — {h.source}"],
        ["# Méthode : fabrication (hors usage) amortie linéairement sur la durée de vie prévue, "
         "usage par année détenue ; convention de mi-année ; kg CO2e"],
        [f"# Durées de vie prévues : {durees}"],
        [f"# Mix électrique : {h.mix_texte}"],
        [f"# Achat reconditionné : {round(h.evitement * 100)} % de la fabrication évitée "
         f"(SUN_PARC_EVITEMENT_RECONDITIONNE ; {h.source_evitement})"],
        ["# Types sans facteur dans l'édition, comptés à part sans émission : "
         + ", ".join(TypeEquipement(t).label for t in table.sans_facteur)],
        ["annee", "type", "site", "nombre", "fabrication_amortie_kg_co2e", "usage_kg_co2e",
         "total_kg_co2e", *(f"{c}_{CRITERES[c]}" for c in autres), "edition"],
    ]  # fmt: skip
    corps = []
    for a in liste:
        for (t, site), cumul in sorted(resultats[a].par_type_site.items(),
                                       key=lambda e: (e[0][0], e[0][1] or 0)):  # fmt: skip
            nom = sites[site].nom if site in sites else pages.SANS_SITE
            corps.append([str(a), t, nom, str(int(cumul.nombre)),
                          _chiffre(cumul.fabrication.get("gwp", 0.0)),
                          _chiffre(cumul.usage.get("gwp", 0.0)), _chiffre(cumul.total),
                          *(f"{cumul.total_de(c):.6g}" for c in autres), table.code])  # fmt: skip
        for t, n in sorted(resultats[a].sans_facteur.items()):
            corps.append([str(a), t, "", str(n), "", "", "", *("" for _ in autres),
                          f"{table.code} (sans facteur)"])  # fmt: skip
    return entete + corps


def texte(annee: int | None = None, edition: str | None = None) -> str:
    sortie = io.StringIO()
    ecrivain = ecrivain_csv(sortie, delimiter=";", lineterminator="\n")
    ecrivain.writerows(lignes(annee, edition))
    return sortie.getvalue()
