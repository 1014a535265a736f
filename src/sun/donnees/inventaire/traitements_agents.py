"""SUN's processing of data about the département's agents, elected officials and the
volunteers of its user panels, for the internal levers of the plan (orientations 8 and 11:
training, skills, referents, needs and requests on the tools, panels, calls for projects; part
of `traitements_sun.TRAITEMENTS`)."""

from sun.donnees.inventaire.traitements_base import AGENTS, MISSION, TraitementSun
from sun.donnees.inventaire.traitements_base import c as _c
from sun.donnees.models import BaseLegale

CONSENTEMENT = BaseLegale.CONSENTEMENT.value

TRAITEMENTS_AGENTS: tuple[TraitementSun, ...] = (
    TraitementSun(
        code="sun.formations",
        nom="Formation des agents et des élus au numérique",
        finalite="Organiser les sessions de formation, inscrire les agents et les élus, noter "
        "les présences, délivrer les attestations, envoyer les rappels et compter les "
        "personnes formées par direction et par thème (chiffres masqués sous 5).",
        modeles=("competences.Personne", "competences.Inscription", "competences.Session"),
        categories_donnees=(
            _c(
                "Identité et contact", "competences.Personne", "nom", "prenom", "courriel", "compte"
            ),
            _c(
                "Inscriptions, présences, utilité ressentie",
                "competences.Inscription",
                "inscrite_par",
                "commentaire",
            ),
            _c("Agent qui a créé la session", "competences.Session", "creee_par"),
        ),
        categories_personnes="Agents et encadrants du Département ; élus départementaux qui "
        "y ont consenti.",
        base_legale=MISSION,
        base_legale_motif="la formation des agents (Code général de la fonction publique, plan "
        "de formation) et des élus (CGCT L3123-10 à L3123-14) ; un élu n'est suivi qu'avec son "
        "consentement, qu'il peut retirer.",
        destinataires="Service formation et administrateurs ; la personne elle-même ; son "
        "responsable pour l'inscrire. Les pilotes ne lisent que des chiffres agrégés.",
        conservation="formations",
        mesures_securite="Parcours d'une personne lu par elle-même et par le service formation "
        "seulement ; retrait du consentement d'un élu : sa fiche est supprimée, ses inscriptions "
        "restent anonymes.",
    ),
    TraitementSun(
        code="sun.diagnostics",
        nom="Diagnostic de compétences numériques (autoévaluation sur le CRCN)",
        finalite="Permettre à chaque agent d'évaluer ses compétences numériques, de se voir "
        "proposer des formations, et au Département de connaître les niveaux par direction "
        "(agrégés, masqués sous 5 personnes).",
        modeles=("competences.Diagnostic",),
        categories_donnees=(
            _c("Autoévaluation et partage", "competences.Diagnostic", "partage_avec_responsable"),
        ),
        categories_personnes="Agents et encadrants du Département.",
        base_legale=MISSION,
        base_legale_motif="le diagnostic préalable au parcours de formation (schéma, action 8.2).",
        destinataires="La personne seule ; son responsable si elle le partage ; personne "
        "d'autre ne lit les réponses d'une personne (chiffres agrégés seulement).",
        conservation="diagnostics",
        mesures_securite="Aucun rôle, pas même l'administrateur, ne lit le diagnostic d'une "
        "autre personne dans SUN ; agrégats masqués sous 5 personnes.",
    ),
    TraitementSun(
        code="sun.referents",
        nom="Réseau des référents numériques des directions",
        finalite="Publier aux agents l'annuaire des référents numériques, leur périmètre et "
        "leurs coordonnées professionnelles ; leur montrer les demandes de leur direction.",
        modeles=("competences.Referent",),
        categories_donnees=(
            _c("Coordonnées professionnelles", "competences.Referent", "courriel", "telephone"),
        ),
        categories_personnes="Agents du Département désignés référents.",
        base_legale=MISSION,
        base_legale_motif="l'organisation des services (schéma, action 8.2).",
        destinataires=AGENTS + " (annuaire interne, jamais publié).",
        conservation="referents",
        mesures_securite="Annuaire visible du seul personnel connecté.",
    ),
    TraitementSun(
        code="sun.demandes_outils",
        nom="Besoins, demandes d'évolution et incidents sur les outils ; appels à projets",
        finalite="Recueillir les besoins et les demandes des agents sur les outils du "
        "Département, les qualifier, les prioriser et en tirer des statistiques ; suivre les "
        "appels à projets et les candidatures.",
        modeles=(
            "projets.ExpressionBesoin",
            "projets.Demande",
            "projets.Soutien",
            "projets.AppelAProjets",
            "projets.Candidature",
            "projets.Consultation",
        ),
        categories_donnees=(
            _c("Auteur d'un besoin", "projets.ExpressionBesoin", "redige_par"),
            _c("Auteur d'une demande", "projets.Demande", "demandeur"),
            _c("Soutien d'une demande", "projets.Soutien", "compte"),
            _c("Suivi d'un appel", "projets.AppelAProjets", "suivi_par"),
            _c("Porteur d'une candidature", "projets.Candidature", "porteur"),
            _c("Auteur d'une consultation", "projets.Consultation", "creee_par"),
        ),
        categories_personnes="Agents du Département.",
        base_legale=MISSION,
        base_legale_motif="le pilotage des outils et des financements du Département (schéma, "
        "actions 11.2 à 11.4).",
        destinataires=AGENTS + " ; une demande est lue par son auteur, les référents de sa "
        "direction, le service informatique et les administrateurs. Les noms des demandeurs et "
        "des techniciens d'un export GLPI ne sont pas importés.",
        conservation="traces",
        mesures_securite="Un compte supprimé laisse l'enregistrement sans nom (SET_NULL).",
    ),
    TraitementSun(
        code="sun.panels",
        nom="Panels d'utilisateurs (agents et habitants volontaires)",
        finalite="Demander leur avis aux agents et aux habitants volontaires sur une demande "
        "d'évolution ou un besoin d'outil.",
        modeles=("projets.MembrePanel", "projets.Avis"),
        categories_donnees=(
            _c("Identité et contact", "projets.MembrePanel", "prenom", "courriel", "compte"),
            _c("Avis donnés", "projets.Avis", "commentaire"),
        ),
        categories_personnes="Habitants et agents volontaires.",
        base_legale=CONSENTEMENT,
        base_legale_motif="l'inscription volontaire au panel, case cochée par la personne ; "
        "elle le quitte à tout moment par le lien de chaque message.",
        destinataires="Service informatique, pilotes et administrateurs ; les résultats sont "
        "montrés sans nom et masqués sous 5 avis.",
        conservation="panels",
        mesures_securite="Quitter le panel supprime la fiche ; les avis restent, anonymes.",
    ),
)
