"""From a raw row (v1, v0.1 or mapped) to clean values of the standard v1."""

from datetime import date
from functools import lru_cache

from sun.inclusion.lieux import normalisation as n
from sun.inclusion.lieux.standard import (
    CHAMPS_V1,
    ENUMERATIONS,
    MARQUEURS_V01,
    MARQUEURS_V1,
    RENOMMAGES_V01,
    VALEURS_V01,
)


def detecter_format(colonnes: set[str]) -> str | None:
    """« v1 », « v0.1 » or None (a mapping file is then needed)."""
    colonnes = {c.strip().lower() for c in colonnes}
    if colonnes & MARQUEURS_V1 and {"nom", "commune"} <= colonnes:
        return "v1"
    if colonnes & MARQUEURS_V01 and {"nom", "commune"} <= colonnes:
        return "v0.1"
    return None


def v01_vers_v1(ligne: dict, signalements: n.Signalements) -> dict:
    """Rename v0.1 fields and translate their values (`;`-separated, long labels)."""
    resultat = {RENOMMAGES_V01.get(k, k): v for k, v in ligne.items()}
    if "courriels" in resultat:
        resultat["courriels"] = n.decouper(resultat["courriels"], ";")
    if "autres_formations_labels" in resultat:
        resultat["autres_formations_labels"] = n.decouper(resultat["autres_formations_labels"], ";")
    if isinstance(resultat.get("site_web"), str):
        resultat["site_web"] = n.decouper(resultat["site_web"].replace(",", ";"), ";")
    cibles: dict[str, list[str]] = {}
    for champ_v01, table in VALEURS_V01.items():
        valeurs = n.decouper(ligne.get(champ_v01, ""), ";")
        if champ_v01 != "services":
            resultat.pop(champ_v01, None)
        index = {n.cle_souple(k): v for k, v in table.items()}
        for valeur in valeurs:
            # v0.1 labels are often « Court : explication » — the short part identifies them.
            correspondance = index.get(n.cle_souple(valeur)) or index.get(
                n.cle_souple(valeur.split(" : ")[0])
            )
            if correspondance is None:
                signalements.ajouter(
                    champ_v01, valeur, "valeur v0.1 sans équivalent en v1", "suppression"
                )
                continue
            for champ_v1, valeur_v1 in correspondance:
                cibles.setdefault(champ_v1, [])
                if valeur_v1 not in cibles[champ_v1]:
                    cibles[champ_v1].append(valeur_v1)
    resultat["services"] = []
    for champ_v1, valeurs in cibles.items():
        existantes = n.decouper(resultat.get(champ_v1, []), "|") if champ_v1 not in cibles else []
        resultat[champ_v1] = list(dict.fromkeys([*existantes, *valeurs]))
    return resultat


@lru_cache(maxsize=1024)
def _cle(colonne: str) -> str:
    return colonne.strip().lower()


def normaliser(ligne: dict, aujourd_hui: date, signalements: n.Signalements) -> dict:
    """Clean values of the 32 fields (lists for multi-valued fields), reporting every change."""
    valeur = {_cle(k) if isinstance(k, str) else k: v for k, v in ligne.items()}
    propre: dict = {}
    propre["id"] = n.texte(valeur.get("id"))
    propre["pivot"] = n.pivot(valeur.get("pivot"), signalements)
    propre["nom"] = n.texte(valeur.get("nom"))
    if not propre["nom"]:
        signalements.ajouter("nom", "", "nom du lieu absent : ligne refusée", "rejet")
    propre["commune"] = n.texte(valeur.get("commune"))
    propre["code_postal"] = n.code(valeur.get("code_postal"), 5, "code_postal", signalements)
    propre["code_insee"] = n.code(valeur.get("code_insee"), 5, "code_insee", signalements)
    propre["adresse"] = n.texte(valeur.get("adresse"))
    propre["complement_adresse"] = n.texte(valeur.get("complement_adresse"))
    propre["latitude"] = n.nombre(valeur.get("latitude"), "latitude", signalements)
    propre["longitude"] = n.nombre(valeur.get("longitude"), "longitude", signalements)
    propre["typologie"] = n.typologies(n.decouper(valeur.get("typologie")), signalements)
    propre["telephone"] = n.telephone(valeur.get("telephone"), signalements)
    propre["courriels"] = n.courriels(n.decouper(valeur.get("courriels")), signalements)
    propre["site_web"] = n.urls("site_web", n.decouper(valeur.get("site_web")), signalements)
    propre["horaires"] = n.horaires(valeur.get("horaires"), signalements)
    propre["presentation_resume"] = n.resume(valeur.get("presentation_resume"), signalements)
    propre["presentation_detail"] = str(valeur.get("presentation_detail") or "").strip()
    propre["source"] = n.texte(valeur.get("source"))
    propre["structure_parente"] = n.texte(valeur.get("structure_parente"))
    propre["date_maj"] = n.date_maj(valeur.get("date_maj"), aujourd_hui, signalements)
    for champ in ENUMERATIONS:
        propre[champ] = n.enumeration(champ, n.decouper(valeur.get(champ)), signalements)
    propre["autres_formations_labels"] = n.decouper(valeur.get("autres_formations_labels"))
    for champ in ("fiche_acces_libre", "prise_rdv"):
        liens = n.urls(champ, n.decouper(valeur.get(champ)), signalements)
        propre[champ] = liens[0] if liens else ""
    assert set(propre) == set(CHAMPS_V1)
    return propre
