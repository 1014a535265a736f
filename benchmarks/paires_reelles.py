"""Real labelled pairs of mediation places, for measuring duplicate detection.

The records come from the raw inputs of the national cartography pipeline
(anct-cartographie-nationale/mednum-cli, `assets/input/<source>/`) and from three outputs it
published (client-application); the pairs were read and labelled by hand. See
`donnees/paires_reelles/LISEZMOI.md` for provenance, licences, anonymisation and limits.

No Django needed:

    from paires_reelles import charger
    lieux, paires = charger()   # paires: (id_a, id_b, doublon, genre)

Phones and e-mails are anonymous tokens (`t:…`, `c:…`, several e-mails joined by `|`): equal
values give equal tokens, nothing more can be read from them.
"""

import csv
from collections import Counter
from pathlib import Path

DOSSIER = Path(__file__).resolve().parent / "donnees" / "paires_reelles"
COLONNES = [
    "id",
    "source",
    "nom",
    "adresse",
    "code_postal",
    "commune",
    "code_insee",
    "latitude",
    "longitude",
    "precision",
    "pivot",
    "typologie",
    "date_maj",
    "telephone",
    "courriels",
]


def _nombre(valeur: str) -> float | None:
    return float(valeur) if valeur.strip() else None


def charger(dossier: Path = DOSSIER) -> tuple[list[dict], list[tuple[str, str, bool, str]]]:
    """Return (records, labelled pairs).

    Records are dicts with the columns of `lieux.csv` (strings; latitude and longitude as
    float or None). Pairs are (id_a, id_b, doublon, genre) with doublon a bool and genre
    `inter-sources` or `meme-source`; both ids are always present among the records.
    """
    with open(dossier / "lieux.csv", encoding="utf-8", newline="") as f:
        lieux = []
        for ligne in csv.DictReader(f):
            lieu = {c: ligne[c] for c in COLONNES}
            lieu["latitude"] = _nombre(lieu["latitude"])
            lieu["longitude"] = _nombre(lieu["longitude"])
            lieux.append(lieu)
    connus = {lieu["id"] for lieu in lieux}
    paires = []
    with open(dossier / "paires.csv", encoding="utf-8", newline="") as f:
        for ligne in csv.DictReader(f):
            a, b = ligne["id_a"], ligne["id_b"]
            if a not in connus or b not in connus:
                raise ValueError(f"paire inconnue : {a} / {b}")
            if ligne["doublon"] not in ("oui", "non"):
                raise ValueError(f"doublon illisible : {ligne['doublon']!r}")
            paires.append((a, b, ligne["doublon"] == "oui", ligne["genre"]))
    return lieux, paires


def raisons(dossier: Path = DOSSIER) -> dict[tuple[str, str], str]:
    """The written justification of each labelled pair, keyed by (id_a, id_b)."""
    with open(dossier / "paires.csv", encoding="utf-8", newline="") as f:
        return {(ligne["id_a"], ligne["id_b"]): ligne["raison"] for ligne in csv.DictReader(f)}


def _resume() -> None:
    lieux, paires = charger()
    par_id = {lieu["id"]: lieu for lieu in lieux}
    print(f"{len(lieux)} lieux, {len(paires)} paires étiquetées")
    oui = sum(p[2] for p in paires)
    print(f"  doublons : {oui} ; non-doublons : {len(paires) - oui}")
    genres = Counter((p[3], p[2]) for p in paires)
    for genre in ("inter-sources", "meme-source"):
        print(f"  {genre} : {genres[(genre, True)]} oui, {genres[(genre, False)]} non")
    localises = sum(lieu["latitude"] is not None for lieu in lieux)
    print(f"  lieux localisés : {localises} ; avec code INSEE : "
          f"{sum(bool(lieu['code_insee']) for lieu in lieux)}")  # fmt: skip
    print("lieux par source (dans les paires / au total) :")
    dans_paires = Counter(par_id[i]["source"] for i in {x for p in paires for x in p[:2]})
    for source, total in Counter(lieu["source"] for lieu in lieux).most_common():
        print(f"  {source:32} {dans_paires[source]:4} / {total}")


if __name__ == "__main__":
    _resume()
