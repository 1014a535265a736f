"""Writes of the catalogue for the datasets agents deposit: create and edit a dataset, add a
resource, upload a file as a new version, publish a version, publish and withdraw a dataset.
Every refusal is a `RefusCatalogue` (or `PublicationRefusee`, `RoleManquant`) with a French
message, raised before anything is written.

A dataset SUN produces itself (origine « sun ») is kept true by its declaration
(`sun.donnees.declarations`): its title, description, themes, keywords, frequency, coverage
and resources come from the code. Agents edit only what the code cannot know: the publisher,
the contact point and the licence (`CHAMPS_SUN_MODIFIABLES`)."""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from sun.comptes.roles import RoleManquant
from sun.core.imports.erreurs import ImportImpossible
from sun.donnees import permissions
from sun.donnees.catalogue.versions import (
    PublicationRefusee,
    enregistrer_version,
    publier_version,
)
from sun.donnees.models import (
    JeuDeDonnees,
    Origine,
    Ressource,
    StatutJeu,
    StatutValidation,
    TypeRessource,
    VersionRessource,
)
from sun.donnees.referentiel import Format, Frequence, Licence, Maille, Theme
from sun.donnees.validation import schemas
from sun.territoire.models import Commune, Departement

__all__ = ["PublicationRefusee", "RefusCatalogue"]

CHAMPS_SUN_MODIFIABLES = ("editeur", "contact_nom", "contact_email", "licence")
CHAMPS_JEU = (
    "titre", "description", "editeur", "service", "contact_nom", "contact_email", "licence",
    "themes", "mots_cles", "couverture_spatiale", "maille", "couverture_debut",
    "couverture_fin", "frequence",
)  # fmt: skip
# The file names an upload may carry, per resource format.
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "csv": (".csv",), "json": (".json",), "geojson": (".geojson", ".json"),
    "xlsx": (".xlsx",), "ods": (".ods",), "jsonld": (".jsonld", ".json"), "pdf": (".pdf",),
    "zip": (".zip",),
}  # fmt: skip
EXTENSIONS_CONNUES = {e for liste in EXTENSIONS.values() for e in liste}


class RefusCatalogue(ValueError):
    def __init__(self, message: str, champ: str = ""):
        super().__init__(message)
        self.message, self.champ = message, champ


@dataclass
class MetadonneesJeu:
    """What an agent gives for a deposited dataset (the form's cleaned data)."""

    titre: str
    description: str = ""
    editeur: str = ""
    service: str = ""
    contact_nom: str = ""
    contact_email: str = ""
    licence: str = Licence.LO_2
    themes: list[str] = field(default_factory=list)
    mots_cles: list[str] = field(default_factory=list)
    couverture_spatiale: list[str] = field(default_factory=list)
    maille: str = Maille.DEPARTEMENTALE
    couverture_debut: date | None = None
    couverture_fin: date | None = None
    frequence: str = Frequence.INCONNUE


def taille_max_octets() -> int:
    return int(getattr(settings, "SUN_DONNEES_TAILLE_MAX_MO", 200)) * 1024 * 1024


def _liste(valeurs, longueur: int = 100) -> list[str]:
    vus: list[str] = []
    for v in valeurs or []:
        v = " ".join(str(v).split())[:longueur]
        if v and v.casefold() not in {x.casefold() for x in vus}:
            vus.append(v)
    return vus


def _codes_territoire(codes) -> list[str]:
    codes = [c.strip().upper() for c in codes or [] if c and c.strip()]
    codes = list(dict.fromkeys(codes))
    communes = set(Commune.objects.filter(code_insee__in=codes).values_list("code_insee",
                                                                            flat=True))  # fmt: skip
    departements = set(Departement.objects.filter(code__in=codes).values_list("code", flat=True))
    inconnus = [c for c in codes if c not in communes and c not in departements]
    if inconnus:
        raise RefusCatalogue(
            f"Code(s) INSEE inconnu(s) : {', '.join(inconnus)}. Donnez le code d'une commune "
            "(5 caractères, par exemple 11069) ou d'un département (par exemple 11).",
            "couverture_spatiale",
        )
    return codes


def _verifier(m: MetadonneesJeu) -> MetadonneesJeu:
    m.titre = " ".join((m.titre or "").split())
    if not m.titre:
        raise RefusCatalogue("Donnez un titre au jeu de données.", "titre")
    if len(m.titre) > 200:
        raise RefusCatalogue("Le titre tient en 200 caractères au plus.", "titre")
    m.description = (m.description or "").strip()
    m.contact_email = (m.contact_email or "").strip()
    if m.contact_email:
        try:
            validate_email(m.contact_email)
        except ValidationError:
            raise RefusCatalogue(f"Adresse de courriel invalide : « {m.contact_email} ».",
                                 "contact_email") from None  # fmt: skip
    if m.licence and m.licence not in Licence.values:
        raise RefusCatalogue("Choisissez la Licence Ouverte 2.0 ou l'ODbL (décret n° 2017-638).",
                             "licence")  # fmt: skip
    inconnus = [t for t in m.themes if t not in Theme.values]
    if inconnus:
        raise RefusCatalogue(f"Thème(s) inconnu(s) : {', '.join(inconnus)}.", "themes")
    m.themes = list(dict.fromkeys(m.themes))
    m.mots_cles = _liste(m.mots_cles)
    m.couverture_spatiale = _codes_territoire(m.couverture_spatiale)
    if m.maille not in Maille.values:
        raise RefusCatalogue("Maille inconnue.", "maille")
    if m.frequence not in Frequence.values:
        raise RefusCatalogue("Fréquence de mise à jour inconnue.", "frequence")
    if m.couverture_debut and m.couverture_fin and m.couverture_debut > m.couverture_fin:
        raise RefusCatalogue("La couverture temporelle commence après sa fin : vérifiez les "
                             "deux dates.", "couverture_fin")  # fmt: skip
    return m


# Addresses under /donnees/ the other pages of the data service use.
SLUGS_RESERVES = {"r", "catalogue", "inventaire", "conservation", "validation", "flux",
                  "data", "schemas", "rapport"}  # fmt: skip


def slug_libre(titre: str, sauf: int | None = None) -> str:
    base = slugify(titre)[:90].strip("-") or "jeu-de-donnees"
    if base in SLUGS_RESERVES:
        base = f"{base}-donnees"
    slug, n = base, 1
    existants = JeuDeDonnees.objects.exclude(pk=sauf)
    while existants.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _exiger_deposant(par) -> None:
    permissions.exiger(permissions.peut_deposer(par), "Le dépôt de données est réservé au "
                       "personnel du Département.", permissions.CATALOGUE)  # fmt: skip


@transaction.atomic
def creer_jeu(metadonnees: MetadonneesJeu, *, par) -> JeuDeDonnees:
    _exiger_deposant(par)
    m = _verifier(metadonnees)
    valeurs = {c: getattr(m, c) for c in CHAMPS_JEU}
    return JeuDeDonnees.objects.create(slug=slug_libre(m.titre), origine=Origine.DEPOT,
                                       statut=StatutJeu.BROUILLON, cree_par=par, **valeurs)  # fmt: skip


@transaction.atomic
def modifier_jeu(jeu: JeuDeDonnees, metadonnees: MetadonneesJeu, *, par) -> JeuDeDonnees:
    """Edit the metadata. A SUN-produced dataset keeps what its declaration fixes: only
    CHAMPS_SUN_MODIFIABLES change, the other values given are ignored."""
    _exiger_deposant(par)
    jeu = JeuDeDonnees.objects.select_for_update().get(pk=jeu.pk)
    if jeu.origine == Origine.SUN:
        # Check only what may change, against the dataset's own values for the rest.
        complet = MetadonneesJeu(**{c: getattr(jeu, c) for c in CHAMPS_JEU})
        for c in CHAMPS_SUN_MODIFIABLES:
            setattr(complet, c, getattr(metadonnees, c))
        m, champs = _verifier(complet), CHAMPS_SUN_MODIFIABLES
    else:
        m, champs = _verifier(metadonnees), CHAMPS_JEU
    for c in champs:
        setattr(jeu, c, getattr(m, c))
    jeu.datagouv_a_jour = False
    jeu.save()
    return jeu


@transaction.atomic
def ajouter_ressource(jeu: JeuDeDonnees, *, titre: str, format: str, par, description: str = "",
                      type: str = TypeRessource.PRINCIPALE, schema_id: str = "",
                      schema_version: str = "") -> Ressource:  # fmt: skip
    _exiger_deposant(par)
    if jeu.origine == Origine.SUN:
        raise RefusCatalogue("Les ressources d'un jeu produit par SUN sont écrites par SUN "
                             "lui-même : on ne peut pas en ajouter.")  # fmt: skip
    titre = " ".join((titre or "").split())
    if not titre:
        raise RefusCatalogue("Donnez un titre à la ressource.", "titre")
    if format not in Format.values:
        raise RefusCatalogue("Format inconnu : choisissez-en un de la liste.", "format")
    if type not in TypeRessource.values:
        raise RefusCatalogue("Type de ressource inconnu.", "type")
    if schema_id or schema_version:
        try:
            schemas.obtenir(schema_id, schema_version)
        except schemas.SchemaInconnu as exc:
            raise RefusCatalogue(str(exc), "schema") from None
    return Ressource.objects.create(jeu=jeu, titre=titre[:200], description=description.strip(),
                                    format=format, type=type, schema_id=schema_id,
                                    schema_version=schema_version,
                                    ordre=jeu.ressources.count())  # fmt: skip


def _verifier_fichier(ressource: Ressource, chemin: Path, nom_fichier: str) -> None:
    taille = chemin.stat().st_size
    if taille == 0:
        raise RefusCatalogue("Le fichier est vide : rien n'a été enregistré.", "fichier")
    maximum = taille_max_octets()
    if taille > maximum:
        raise RefusCatalogue(
            f"Le fichier pèse {taille / 1024 / 1024:.1f} Mo : le catalogue accepte "
            f"{maximum // (1024 * 1024)} Mo au plus. Rien n'a été enregistré.", "fichier")  # fmt: skip
    extension = Path(nom_fichier).suffix.lower()
    attendues = EXTENSIONS.get(ressource.format)
    if attendues is None:  # format « autre »: any known or unknown file
        return
    if extension not in attendues:
        connu = "" if extension in EXTENSIONS_CONNUES else " (format non reconnu)"
        raise RefusCatalogue(
            f"Le fichier « {nom_fichier} »{connu} n'a pas le format de cette ressource "
            f"({ressource.get_format_display()}, extension {' ou '.join(attendues)}). "
            "Rien n'a été enregistré.", "fichier")  # fmt: skip


def deposer_fichier(ressource: Ressource, chemin: Path, *, nom_fichier: str,
                    par) -> VersionRessource:  # fmt: skip
    """Store an uploaded file as a new, unpublished version, checked against its schema."""
    _exiger_deposant(par)
    if ressource.jeu.origine == Origine.SUN:
        raise RefusCatalogue("Cette ressource est écrite par SUN à chaque changement de ses "
                             "données : on ne peut pas y déposer de fichier.")  # fmt: skip
    nom_fichier = Path(nom_fichier or chemin.name).name[:200]
    _verifier_fichier(ressource, chemin, nom_fichier)
    try:
        return enregistrer_version(ressource, source=chemin, nom_fichier=nom_fichier, par=par)
    except schemas.SchemaInconnu as exc:
        raise RefusCatalogue(str(exc), "fichier") from None
    except ImportImpossible as exc:  # the checker could not read the file at all
        raise RefusCatalogue(f"{exc} Rien n'a été enregistré.", "fichier") from None
    # FichierRefuse (unreadable file, header not matching its schema) goes up with its report.


@transaction.atomic
def publier_version_deposee(version: VersionRessource, *, par, motif: str = "") -> VersionRessource:
    """Publish an uploaded version. A file that does not conform to its schema is published
    only by an administrator, with the reason of the override (kept on the version)."""
    _exiger_deposant(par)
    version = VersionRessource.objects.select_for_update().select_related(
        "ressource__jeu").get(pk=version.pk)  # fmt: skip
    if version.publiee:
        raise PublicationRefusee(f"La version {version.numero} est déjà publiée.")
    if version.statut_validation == StatutValidation.INVALIDE:
        if not permissions.peut_deroger(par):
            raise RoleManquant("Ce fichier n'est pas conforme à son schéma : seul un "
                               "administrateur peut le publier malgré ses erreurs, en donnant "
                               "un motif.", permissions.DEROGATION)  # fmt: skip
        if not motif.strip():
            raise PublicationRefusee("Donnez le motif de la publication malgré les erreurs : il "
                                     "est conservé avec la version.")  # fmt: skip
    else:
        motif = ""
    return publier_version(version, par=par, motif=motif)


def manques_publication(jeu: JeuDeDonnees) -> list[str]:
    """What a dataset lacks to be published (empty: it may be)."""
    manques = []
    if not jeu.licence:
        manques.append("une licence (Licence Ouverte 2.0 ou ODbL)")
    if not jeu.contact_email:
        manques.append("le courriel d'un point de contact")
    if not (jeu.description or "").strip():
        manques.append("une description")
    if not VersionRessource.objects.filter(ressource__jeu=jeu, publiee=True).exists():
        manques.append("au moins une ressource dont une version est publiée")
    return manques


@transaction.atomic
def publier_jeu(jeu: JeuDeDonnees, *, par) -> JeuDeDonnees:
    _exiger_deposant(par)
    jeu = JeuDeDonnees.objects.select_for_update().get(pk=jeu.pk)
    if jeu.statut == StatutJeu.PUBLIE:
        raise PublicationRefusee("Ce jeu de données est déjà publié.")
    manques = manques_publication(jeu)
    if manques:
        raise PublicationRefusee("Publication impossible : il manque " + " ; ".join(manques)
                                 + ". Rien n'a été publié.")  # fmt: skip
    jeu.statut = StatutJeu.PUBLIE
    jeu.publie_le = jeu.publie_le or timezone.now()
    jeu.datagouv_a_jour = False
    jeu.save()
    return jeu


@transaction.atomic
def retirer_jeu(jeu: JeuDeDonnees, *, par) -> JeuDeDonnees:
    """Withdraw a published dataset: its pages say so, its stable addresses answer 410, its
    dated files stay where they are (a reuser may have cited them)."""
    _exiger_deposant(par)
    jeu = JeuDeDonnees.objects.select_for_update().get(pk=jeu.pk)
    if jeu.statut != StatutJeu.PUBLIE:
        raise RefusCatalogue("Seul un jeu de données publié peut être retiré.")
    if jeu.origine == Origine.SUN and not permissions.peut_deroger(par):
        raise RoleManquant("Un jeu de données produit par SUN n'est retiré que par un "
                           "administrateur : il cesse alors d'être mis à jour.",
                           permissions.DEROGATION)  # fmt: skip
    jeu.statut = StatutJeu.RETIRE
    jeu.retire_le = timezone.now()
    jeu.datagouv_a_jour = False
    jeu.save()
    return jeu
