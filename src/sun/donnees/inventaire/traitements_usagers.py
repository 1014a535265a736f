"""SUN's processing of data about the people the département serves and works with (part of
`traitements_sun.TRAITEMENTS`)."""

from sun.donnees.inventaire.traitements_base import (
    AGENTS,
    MISSION,
    OBLIGATION,
    TraitementSun,
)
from sun.donnees.inventaire.traitements_base import c as _c

TRAITEMENTS_USAGERS: tuple[TraitementSun, ...] = (
    TraitementSun(
        code="sun.signalements_lieux",
        nom="Signalements d'erreur sur les lieux de médiation",
        finalite="Recevoir des habitants les corrections d'une fiche du registre public des "
        "lieux et les traiter ; recontacter la personne si elle l'a demandé.",
        modeles=("inclusion.SignalementErreur",),
        categories_donnees=(
            _c(
                "Message libre et sujet",
                "inclusion.SignalementErreur",
                "message",
                "sujet",
                "cree_le",
            ),
            _c("Courriel facultatif", "inclusion.SignalementErreur", "courriel"),
            _c("Agent qui a traité", "inclusion.SignalementErreur", "traite_par"),
        ),
        categories_personnes="Habitants et visiteurs du site ; agents coordinateurs.",
        base_legale=MISSION,
        base_legale_motif="tenir exact le registre public des lieux de médiation numérique "
        "(schéma des usages du numérique, inclusion numérique).",
        destinataires="Coordinateurs et administrateurs de SUN ; jamais publié.",
        conservation="signalements_lieux",
        mesures_securite="Formulaire public limité en nombre d'envois par adresse ; courriel "
        "facultatif.",
    ),
    TraitementSun(
        code="sun.orientations",
        nom="Orientations au guichet vers un lieu de médiation",
        finalite="Orienter une personne vers un lieu de médiation proche et compter les "
        "orientations pour les statistiques des coordinateurs.",
        modeles=("inclusion.Orientation",),
        categories_donnees=(
            _c(
                "Situation sans identité (commune, autonomie, besoins)",
                "inclusion.Orientation",
                "commune",
                "niveau",
                "besoins",
                "date",
            ),
            _c(
                "Point de départ (centre d'une commune, jamais une adresse)",
                "inclusion.Orientation",
                "depart_nom",
                "depart_latitude",
                "depart_longitude",
            ),
        ),
        categories_personnes="Personnes reçues à un guichet (jamais nommées).",
        base_legale=MISSION,
        base_legale_motif="l'action sociale et l'inclusion numérique, compétences du Département.",
        destinataires=AGENTS + " (chiffres agrégés).",
        conservation="orientations",
        mesures_securite="Ni nom, ni adresse, ni position d'un appareil ne sont enregistrés.",
    ),
    TraitementSun(
        code="sun.activites",
        nom="Comptes rendus d'activité de la médiation numérique",
        finalite="Suivre l'activité des médiateurs (accompagnements, ateliers) et en publier "
        "des chiffres agrégés pour le pilotage de l'inclusion numérique.",
        modeles=(
            "inclusion.Activite",
            "inclusion.Mediateur",
            "inclusion.LieuActivite",
            "inclusion.Structure",
        ),
        categories_donnees=(
            _c(
                "Médiateur : identité et contact professionnels",
                "inclusion.Mediateur",
                "prenom",
                "nom",
                "courriel",
                "telephone",
                "compte",
                "profil",
                "aidant_connect",
                "employeur",
            ),
            _c("Lieux d'exercice", "inclusion.LieuActivite", "mediateur", "lieu", "debut", "fin"),
            _c("Membres d'une structure", "inclusion.Structure", "membres"),
            _c(
                "Activité (personnes accompagnées comptées, jamais nommées)",
                "inclusion.Activite",
                "mediateur",
                "date",
                "commune",
                "thematiques",
                "precisions_demarche",
                "saisi_par",
            ),
        ),
        categories_personnes="Médiateurs numériques et aidants ; personnes accompagnées, "
        "comptées par tranche d'âge, genre et statut sans être identifiées.",
        base_legale=MISSION,
        base_legale_motif="le pilotage de l'inclusion numérique (schéma des usages du numérique) "
        "et le compte rendu des dispositifs nationaux (La Coop de la médiation numérique).",
        destinataires=AGENTS + " ; le public ne voit que des chiffres agrégés.",
        conservation="activites",
        mesures_securite="Tout chiffre publié entre 1 et 4 est masqué (« < 5 »), avec le "
        "masquage secondaire d'une ventilation ; un médiateur ne voit que ses lieux.",
    ),
    TraitementSun(
        code="sun.demandes",
        nom="Registre des demandes des usagers",
        finalite="Enregistrer les demandes adressées au Département, en accuser réception, "
        "suivre les délais légaux et répondre à la personne.",
        modeles=(
            "relation.Usager",
            "relation.Demande",
            "relation.Evenement",
            "relation.DemandePieces",
            "relation.EcheanceEnvoyee",
        ),
        categories_donnees=(
            _c(
                "Identité et coordonnées",
                "relation.Usager",
                "nom",
                "courriel",
                "telephone",
                "adresse",
                "code_postal",
                "cle_courriel",
                "cle_telephone",
                "cle_nom",
            ),
            _c(
                "Demande (objet, canal, dates, statut)",
                "relation.Demande",
                "usager",
                "objet",
                "canal",
                "recue_le",
                "statut",
                "decidee_le",
                "code_suivi",
                "enregistree_par",
            ),
            _c(
                "Suivi et commentaires",
                "relation.Evenement",
                "auteur",
                "auteur_libelle",
                "commentaire",
            ),
            _c("Pièces demandées", "relation.DemandePieces", "pieces"),
        ),
        categories_personnes="Usagers du Département (particuliers, associations, entreprises) ; "
        "agents instructeurs.",
        base_legale=OBLIGATION,
        base_legale_motif="le code des relations entre le public et l'administration oblige à "
        "accuser réception de chaque demande et à l'instruire dans les délais (L112-3, L114-5, "
        "L231-1).",
        destinataires="Instructeurs du service concerné ; l'usager suit sa demande par son code "
        "de suivi.",
        conservation="demandes",
        mesures_securite="Un instructeur ne voit que les demandes de ses services ; coordonnées "
        "minimales (un nom et un moyen de répondre) ; page de suivi publique limitée en "
        "tentatives.",
    ),
    TraitementSun(
        code="sun.appels",
        nom="Relevés d'appels téléphoniques",
        finalite="Mesurer le taux de décroché et les délais d'attente des lignes du Département "
        "et dimensionner les équipes (qualité de service, Services Publics+).",
        modeles=("qualite.Appel",),
        categories_donnees=(
            _c("Empreinte du numéro (HMAC), jamais le numéro", "qualite.Appel", "appelant"),
            _c(
                "Appel (heure, attente, durée, issue, groupe d'agents)",
                "qualite.Appel",
                "debut",
                "attente_s",
                "conversation_s",
                "issue",
                "groupe_agents",
            ),
        ),
        categories_personnes="Personnes qui appellent le Département.",
        base_legale=MISSION,
        base_legale_motif="l'organisation et l'amélioration de l'accueil téléphonique du "
        "service public.",
        destinataires=AGENTS + " (chiffres par file, jamais un appelant).",
        conservation="appels",
        mesures_securite="Le numéro est remplacé à l'import par son empreinte HMAC-SHA256 sous "
        "une clé propre à l'installation ; il n'est écrit ni en base ni dans le rapport d'import.",
    ),
    TraitementSun(
        code="sun.avis",
        nom="Avis des usagers (questionnaire de satisfaction)",
        finalite="Recueillir l'avis des usagers sur une démarche, un service ou un lieu et "
        "publier les résultats (« Je donne mon avis », Services Publics+).",
        modeles=("qualite.Avis",),
        categories_donnees=(
            _c(
                "Réponses au questionnaire",
                "qualite.Avis",
                "satisfaction",
                "comprehension",
                "contact_tried",
                "contact_reached",
                "contact_satisfaction",
                "autonome",
                "recu_le",
                "canal",
            ),
            _c("Commentaire libre, masqué à la réception", "qualite.Avis", "verbatim"),
            _c("Modération", "qualite.Avis", "modere_par"),
        ),
        categories_personnes="Usagers qui répondent, sans être identifiés ; agents modérateurs.",
        base_legale=MISSION,
        base_legale_motif="l'amélioration de la qualité du service public (engagements "
        "Services Publics+).",
        destinataires=AGENTS + " ; seuls les commentaires modérés et les résultats agrégés sont "
        "publiés.",
        conservation="avis",
        mesures_securite="Commentaire masqué avant d'être enregistré (courriels, numéros, noms "
        "de personnes) ; modération avant publication ; envois limités par adresse.",
    ),
    TraitementSun(
        code="sun.connectivite",
        nom="Signalements de connectivité des communes",
        finalite="Recevoir des communes les difficultés d'accès à internet et au téléphone "
        "(adresses sans fibre, zones blanches) et les transmettre aux opérateurs.",
        modeles=(
            "connectivite.Signalement",
            "connectivite.EvenementSignalement",
            "connectivite.CompteCommune",
        ),
        categories_donnees=(
            _c(
                "Lieu signalé (adresse, identifiant BAN, description)",
                "connectivite.Signalement",
                "adresse",
                "identifiant_ban",
                "description",
                "nombre_locaux",
                "commune",
                "signale_par",
            ),
            _c("Suivi", "connectivite.EvenementSignalement", "auteur", "commentaire"),
            _c(
                "Compte de la commune",
                "connectivite.CompteCommune",
                "compte",
                "commune",
                "fonction",
            ),
        ),
        categories_personnes="Élus et secrétaires de mairie ; habitants dont l'adresse est "
        "signalée.",
        base_legale=MISSION,
        base_legale_motif="l'aménagement numérique du territoire (CGCT L1425-1 et L1425-2, "
        "schéma directeur territorial d'aménagement numérique).",
        destinataires="Agents habilités du Département ; opérateurs et syndicat destinataires "
        "d'une transmission ; la commune voit ses propres signalements.",
        conservation="connectivite",
        mesures_securite="Un compte de commune ne voit que sa commune ; envois limités par compte.",
    ),
    TraitementSun(
        code="sun.dons",
        nom="Dons de matériel informatique réformé",
        finalite="Donner le matériel réformé aux lieux de médiation et aux associations, "
        "établir la convention et prouver le réemploi (taux de réemploi, loi AGEC).",
        modeles=("parc.Don", "parc.Sortie"),
        categories_donnees=(
            _c(
                "Bénéficiaire et son contact",
                "parc.Don",
                "beneficiaire",
                "siret",
                "rna",
                "adresse",
                "contact",
                "commentaire",
                "cree_par",
            ),
            _c("Sortie du parc", "parc.Sortie", "destinataire", "destinataire_siret", "auteur"),
        ),
        categories_personnes="Contacts des associations et lieux bénéficiaires ; agents.",
        base_legale=MISSION,
        base_legale_motif="la cession gratuite du matériel réformé (CGPPP L3212-2 et L3212-3) "
        "et le suivi du réemploi.",
        destinataires="Service informatique et administrateurs ; le lieu bénéficiaire voit ses "
        "dons.",
        conservation="dons",
        mesures_securite="Effacement des données de chaque équipement attesté avant la remise.",
    ),
    TraitementSun(
        code="sun.reparateurs",
        nom="Annuaire des réparateurs et reconditionneurs",
        finalite="Publier un annuaire des acteurs de la réparation et du réemploi du territoire.",
        modeles=("parc.Reparateur",),
        categories_donnees=(
            _c(
                "Coordonnées professionnelles (parfois d'un entrepreneur individuel)",
                "parc.Reparateur",
                "nom",
                "adresse",
                "code_postal",
                "telephone",
                "courriel",
                "siret",
            ),
        ),
        categories_personnes="Réparateurs, reconditionneurs, animateurs de repair cafés.",
        base_legale=MISSION,
        base_legale_motif="la promotion du réemploi et de la sobriété numérique (loi REEN "
        "n° 2021-1485).",
        destinataires="Public (fiches publiées) ; agents habilités.",
        conservation="reparateurs",
        mesures_securite="Une fiche n'est publiée que si elle est marquée publiée.",
        ouverture="ouvert",
        motif_detail="Les fiches marquées publiées forment l'annuaire public « Réparer et "
        "reconditionner » ; les autres ne sont vues que des agents.",
    ),
)
