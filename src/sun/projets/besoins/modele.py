"""The functional-specification template (cahier des charges fonctionnel, schéma 11.2): its
sections (one text field of `ExpressionBesoin` each, with guidance and an example) and the
sobriety criteria of responsible digital a need may commit to (inspired by the RGESN, the
référentiel général d'écoconception de services numériques)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    code: str  # the model field
    titre: str
    aide: str
    exemple: str


RAPPEL_RGAA = ("Tout service numérique du Département doit être conforme au RGAA (référentiel "
               "général d'amélioration de l'accessibilité) : la conformité est une obligation "
               "légale, à exiger du prestataire dès le cahier des charges.")  # fmt: skip

SECTIONS: tuple[Section, ...] = (
    Section("contexte", "Contexte et objectifs",
            "Pourquoi ce besoin apparaît-il maintenant ? Quel problème voulez-vous résoudre et "
            "à quoi verra-t-on que c'est réussi ?",
            "Les réservations de salles se font par courriel : doublons fréquents, aucune vue "
            "d'ensemble."),
    Section("utilisateurs", "Utilisateurs",
            "Qui utilisera le service (agents, usagers, partenaires), combien de personnes, "
            "avec quels équipements et quelles compétences numériques ?",
            "Environ 300 agents de trois sites, dont une partie sur des postes partagés."),
    Section("services_attendus", "Services attendus",
            "Décrivez ce que le service doit permettre de faire, tâche par tâche, sans imposer "
            "de solution technique.",
            "Voir les salles libres, réserver un créneau, annuler, recevoir un rappel."),
    Section("volumes", "Volumes",
            "Ordres de grandeur : nombre d'utilisateurs, d'opérations, de documents ou de "
            "données par jour, par mois ou par an.",
            "40 salles, environ 200 réservations par semaine."),
    Section("contraintes", "Contraintes",
            "Délais, budget, obligations légales ou réglementaires, horaires d'usage, sécurité.",
            "En service avant la rentrée de septembre ; budget inférieur à 15 000 €."),
    Section("interoperabilite", "Interopérabilité",
            "Avec quels outils existants le service doit-il échanger des données, et dans "
            "quels formats ouverts ?",
            "Annuaire des agents pour l'identification ; agenda de la messagerie."),
    Section("accessibilite", "Accessibilité",
            "Comment les personnes en situation de handicap utiliseront-elles le service ? "
            + RAPPEL_RGAA,
            "Conformité RGAA exigée, utilisable au clavier et avec un lecteur d'écran."),
    Section("donnees", "Données et durées de conservation",
            "Quelles données seront traitées, dont les données personnelles, qui y accède et "
            "combien de temps elles sont conservées avant purge.",
            "Nom de l'agent et créneau réservé, conservés un an puis supprimés."),
    Section("sobriete", "Sobriété numérique",
            "Comment le service limitera-t-il son impact environnemental : équipements, "
            "données, hébergement, durée de vie ? Cochez aussi les critères retenus.",
            "Pages légères sans vidéo, fonctionne sur les postes actuels, hébergé en France."),
)  # fmt: skip

CODES_SECTIONS = tuple(s.code for s in SECTIONS)

CRITERES_SOBRIETE: tuple[tuple[str, str], ...] = (
    ("materiel_ancien", "Fonctionne sur un poste et un navigateur de plus de 7 ans"),
    ("pages_legeres", "Pages légères, sans vidéo en lecture automatique"),
    ("connexion_lente", "Fonctionne en connexion lente"),
    ("hebergement_france", "Hébergement en France, alimenté en énergie bas carbone si possible"),
    ("conservation_purge", "Durées de conservation des données définies et purge automatique"),
    ("export_ouvert", "Export des données dans un format ouvert"),
    ("sans_traceur", "Pas de service tiers ni de traceur non nécessaire"),
    ("maintenance_5_ans", "Mises à jour assurées au moins 5 ans"),
    ("licence_libre", "Licence libre ou réutilisable préférée"),
    ("fonctions_utiles", "Seules les fonctions réellement utiles sont développées"),
)

LIBELLES_CRITERES = dict(CRITERES_SOBRIETE)


def section(code: str) -> Section:
    return next(s for s in SECTIONS if s.code == code)


def sections_vides(besoin) -> list[Section]:
    """The sections of `besoin` left empty (blank text)."""
    return [s for s in SECTIONS if not (getattr(besoin, s.code) or "").strip()]


def completude(besoin) -> tuple[int, int]:
    """(sections filled, sections in all)."""
    return len(SECTIONS) - len(sections_vides(besoin)), len(SECTIONS)


def texte_completude(besoin) -> str:
    """« 7 sections sur 9 renseignées »."""
    faites, total = completude(besoin)
    return f"{faites} section{'s' if faites > 1 else ''} sur {total} renseignée{'s' if faites > 1 else ''}"


def criteres_libelles(besoin) -> list[str]:
    return [LIBELLES_CRITERES[c] for c in besoin.criteres_sobriete or [] if c in LIBELLES_CRITERES]


def est_complet(besoin) -> bool:
    return not sections_vides(besoin) and bool(criteres_libelles(besoin))


def manques(besoin) -> list[str]:
    """What still prevents submission: the empty sections' titles, then « au moins un critère
    de sobriété » when none is chosen."""
    liste = [s.titre for s in sections_vides(besoin)]
    if not criteres_libelles(besoin):
        liste.append("au moins un critère de sobriété")
    return liste
