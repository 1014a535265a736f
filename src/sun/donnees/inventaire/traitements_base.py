"""The shape of a declared processing of SUN (traitements_sun) and the measures every one
shares."""

from dataclasses import dataclass

from sun.donnees.inventaire import durees
from sun.donnees.models import BaseLegale

SERVICE = "Service du numérique (SUN)"


# What SUN does for every processing (settings and code of sun.web, sun.comptes, sun.core).
SECURITE_COMMUNE = (
    "Accès par compte nominatif ; rôles vérifiés par le serveur sur chaque page, chaque "
    "formulaire et chaque point de l'API ; blocage d'un compte depuis une adresse après des "
    "échecs de connexion répétés (django-axes) ; mots de passe conservés sous forme d'empreinte "
    "(PBKDF2) ; HTTPS, politique de sécurité du contenu (CSP) et en-têtes de sécurité ; journal "
    "d'accès du serveur sans les recherches des habitants ; données de démonstration marquées "
    "et jamais comptées."
)


@dataclass(frozen=True)
class Categorie:
    libelle: str
    champs: tuple[str, ...]  # « app_label.Modele.champ »

    def texte(self) -> str:
        noms = ", ".join(c.rsplit(".", 1)[1] for c in self.champs)
        return f"{self.libelle} ({noms})" if noms else self.libelle


@dataclass(frozen=True)
class TraitementSun:
    code: str
    nom: str
    finalite: str
    modeles: tuple[str, ...]  # « app_label.Modele » the processing covers
    categories_donnees: tuple[Categorie, ...]
    categories_personnes: str
    base_legale: str  # a value of BaseLegale
    base_legale_motif: str
    destinataires: str
    conservation: str  # a key of durees.DUREES: the French sentence, read from the settings
    mesures_securite: str
    donnees_sensibles: str = ""
    transferts_hors_ue: str = "Aucun : SUN est hébergé par le Département ou son prestataire."
    # A processing whose data SUN publishes (the repairers' directory) says so.
    ouverture: str = "ferme"  # a value of Ouverture
    motif_detail: str = ""

    def champs(self) -> set[str]:
        return {c for cat in self.categories_donnees for c in cat.champs}

    def texte_donnees(self) -> str:
        return " ; ".join(c.texte() for c in self.categories_donnees)

    def texte_base_legale(self) -> str:
        return f"{BaseLegale(self.base_legale).label} : {self.base_legale_motif}"

    def texte_conservation(self) -> str:
        return durees.phrase(self.conservation)

    def texte_securite(self) -> str:
        return f"{self.mesures_securite} {SECURITE_COMMUNE}".strip()


def c(libelle: str, modele: str, *champs: str) -> Categorie:
    return Categorie(libelle, tuple(f"{modele}.{c}" for c in champs))


MISSION = BaseLegale.MISSION.value
OBLIGATION = BaseLegale.OBLIGATION.value
AGENTS = "Agents habilités du Département, selon leur rôle dans SUN"
