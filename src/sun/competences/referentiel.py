"""The national digital competence framework and the training vocabulary.

CRCN — cadre de référence des compétences numériques, décret n° 2019-919 du 30 août 2019 and
its arrêté of the same day (annex): 16 competences in 5 domains, 8 levels of mastery grouped in
four stages; derived from the European DigComp framework; Pix evaluates and certifies on it
(its current labels of 4.3 and 5.2 differ slightly: `LIBELLES_PIX`). The level descriptions
below are SUN's plain-language wording of the four stages, for a self-assessment: they are not
the arrêté's text, and a self-assessment is not a Pix certification.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Competence:
    code: str  # « 1.1 »
    libelle: str
    domaine: str  # « 1 »
    # One question a person answers about themself, in everyday words.
    question: str


DOMAINES: dict[str, str] = {
    "1": "Information et données",
    "2": "Communication et collaboration",
    "3": "Création de contenus",
    "4": "Protection et sécurité",
    "5": "Environnement numérique",
}

COMPETENCES: tuple[Competence, ...] = (
    Competence("1.1", "Mener une recherche et une veille d'information", "1",
               "Trouver une information fiable en ligne et suivre un sujet dans le temps."),
    Competence("1.2", "Gérer des données", "1",
               "Ranger, nommer, retrouver et sauvegarder ses fichiers et ses données."),
    Competence("1.3", "Traiter des données", "1",
               "Trier, calculer et représenter des données dans un tableur."),
    Competence("2.1", "Interagir", "2",
               "Échanger par messagerie, visioconférence ou messagerie instantanée."),
    Competence("2.2", "Partager et publier", "2",
               "Partager un document ou publier une information en choisissant qui la voit."),
    Competence("2.3", "Collaborer", "2",
               "Travailler à plusieurs sur un même document ou un espace partagé."),
    Competence("2.4", "S'insérer dans le monde numérique", "2",
               "Maîtriser son identité numérique, ses traces et les usages en ligne."),
    Competence("3.1", "Développer des documents textuels", "3",
               "Rédiger et mettre en forme un courrier, un rapport, un compte rendu."),
    Competence("3.2", "Développer des documents multimédia", "3",
               "Créer ou modifier une image, un diaporama, une vidéo ou un son."),
    Competence("3.3", "Adapter les documents à leur finalité", "3",
               "Rendre un document accessible, le convertir, respecter les droits d'auteur."),
    Competence("3.4", "Programmer", "3",
               "Automatiser une tâche (formule, macro, script) ou écrire un petit programme."),
    Competence("4.1", "Sécuriser l'environnement numérique", "4",
               "Choisir ses mots de passe, reconnaître un hameçonnage, mettre à jour son poste."),
    Competence("4.2", "Protéger les données personnelles et la vie privée", "4",
               "Savoir quelles données personnelles on traite et comment les protéger (RGPD)."),
    Competence("4.3", "Protéger la santé, le bien-être et l'environnement", "4",
               "Limiter l'impact du numérique sur sa santé et sur l'environnement."),
    Competence("5.1", "Résoudre des problèmes techniques", "5",
               "Comprendre et résoudre un problème courant de poste, d'imprimante ou de réseau."),
    Competence("5.2", "Évoluer dans un environnement numérique", "5",
               "Se repérer dans ses outils, en adopter de nouveaux, se former en continu."),
)  # fmt: skip
PAR_CODE: dict[str, Competence] = {c.code: c for c in COMPETENCES}
LIBELLES_PIX = {"4.3": "Se protéger des risques", "5.2": "Construire un environnement numérique"}

NIVEAU_MAX = 8
# The four stages of the 8 levels, and how a person recognises themself in each level.
STADES: tuple[tuple[str, tuple[int, int]], ...] = (
    ("Novice", (1, 2)),
    ("Indépendant", (3, 4)),
    ("Avancé", (5, 6)),
    ("Expert", (7, 8)),
)
NIVEAUX: dict[int, str] = {
    0: "Je ne l'ai jamais fait",
    1: "Je le fais avec de l'aide, dans une situation connue",
    2: "Je le fais seul dans une situation simple et connue",
    3: "Je le fais seul dans les situations habituelles de mon travail",
    4: "Je le fais seul, y compris dans une situation nouvelle",
    5: "J'adapte ma façon de faire et je résous les difficultés",
    6: "J'aide mes collègues et je leur explique",
    7: "Je conçois des solutions pour mon service",
    8: "Je forme d'autres personnes et je fais évoluer les pratiques",
}
# Below this level a competence is « à renforcer »: the diagnosis proposes sessions for it.
SEUIL_A_RENFORCER = 3


def stade(niveau: int) -> str:
    if niveau <= 0:
        return "Non acquis"
    return next(nom for nom, (bas, haut) in STADES if bas <= niveau <= haut)


def domaine_de(code: str) -> str:
    return DOMAINES[PAR_CODE[code].domaine]


# The training vocabulary (NOTES-donnees §7; schéma 8.1: responsible digital, cybersecurity,
# cyber-harassment, AI…).
THEMES: tuple[tuple[str, str], ...] = (
    ("numerique_responsable", "Numérique responsable"),
    ("cybersecurite", "Cybersécurité"),
    ("cyberharcelement", "Cyberharcèlement"),
    ("ia", "Intelligence artificielle"),
    ("accessibilite", "Accessibilité numérique"),
    ("outils_metiers", "Outils métiers"),
    ("mediation_numerique", "Médiation numérique"),
    ("donnees", "Données"),
    ("autre", "Autre"),
)
ORGANISMES: tuple[tuple[str, str], ...] = (
    ("cnfpt", "CNFPT"),
    ("inet", "INET"),
    ("campus_numerique", "Campus du numérique public (État)"),
    ("organisme_agree", "Organisme agréé pour la formation des élus"),
    ("interne", "Formation interne"),
    ("autre", "Autre organisme"),
)
FORMATS: tuple[tuple[str, str], ...] = (
    ("presentiel", "En présentiel"),
    ("distanciel", "À distance (classe virtuelle)"),
    ("hybride", "Hybride"),
    ("elearning", "En ligne, à son rythme"),
)
PUBLICS: tuple[tuple[str, str], ...] = (
    ("elus", "Élus"),
    ("encadrants", "Encadrants"),
    ("agents", "Agents"),
)

# The competences a theme usually works on: a new session's default, and the way a diagnosis
# finds sessions for a competence when a session names none.
THEME_COMPETENCES: dict[str, tuple[str, ...]] = {
    "numerique_responsable": ("4.3", "5.2"),
    "cybersecurite": ("4.1", "4.2"),
    "cyberharcelement": ("2.4", "4.3"),
    "ia": ("1.1", "1.3", "3.4"),
    "accessibilite": ("3.3", "3.1"),
    "outils_metiers": ("5.2", "2.3"),
    "mediation_numerique": ("2.1", "2.4", "5.1"),
    "donnees": ("1.2", "1.3", "4.2"),
    "autre": (),
}
