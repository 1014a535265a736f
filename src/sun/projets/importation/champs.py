"""The fields a GLPI ticket export can feed (the target of the YAML mappings), the statuses of
GLPI tickets and what they become in SUN, and how a category gives a request's nature.

Decision (documented on the import page): a ticket's nature comes from its category's type
when that type already has one; otherwise from the category's first segment (« Demande… »,
« Évolution… », « Request… » → évolution ; « Question… », « Assistance… », « Information… »
→ question) ; otherwise « incident » (a hotline ticket is an incident unless it says more)."""

from sun.core.imports import Cible
from sun.core.text import plier

CHAMPS = {
    "id": "numéro du ticket GLPI (clé de l'import)",
    "titre": "titre du ticket",
    "statut": "statut GLPI (Nouveau, En cours (Attribué), En cours (Planifié), En attente, "
    "Résolu, Clos)",
    "date_ouverture": "date d'ouverture (date de la demande dans SUN)",
    "derniere_modification": "dernière modification (date de clôture à défaut de résolution)",
    "date_resolution": "date de résolution (facultative)",
    "date_cloture": "date de clôture (facultative)",
    "categorie": "catégorie, chemin « Logiciel > Messagerie » (le type de la typologie)",
    "priorite": "priorité (lue, non enregistrée)",
    "demandeur": "demandeur (lu, jamais enregistré : donnée personnelle inutile aux statistiques)",
    "technicien": "technicien attribué (lu, jamais enregistré)",
    "ttr": "temps de résolution cible (lu, non enregistré)",
}
CIBLE = Cible(champs=set(CHAMPS), formats=("glpi",), nom="des tickets GLPI")
OBLIGATOIRES = ("id", "titre", "statut", "date_ouverture")

NOUVELLE, QUALIFIEE, EN_COURS, REALISEE = "nouvelle", "qualifiee", "en_cours", "realisee"
# GLPI's ticket statuses (French and English interfaces), folded → SUN's status.
STATUTS = {
    plier(s): v
    for s, v in {
        "Nouveau": NOUVELLE, "New": NOUVELLE,
        "En cours (Attribué)": EN_COURS, "En cours (Planifié)": EN_COURS, "En cours": EN_COURS,
        "Processing (assigned)": EN_COURS, "Processing (planned)": EN_COURS,
        "En attente": QUALIFIEE, "Pending": QUALIFIEE,
        "Résolu": REALISEE, "Solved": REALISEE, "Clos": REALISEE, "Closed": REALISEE,
    }.items()
}  # fmt: skip
STATUTS_ATTENDUS = "Nouveau, En cours (Attribué), En cours (Planifié), En attente, Résolu, Clos"

EVOLUTION, INCIDENT, QUESTION = "evolution", "incident", "question"
_NATURES = (
    (("demande", "evolution", "request", "amelioration"), EVOLUTION),
    (("question", "assistance", "information", "aide", "conseil"), QUESTION),
    (("incident", "panne"), INCIDENT),
)


def nature_de_categorie(categorie: str) -> str:
    """The nature a new type gets from its category path (incident by default)."""
    premier = plier(categorie.split(">", 1)[0])
    for mots, nature in _NATURES:
        if any(premier.startswith(m) for m in mots):
            return nature
    return INCIDENT
