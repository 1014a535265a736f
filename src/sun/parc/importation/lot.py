"""One batch of accepted rows → the database: sites met for the first time, one read of what
the source already has for these keys, then the new items (with their « entrée » event and,
for those that left, their exit), the changed ones (an « import » event when their state
changes), the unchanged ones only counted. An item SUN has taken out of the fleet (its exit
recorded) stays out whatever the source says; a decommissioning date completed in SUN is
kept when the source has none."""

from sun.core.imports import Rapport
from sun.parc.importation import ecriture, queries
from sun.parc.models import Equipement, EvenementCycleVie
from sun.parc.referentiel import Etat

Genre = EvenementCycleVie.Genre
N = len(queries.COMPARES)
SORTIE, CATEGORIE = N + 1, N + 2  # positions in a row of queries.existants
CHAMPS_SITE = {"site", "entite", "lieu"}


def ecrire_lot(importeur, valeurs: list[dict], rapport: Rapport) -> None:
    source, lus = importeur.source, importeur.contexte.lus
    avec_site = bool(CHAMPS_SITE & lus)
    if avec_site:
        _sites(importeur, valeurs, rapport)
    # A source that had nothing before this import: every key is new (the file's repeated keys
    # are refused before), no need to look.
    connus = {} if importeur.source_vide else queries.existants(source, [v["cle"] for v in valeurs])
    nouveaux, modifies, evenements, sorties = [], [], [], []
    champs: list[str] | None = None
    for v in valeurs:
        v.pop("_numero")
        nom_site, sortie = v.pop("_site"), v.pop("_sortie")
        if avec_site:
            v["site_id"] = importeur.sites.get(nom_site) if nom_site else None
        if champs is None:
            champs = [c for c in queries.COMPARES if c in v]
        connu = connus.get(v["cle"])
        if connu is None:
            v["demonstration"] = importeur.demonstration
            nouveaux.append((v, sortie))
            continue
        objet = _comparer(importeur, v, connu, champs, sortie, evenements, sorties, rapport)
        if objet is None:
            rapport.inchanges += 1
        else:
            modifies.append(objet)
    if modifies:
        ecriture.mettre_a_jour(modifies, [*champs, "categorie_deee"])
    _creer(importeur, nouveaux, evenements, sorties, rapport)
    ecriture.noter(evenements)
    if sorties:
        ecriture.creer_sorties(sorties)
        rapport.autres["sorties"] = rapport.autres.get("sorties", 0) + len(sorties)
    rapport.modifies += len(modifies)


def _sites(importeur, valeurs: list[dict], rapport: Rapport) -> None:
    nouveaux = {v["_site"] for v in valeurs if v["_site"]} - importeur.sites.keys()
    if not nouveaux:
        return
    importeur.sites = ecriture.creer_sites(nouveaux, demonstration=importeur.demonstration)
    rapport.autres["sites_crees"] = rapport.autres.get("sites_crees", 0) + len(nouveaux)
    for nom in sorted(nouveaux):
        rapport.noter_changement(f"nouveau site : {nom}")


def _comparer(importeur, v: dict, connu: tuple, champs: list[str], sortie, evenements: list,
              sorties: list, rapport: Rapport) -> Equipement | None:  # fmt: skip
    """The item to update (None: unchanged), with its event and exit noted aside."""
    actuel = dict(zip(queries.COMPARES, connu[1 : N + 1], strict=True))
    deja_sorti = connu[SORTIE] is not None
    if deja_sorti and v["etat"] != Etat.SORTI and actuel["etat"] == Etat.SORTI:
        v["etat"], v["date_reforme"] = Etat.SORTI, actuel["date_reforme"]
        rapport.autres["sorti_garde"] = rapport.autres.get("sorti_garde", 0) + 1
    if v.get("date_reforme") is None and v["etat"] in (Etat.REFORME, Etat.SORTI):
        v["date_reforme"] = actuel["date_reforme"]
    changements = {c: (actuel[c], v[c]) for c in champs if actuel[c] != v[c]}
    if not changements:
        return None
    pk = connu[0]
    categorie = v["categorie_deee"] if "type" in changements else connu[CATEGORIE]
    objet = Equipement(pk=pk, categorie_deee=categorie, **{c: v[c] for c in champs})
    if "etat" in changements:
        evenements.append(_evenement(importeur, pk, Genre.IMPORT, actuel["etat"], v["etat"]))
    if sortie is not None and v["etat"] == Etat.SORTI and not deja_sorti:
        sorties.append(_sortie(importeur, pk, sortie))
    if len(rapport.apercu) < 200:
        detail = " ; ".join(f"{c} : « {a if a is not None else ''} » → « {b if b is not None else ''} »"
                            for c, (a, b) in changements.items())  # fmt: skip
        rapport.noter_changement(f"modifié : {_nom(v)} — {detail}")
    return objet


def _creer(importeur, nouveaux: list[tuple[dict, tuple | None]], evenements: list,
           sorties: list, rapport: Rapport) -> None:  # fmt: skip
    """Insert the new items, their « entrée » events (in SQL, from the rows just inserted) and
    the exits of those that left."""
    if not nouveaux:
        return
    avant = queries.cle_max()
    ecriture.inserer([v for v, _ in nouveaux])
    ecriture.noter_entrees(importeur.source, avant, importeur.jour, importeur.commentaire,
                           importeur.auteur_id)  # fmt: skip
    sortis = [(v["cle"], sortie) for v, sortie in nouveaux if sortie is not None]
    pks = queries.cles_vers_pk(importeur.source, [cle for cle, _ in sortis]) if sortis else {}
    sorties += [_sortie(importeur, pks[cle], sortie) for cle, sortie in sortis]
    for v, _ in nouveaux[: max(0, 200 - len(rapport.apercu))]:
        rapport.noter_changement(f"nouveau : {_nom(v)}")
    rapport.nouveaux += len(nouveaux)


def _evenement(importeur, pk: int, genre: str, avant: str, apres: str) -> dict:
    return {"equipement_id": pk, "date": importeur.jour, "genre": genre, "etat_avant": avant,
            "etat_apres": apres, "commentaire": importeur.commentaire,
            "auteur_id": importeur.auteur_id}  # fmt: skip


def _sortie(importeur, pk: int, sortie: tuple) -> dict:
    voie, jour, justification = sortie
    return {
        "equipement_id": pk,
        "date": jour,
        "voie": voie,
        "justification": justification,
        "auteur_id": importeur.auteur_id,
    }


def _nom(v: dict) -> str:
    """How a row is named in the preview: its name, else its numbers as a person reads them."""
    if v.get("nom"):
        return v["nom"]
    if v.get("numero_inventaire"):
        return f"n° d'inventaire {v['numero_inventaire']}"
    return f"n° de série {v.get('numero_serie') or v['cle']}"
