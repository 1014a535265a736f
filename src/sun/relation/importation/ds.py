"""Démarches Simplifiées: the dossiers of a procedure, from its GraphQL API v2 or from the
CSV/XLSX export an instructeur downloads.

API (`app/graphql/schema.graphql`, demarches-simplifiees/demarches-simplifiees.fr @ e1338d79,
read on 2026-01-15): `POST {SUN_DS_API_URL}` with `Authorization: Bearer {SUN_DS_JETON}`;
`demarche(number: Int!) { dossiers(first, after, updatedSince) }` is a cursor connection
(`pageInfo { hasNextPage endCursor }`, at most 100 per page, `default_max_page_size 100` in
`app/graphql/api/v2/schema.rb`); a `Dossier` has `number: Int!`, `state: DossierState!`
(en_construction, en_instruction, accepte, refuse, sans_suite), `dateDepot: ISO8601DateTime!`,
`datePassageEnInstruction`, `dateTraitement` (the last decision), `datePrevisionnelleDecisionSVASVR:
ISO8601Date`, `usager: Profile! { email }` and `demandeur: Demandeur!` (`PersonnePhysique {
nom prenom email }` or `PersonneMorale`). Pages are fetched one at a time while the import
reads them, inside its transaction: an error on any page rolls everything back.

Export (`app/models/concerns/dossier_export_concern.rb`, same commit): columns « ID »,
« Email », « Nom », « Prénom », « État du dossier » (labels of `config/locales/models/dossier/
fr.yml`: En construction, En instruction, Accepté, Refusé, Classé sans suite), « Déposé le »,
« Passé en instruction le », « Date décision SVA » / « Date décision SVR », « Traité le ».
"""

import json
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from sun.core.imports import Lecture, Rapport, executer
from sun.core.services import enregistrer_fichier_refuse
from sun.relation.importation.commun import SOURCES, ImportDemandes, rapport_sans_rien
from sun.relation.importation.reseau import SourceInjoignable, echanger
from sun.relation.models import Demarche

OUTIL = "Démarches Simplifiées"
PAGES_MAX = 10_000  # a million dossiers: a guard against a cursor that never ends
REQUETE = """
query dossiersSun($demarche: Int!, $apres: String, $depuis: ISO8601DateTime) {
  demarche(number: $demarche) {
    number
    dossiers(first: 100, after: $apres, updatedSince: $depuis) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number state dateDepot datePassageEnInstruction dateTraitement
        datePrevisionnelleDecisionSVASVR
        usager { email }
        demandeur { ... on PersonnePhysique { nom prenom email } }
      }
    }
  }
}
"""
COLONNES_EXPORT = ["ID", "État du dossier", "Déposé le"]


def lien_dossier(numero_ds: int | str | None, dossier: int | str) -> str:
    """The dossier's page for an instructeur (`/procedures/:id/dossiers/:id`)."""
    if not numero_ds:
        return ""
    adresse = urllib.parse.urlsplit(settings.SUN_DS_API_URL)
    return f"{adresse.scheme}://{adresse.netloc}/procedures/{numero_ds}/dossiers/{dossier}"


def _page(numero_ds: int, apres: str | None, depuis: datetime | None) -> dict:
    variables = {"demarche": numero_ds, "apres": apres,
                 "depuis": depuis.isoformat() if depuis else None}  # fmt: skip
    corps = json.dumps({"query": REQUETE, "operationName": "dossiersSun",
                        "variables": variables}).encode()  # fmt: skip
    requete = urllib.request.Request(
        settings.SUN_DS_API_URL, data=corps, method="POST",
        headers={"Content-Type": "application/json", "Accept": "application/json",
                 "Authorization": f"Bearer {settings.SUN_DS_JETON}"},
    )  # fmt: skip
    reponse = echanger(requete, OUTIL, "vérifiez SUN_DS_JETON (jeton de l'API v2 ayant accès "
                       f"à la démarche n° {numero_ds}, non expiré, plage d'adresses IP autorisée).")  # fmt: skip
    if not isinstance(reponse, dict):
        raise SourceInjoignable(f"Réponse de {OUTIL} inattendue : un objet JSON est attendu.")
    if erreurs := reponse.get("errors"):
        messages = "; ".join(str(e.get("message", e)) if isinstance(e, dict) else str(e)
                             for e in erreurs[:5])  # fmt: skip
        raise SourceInjoignable(
            f"{OUTIL} a refusé la requête (démarche n° {numero_ds}) : {messages}."
        )
    try:
        connexion = reponse["data"]["demarche"]["dossiers"]
        infos = connexion["pageInfo"]
        noeuds = connexion["nodes"]
        suite = bool(infos["hasNextPage"])
        curseur = infos.get("endCursor")
    except (KeyError, TypeError) as exc:
        raise SourceInjoignable(
            f"Réponse de {OUTIL} incomplète : champ {exc} absent (attendu : data.demarche."
            "dossiers.pageInfo et nodes)."
        ) from exc
    if not isinstance(noeuds, list) or (suite and not curseur):
        raise SourceInjoignable(
            f"Réponse de {OUTIL} incomplète : liste de dossiers ou curseur absent."
        )
    return {"noeuds": noeuds, "suite": suite, "curseur": curseur}


def _dossiers(
    numero_ds: int, depuis: datetime | None, premiere: dict
) -> Iterator[tuple[int, dict]]:
    page, pages, rang = premiere, 1, 0
    while True:
        for noeud in page["noeuds"]:
            rang += 1
            yield rang, noeud
        if not page["suite"]:
            return
        if pages >= PAGES_MAX:
            raise SourceInjoignable(f"{OUTIL} : plus de {PAGES_MAX} pages, import arrêté.")
        page, pages = _page(numero_ds, page["curseur"], depuis), pages + 1


class ImportDossiersDs(ImportDemandes):
    """Dossiers as the API gives them (one `Dossier` node per row)."""

    source_externe = "demarches_simplifiees"

    def __init__(self, numero_ds: int | None = None, **options):
        super().__init__(**options)
        self.numero_ds = numero_ds

    def position(self, numero: int, brute: dict) -> str:
        return f"dossier n° {brute.get('number') or '?'} ({numero}e)"

    def normaliser(self, numero: int, brute: dict, rapport: Rapport) -> dict | None:
        ou = self.position(numero, brute)
        manquants = [c for c in ("number", "state", "dateDepot") if brute.get(c) in (None, "")]
        if manquants:
            for champ in manquants:
                rapport.refuser(ou, champ, "", f"champ « {champ} » absent de la réponse")
            return None
        demandeur = brute.get("demandeur") or {}
        usager = brute.get("usager") or {}
        nom = " ".join(str(demandeur.get(c) or "").strip() for c in ("prenom", "nom")).strip()
        return {
            "numero": str(brute["number"]), "statut": brute["state"],
            "recue_le": brute["dateDepot"], "decidee_le": brute.get("dateTraitement"),
            "date_prevue_source": brute.get("datePrevisionnelleDecisionSVASVR"),
            "canal": "en_ligne", "nom": nom,
            "courriel": demandeur.get("email") or usager.get("email") or "",
            "lien": lien_dossier(self.numero_ds, brute["number"]),
        }  # fmt: skip


class ImportExportDs(ImportDossiersDs):
    """The CSV or XLSX export of a procedure (its « Dossiers » sheet)."""

    colonnes_obligatoires = COLONNES_EXPORT

    def position(self, numero: int, brute: dict) -> int:
        return numero

    def normaliser(self, numero: int, brute: dict, rapport: Rapport) -> dict | None:
        prevue = brute.get("Date décision SVA") or brute.get("Date décision SVR") or ""
        nom = " ".join(str(brute.get(c) or "").strip() for c in ("Prénom", "Nom")).strip()
        return {
            "numero": brute.get("ID"), "statut": brute.get("État du dossier"),
            "recue_le": brute.get("Déposé le"), "decidee_le": brute.get("Traité le"),
            "date_prevue_source": prevue, "canal": "en_ligne", "nom": nom,
            "courriel": brute.get("Email") or "",
            "lien": lien_dossier(self.numero_ds, brute.get("ID")) if brute.get("ID") else "",
        }  # fmt: skip


def debut_du_jour(jour: date) -> datetime:
    return timezone.make_aware(datetime.combine(jour, time.min))


def importer_api(
    demarche: Demarche, numero_ds: int, *, depuis: date | None = None, essai: bool = False,
    auteur=None, aujourd_hui: date | None = None, confirmer: bool = False, progression=None,
) -> Rapport:  # fmt: skip
    """Every dossier of the DS procedure `numero_ds` (updated since `depuis`) as requests of
    `demarche`, in one transaction. Raises SourceInjoignable / ImportImpossible."""
    nom = f"{OUTIL} (API), démarche n° {numero_ds}"
    importeur = ImportDossiersDs(numero_ds, demarche=demarche, aujourd_hui=aujourd_hui,
                                 auteur=auteur)  # fmt: skip
    moment = debut_du_jour(depuis) if depuis else None
    if not settings.SUN_DS_JETON:
        raise SourceInjoignable("Réglez SUN_DS_JETON (jeton de l'API v2 de Démarches "
                                "Simplifiées) et, si besoin, SUN_DS_API_URL.")  # fmt: skip
    try:
        premiere = _page(numero_ds, None, moment)
    except SourceInjoignable as exc:
        enregistrer_fichier_refuse(importeur.genre, importeur.libelle, nom, str(exc), auteur)
        raise
    if not premiere["noeuds"]:  # nothing (new) in this procedure
        return rapport_sans_rien(importeur, nom, SOURCES[importeur.source_externe], essai=essai,
                                 auteur=auteur)  # fmt: skip
    lecture = Lecture(f"API GraphQL v2 ({settings.SUN_DS_API_URL})", None,
                      _dossiers(numero_ds, moment, premiere))  # fmt: skip
    return executer(importeur, Path(nom), essai=essai, auteur=auteur, nom_fichier=nom,
                    lecture=lecture, confirmer=confirmer, progression=progression)  # fmt: skip


def importer_export(
    chemin: Path, demarche: Demarche | None = None, *, numero_ds: int | None = None,
    essai: bool = False, auteur=None, aujourd_hui: date | None = None, confirmer: bool = False,
    progression=None,
) -> Rapport:  # fmt: skip
    """A DS export file (CSV or XLSX) of the procedure `numero_ds` as requests of `demarche`."""
    importeur = ImportExportDs(numero_ds, demarche=demarche, aujourd_hui=aujourd_hui, auteur=auteur)
    return executer(importeur, Path(chemin), essai=essai, auteur=auteur, confirmer=confirmer,
                    progression=progression)  # fmt: skip
