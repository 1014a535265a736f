"""Publik / w.c.s.: the requests of a form, from its JSON API or from the CSV export of its
listing.

API (doc-publik.entrouvert.com, « Récupération des données d'un formulaire »; w.c.s.
`tests/api/test_formdata.py` and `wcs/formdata.py` `get_json_export_dict`): `GET {SUN_PUBLIK_URL}
/api/forms/<slug>/list?full=on` returns a JSON array of requests, paged with `offset` and
`limit`, filtered on the last update with `filter-start-mtime=on&filter-start-mtime-value=
AAAA-MM-JJ`. Each request has `id`, `display_id`, `receipt_time` (local time, no offset),
`last_update_time`, `url`, `backoffice_url`, `user {name, email}`, `workflow.status {id, name,
endpoint, latest_arrival_datetime}` and `submission {channel, backoffice}` (channel: mail,
email, phone, counter, fax, social-network, web when empty).

Signature (w.c.s. `wcs/api_utils.py`, `sign_query`): the query gets `orig=<SUN_PUBLIK_ORIG>`,
then `algo=sha256`, `timestamp` (UTC, %Y-%m-%dT%H:%M:%SZ) and a random `nonce`; `signature`
is the base64 HMAC-SHA256, keyed with SUN_PUBLIK_CLE, of the query up to there. Unsigned when
those settings are empty.

w.c.s. status names are the workflow's own: `STATUTS_PUBLIK` maps the usual ones to SUN's
statuses; a form's workflow with other names gives its table (`--statuts FICHIER.yaml`,
« nom du statut: statut SUN »). An unknown name refuses the row, naming the status.
"""

import base64
import hashlib
import hmac
import secrets
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from django.conf import settings

from sun.core.imports import ColonnesManquantes, ImportImpossible, Lecture, Rapport, executer
from sun.core.imports.correspondance_verif import charger_yaml
from sun.core.services import enregistrer_fichier_refuse
from sun.relation.importation.commun import (
    SOURCES,
    ImportDemandes,
    rapport_sans_rien,
    statuts_depuis,
)
from sun.relation.importation.reseau import SourceInjoignable, echanger
from sun.relation.models import Demarche

OUTIL = "Publik (w.c.s.)"
TAILLE_PAGE = 100
PAGES_MAX = 10_000

# Usual status names of w.c.s. workflows (folded: no case, no accents) → SUN statuses. The
# default w.c.s. workflow's « Accepté » means « pris en charge », not a decision: it is left
# out on purpose, as « Terminé » is (its outcome is not known): give them in --statuts.
STATUTS_PUBLIK = statuts_depuis({
    "Nouveau": "en_construction", "New": "en_construction", "Reçu": "en_construction",
    "Reçue": "en_construction", "Déposé": "en_construction", "Déposée": "en_construction",
    "Just Submitted": "en_construction", "Vient d'être déposé": "en_construction",
    "En attente": "en_construction", "À traiter": "en_construction",
    "En cours": "en_instruction", "En cours de traitement": "en_instruction",
    "En instruction": "en_instruction", "En cours d'instruction": "en_instruction",
    "Pris en charge": "en_instruction", "Prise en charge": "en_instruction",
    "Accordé": "accepte", "Accordée": "accepte", "Acceptée": "accepte",
    "Favorable": "accepte", "Avis favorable": "accepte", "Validé": "accepte", "Validée": "accepte",
    "Refusé": "refuse", "Refusée": "refuse", "Rejeté": "refuse", "Rejetée": "refuse",
    "Rejected": "refuse", "Défavorable": "refuse", "Avis défavorable": "refuse",
    "Sans suite": "sans_suite", "Classé sans suite": "sans_suite",
    "Classée sans suite": "sans_suite", "Abandonné": "sans_suite", "Abandonnée": "sans_suite",
    "Annulé": "sans_suite", "Annulée": "sans_suite",
})  # fmt: skip

# Columns of the w.c.s. CSV export (French and English interface), first found wins.
COLONNES_CSV = {
    "numero": ["Numéro", "Number", "display_id", "N°"],
    "recue_le": ["Créé le", "Created", "Date de création", "Reçu le", "receipt_time"],
    "statut": ["Statut", "Status"],
    "decidee_le": ["Dernière modification", "Last Modified", "last_update_time"],
    "canal": ["Canal", "Channel", "Canal de saisie", "submission_channel"],
    "nom": ["Nom de l'usager", "Usager", "Utilisateur", "User Label", "Nom"],
    "courriel": ["Courriel", "Email", "Adresse électronique", "E-mail"],
    "lien": ["URL", "Lien"],
}
OBLIGATOIRES_CSV = ("numero", "recue_le", "statut")


def charger_statuts(chemin: Path | None) -> dict[str, str]:
    """The default table, completed (or overridden) by a YAML file « nom: statut SUN »."""
    if chemin is None:
        return dict(STATUTS_PUBLIK)
    try:
        contenu = charger_yaml(Path(chemin).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ImportImpossible(f"Table des statuts illisible ({chemin}) : {exc}") from exc
    if not isinstance(contenu, dict) or not contenu:
        raise ImportImpossible(f"Table des statuts ({chemin}) : une liste « nom du statut: "
                               "statut SUN » est attendue.")  # fmt: skip
    try:
        return {**STATUTS_PUBLIK, **statuts_depuis(contenu)}
    except ValueError as exc:
        raise ImportImpossible(f"Table des statuts ({chemin}) : {exc}") from exc


def signer(requete: str, cle_secrete: str, *, moment: datetime | None = None,
           nonce: str | None = None) -> str:  # fmt: skip
    """The query string signed as w.c.s. checks it (`wcs/api_utils.py`)."""
    moment = moment or datetime.now(UTC)
    signee = requete + ("&" if requete else "") + urllib.parse.urlencode(
        (("algo", "sha256"), ("timestamp", moment.strftime("%Y-%m-%dT%H:%M:%SZ")),
         ("nonce", nonce or secrets.token_hex(16)))
    )  # fmt: skip
    empreinte = hmac.new(cle_secrete.encode(), signee.encode(), hashlib.sha256).digest()
    return signee + "&signature=" + urllib.parse.quote(base64.b64encode(empreinte))


def _page(formulaire: str, offset: int, depuis: date | None) -> list:
    parametres = [("full", "on"), ("filter", "all"), ("order_by", "receipt_time"),
                  ("offset", str(offset)), ("limit", str(TAILLE_PAGE))]  # fmt: skip
    if depuis:
        parametres += [
            ("filter-start-mtime", "on"),
            ("filter-start-mtime-value", depuis.isoformat()),
        ]
    if settings.SUN_PUBLIK_ORIG:
        parametres.append(("orig", settings.SUN_PUBLIK_ORIG))
    requete = urllib.parse.urlencode(parametres)
    if settings.SUN_PUBLIK_ORIG and settings.SUN_PUBLIK_CLE:
        requete = signer(requete, settings.SUN_PUBLIK_CLE)
    slug = urllib.parse.quote(formulaire, safe="")
    url = f"{settings.SUN_PUBLIK_URL.rstrip('/')}/api/forms/{slug}/list?{requete}"
    reponse = echanger(urllib.request.Request(url, headers={"Accept": "application/json"}),
                       OUTIL, "vérifiez SUN_PUBLIK_ORIG et SUN_PUBLIK_CLE (accès d'API déclaré "
                       f"dans w.c.s., avec un rôle qui voit le formulaire « {formulaire} »).")  # fmt: skip
    if isinstance(reponse, dict) and reponse.get("err"):
        raise SourceInjoignable(
            f"{OUTIL} a refusé la requête : {reponse.get('err_desc') or reponse}."
        )
    if isinstance(reponse, dict) and isinstance(reponse.get("data"), list):
        reponse = reponse["data"]
    if not isinstance(reponse, list):
        raise SourceInjoignable(
            f"Réponse de {OUTIL} inattendue : une liste de demandes est attendue."
        )
    return reponse


def _demandes(formulaire: str, depuis: date | None, premiere: list) -> Iterator[tuple[int, dict]]:
    page, offset, rang = premiere, 0, 0
    for _ in range(PAGES_MAX):
        for element in page:
            rang += 1
            yield rang, element
        if len(page) < TAILLE_PAGE:
            return
        offset += TAILLE_PAGE
        page = _page(formulaire, offset, depuis)
    raise SourceInjoignable(f"{OUTIL} : plus de {PAGES_MAX} pages, import arrêté.")


def _texte(valeur) -> str:
    return str(valeur or "").strip()


class ImportFormulairePublik(ImportDemandes):
    """Requests of one w.c.s. form, as its JSON API lists them."""

    source_externe = "publik"
    statuts_de_base: dict = {}  # the workflow's own names only (see STATUTS_PUBLIK)
    doublons_tolere = True  # offset pages may shift while requests are being submitted

    def __init__(self, formulaire: str = "", **options):
        super().__init__(**options)
        self.formulaire = formulaire

    def position(self, numero: int, brute: dict) -> str:
        return f"demande {brute.get('display_id') or brute.get('id') or f'n° {numero}'}"

    def normaliser(self, numero: int, brute: dict, rapport: Rapport) -> dict | None:
        ou = self.position(numero, brute)
        workflow = brute.get("workflow") if isinstance(brute.get("workflow"), dict) else {}
        statut = workflow.get("status") or workflow.get("real_status") or {}
        nom_statut = statut.get("name") if isinstance(statut, dict) else brute.get("status")
        if not brute.get("id") and not brute.get("display_id"):
            rapport.refuser(ou, "id", "", "identifiant absent (id, display_id)")
            return None
        if not brute.get("receipt_time"):
            rapport.refuser(ou, "receipt_time", "", "date de réception absente")
            return None
        if not nom_statut:
            rapport.refuser(ou, "workflow.status.name", "", "statut absent (liste sans full=on ?)")
            return None
        soumission = brute.get("submission") if isinstance(brute.get("submission"), dict) else {}
        usager = brute.get("user") if isinstance(brute.get("user"), dict) else {}
        decision = statut.get("latest_arrival_datetime") if isinstance(statut, dict) else None
        return {
            "numero": _texte(brute.get("display_id")) or f"{self.formulaire}-{brute.get('id')}",
            "recue_le": brute.get("receipt_time"), "statut": nom_statut,
            "decidee_le": decision or brute.get("last_update_time"),
            "canal": soumission.get("channel") or brute.get("submission_channel") or "web",
            "nom": usager.get("name") or "", "courriel": usager.get("email") or "",
            "lien": _texte(brute.get("backoffice_url") or brute.get("url")),
        }  # fmt: skip


class ImportExportPublik(ImportDemandes):
    """The CSV (or XLSX) export of a w.c.s. form's listing."""

    source_externe = "publik"
    statuts_de_base: dict = {}

    def verifier_lecture(self, lecture: Lecture) -> None:
        entete = set(lecture.colonnes or [])
        self.colonnes = {champ: next((c for c in noms if c in entete), None)
                         for champ, noms in COLONNES_CSV.items()}  # fmt: skip
        manquantes = [COLONNES_CSV[c][0] for c in OBLIGATOIRES_CSV if not self.colonnes[c]]
        if manquantes:
            raise ColonnesManquantes(manquantes)

    def normaliser(self, numero: int, brute: dict, rapport: Rapport) -> dict | None:
        return {
            champ: brute.get(colonne, "") for champ, colonne in self.colonnes.items() if colonne
        }


def importer_api(
    demarche: Demarche, formulaire: str, *, depuis: date | None = None, essai: bool = False,
    auteur=None, aujourd_hui: date | None = None, statuts: dict | None = None,
    confirmer: bool = False, progression=None,
) -> Rapport:  # fmt: skip
    """Every request of the w.c.s. form `formulaire` as requests of `demarche`, in one
    transaction. Raises SourceInjoignable / ImportImpossible."""
    nom = f"{OUTIL} (API), formulaire « {formulaire} »"
    importeur = ImportFormulairePublik(formulaire, demarche=demarche, aujourd_hui=aujourd_hui,
                                       auteur=auteur, statuts=statuts or STATUTS_PUBLIK)  # fmt: skip
    if not settings.SUN_PUBLIK_URL:
        raise SourceInjoignable("Réglez SUN_PUBLIK_URL (adresse de w.c.s.) et, pour signer les "
                                "requêtes, SUN_PUBLIK_ORIG et SUN_PUBLIK_CLE.")  # fmt: skip
    try:
        premiere = _page(formulaire, 0, depuis)
    except SourceInjoignable as exc:
        enregistrer_fichier_refuse(importeur.genre, importeur.libelle, nom, str(exc), auteur)
        raise
    if not premiere:
        return rapport_sans_rien(importeur, nom, SOURCES["publik"], essai=essai, auteur=auteur)
    lecture = Lecture(f"API JSON ({settings.SUN_PUBLIK_URL})", None,
                      _demandes(formulaire, depuis, premiere))  # fmt: skip
    return executer(importeur, Path(nom), essai=essai, auteur=auteur, nom_fichier=nom,
                    lecture=lecture, confirmer=confirmer, progression=progression)  # fmt: skip


def importer_export(
    chemin: Path, demarche: Demarche, *, essai: bool = False, auteur=None,
    aujourd_hui: date | None = None, statuts: dict | None = None, confirmer: bool = False,
    progression=None,
) -> Rapport:  # fmt: skip
    importeur = ImportExportPublik(demarche=demarche, aujourd_hui=aujourd_hui, auteur=auteur,
                                   statuts=statuts or STATUTS_PUBLIK)  # fmt: skip
    return executer(importeur, Path(chemin), essai=essai, auteur=auteur, confirmer=confirmer,
                    progression=progression)  # fmt: skip
