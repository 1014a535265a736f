"""The catalogue's published datasets as a `scdl/catalogue` 0.1.3 file (the national schema
of a collectivité's data catalogue: 20 columns, all required), declared as a dataset SUN
produces (`donnees.catalogue`, at /donnees/catalogue-des-donnees/). The catalogue's own dataset
is left out of its file: listing itself would change the file at each of its new versions."""

import hashlib
import io
from datetime import date
from typing import BinaryIO

from django.conf import settings
from django.db.models import Count, Max

from sun.core.tableur import ecrivain_csv
from sun.donnees.declarations import JeuDeclare, RessourceDeclaree, declarer
from sun.donnees.inventaire import queries
from sun.donnees.inventaire.exports import adresse_jeu
from sun.donnees.models import JeuDeDonnees
from sun.donnees.referentiel import LICENCE_SCDL, Frequence, Maille, Theme

CODE = "donnees.catalogue"
SLUG = "catalogue-des-donnees"
SCHEMA = ("scdl/catalogue", "0.1.3")
COLONNES = ("COLL_NOM", "COLL_SIRET", "ID", "TITRE", "DESCRIPTION", "THEME", "PRODUCTEUR_NOM",
            "PRODUCTEUR_SIRET", "COUV_SPAT_MAILLE", "COUV_SPAT_NOM", "COUV_TEMP_DEBUT",
            "COUV_TEMP_FIN", "DATE_PUBL", "FREQ_MAJ", "DATE_MAJ", "MOTS_CLES", "LICENCE",
            "NOMBRE_RESSOURCES", "FORMAT_RESSOURCES", "URL")  # fmt: skip


def jeux():
    return (queries.jeux_publies().exclude(declaration=CODE)
            .annotate(nombre=Count("ressources")).filter(nombre__gt=0).order_by("slug"))  # fmt: skip


def _jour(valeur) -> str:
    if valeur is None:
        return ""
    return (valeur.date() if hasattr(valeur, "date") else valeur).isoformat()


def _theme(jeu: JeuDeDonnees) -> str:
    libelles = [Theme(t).label for t in jeu.themes if t in Theme.values]
    return ";".join(libelles) or "Autre"


def _couverture_nom(jeu: JeuDeDonnees, organisation: str) -> str:
    codes = [str(c) for c in jeu.couverture_spatiale]
    if not codes or jeu.maille == Maille.DEPARTEMENTALE:
        return organisation
    from sun.territoire.models import Commune

    noms = dict(Commune.objects.filter(code_insee__in=codes).values_list("code_insee", "nom"))
    return ";".join(noms.get(c, c) for c in codes)


def _url(slug: str) -> str:
    # The schema wants an absolute URI: without SUN_ADRESSE_SITE, a local one.
    adresse = adresse_jeu(slug)
    return adresse if adresse.startswith("http") else "http://localhost" + adresse


def ligne(jeu: JeuDeDonnees, organisation: str, siret: str) -> list:
    publie = jeu.publie_le or jeu.cree_le
    maj = jeu.modifie_le or publie
    formats = sorted({r.format.upper() for r in jeu.ressources.all()})
    return [
        organisation, siret, jeu.slug, jeu.titre, jeu.description, _theme(jeu),
        jeu.service or jeu.editeur or organisation, siret, jeu.maille,
        _couverture_nom(jeu, organisation),
        _jour(jeu.couverture_debut or publie), _jour(jeu.couverture_fin or maj),
        _jour(publie), Frequence(jeu.frequence).label, _jour(maj),
        ";".join(jeu.mots_cles) or _theme(jeu),
        LICENCE_SCDL.get(jeu.licence, "Spécifique ou autre"), jeu.nombre, ";".join(formats),
        _url(jeu.slug),
    ]  # fmt: skip


def ecrire_catalogue(fichier: BinaryIO) -> int:
    """Write the `scdl/catalogue` CSV (UTF-8, comma) into a binary file; returns its rows."""
    organisation = queries.nom_organisation()
    siret = getattr(settings, "SUN_SIRET_PRODUCTEUR", "")
    texte = io.TextIOWrapper(fichier, encoding="utf-8", newline="")
    ecrivain = ecrivain_csv(texte)
    ecrivain.writerow(COLONNES)
    n = 0
    for jeu in jeux():
        ecrivain.writerow(ligne(jeu, organisation, siret))
        n += 1
    texte.flush()
    texte.detach()
    return n


def empreinte() -> str:
    """Changes when a published dataset is added, removed, or changes its data or metadata."""
    c = jeux().aggregate(n=Count("pk", distinct=True), d=Max("modifie_le"),
                         m=Max("metadonnees_modifiees_le"), p=Max("publie_le"))  # fmt: skip
    texte = "|".join(str(v) for v in (c["n"], c["d"], c["m"], c["p"], date.today().year))
    return hashlib.sha256(texte.encode()).hexdigest()[:20]


JEU = declarer(JeuDeclare(
    code=CODE, slug=SLUG, titre="Catalogue des données",
    description="Les jeux de données publiés par le Département dans son catalogue, au format "
    "national du catalogue de données d'une collectivité (scdl/catalogue) : titre, "
    "description, thème, producteur, couverture, fréquence et date de mise à jour, licence, "
    "ressources et adresse de chaque jeu.",
    themes=(Theme.INSTITUTIONS.value,), mots_cles=("catalogue", "données ouvertes", "SCDL"),
    frequence=Frequence.IRREGULIERE.value, service="Service de la donnée",
    ressources=(RessourceDeclaree(
        code="csv", titre="Catalogue des données (CSV, scdl/catalogue 0.1.3)", format="csv",
        ecrire=ecrire_catalogue, versions=empreinte, schema=SCHEMA,
        nom_fichier="catalogue-des-donnees.csv"),),
    en_dernier=True,
))  # fmt: skip
