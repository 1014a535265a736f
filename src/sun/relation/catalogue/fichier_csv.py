"""A catalogue as a CSV table, one row per démarche (read by the shared reader: encodings,
separators, bounds), turned into the YAML structure and checked by the same schema."""

from pathlib import Path

from sun.core.imports import FichierIllisible, ouvrir
from sun.relation.catalogue.fichier import CatalogueInvalide, FichierCatalogue, valider

LISTES = ("publics", "documents")
BOOLEENS = ("saisine_electronique", "teleservice_exclusif", "demarche_phare", "reclamation",
            "publiee", "a_verifier")  # fmt: skip
CANAUX = {  # channel type: {csv column: channel field}
    "en_ligne": {"en_ligne_outil": "outil", "en_ligne_url": "url"},
    "telephone": {"telephone": "telephone"},
    "courriel": {"courriel": "courriel"},
    "courrier": {"courrier_adresse": "adresse"},
    "guichet": {"guichet_adresse": "adresse", "guichet_lieux": "lieux"},
}
COLONNES_CANAUX = {c for champs in CANAUX.values() for c in champs}
OUI, NON = {"oui", "o", "vrai", "true", "1", "x"}, {"non", "n", "faux", "false", "0", ""}


def _liste(valeur: str) -> list[str]:
    return [v.strip() for v in (valeur or "").split("|") if v.strip()]


def _ligne(ligne: dict, erreurs: list[str], numero: int) -> dict:
    d: dict = {}
    for colonne, valeur in ligne.items():
        valeur = (valeur or "").strip()
        if colonne in COLONNES_CANAUX or colonne in ("delai_valeur", "delai_unite"):
            continue
        if colonne in LISTES:
            d[colonne] = _liste(valeur)
        elif colonne in BOOLEENS:
            if valeur.lower() not in OUI | NON:
                erreurs.append(f"ligne {numero}, {colonne} : « oui » ou « non » attendu "
                               f"(valeur : « {valeur} »)")  # fmt: skip
            elif valeur:
                d[colonne] = valeur.lower() in OUI
        elif colonne == "delai_annonce_jours":
            d[colonne] = valeur or None
        elif valeur or colonne in ("code", "titre", "resume", "theme", "service", "regime"):
            d[colonne] = valeur
    if (ligne.get("delai_valeur") or "").strip():
        d["delai"] = {"valeur": ligne["delai_valeur"].strip(),
                      "unite": (ligne.get("delai_unite") or "mois").strip() or "mois"}  # fmt: skip
    canaux = []
    for type_, champs in CANAUX.items():
        canal = {champ: (ligne.get(col) or "").strip() for col, champ in champs.items()}
        if any(canal.values()):
            if "lieux" in canal:
                canal["lieux"] = _liste(canal["lieux"])
            canaux.append({"type": type_, **{k: v for k, v in canal.items() if v}})
    d["canaux"] = canaux
    return d


def lire_csv(chemin: Path) -> FichierCatalogue:
    try:
        lecture = ouvrir(chemin)
        if lecture.colonnes is None:
            raise CatalogueInvalide(["Un catalogue CSV doit avoir une ligne d'en-tête."])
        erreurs: list[str] = []
        demarches = [(numero, _ligne(ligne, erreurs, numero)) for numero, ligne in lecture.lignes]
    except FichierIllisible as exc:
        raise CatalogueInvalide([str(exc)]) from exc
    toutes: list[str] = list(erreurs)
    for numero, d in demarches:
        try:
            valider({"demarches": [d]}, prefixe=(f"ligne {numero}",))
        except CatalogueInvalide as exc:
            toutes += [e.replace(f"ligne {numero}.demarches.0.", f"ligne {numero}, ")
                       for e in exc.erreurs]  # fmt: skip
    if toutes:
        raise CatalogueInvalide(toutes)
    return valider({"demarches": [d for _, d in demarches]})
