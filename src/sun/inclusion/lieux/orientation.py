"""Desk orientation: from a few questions on a person's situation to a level of autonomy, the
services that fit and the nearest places offering them.

The questions follow the usual diagnostic grids of digital mediation (equipment, connection,
what the person can do alone). The level counts what the person can do alone; missing
equipment or connection adds access needs; the person's own request comes first.
"""

from dataclasses import dataclass

EQUIPEMENTS = {
    "smartphone": "Un smartphone",
    "ordinateur": "Un ordinateur",
    "tablette": "Une tablette",
    "aucun": "Aucun appareil",
}
CONNEXIONS = {
    "domicile": "Oui, à la maison (box ou fibre)",
    "mobile": "Seulement sur le téléphone (forfait mobile)",
    "aucune": "Non, pas d'accès à internet",
}
# What the person can do alone, from the most basic.
SAVOIR_FAIRE = {
    "appareil": "Allumer un appareil, utiliser l'écran tactile ou la souris",
    "courriel": "Envoyer et lire un courriel",
    "identifiants": "Créer et retenir ses identifiants (mot de passe, FranceConnect)",
    "document": "Photographier ou numériser un document et l'envoyer",
    "demarche": "Faire seul une démarche en ligne (CAF, impôts, carte grise…)",
    "visio": "Passer un appel vidéo",
}
# What the person came for → services of the national standard.
BESOINS = {
    "demarche": ("Faire une démarche administrative", "Aide aux démarches administratives"),
    "apprendre": (
        "Apprendre à se servir d'un ordinateur, d'un téléphone ou d'une tablette",
        "Maîtrise des outils numériques du quotidien",
    ),
    "emploi": (
        "Chercher un emploi ou une formation",
        "Insertion professionnelle via le numérique",
    ),
    "acces": (
        "Utiliser un ordinateur, une imprimante ou internet",
        "Accès internet et matériel informatique",
    ),
    "equipement": (
        "S'équiper d'un ordinateur ou d'un téléphone à petit prix",
        "Acquisition de matériel informatique à prix solidaire",
    ),
    "securite": ("Se protéger des arnaques en ligne", "Utilisation sécurisée du numérique"),
    "parents": (
        "Accompagner ses enfants avec les écrans et l'école",
        "Parentalité et éducation avec le numérique",
    ),
}


@dataclass(frozen=True)
class Niveau:
    code: str
    libelle: str
    conseil: str
    accompagnement: tuple[str, ...]  # modalités d'accompagnement that fit


NIVEAUX = [
    Niveau("pas_a_pas", "À accompagner pas à pas",
           "La personne a besoin qu'on fasse avec elle, en tête-à-tête, ou d'un aidant habilité "
           "(Aidants Connect) pour faire à sa place.", ("Accompagnement individuel",)),
    Niveau("debutant", "Débutant",
           "La personne connaît les gestes de base : un accompagnement individuel ou un petit "
           "atelier l'aidera à gagner en autonomie.",
           ("Accompagnement individuel", "Dans un atelier collectif")),
    Niveau("intermediaire", "Intermédiaire",
           "La personne se débrouille pour l'essentiel : un atelier ou une aide ponctuelle suffit.",
           ("Dans un atelier collectif", "Accompagnement individuel", "À distance")),
    Niveau("autonome", "Autonome",
           "La personne sait faire seule : il lui faut surtout un accès (matériel, connexion) ou "
           "une information.", ()),
]  # fmt: skip


@dataclass
class Diagnostic:
    niveau: Niveau
    services: list[str]  # every service that fits
    services_recherches: list[str]  # what the places must offer: the request first
    besoins: list[str]
    explications: list[str]


def diagnostiquer(equipements: list[str], connexion: str, savoir_faire: list[str],
                  besoins: list[str]) -> Diagnostic:  # fmt: skip
    """The level of autonomy and the services that fit, with the reasons in plain French."""
    acquis = [s for s in SAVOIR_FAIRE if s in savoir_faire]
    nombre = len(acquis)
    niveau = NIVEAUX[0 if nombre <= 1 else 1 if nombre <= 3 else 2 if nombre <= 5 else 3]
    explications = [f"Sait faire seule {nombre} des {len(SAVOIR_FAIRE)} gestes demandés."]
    demandes = [BESOINS[b][1] for b in BESOINS if b in besoins]
    services = list(demandes)
    sans_appareil = not equipements or "aucun" in equipements
    if sans_appareil or connexion == "aucune":
        explications.append("Sans appareil ou sans connexion : un lieu avec accès libre l'aidera.")
        services.append("Accès internet et matériel informatique")
    if sans_appareil:
        services.append("Acquisition de matériel informatique à prix solidaire")
    if niveau.code in ("pas_a_pas", "debutant"):
        services.append("Maîtrise des outils numériques du quotidien")
    if "identifiants" not in acquis and nombre >= 2:
        services.append("Utilisation sécurisée du numérique")
    if not services:
        services.append("Maîtrise des outils numériques du quotidien")
    services = list(dict.fromkeys(services))
    return Diagnostic(niveau, services, demandes or services, [b for b in BESOINS if b in besoins],
                      explications)  # fmt: skip
