"""The catalogue in DCAT-AP 3.0.1 (an rdflib Graph), and its Turtle and JSON-LD forms.

Themes: each of the portal's ten themes (`referentiel.Theme`) is a `skos:Concept` of SUN's own
`skos:ConceptScheme` (« Thèmes du portail »), and each dataset also carries the EU data theme
it maps to (`THEME_EU`, the vocabulary data.europa.eu expects), declared in its scheme: a
harvester reads one or the other. Both schemes are the catalogue's `dcat:themeTaxonomy`.
Checksums are SHA-1, the only algorithm DCAT-AP accepts (udata's sha256 goes to data.gouv.fr).
"""

from django.conf import settings
from django.utils.text import slugify
from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDFS, SKOS

from sun.donnees import referentiel
from sun.donnees.flux.adresses import Adresses
from sun.donnees.flux.queries import jeux_publies, ressources_publiees
from sun.donnees.models import JeuDeDonnees

SPDX = Namespace("http://spdx.org/rdf/terms#")
DCATAP = Namespace("http://data.europa.eu/r5r/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
FRA = URIRef(f"{EU}language/FRA")
COLLECTIVITE = URIRef("http://purl.org/adms/publishertype/LocalAuthority")
STABLE = URIRef(f"{EU}planned-availability/STABLE")
INSEE = "http://id.insee.fr/geo/"
SCHEMA_EU = URIRef(f"{EU}data-theme")
LANGUE = "fr"

# The portal's themes → the EU data-theme vocabulary (labels as the EU publishes them in French).
THEME_EU = {
    "solidarites": "SOCI", "transports": "TRAN", "education": "EDUC", "culture": "EDUC",
    "institutions": "GOVE", "sports": "EDUC", "economie": "ECON", "democratie": "GOVE",
    "environnement": "ENVI", "agriculture": "AGRI",
}  # fmt: skip
LIBELLE_EU = {
    "SOCI": "Population et société", "TRAN": "Transports",
    "EDUC": "Éducation, culture et sport", "GOVE": "Gouvernement et secteur public",
    "ECON": "Économie et finances", "ENVI": "Environnement",
    "AGRI": "Agriculture, pêche, sylviculture et alimentation",
}  # fmt: skip
FORMAT_EU = {
    "csv": "CSV", "json": "JSON", "geojson": "GEOJSON", "xlsx": "XLSX", "ods": "ODS",
    "jsonld": "JSON_LD", "pdf": "PDF", "zip": "ZIP",
}  # fmt: skip
# The licences' kind in the ADMS licence-type vocabulary.
TYPE_LICENCE = {
    referentiel.Licence.LO_2: ["Attribution"],
    referentiel.Licence.ODBL: ["Attribution", "ShareAlike"],
}
CONTEXTE_JSONLD = {
    "dcat": str(DCAT), "dct": str(DCTERMS), "foaf": str(FOAF), "skos": str(SKOS),
    "vcard": str(VCARD), "spdx": str(SPDX), "dcatap": str(DCATAP), "xsd": str(XSD),
    "rdfs": str(RDFS),
}  # fmt: skip


def nom_editeur() -> str:
    """The organisation publishing the catalogue (SUN_NOM_ORGANISATION, else « Département
    de … » from the configured territory)."""
    if getattr(settings, "SUN_NOM_ORGANISATION", ""):
        return settings.SUN_NOM_ORGANISATION
    from sun.territoire.queries import departement_configure

    departement = departement_configure()
    return f"Département {departement.nom_avec_de}" if departement else "SUN"


def url_schema(schema_id: str, version: str) -> str:
    return f"https://schema.data.gouv.fr/schemas/{schema_id}/{version}/schema.json"


def uri_spatiale(code: str, maille: str) -> URIRef | None:
    """An INSEE code as an INSEE geographic URI: commune (5 characters), EPCI (9-digit SIREN),
    region (when the granularity is regional), département otherwise."""
    code = str(code).strip().upper()
    if not code:
        return None
    if len(code) == 5:
        return URIRef(f"{INSEE}commune/{code}")
    if len(code) == 9 and code.isdigit():
        return URIRef(f"{INSEE}intercommunalite/{code}")
    if maille == referentiel.Maille.REGIONALE:
        return URIRef(f"{INSEE}region/{code}")
    return URIRef(f"{INSEE}departement/{code}")


def _texte(valeur: str) -> Literal:
    return Literal(valeur, lang=LANGUE)


def _date(valeur) -> Literal:
    return Literal(valeur.isoformat(timespec="seconds"), datatype=XSD.dateTime)


class _Constructeur:
    """Builds the graph; each node added once (agents, concepts, licences)."""

    def __init__(self, adresses: Adresses):
        self.g, self.a = Graph(), adresses
        for prefixe, espace in CONTEXTE_JSONLD.items():
            self.g.bind(prefixe, espace)
        self.accueil = adresses.accueil()
        self.nom = nom_editeur()
        self.catalogue = URIRef(f"{self.accueil}#catalogue")
        self.schema_sun = URIRef(f"{self.accueil}#themes")
        self._agents: dict[str, URIRef] = {}
        self._licences: set[str] = set()
        self._themes: set[str] = set()

    def agent(self, nom: str) -> URIRef:
        if nom not in self._agents:
            uri = URIRef(f"{self.accueil}#editeur-{slugify(nom) or 'sans-nom'}")
            self.g.add((uri, RDF.type, FOAF.Agent))
            self.g.add((uri, FOAF.name, _texte(nom)))
            self.g.add((uri, DCTERMS.type, COLLECTIVITE))
            self._agents[nom] = uri
        return self._agents[nom]

    def licence(self, code: str) -> URIRef | None:
        url = referentiel.URL_LICENCE.get(code)
        if not url:
            return None
        uri = URIRef(url)
        if url not in self._licences:
            self._licences.add(url)
            self.g.add((uri, RDF.type, DCTERMS.LicenseDocument))
            self.g.add((uri, RDFS.label, Literal(referentiel.Licence(code).label, lang=LANGUE)))
            for genre in TYPE_LICENCE.get(code, []):
                self.g.add((uri, DCTERMS.type, URIRef(f"http://purl.org/adms/licencetype/{genre}")))
        return uri

    def themes(self, code: str) -> list[URIRef]:
        if code not in referentiel.Theme.values:
            return []
        sun, eu = URIRef(f"{self.accueil}#theme-{code}"), URIRef(f"{EU}data-theme/{THEME_EU[code]}")
        if code not in self._themes:
            self._themes.add(code)
            self.g.add((sun, RDF.type, SKOS.Concept))
            self.g.add((sun, SKOS.prefLabel, _texte(referentiel.Theme(code).label)))
            self.g.add((sun, SKOS.inScheme, self.schema_sun))
            self.g.add((sun, SKOS.closeMatch, eu))
            self.g.add((eu, RDF.type, SKOS.Concept))
            self.g.set((eu, SKOS.prefLabel, _texte(LIBELLE_EU[THEME_EU[code]])))
            self.g.add((eu, SKOS.inScheme, SCHEMA_EU))
        return [sun, eu]

    def catalogue_(self, jeux: list[JeuDeDonnees]) -> None:
        g, c = self.g, self.catalogue
        g.add((c, RDF.type, DCAT.Catalog))
        nom = self.nom
        g.add((c, DCTERMS.title, _texte(f"Catalogue des données ouvertes — {nom}")))
        g.add((c, DCTERMS.description, _texte(
            f"Les jeux de données ouverts publiés sur SUN — {nom} : métadonnées, fichiers à "
            "adresse stable, conformité aux schémas nationaux (schema.data.gouv.fr).")))  # fmt: skip
        g.add((c, DCTERMS.publisher, self.agent(nom)))
        g.add((c, FOAF.homepage, URIRef(self.accueil)))
        g.add((c, DCTERMS.language, FRA))
        g.add((c, DCTERMS.license, self.licence(referentiel.LICENCE_DEFAUT)))
        g.add((c, DCTERMS.spatial, uri_spatiale(settings.SUN_DEPARTEMENT, "")))
        for schema, titre in ((self.schema_sun, f"Thèmes du portail — {nom}"),
                              (SCHEMA_EU, "Thèmes des données (Union européenne)")):  # fmt: skip
            g.add((schema, RDF.type, SKOS.ConceptScheme))
            g.add((schema, DCTERMS.title, _texte(titre)))
            g.add((c, DCAT.themeTaxonomy, schema))
        publies = [j.publie_le for j in jeux if j.publie_le]
        modifies = [j.modifie_le or j.metadonnees_modifiees_le for j in jeux]
        if publies:
            g.add((c, DCTERMS.issued, _date(min(publies))))
        if modifies:
            g.add((c, DCTERMS.modified, _date(max(modifies))))

    def jeu(self, jeu: JeuDeDonnees) -> None:
        g, page = self.g, self.a.jeu(jeu.slug)
        d = URIRef(f"{page}#jeu")
        g.add((self.catalogue, DCAT.dataset, d))
        g.add((d, RDF.type, DCAT.Dataset))
        g.add((d, DCTERMS.identifier, Literal(page)))
        g.add((d, DCTERMS.title, _texte(jeu.titre)))
        g.add((d, DCTERMS.description, _texte(jeu.description)))
        g.add((d, DCTERMS.language, FRA))
        g.add((d, DCAT.landingPage, URIRef(page)))
        g.add((d, DCTERMS.publisher, self.agent(jeu.editeur or self.nom)))
        for mot in jeu.mots_cles or []:
            g.add((d, DCAT.keyword, _texte(str(mot))))
        for code in jeu.themes or []:
            for theme in self.themes(code):
                g.add((d, DCAT.theme, theme))
        if jeu.contact_nom or jeu.contact_email:
            contact = URIRef(f"{page}#contact")
            g.add((d, DCAT.contactPoint, contact))
            g.add((contact, RDF.type, VCARD.Organization))
            g.add((contact, VCARD.fn, Literal(jeu.contact_nom or jeu.editeur or self.nom)))
            if jeu.contact_email:
                g.add((contact, VCARD.hasEmail, URIRef(f"mailto:{jeu.contact_email}")))
        for code in jeu.couverture_spatiale or []:
            if (lieu := uri_spatiale(code, jeu.maille)) is not None:
                g.add((d, DCTERMS.spatial, lieu))
        if jeu.couverture_debut or jeu.couverture_fin:
            periode = BNode()
            g.add((d, DCTERMS.temporal, periode))
            g.add((periode, RDF.type, DCTERMS.PeriodOfTime))
            if jeu.couverture_debut:
                g.add((periode, DCAT.startDate, Literal(jeu.couverture_debut, datatype=XSD.date)))
            if jeu.couverture_fin:
                g.add((periode, DCAT.endDate, Literal(jeu.couverture_fin, datatype=XSD.date)))
        frequence = referentiel.FREQUENCE_EU.get(jeu.frequence, "UNKNOWN")
        g.add((d, DCTERMS.accrualPeriodicity, URIRef(f"{EU}frequency/{frequence}")))
        g.add((d, DCTERMS.issued, _date(jeu.publie_le or jeu.cree_le)))
        g.add((d, DCTERMS.modified, _date(jeu.modifie_le or jeu.metadonnees_modifiees_le)))
        if jeu.schema_id:
            g.add((d, DCTERMS.conformsTo, URIRef(url_schema(jeu.schema_id, jeu.schema_version))))
        for publiee in ressources_publiees(jeu):
            self.distribution(d, jeu, publiee.ressource, publiee.version)

    def distribution(self, d, jeu, ressource, version) -> None:
        g, stable = self.g, self.a.ressource(ressource.uuid)
        r = URIRef(f"{stable}#distribution")
        g.add((d, DCAT.distribution, r))
        g.add((r, RDF.type, DCAT.Distribution))
        g.add((r, DCAT.accessURL, URIRef(stable)))
        g.add((r, DCAT.downloadURL, URIRef(self.a.version(ressource.uuid, version.numero))))
        g.add((r, DCTERMS.title, _texte(ressource.titre)))
        g.add((r, DCTERMS.description, _texte(ressource.description or (
            f"Fichier {ressource.get_format_display()} du jeu de données « {jeu.titre} » "
            f"(version {version.numero})."))))  # fmt: skip
        if ressource.format in FORMAT_EU:
            g.add((r, DCTERMS.format, URIRef(f"{EU}file-type/{FORMAT_EU[ressource.format]}")))
        type_mime = referentiel.TYPES_CONTENU.get(ressource.format, "").split(";")[0]
        if type_mime and ressource.format != "autre":
            g.add((r, DCAT.mediaType,
                   URIRef(f"http://www.iana.org/assignments/media-types/{type_mime}")))  # fmt: skip
        g.add((r, DCAT.byteSize, Literal(version.taille, datatype=XSD.nonNegativeInteger)))
        somme = URIRef(f"{stable}#sha1-{version.numero}")
        g.add((r, SPDX.checksum, somme))
        g.add((somme, RDF.type, SPDX.Checksum))
        g.add((somme, SPDX.algorithm, SPDX.checksumAlgorithm_sha1))
        g.add((somme, SPDX.checksumValue, Literal(version.sha1, datatype=XSD.hexBinary)))
        if (licence := self.licence(jeu.licence)) is not None:
            g.add((r, DCTERMS.license, licence))
        g.add((r, DCATAP.availability, STABLE))
        if version.publiee_le:
            g.add((r, DCTERMS.issued, _date(version.publiee_le)))
        schema_id = version.schema_id or ressource.schema_id or jeu.schema_id
        schema_version = version.schema_version or ressource.schema_version or jeu.schema_version
        if schema_id:
            g.add((r, DCTERMS.conformsTo, URIRef(url_schema(schema_id, schema_version))))


def graphe(adresses: Adresses, jeux=None) -> Graph:
    """The DCAT-AP 3.0.1 graph of the published datasets (`jeux`: default all of them)."""
    jeux = list(jeux_publies() if jeux is None else jeux)
    constructeur = _Constructeur(adresses)
    constructeur.catalogue_(jeux)
    for jeu in jeux:
        constructeur.jeu(jeu)
    return constructeur.g


def en_turtle(g: Graph) -> str:
    return g.serialize(format="turtle")


def en_jsonld(g: Graph) -> str:
    return g.serialize(format="json-ld", context=CONTEXTE_JSONLD, indent=2)
