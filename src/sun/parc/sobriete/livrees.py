"""The measures shipped with SUN (`mesures-livrees.json`): the Ecoindex of the public pages
of SUN's demonstration site, taken when the release was prepared (`sun parc ecoindex --url …
--livrer`). The public page shows them, labelled as such, until the site has measured its own
pages; they are never written to the database."""

import json
from datetime import datetime
from pathlib import Path

from sun.parc.models import MesureEcoindex
from sun.parc.sobriete import ecoindex

FICHIER = Path(__file__).with_name("mesures-livrees.json")
CHAMPS = ("page", "adresse", "elements_dom", "requetes", "poids_ko", "version_sun", "mesure_le")


def mesures_livrees(fichier: Path = FICHIER) -> list[MesureEcoindex]:
    """The shipped measures as unsaved MesureEcoindex, graded; [] when there is no file."""
    if not fichier.exists():
        return []
    mesures = []
    for ligne in json.loads(fichier.read_text(encoding="utf-8")):
        resultat = ecoindex.calculer(ligne["elements_dom"], ligne["requetes"], ligne["poids_ko"])
        mesures.append(MesureEcoindex(
            page=ligne["page"], adresse=ligne["adresse"], elements_dom=ligne["elements_dom"],
            requetes=ligne["requetes"], poids_ko=ligne["poids_ko"], score=resultat.score,
            note=resultat.note, ges_g=resultat.ges_g, eau_cl=resultat.eau_cl,
            version_sun=ligne["version_sun"],
            mesure_le=datetime.fromisoformat(ligne["mesure_le"]),
        ))  # fmt: skip
    return mesures


def ecrire_livrees(mesures: list[MesureEcoindex], fichier: Path = FICHIER) -> Path:
    lignes = [
        {**{c: getattr(m, c) for c in CHAMPS[:-1]}, "mesure_le": m.mesure_le.isoformat()}
        for m in mesures
    ]
    fichier.write_text(json.dumps(lignes, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return fichier
