"""Regenerate the shipped `boavizta-2.5.0.csv` with boaviztapi itself, in process, offline.

boaviztapi is never a dependency of SUN (about 380 MB with scipy and pandas, seconds to
import): it comes with the optional extra `pip install 'sun[boavizta]'` (boaviztapi==2.5.0,
pinned: the internals used here are not a documented public API) and is imported inside the
function only. Call chain (NOTES-parc.md §6.2): archetype → DTO with a French usage → mapper →
compute_impacts over the archetype's lifetime, criteria gwp, adpe, adpf, pe."""

import csv
import importlib
import io
from pathlib import Path

from sun.parc.empreinte.facteurs import COLONNES, DOSSIER, analyser, charger_table

VERSION = "2.5.0"
FICHIER = DOSSIER / f"boavizta-{VERSION}.csv"
# SUN type → (boaviztapi archetype, DTO class of boaviztapi.dto.device.user_terminal).
ARCHETYPES = {
    "portable": ("laptop-pro", "Laptop"),
    "poste_fixe": ("desktop-pro", "Desktop"),
    "ecran": ("monitor-default", "Monitor"),
    "smartphone": ("smartphone-default", "Smartphone"),
    "tablette": ("tablet-default", "Tablet"),
}
CRITERES = ("gwp", "adpe", "adpf", "pe")
UNITES = {"gwp": "kg CO2e", "adpe": "kg Sb éq.", "adpf": "MJ", "pe": "MJ"}
INSTALLER = ("boaviztapi n'est pas installé : il n'est pas nécessaire pour utiliser SUN, qui "
             "livre la table déjà calculée. Pour la régénérer, installez l'extra facultatif : "
             "pip install 'sun[boavizta]' (boaviztapi {version}, environ 380 Mo).")  # fmt: skip


class BoaviztaAbsent(RuntimeError):
    """boaviztapi cannot be imported; the message says how to install it."""


def _importer(nom: str):
    try:
        return importlib.import_module(nom)
    except ImportError as exc:
        raise BoaviztaAbsent(INSTALLER.format(version=VERSION)) from exc


def _parametre(archetype: dict, cle: str) -> dict:
    valeur = (archetype.get("USAGE") or {}).get(cle) or {}
    return valeur if isinstance(valeur, dict) else {"default": valeur}


def _mesure(resultat: dict, critere: str, phase: str):
    """(value, min, max) of `phase` ("embedded" or "use"), None when not implemented."""
    bloc = (resultat.get(critere) or {}).get(phase)
    if not isinstance(bloc, dict) or bloc.get("value") is None:
        return None
    return bloc["value"], bloc.get("min"), bloc.get("max")


def _texte(valeur) -> str:
    return "" if valeur is None else f"{float(valeur):g}"


def calculer_lignes() -> list[dict]:
    """The rows of the boavizta CSV, computed by boaviztapi (imported here, not before)."""
    _importer("boaviztapi")
    archetypes = _importer("boaviztapi.data.archetype")
    terminaux = _importer("boaviztapi.dto.device.user_terminal")
    usages = _importer("boaviztapi.dto.usage.usage")
    impacts = _importer("boaviztapi.compute.impacts_computation")
    lignes = []
    for type_, (nom, classe) in ARCHETYPES.items():
        archetype = archetypes.get_user_terminal_archetype(nom)
        if not archetype:
            raise ValueError(f"Archétype boaviztapi introuvable : « {nom} ».")
        heures = float(_parametre(archetype, "hours_life_time").get("default"))
        dto = getattr(terminaux, classe)(usage=usages.Usage(usage_location="FRA"))
        appareil = terminaux.mapper_user_terminal(dto, archetype=archetype)
        resultat = impacts.compute_impacts(model=appareil, selected_criteria=list(CRITERES),
                                           duration=heures)  # fmt: skip

        def ligne(critere, phase, valeur, bas=None, haut=None, unite="", periode="",
                  type_=type_, nom=nom):  # fmt: skip
            lignes.append({"type": type_, "critere": critere, "phase": phase,
                           "valeur": _texte(valeur), "min": _texte(bas), "max": _texte(haut),
                           "unite": unite, "periode": periode, "equipement_source": nom})  # fmt: skip

        for critere in CRITERES:
            if (m := _mesure(resultat, critere, "embedded")) is not None:
                ligne(critere, "fabrication", m[0], unite=UNITES[critere])
            if (m := _mesure(resultat, critere, "use")) is not None:
                bas, haut = (m[1], m[2]) if critere == "gwp" else (None, None)
                ligne(critere, "usage", m[0], bas, haut, UNITES[critere], "duree_de_vie")
        ligne("duree_de_vie", "parametre", heures, unite="h")
        puissance = _parametre(archetype, "avg_power")
        if puissance.get("default") is not None:
            ligne("puissance", "parametre", puissance["default"], puissance.get("min"),
                  puissance.get("max"), "W")  # fmt: skip
        ratio = _parametre(archetype, "use_time_ratio")
        if ratio.get("default") is not None:
            ligne("taux_utilisation", "parametre", ratio["default"])
    return lignes


def regenerer(chemin: Path = FICHIER) -> tuple[Path, int]:
    """Write the boavizta CSV at `chemin` (checked by the same validation as the shipped file
    before it replaces anything); (path, rows)."""
    lignes = calculer_lignes()
    sortie = io.StringIO()
    ecrivain = csv.DictWriter(sortie, fieldnames=COLONNES, lineterminator="\n")
    ecrivain.writeheader()
    ecrivain.writerows(lignes)
    analyser(sortie.getvalue(), Path(chemin).name)
    Path(chemin).write_text(sortie.getvalue(), encoding="utf-8")
    charger_table.cache_clear()
    return Path(chemin), len(lignes)
