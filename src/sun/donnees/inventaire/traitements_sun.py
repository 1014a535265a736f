"""SUN's own processing activities (GDPR article 30), declared as data next to the code that
does the processing. `synchronisation.synchroniser_traitements_sun()` writes them into the
inventory (origine « sun »); tests/donnees/test_inventaire_registre.py keeps them true: every
field of SUN's models that holds personal data belongs to one of them (or is listed, with the
reason, in `NON_PERSONNELS`).

Legal bases (GDPR art. 6.1): a département processes personal data for the tasks the law
gives it, so most processing rests on the **mission d'intérêt public** (6.1.e: social action
and digital inclusion, public service quality, digital planning); the register of requests
rests on a **legal obligation** (6.1.c: the CRPA obliges the administration to acknowledge and
instruct every request, L112-3, L114-5, L231-1)."""

from sun.donnees.inventaire.traitements_agents import TRAITEMENTS_AGENTS
from sun.donnees.inventaire.traitements_base import AGENTS, MISSION, TraitementSun
from sun.donnees.inventaire.traitements_base import c as _c
from sun.donnees.inventaire.traitements_usagers import TRAITEMENTS_USAGERS

TRAITEMENTS: tuple[TraitementSun, ...] = (
    TraitementSun(
        code="sun.comptes",
        nom="Comptes des utilisateurs de SUN et journal des connexions",
        finalite="Ouvrir l'espace agents aux seules personnes habilitées, selon leur rôle, et "
        "protéger les comptes contre les tentatives d'intrusion.",
        modeles=("auth.User", "axes.AccessAttempt", "axes.AccessLog"),
        categories_donnees=(
            _c("Identité et contact", "auth.User", "username", "first_name", "last_name", "email"),
            _c(
                "Authentification",
                "auth.User",
                "password",
                "last_login",
                "date_joined",
                "is_active",
            ),
            _c(
                "Connexions (adresse IP, navigateur, date)",
                "axes.AccessLog",
                "username",
                "ip_address",
                "user_agent",
                "attempt_time",
                "logout_time",
            ),
            _c(
                "Tentatives échouées",
                "axes.AccessAttempt",
                "username",
                "ip_address",
                "user_agent",
                "attempt_time",
                "failures_since_start",
            ),
        ),
        categories_personnes="Agents du Département, médiateurs numériques, élus et secrétaires "
        "de mairie des communes, contacts des partenaires ayant un compte.",
        base_legale=MISSION,
        base_legale_motif="la sécurité du système d'information qui sert les missions du "
        "Département (RGPD art. 32).",
        destinataires="Administrateurs de SUN ; chaque personne voit son propre compte.",
        conservation="comptes",
        mesures_securite="Mot de passe robuste exigé ; déconnexion possible de toutes les "
        "sessions ; comptes désactivés au départ de la personne.",
    ),
    TraitementSun(
        code="sun.traces",
        nom="Travail des agents dans SUN (auteurs, responsables et notes)",
        finalite="Savoir qui a fait quoi dans SUN (imports, corrections du registre, suivi du "
        "plan, fiches de service, parc, catalogue), rendre compte de l'action publique et "
        "joindre la personne responsable d'un dossier.",
        modeles=(
            "core.JournalImport",
            "taches.Tache",
            "inclusion.ImportLieux",
            "inclusion.HistoriqueLieu",
            "inclusion.PaireDoublon",
            "pilotage.Action",
            "pilotage.NoteSuivi",
            "pilotage.ValeurIndicateur",
            "pilotage.Historique",
            "pilotage.Relance",
            "relation.ServiceInstructeur",
            "relation.Demarche",
            "qualite.AutoEvaluation",
            "qualite.ActionAmelioration",
            "accessibilite.SchemaPluriannuel",
            "accessibilite.ActionAccessibilite",
            "accessibilite.ServiceNumerique",
            "parc.AchatLigne",
            "parc.Equipement",
            "parc.EvenementCycleVie",
            "parc.StockReforme",
            "donnees.JeuDeDonnees",
            "donnees.VersionRessource",
            "donnees.RegleConservation",
            "donnees.BordereauElimination",
            "donnees.Versement",
            "donnees.ExecutionPurge",
            "donnees.EntreeInventaire",
        ),
        categories_donnees=(
            _c("Auteur d'un import ou d'une tâche", "core.JournalImport", "auteur"),
            _c("Auteur d'une tâche", "taches.Tache", "auteur"),
            _c("Auteur d'un import de lieux", "inclusion.ImportLieux", "auteur"),
            _c(
                "Auteur et commentaire d'une correction",
                "inclusion.HistoriqueLieu",
                "auteur",
                "commentaire",
            ),
            _c("Décision sur un doublon", "inclusion.PaireDoublon", "decide_par"),
            _c("Pilotes d'une action", "pilotage.Action", "pilotes"),
            _c("Notes de suivi", "pilotage.NoteSuivi", "texte", "auteur"),
            _c("Commentaire d'une valeur", "pilotage.ValeurIndicateur", "commentaire"),
            _c("Historique du plan", "pilotage.Historique", "auteur", "commentaire"),
            _c("Destinataire d'une relance", "pilotage.Relance", "destinataire"),
            _c("Instructeurs d'un service", "relation.ServiceInstructeur", "instructeurs"),
            _c("Vérification d'une démarche", "relation.Demarche", "verifiee_par"),
            _c("Auto-évaluation", "qualite.AutoEvaluation", "constat", "auteur"),
            _c("Action d'amélioration", "qualite.ActionAmelioration", "auteur"),
            _c("Référent accessibilité", "accessibilite.SchemaPluriannuel", "referent"),
            _c("Commentaire d'une action", "accessibilite.ActionAccessibilite", "commentaire"),
            _c(
                "Responsable et contact d'un service numérique",
                "accessibilite.ServiceNumerique",
                "responsable",
                "contact_courriel",
                "contact_formulaire",
                "contact_autre",
            ),
            _c("Saisie d'un achat", "parc.AchatLigne", "saisi_par"),
            _c(
                "Nom de l'équipement (peut porter le nom de son utilisateur) et commentaire",
                "parc.Equipement",
                "nom",
                "commentaire",
            ),
            _c("Événement du cycle de vie", "parc.EvenementCycleVie", "auteur", "commentaire"),
            _c("Stock figé", "parc.StockReforme", "fige_par"),
            _c(
                "Point de contact et auteur d'un jeu",
                "donnees.JeuDeDonnees",
                "contact_nom",
                "contact_email",
                "cree_par",
            ),
            _c("Dépôt et dérogation", "donnees.VersionRessource", "cree_par", "derogation_par"),
            _c("Modification d'une règle", "donnees.RegleConservation", "modifie_par"),
            _c(
                "Proposition et visa d'un bordereau",
                "donnees.BordereauElimination",
                "cree_par",
                "vise_par",
            ),
            _c("Réception d'un versement", "donnees.Versement", "recu_par"),
            _c("Lancement d'une purge", "donnees.ExecutionPurge", "par"),
            _c("Référent d'une donnée", "donnees.EntreeInventaire", "referent", "modifie_par"),
        ),
        categories_personnes="Agents du Département et utilisateurs de l'espace agents.",
        base_legale=MISSION,
        base_legale_motif="la traçabilité de l'action publique et l'organisation des services "
        "qui exercent les missions du Département.",
        destinataires=AGENTS + " ; les noms ne sont jamais publiés sur les pages publiques.",
        conservation="traces",
        mesures_securite="Un auteur supprimé laisse l'enregistrement sans nom (SET_NULL).",
    ),
)

TRAITEMENTS = TRAITEMENTS + TRAITEMENTS_USAGERS + TRAITEMENTS_AGENTS


def par_code() -> dict[str, TraitementSun]:
    return {t.code: t for t in TRAITEMENTS}
