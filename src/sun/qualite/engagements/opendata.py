"""The results of « Nos résultats » as open data, one row per figure, in the fields of the
Table Schema `etalab/schema-impact-service-public-numerique` 0.5.0 (NOTES-relation §4.2, §5.4).

Only measured figures become rows (`valeur` is required by the schema): a figure not measured,
or hidden under 5, is absent, never written as 0. A figure of the year published has
`est_periode` true, `date_debut` the first day and `date` the last day of that period; a
figure over every record kept so far is a stock: `est_periode` false, `date` the date of the
latest data, `date_debut` empty."""

import csv
import io
from datetime import datetime

from sun.qualite.engagements.resultats import Chiffre, Resultats

SCHEMA = "https://github.com/etalab/schema-impact-service-public-numerique/raw/v0.5.0/schema.json"
CHAMPS = (
    "administration_rattachement", "nom_service_public_numerique", "indicateur", "valeur",
    "unite_mesure", "est_cible", "type_indicateur", "frequence_monitoring", "date",
    "est_periode", "date_debut", "est_automatise", "source_collecte", "denom_insee",
    "code_insee", "dataviz_wish", "commentaires",
)  # fmt: skip
UNITES = {"%": "%", "/10": "note sur 10", "jours": "jour"}
# Counts are « usage »; how well the service does is « impact ».
USAGE = {"qualite.nombre_avis", "relation.demandes"}


def _unite(c: Chiffre) -> str:
    return UNITES.get(c.unite, "unité")


def _valeur(c: Chiffre) -> str:
    v = c.valeur
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def ligne(c: Chiffre, organisation: str, nom: str, code_departement: str) -> dict[str, str]:
    commentaires = " ".join(filter(None, [c.definition, c.note]))
    return {
        "administration_rattachement": organisation,
        "nom_service_public_numerique": nom,
        "indicateur": c.libelle,
        "valeur": _valeur(c),
        "unite_mesure": _unite(c),
        "est_cible": "false",
        "type_indicateur": "usage" if c.code in USAGE else "impact",
        "frequence_monitoring": "quotidienne",
        "date": (
            c.periode.au if c.periode else c.date.date() if isinstance(c.date, datetime) else c.date
        ).isoformat(),
        "est_periode": "true" if c.periode else "false",
        "date_debut": c.periode.du.isoformat() if c.periode else "",
        "est_automatise": "true",
        "source_collecte": f"script (SUN) : {c.source}",
        "denom_insee": "DEP",
        "code_insee": code_departement,
        "dataviz_wish": "barchart" if c.unite == "%" else "",
        "commentaires": commentaires,
    }


def lignes(resultats: Resultats, organisation: str, code_departement: str) -> list[dict]:
    """The rows of one page: its own figures, then (département page) those of each service."""
    nom = resultats.service.nom if resultats.service else f"{organisation} (tous les services)"
    rangs = [
        ligne(c, organisation, nom, code_departement)
        for c in resultats.chiffres
        if c.mesure and c.date is not None
    ]
    for ps in resultats.par_service:
        for c in (ps.satisfaction, ps.taux_decroche, ps.part_dans_les_temps):
            if c.mesure and c.date is not None:
                rangs.append(ligne(c, organisation, ps.service.nom, code_departement))
    return rangs


def csv_texte(resultats: Resultats, organisation: str, code_departement: str) -> str:
    """The CSV (comma, UTF-8, header of the schema's fields in its order)."""
    sortie = io.StringIO()
    ecrivain = csv.DictWriter(sortie, fieldnames=CHAMPS, lineterminator="\r\n")
    ecrivain.writeheader()
    ecrivain.writerows(lignes(resultats, organisation, code_departement))
    return sortie.getvalue()
