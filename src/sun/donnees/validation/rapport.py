"""The report of a check: what a person reads before publishing (rows, columns, errors grouped
by type with a few examples) and what is stored with the file's version (`en_dict`)."""

from dataclasses import dataclass, field

EXEMPLES_PAR_TYPE = 5


@dataclass
class GroupeErreurs:
    type: str  # frictionless error type (« type-error », « constraint-error/pattern »…) or SUN's
    libelle: str  # in French
    nombre: int = 0
    exemples: list[dict] = field(default_factory=list)  # {ligne, colonne, valeur, message}
    # A French note on the whole group (e.g. a known limit of the schema, not a data error).
    note: str = ""

    @property
    def limite_schema(self) -> bool:
        return self.type == "limite-schema"


@dataclass
class RapportValidation:
    statut: str  # a value of sun.donnees.models.StatutValidation
    schema_id: str = ""
    schema_version: str = ""
    lignes: int | None = None
    colonnes: list[str] = field(default_factory=list)
    encodage: str = ""
    groupes: list[GroupeErreurs] = field(default_factory=list)
    # A message for the whole file (unreadable, header not matching the schema…).
    message: str = ""
    # True when the check stopped at its error limit (the counts are then lower bounds).
    tronque: bool = False
    separateur: str = ""  # « virgule », « point-virgule », « tabulation »
    schema_titre: str = ""
    schema_url: str = ""  # its page on schema.data.gouv.fr, or the URL it was loaded from
    # Warnings that do not make the file invalid (checks SUN does not run, optional columns).
    avertissements: list[str] = field(default_factory=list)
    limite_erreurs: int = 0

    @property
    def nombre_erreurs(self) -> int:
        return sum(g.nombre for g in self.groupes)

    @property
    def valide(self) -> bool:
        return self.statut in ("valide", "sans_schema")

    @property
    def illisible(self) -> bool:
        return self.statut == "illisible"

    def en_dict(self) -> dict:
        return {
            "statut": self.statut, "schema_id": self.schema_id,
            "schema_version": self.schema_version, "lignes": self.lignes,
            "colonnes": self.colonnes, "encodage": self.encodage, "message": self.message,
            "tronque": self.tronque, "nombre_erreurs": self.nombre_erreurs,
            "groupes": [{"type": g.type, "libelle": g.libelle, "nombre": g.nombre,
                         "exemples": g.exemples, "note": g.note} for g in self.groupes],
            "separateur": self.separateur, "schema_titre": self.schema_titre,
            "schema_url": self.schema_url, "avertissements": self.avertissements,
            "limite_erreurs": self.limite_erreurs,
        }  # fmt: skip

    @classmethod
    def depuis_dict(cls, d: dict) -> "RapportValidation":
        groupes = [GroupeErreurs(g["type"], g["libelle"], g["nombre"], g["exemples"],
                                 g.get("note", "")) for g in d.get("groupes", [])]  # fmt: skip
        return cls(d.get("statut", "illisible"), d.get("schema_id", ""),
                   d.get("schema_version", ""), d.get("lignes"), d.get("colonnes", []),
                   d.get("encodage", ""), groupes, d.get("message", ""),
                   d.get("tronque", False), d.get("separateur", ""), d.get("schema_titre", ""),
                   d.get("schema_url", ""), d.get("avertissements", []),
                   d.get("limite_erreurs", 0))  # fmt: skip
