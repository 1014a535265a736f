"""The national declaration file of AGEC art. 58 (code de la commande publique R2196-1): one row
per category with purchases in the year, the columns of the Table Schema
`schema-declaration-biens-reemploi-reutilisation-recycle` 0.1.0 (copied in `schemas/`),
comma-separated, UTF-8, amounts in euros excluding VAT with a dot.

The buyer's SIRET and name come from the settings SUN_PARC_SIRET and SUN_PARC_RAISON_SOCIALE;
without a valid SIRET the file is refused (the portal would reject it)."""

import io
import json
import re
from functools import cache
from pathlib import Path

from django.conf import settings

from sun.core.tableur import ecrivain_csv
from sun.parc.cycle_vie import RefusCycleVie
from sun.parc.referentiel import CategorieAchat
from sun.parc.taux import achats

SCHEMA = (
    Path(__file__).parent
    / "schemas"
    / ("schema-declaration-biens-reemploi-reutilisation-recycle_0.1.0.json")
)


@cache
def schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def colonnes() -> list[str]:
    return [champ["name"] for champ in schema()["fields"]]


def organisme() -> tuple[str, str]:
    siret = re.sub(r"\s", "", getattr(settings, "SUN_PARC_SIRET", "") or "")
    raison = (getattr(settings, "SUN_PARC_RAISON_SOCIALE", "") or "").strip()
    return siret, raison


def manque() -> str:
    """Why the file cannot be produced (empty when it can)."""
    siret, raison = organisme()
    if not siret:
        return ("Le SIRET du Département n'est pas renseigné : le fichier de déclaration ne peut "
                "pas être produit. Demandez à l'administrateur du site de le renseigner (réglage "
                "SUN_PARC_SIRET).")  # fmt: skip
    if not re.fullmatch(r"\d{14}", siret):
        return (f"Le SIRET renseigné (« {siret} », réglage SUN_PARC_SIRET) n'a pas 14 chiffres : "
                "le fichier de déclaration ne peut pas être produit. Demandez à l'administrateur "
                "du site de le corriger.")  # fmt: skip
    if not raison:
        return ("La raison sociale du Département n'est pas renseignée : le fichier de "
                "déclaration ne peut pas être produit. Demandez à l'administrateur du site de la "
                "renseigner (réglage SUN_PARC_RAISON_SOCIALE).")  # fmt: skip
    return ""


def _euros(montant) -> str:
    return f"{montant:.2f}"


def _commentaire(p: achats.PartsCategorie) -> str:
    morceaux = [f"{p.lignes} ligne(s) d'achat"]
    if p.categorie == CategorieAchat.INFORMATIQUE:
        morceaux.append(f"{p.equipements} équipement(s) inventorié(s) acquis dans l'année")
    return "Source : " + achats.SOURCE + " ; " + ", ".join(morceaux)


def lignes(annee: int) -> list[list]:
    """The header then one row per category with purchases (the IT category always)."""
    siret, raison = organisme()
    rangs = [colonnes()]
    for p in achats.parts(annee):
        if p.vide and p.categorie != CategorieAchat.INFORMATIQUE:
            continue
        rangs.append([annee, siret, raison, p.libelle, _euros(p.total), _euros(p.reemploi),
                      _euros(p.dons), _euros(p.recycle), _commentaire(p)])  # fmt: skip
    return rangs


def fichier(annee: int) -> str:
    """The CSV text; refused (RefusCycleVie) without a valid SIRET and name."""
    if message := manque():
        raise RefusCycleVie(message, "siret")
    tampon = io.StringIO()
    ecrivain_csv(tampon, lineterminator="\n").writerows(lignes(annee))
    return tampon.getvalue()


def nom_du_fichier(annee: int) -> str:
    return f"declaration-achats-reemploi-{annee}.csv"
