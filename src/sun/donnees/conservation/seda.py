"""A SEDA 2.1 transfer message (`ArchiveTransfer`, namespace
fr:gouv:culture:archivesdefrance:seda:v2.1) for one transfer of SUN records: the data objects
(the CSV files, with their SHA-256 digest and size) and one ArchiveUnit carrying the rule of
the tableau de gestion (`Management/AppraisalRule`: Rule, StartDate, FinalAction) and its
descriptive metadata (title, description, extreme dates). Kept simple but well-formed, in the
element order of the SEDA 2.1 schema."""

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime

NS = "fr:gouv:culture:archivesdefrance:seda:v2.1"
ET.register_namespace("", NS)

LISTES_DE_CODES = ("ReplyCodeListVersion", "MessageDigestAlgorithmCodeListVersion",
                   "MimeTypeCodeListVersion", "EncodingCodeListVersion",
                   "FileFormatCodeListVersion", "CompressionAlgorithmCodeListVersion",
                   "DataObjectVersionCodeListVersion", "StorageRuleCodeListVersion",
                   "AppraisalRuleCodeListVersion", "AccessRuleCodeListVersion",
                   "DisseminationRuleCodeListVersion", "ReuseRuleCodeListVersion",
                   "ClassificationRuleCodeListVersion", "AuthorizationReasonCodeListVersion",
                   "RelationshipCodeListVersion")  # fmt: skip


@dataclass(frozen=True)
class ObjetDonnees:
    identifiant: str  # xml id, e.g. "BDO1"
    chemin: str  # path inside the ZIP
    sha256: str
    taille: int
    type_mime: str = "text/csv"
    format_pronom: str = "x-fmt/18"  # PRONOM: Comma Separated Values


@dataclass(frozen=True)
class Transfert:
    identifiant: str  # the transfer's number
    date: datetime
    commentaire: str
    service_versant: str
    service_archives: str
    producteur: str
    titre: str
    description: str
    regle: str  # the rule's code
    date_depart: date | None
    action_finale: str  # Keep | Destroy
    date_debut: date | None
    date_fin: date | None
    objets: tuple[ObjetDonnees, ...]


def _el(parent, nom: str, texte=None, **attributs):
    element = ET.SubElement(parent, f"{{{NS}}}{nom}", attributs)
    if texte is not None:
        element.text = str(texte)
    return element


def manifeste(t: Transfert) -> bytes:
    racine = ET.Element(f"{{{NS}}}ArchiveTransfer")
    _el(racine, "Comment", t.commentaire)
    _el(racine, "Date", t.date.replace(microsecond=0).isoformat())
    _el(racine, "MessageIdentifier", t.identifiant)
    listes = _el(racine, "CodeListVersions")
    for nom in LISTES_DE_CODES:
        _el(listes, nom, f"{nom}0")
    paquet = _el(racine, "DataObjectPackage")
    for o in t.objets:
        bdo = _el(paquet, "BinaryDataObject", id=o.identifiant)
        _el(bdo, "DataObjectVersion", "BinaryMaster_1")
        _el(bdo, "Uri", o.chemin)
        _el(bdo, "MessageDigest", o.sha256, algorithm="SHA-256")
        _el(bdo, "Size", o.taille)
        forme = _el(bdo, "FormatIdentification")
        _el(forme, "MimeType", o.type_mime)
        _el(forme, "FormatId", o.format_pronom)
        info = _el(bdo, "FileInfo")
        _el(info, "Filename", o.chemin.rsplit("/", 1)[-1])
    descriptif = _el(paquet, "DescriptiveMetadata")
    unite = _el(descriptif, "ArchiveUnit", id="AU1")
    gestion = _el(unite, "Management")
    sort = _el(gestion, "AppraisalRule")
    _el(sort, "Rule", t.regle)
    if t.date_depart:
        _el(sort, "StartDate", t.date_depart.isoformat())
    _el(sort, "FinalAction", t.action_finale)
    contenu = _el(unite, "Content")
    _el(contenu, "DescriptionLevel", "File")
    _el(contenu, "Title", t.titre)
    _el(contenu, "Description", t.description)
    if t.date_debut:
        _el(contenu, "StartDate", t.date_debut.isoformat())
    if t.date_fin:
        _el(contenu, "EndDate", t.date_fin.isoformat())
    for o in t.objets:
        ref = _el(unite, "DataObjectReference")
        _el(ref, "DataObjectReferenceId", o.identifiant)
    gestion_paquet = _el(paquet, "ManagementMetadata")
    _el(gestion_paquet, "OriginatingAgencyIdentifier", t.producteur)
    _el(_el(racine, "ArchivalAgency"), "Identifier", t.service_archives)
    _el(_el(racine, "TransferringAgency"), "Identifier", t.service_versant)
    ET.indent(racine)
    return ET.tostring(racine, encoding="utf-8", xml_declaration=True)
