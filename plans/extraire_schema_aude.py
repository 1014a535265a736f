"""Builds plans/aude.yaml from the text of the Aude schéma (../shared/seed/): its 5 axes,
11 orientations with their objectives, and each numbered action (« 1.1. … ») with its bullet
points as steps and its paragraphs as description, in the document's own words.

Run once by hand (`python plans/extraire_schema_aude.py SEED.txt > plans/aude.yaml`); the
YAML is the file kept and loaded. Indicators are written by hand in plans/aude-indicateurs.yaml
and appended.
"""

import re
import sys
from pathlib import Path

import yaml

AXE = re.compile(r"^AXE (\d) [-–] (.+?)\s*$")
ORIENTATION = re.compile(r"^Orientation (?:n°)?(\d+) : (.+?)\s*$")
ACTION = re.compile(r"^(\d+)\.(\d+)\.? (.+?)\s*$")
FIN = re.compile(r"^Conclusion\s*$")
# The document writes the axes in capitals without accents.
TITRES_AXES = {"1": "Numérique et inclusion", "2": "Numérique et relations usagers",
               "3": "Numérique responsable", "4": "Numérique et attractivité", "5": "Numérique et pilotage"}  # fmt: skip
# Objectives written without dashes in the document (orientation 1), split by hand.
OBJECTIFS_SANS_TIRETS = {
    "1": ["Fédérer les acteurs de la médiation numérique",
          "Adapter les réponses « numériques » aux spécificités locales",
          "Accompagner les plus éloignés du numérique"],
}  # fmt: skip


def nettoyer(texte: str) -> str:
    texte = re.sub(r"<[^>]+>", " ", texte).replace("**", "").replace("*", "")
    return " ".join(texte.split()).strip(" ;,")


def objectifs(ligne: str) -> list[str]:
    apres = re.split(r"Objectifs? :", nettoyer(ligne), maxsplit=1)[-1]
    return [nettoyer(o) for o in re.split(r"(?:^|\s)- ", apres) if nettoyer(o)]


def extraire(texte: str) -> dict:
    lignes = texte.splitlines()
    debut = next(
        i
        for i, l in enumerate(lignes)
        if l.startswith("AXE 1 - NUMERIQUE ET INCLUSION") and i > 700
    )
    axes, axe, orientation, action = [], None, None, None
    for ligne in lignes[debut:]:
        if FIN.match(ligne):
            break
        if m := AXE.match(ligne):
            axe = {"code": f"A{m.group(1)}", "titre": TITRES_AXES[m.group(1)], "orientations": []}
            axes.append(axe)
            orientation = action = None
        elif m := ORIENTATION.match(ligne):
            orientation = {
                "code": m.group(1),
                "titre": nettoyer(m.group(2)),
                "objectifs": [],
                "actions": [],
            }
            axe["orientations"].append(orientation)
            action = None
        elif orientation is not None and "Objectif" in ligne and ("<" in ligne or "\t" in ligne):
            orientation["objectifs"] = OBJECTIFS_SANS_TIRETS.get(orientation["code"]) or objectifs(
                ligne
            )
        elif (
            orientation is not None
            and (m := ACTION.match(ligne))
            and m.group(1) == orientation["code"]
        ):
            action = {"code": f"{m.group(1)}.{m.group(2)}", "titre": nettoyer(m.group(3)),
                      "description": "", "etapes": []}  # fmt: skip
            orientation["actions"].append(action)
        elif action is not None and ligne.startswith("- "):
            action["etapes"].append(nettoyer(ligne[2:]))
        elif (
            action is not None
            and ligne.strip()
            and not ligne.startswith((" ", "\t", "<", "---", "|"))
        ):
            paragraphe = nettoyer(ligne)
            if paragraphe and not re.match(r"^\d+\.\d+", paragraphe):
                action["description"] = (action["description"] + "\n\n" + paragraphe).strip()
        elif action is not None and ligne.strip().startswith("- ") and action["etapes"]:
            element = nettoyer(re.sub(r"^o\s+", "", ligne.strip()[2:]))
            if action["etapes"][-1].endswith(":") or " : — " in action["etapes"][-1]:
                action["etapes"][-1] += " — " + element  # an item of the list the step announces
            else:
                action["etapes"].append(element)
    for axe in axes:
        for orientation in axe["orientations"]:
            for action in orientation["actions"]:
                if not action["description"]:
                    del action["description"]
    return {
        "plan": {
            "code": "aude-schema-usages-numerique",
            "titre": "Schéma des usages du numérique du Département de l'Aude",
            "debut": 2024, "fin": 2028, "version": "1",
            "source": "Département de l'Aude, Schéma des usages du numérique (document adopté)",
        },
        "axes": axes,
    }  # fmt: skip


if __name__ == "__main__":
    plan = extraire(Path(sys.argv[1]).read_text(encoding="utf-8"))
    indicateurs = Path(__file__).with_name("aude-indicateurs.yaml")
    plan.update(yaml.safe_load(indicateurs.read_text(encoding="utf-8")))
    print(
        "# Plan du Schéma des usages du numérique du Département de l'Aude, extrait du document par"
    )
    print(
        "# plans/extraire_schema_aude.py : axes, orientations, objectifs et actions avec leurs termes."
    )
    print(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=100))
