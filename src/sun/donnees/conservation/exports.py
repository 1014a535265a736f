"""The tableau de gestion as CSV (the columns a file is loaded from: export, edit, load back)
and as a Vitam-style rules referential (`RuleId,RuleType,RuleValue,RuleDescription,
RuleDuration,RuleMeasurement`, ProgrammeVitam data-model annexes): one AppraisalRule (DUA)
per rule. Through sun.core.tableur (no cell read as a formula)."""

from typing import TextIO

from sun.core.tableur import ecrivain_csv
from sun.donnees.conservation import queries
from sun.donnees.conservation.regles import COLONNES
from sun.donnees.models import Unite

MESURES_VITAM = {Unite.ANNEES: "YEAR", Unite.MOIS: "MONTH", Unite.JOURS: "DAY"}
ENTETE_VITAM = ("RuleId", "RuleType", "RuleValue", "RuleDescription", "RuleDuration",
                "RuleMeasurement")  # fmt: skip


def _cellule(valeur) -> str:
    if valeur is None:
        return ""
    return valeur.isoformat() if hasattr(valeur, "isoformat") else str(valeur)


def ecrire_csv(fichier: TextIO) -> int:
    ecrivain = ecrivain_csv(fichier)
    ecrivain.writerow(COLONNES)
    n = 0
    for regle in queries.tableau():
        ecrivain.writerow([_cellule(getattr(regle, c)) for c in COLONNES])
        n += 1
    return n


def _description(regle) -> str:
    parties = [f"Sort final : {regle.get_sort_final_display()}",
               f"point de départ : {regle.get_point_depart_display()}"]  # fmt: skip
    if regle.reference:
        parties.append(f"référence : {regle.reference}")
    if regle.service:
        parties.append(f"service : {regle.service}")
    return " ; ".join(parties)


def ecrire_vitam(fichier: TextIO) -> int:
    ecrivain = ecrivain_csv(fichier)
    ecrivain.writerow(ENTETE_VITAM)
    n = 0
    for regle in queries.tableau().order_by("code"):
        ecrivain.writerow([regle.code, "AppraisalRule", regle.typologie, _description(regle),
                           regle.dua_valeur, MESURES_VITAM[regle.dua_unite]])  # fmt: skip
        n += 1
    return n
