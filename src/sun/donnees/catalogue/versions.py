"""Writes of the files of a resource: a new version (stored, checked against its schema, not
yet published) and its publication. A SUN-produced resource gets a new version only when the
fingerprint of its data changed."""

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from sun.donnees.catalogue import stockage
from sun.donnees.models import Ressource, StatutValidation, VersionRessource
from sun.donnees.validation import valider


def _schema(ressource: Ressource) -> tuple[str, str] | None:
    schema_id = ressource.schema_id or ressource.jeu.schema_id
    version = ressource.schema_version if ressource.schema_id else ressource.jeu.schema_version
    return (schema_id, version) if schema_id else None


class FichierRefuse(ValueError):
    """An uploaded file SUN cannot take at all: unreadable, or whose header does not match
    its schema. Nothing is stored; `rapport` says why."""

    def __init__(self, rapport):
        self.rapport = rapport
        raison = ("ce fichier est illisible" if rapport.statut == StatutValidation.ILLISIBLE
                  else "son en-tête ne correspond pas au schéma")  # fmt: skip
        self.message = f"Fichier refusé : {raison}. Rien n'a été enregistré."
        super().__init__(self.message)


def _refuse(rapport) -> bool:
    return rapport.statut == StatutValidation.ILLISIBLE or any(
        g.type == "entete" for g in rapport.groupes
    )


@transaction.atomic
def enregistrer_version(ressource: Ressource, *, source: Path | None = None,
                        ecrire: Callable[[BinaryIO], int | None] | None = None,
                        nom_fichier: str = "", empreinte: str = "",
                        par=None) -> VersionRessource:  # fmt: skip
    """Store a new file for `ressource` (from `source`, an uploaded file, or written by
    `ecrire`), check it and keep the report. Not published: see `publier_version`. An
    uploaded file that is unreadable or whose header does not match the schema raises
    FichierRefuse, nothing stored."""
    ressource = Ressource.objects.select_for_update().select_related("jeu").get(pk=ressource.pk)
    numero = (ressource.versions.aggregate(n=Max("numero"))["n"] or 0) + 1
    relatif = f"{ressource.uuid}/{numero}.{ressource.format}"
    fichier = stockage.copier(relatif, source) if source else stockage.ecrire(relatif, ecrire)
    try:
        rapport = valider(stockage.chemin_absolu(relatif), _schema(ressource), nom=nom_fichier)
    except Exception:
        stockage.supprimer(relatif)
        raise
    if source is not None and _refuse(rapport):
        stockage.supprimer(relatif)
        raise FichierRefuse(rapport)
    nom = nom_fichier or f"{ressource.jeu.slug}-{ressource.declaration or ressource.pk}." \
        f"{ressource.format}"  # fmt: skip
    return VersionRessource.objects.create(
        ressource=ressource, numero=numero, fichier=relatif, nom_fichier=nom,
        taille=fichier.taille, sha1=fichier.sha1, sha256=fichier.sha256,
        lignes=rapport.lignes if rapport.lignes is not None else fichier.lignes,
        encodage=rapport.encodage, empreinte=empreinte, schema_id=rapport.schema_id,
        schema_version=rapport.schema_version, statut_validation=rapport.statut,
        rapport=rapport.en_dict(), cree_par=par,
    )  # fmt: skip


class PublicationRefusee(ValueError):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@transaction.atomic
def publier_version(version: VersionRessource, *, par=None, motif: str = "") -> VersionRessource:
    """Publish `version` (the resource's stable address then serves it). A file that does not
    conform to its schema needs an administrator's reason (`motif`): the catalogue wing checks
    who may give it."""
    if version.statut_validation == StatutValidation.ILLISIBLE:
        raise PublicationRefusee("Ce fichier est illisible : il ne peut pas être publié.")
    if version.statut_validation == StatutValidation.INVALIDE and not motif.strip():
        raise PublicationRefusee(
            "Ce fichier n'est pas conforme à son schéma : corrigez-le, ou un administrateur "
            "peut le publier en donnant le motif de la dérogation."
        )
    maintenant = timezone.now()
    version.publiee, version.publiee_le = True, maintenant
    if version.statut_validation == StatutValidation.INVALIDE:
        version.derogation_motif, version.derogation_par = motif.strip(), par
    version.save()
    jeu = version.ressource.jeu
    jeu.modifie_le = maintenant
    jeu.datagouv_a_jour = False
    jeu.save(update_fields=["modifie_le", "datagouv_a_jour"])
    return version
