"""What a person should bring to a help place, from the needs declared at the desk.

The table is SUN's own, written for the orientation sheet: it is not an official list. Each
item says why it helps, from what the national online services ask to sign in or to open an
account: impots.gouv.fr asks for the numéro fiscal (printed on the avis d'imposition), ameli.fr
for the numéro de sécurité sociale (on the carte Vitale), caf.fr for the numéro d'allocataire
(on the CAF's letters), francetravail.fr for the identifiant France Travail; FranceConnect signs
in with one of those accounts, and many of them send a code by text message. A place may ask
for something else: the sheet says so and tells the person to call when in doubt.
"""

from dataclasses import dataclass

from sun.inclusion.lieux import orientation as o


@dataclass(frozen=True)
class Piece:
    code: str
    libelle: str  # what to bring, in plain French
    pourquoi: str  # why, in a few words


PIECES = {p.code: p for p in [
    Piece("identite", "Pièce d'identité ou titre de séjour",
          "souvent demandée pour une démarche ou pour créer un compte"),
    Piece("identifiants", "Identifiants et mots de passe (impôts, ameli, CAF…)",
          "pour entrer dans vos comptes en ligne, ou par FranceConnect"),
    Piece("avis_imposition", "Dernier avis d'imposition",
          "il porte le numéro fiscal, demandé par impots.gouv.fr"),
    Piece("carte_vitale", "Carte Vitale",
          "elle porte le numéro de sécurité sociale, demandé par ameli.fr"),
    Piece("courriers", "Courriers reçus pour la démarche",
          "ils portent les numéros utiles (allocataire CAF, dossier…)"),
    Piece("telephone", "Téléphone portable chargé",
          "on reçoit souvent un code par SMS pour entrer dans un compte"),
    Piece("appareil", "Votre appareil, son chargeur et son code",
          "pour apprendre sur son propre téléphone, sa tablette ou son ordinateur"),
    Piece("courriel", "Adresse e-mail et son mot de passe",
          "pour lire ses messages et recevoir des documents"),
    Piece("cv", "CV, sur papier ou sur clé USB", "pour le mettre à jour et l'envoyer"),
    Piece("france_travail", "Identifiant France Travail",
          "pour entrer dans son espace personnel francetravail.fr"),
    Piece("documents", "Documents à imprimer (clé USB, e-mail)",
          "pour les imprimer ou les envoyer sur place"),
    Piece("ressources", "Justificatif de ressources (attestation CAF…)",
          "certains lieux le demandent pour vendre à prix solidaire"),
    Piece("messages_suspects", "Messages ou appels suspects reçus",
          "pour vérifier ensemble s'il s'agit d'une arnaque"),
    Piece("ent", "Codes de l'espace numérique de l'école (Pronote…)",
          "pour suivre en ligne la scolarité des enfants"),
]}  # fmt: skip

# Declared need (orientation.BESOINS) → what helps, most useful first.
PIECES_PAR_BESOIN = {
    "demarche": ("identite", "identifiants", "avis_imposition", "carte_vitale", "courriers",
                 "telephone"),
    "apprendre": ("appareil", "identifiants"),
    "emploi": ("cv", "france_travail", "courriel", "telephone"),
    "acces": ("documents", "courriel"),
    "equipement": ("ressources", "identite"),
    "securite": ("messages_suspects", "appareil"),
    "parents": ("ent", "appareil"),
}  # fmt: skip
SOURCE_PIECES = (
    "Liste « Apportez » indicative, établie par SUN d'après ce que demandent impots.gouv.fr, "
    "ameli.fr, caf.fr, francetravail.fr et FranceConnect"
)


def pieces_a_apporter(besoins: list[str], services: list[str]) -> list[Piece]:
    """What to bring for the declared needs, without repeats, the first need first.

    Without a declared need, the needs are read from the services the diagnostic found.
    """
    codes = [b for b in o.BESOINS if b in besoins]
    if not codes:
        codes = [b for b, (_, service) in o.BESOINS.items() if service in services]
    pieces = dict.fromkeys(p for b in codes for p in PIECES_PAR_BESOIN[b])
    return [PIECES[p] for p in pieces]
