"""Check a CSV against a Table Schema: SUN decides the encoding and separator (lecture.py),
compares the header with the schema (one French message for missing, unknown and misordered
columns), then frictionless reads the file once, as a stream, running the schema's rules and
SUN's own implementations of its `custom_checks` (controles.py) in the same pass. Errors are
grouped by kind with French titles and a few examples; the check stops at LIMITE_ERREURS."""

from pathlib import Path

from frictionless import Checklist, Dialect, FrictionlessException, Resource, Schema
from frictionless.formats import CsvControl

from sun.donnees.validation import controles, libelles, schemas
from sun.donnees.validation.lecture import FichierIllisible, Lecture, examiner
from sun.donnees.validation.rapport import EXEMPLES_PAR_TYPE, GroupeErreurs, RapportValidation

LIMITE_ERREURS = 1000
ENTETE = ("missing-label", "extra-label", "incorrect-label", "unmatched-header")
LECTURE = ("encoding-error", "format-error", "source-error", "scheme-error", "resource-error",
           "compression-error", "general-error")  # fmt: skip
# NOTES-donnees §4: scdl/equipements' ADR_COMMUNE pattern refuses the apostrophe that
# commune names such as « Fontiès-d'Aude » carry.
PIEGES = {("scdl/equipements", "ADR_COMMUNE")}
NOTE_PIEGE = ("Limite du schéma : le motif de ADR_COMMUNE (scdl/equipements) n'admet pas "
              "l'apostrophe, que portent de vrais noms de communes (par exemple Fontiès-d'Aude). "
              "Ces valeurs sont justes ; le fichier reste non conforme au schéma national tant "
              "que celui-ci n'est pas corrigé. Gardez le code INSEE à côté du nom ; un "
              "administrateur peut publier malgré tout en donnant cette raison.")  # fmt: skip


def valider(chemin: Path, schema: tuple[str, str] | None, *,
            controles_complementaires: bool = True,
            limite: int = LIMITE_ERREURS, nom: str = "") -> RapportValidation:  # fmt: skip
    """The report of `chemin` against `schema` (id, version), or « sans_schema » for None.
    `controles_complementaires=False` runs frictionless alone (the benchmark compares)."""
    if schema is None:
        return RapportValidation("sans_schema")
    connu = schemas.obtenir(*schema)
    return valider_descripteur(chemin, connu.descripteur(), connu, controles_complementaires,
                               limite, nom=nom)  # fmt: skip


def _rapport(connu, **champs) -> RapportValidation:
    page = connu.page if connu.source == schemas.LIVRE or not connu.origine else connu.origine
    return RapportValidation(schema_id=connu.id, schema_version=connu.version,
                             schema_titre=connu.titre, schema_url=page, **champs)  # fmt: skip


def valider_descripteur(chemin: Path, descripteur: dict, connu: schemas.SchemaConnu,
                        complementaires: bool = True,
                        limite: int = LIMITE_ERREURS, *,
                        nom: str = "") -> RapportValidation:  # fmt: skip
    chemin = Path(chemin)
    try:
        lecture = examiner(chemin, frozenset(c["name"] for c in descripteur["fields"]), nom=nom)
    except FichierIllisible as exc:
        return _rapport(connu, statut="illisible", message=str(exc))
    champs = {c["name"]: c for c in descripteur["fields"]}
    rapport = _rapport(connu, statut="valide", colonnes=lecture.colonnes,
                       encodage=lecture.libelle_encodage, separateur=lecture.libelle_separateur,
                       limite_erreurs=limite)  # fmt: skip
    entete = _entete(lecture, descripteur, rapport)
    if entete is not None:
        rapport.groupes.append(entete)
    if not set(lecture.colonnes) & set(champs):
        rapport.statut = "invalide"
        rapport.message = ("Aucune colonne du fichier n'a le nom d'une colonne du schéma : "
                           "les lignes ne sont pas contrôlées. " + rapport.message).strip()  # fmt: skip
        return rapport
    verifications, avertissements = ([], [])
    if complementaires:
        verifications, avertissements = controles.depuis_schema(descripteur)
    rapport.avertissements.extend(avertissements)
    # Columns matched by name (the header was compared above): « subset » is what the
    # deprecated detector option schema_sync did.
    nettoye = {k: v for k, v in descripteur.items() if k != "custom_checks"}
    nettoye["fieldsMatch"] = "subset"
    ressource = Resource(
        path=chemin.name, basepath=str(chemin.parent.resolve()), format="csv",
        encoding=lecture.encodage, schema=Schema.from_descriptor(nettoye),
        dialect=Dialect(controls=[CsvControl(delimiter=lecture.separateur)]),
    )  # fmt: skip
    try:
        resultat = ressource.validate(Checklist(checks=verifications), limit_errors=limite)
    except FrictionlessException as exc:
        rapport.statut, rapport.message = "illisible", _illisible(chemin, str(exc))
        return rapport
    tache = resultat.tasks[0] if resultat.tasks else None
    erreurs = list(tache.errors) if tache else list(resultat.errors)
    if lues := [e for e in erreurs if e.type in LECTURE]:
        rapport.statut, rapport.message = "illisible", _illisible(chemin, lues[0].note or "")
        rapport.groupes = []
        return rapport
    rapport.lignes = tache.stats.get("rows") if tache else None
    rapport.tronque = len(erreurs) >= limite
    groupes: dict[str, GroupeErreurs] = {}
    for erreur in erreurs:
        if erreur.type in ENTETE:
            continue
        _ranger(groupes, erreur, champs, connu.id)
    rapport.groupes.extend(sorted(groupes.values(), key=_ordre))
    if rapport.groupes:
        rapport.statut = "invalide"
    return rapport


def _ordre(groupe: GroupeErreurs) -> tuple[int, str]:
    rang = libelles.ORDRE.index(groupe.type) if groupe.type in libelles.ORDRE else 999
    return rang, groupe.type


def _ranger(groupes: dict, erreur, champs: dict, schema_id: str) -> None:
    type_ = erreur.type
    colonne = getattr(erreur, "field_name", None)
    if type_ == "constraint-error" and (cle := libelles.cle_contrainte(erreur.note)):
        type_ = f"constraint-error/{cle}"
    champ = champs.get(colonne or "", {})
    texte = libelles.message(type_, erreur, champ)
    valeur = getattr(erreur, "cell", None)
    note = ""
    if (type_ == "constraint-error/pattern" and (schema_id, colonne) in PIEGES
            and any(a in str(valeur) for a in "'’")):  # fmt: skip
        type_, note = "limite-schema", NOTE_PIEGE
    groupe = groupes.get(type_)
    if groupe is None:
        groupe = groupes[type_] = GroupeErreurs(type_, libelles.titre(type_), note=note)
    groupe.nombre += 1
    if len(groupe.exemples) < EXEMPLES_PAR_TYPE:
        groupe.exemples.append({"ligne": getattr(erreur, "row_number", None),
                                "colonne": colonne, "valeur": valeur, "message": texte})  # fmt: skip


def _illisible(chemin: Path, note: str) -> str:
    return (
        f"Le fichier « {chemin.name} » n'a pas pu être lu jusqu'au bout comme un CSV "
        f"({note.strip()[:200]}). Enregistrez-le en CSV UTF-8 puis vérifiez-le de nouveau."
    )


def _entete(lecture: Lecture, descripteur: dict, rapport: RapportValidation):
    """One group « En-tête non conforme » for missing required, unknown and misordered
    columns (a warning for absent optional ones); None when the header matches."""
    attendues = [c["name"] for c in descripteur["fields"]]
    obligatoires = {c["name"] for c in descripteur["fields"]
                    if (c.get("constraints") or {}).get("required")}  # fmt: skip
    presentes = [c for c in lecture.colonnes if c]
    manquantes = [c for c in attendues if c not in presentes and c in obligatoires]
    facultatives = [c for c in attendues if c not in presentes and c not in obligatoires]
    inconnues = [c for c in presentes if c not in attendues]
    dans_fichier = [c for c in presentes if c in attendues]
    dans_schema = [c for c in attendues if c in dans_fichier]
    desordre = [c for c, d in zip(dans_fichier, dans_schema, strict=True) if c != d]
    if facultatives:
        rapport.avertissements.append("Colonnes facultatives absentes du fichier : "
                                      + ", ".join(facultatives) + ".")  # fmt: skip
    if not (manquantes or inconnues or desordre):
        return None
    exemples, phrases = [], []
    if manquantes:
        phrases.append("colonnes obligatoires absentes : " + ", ".join(manquantes))
        exemples += [{"ligne": 1, "colonne": c, "valeur": "",
                      "message": "Colonne obligatoire absente du fichier."} for c in manquantes]  # fmt: skip
    if inconnues:
        phrases.append("colonnes inconnues du schéma : " + ", ".join(inconnues))
        exemples += [{"ligne": 1, "colonne": c, "valeur": c,
                      "message": "Colonne que le schéma ne connaît pas (nom mal orthographié ?)."}
                     for c in inconnues]  # fmt: skip
    if desordre:
        phrases.append("colonnes dans le désordre : " + ", ".join(desordre) + " (ordre attendu : "
                       + ", ".join(dans_schema) + ")")  # fmt: skip
        exemples += [{"ligne": 1, "colonne": c, "valeur": "", "message":
                      f"Colonne en position {dans_fichier.index(c) + 1} parmi les colonnes du "
                      f"schéma, attendue en position {dans_schema.index(c) + 1}."}
                     for c in desordre]  # fmt: skip
    message = "L'en-tête du fichier ne correspond pas au schéma : " + " ; ".join(phrases) + "."
    rapport.statut, rapport.message = "invalide", message
    return GroupeErreurs("entete", libelles.titre("entete"), len(exemples), exemples,
                         note=message)  # fmt: skip
