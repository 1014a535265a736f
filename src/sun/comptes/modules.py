"""The modules of the agent space and the roles that open them.

One table, read by the server's check of every agent-space address (`verifier_module`, called
by `sun.web.middleware.ModulesEspace` and the Django admin site) and by the home page of the
agent space (`modules_de`): a role is shown exactly the modules it may open, never a link that
ends on a 403. Finer rights inside a module (edit a place, record an activity) stay with the
`permissions.py` of each application.
"""

from collections.abc import Callable
from dataclasses import dataclass

from sun.comptes.roles import ESPACE, Role, RoleManquant, a_role, libelles


def _pilote_d_une_action(user) -> bool:
    """Whoever pilots an action of the schéma reads the steering module, whatever their role
    (`Action.pilotes`, related name `actions_pilotees`)."""
    actions = getattr(user, "actions_pilotees", None)
    return actions is not None and actions.exists()


def _membre_du_personnel(user) -> bool:
    return user.is_staff


@dataclass(frozen=True)
class Module:
    code: str
    titre: str
    description: str
    url: str  # URL name of its first page
    roles: tuple[Role, ...]
    # Its pages: routes of the agent space starting with this (None: outside the agent space).
    chemin: str | None
    # A further way in, beside the roles (pilots of an action read the steering module).
    aussi: Callable | None = None
    # A condition every user must meet on top of the roles (the admin needs `is_staff`).
    et: Callable | None = None

    def ouvert_a(self, user) -> bool:
        if not user.is_authenticated or not user.is_active:
            return False
        if self.et is not None and not self.et(user):
            return False
        return a_role(user, *self.roles) or (self.aussi is not None and self.aussi(user))

    @property
    def roles_libelles(self) -> str:
        return libelles(self.roles) + (" (ou pilote d'une action du schéma)" if self.aussi else "")


AGENT, MEDIATEUR, PILOTE, ADMIN = Role.AGENT, Role.MEDIATEUR, Role.PILOTE, Role.ADMINISTRATEUR
INSTRUCTEUR = Role.INSTRUCTEUR
COMMUNE, PARTENAIRE = Role.COMMUNE, Role.PARTENAIRE
INFORMATIQUE = Role.INFORMATIQUE
ARCHIVISTE = Role.ARCHIVISTE
FORMATION = Role.FORMATION

MODULES: tuple[Module, ...] = (
    Module("lieux", "Inclusion", "registre des lieux de médiation numérique",
           "espace:lieux", ESPACE, "lieux/"),
    Module("pilotage", "Pilotage", "tableau de bord du schéma, actions et indicateurs",
           "espace:pilotage", (AGENT, PILOTE, ADMIN), "pilotage/", aussi=_pilote_d_une_action),
    Module("couverture", "Couverture", "où l'aide numérique manque, où ouvrir une permanence",
           "espace:couverture", ESPACE, "couverture/"),
    Module("orientation", "Orientation", "orienter une personne et imprimer sa fiche",
           "espace:orientation", (AGENT, MEDIATEUR, ADMIN), "orientation/"),
    Module("orientation_statistiques", "Statistiques des orientations",
           "besoins exprimés et lieux proposés au guichet, sans données personnelles",
           "espace:orientation_statistiques", (AGENT, PILOTE, ADMIN), "orientation/statistiques/"),
    Module("reseau", "Réseau", "annuaire des médiateurs et de leurs structures",
           "espace:reseau", ESPACE, "reseau/"),
    Module("activites", "Activités", "comptes rendus d'activité et statistiques",
           "espace:activites", ESPACE, "activites/"),
    Module("demandes", "Demandes des usagers",
           "enregistrer une demande reçue (téléphone, guichet, courrier, courriel), la retrouver "
           "par son code ou le nom de la personne, l'instruire dans son délai légal",
           "espace:relation_demandes", (AGENT, INSTRUCTEUR, ADMIN), "relation/demandes/"),
    Module("relation_services", "Tableaux de bord des services",
           "demandes par statut, décisions implicites à venir, part décidée dans le délai",
           "espace:relation_services", (AGENT, INSTRUCTEUR, ADMIN), "relation/services/"),
    Module("catalogue", "Catalogue des démarches",
           "démarches du département, leurs canaux, pièces et délais légaux",
           "espace:relation_catalogue", (AGENT, INSTRUCTEUR, PILOTE, ADMIN), "relation/demarches/"),
    Module("relation_statistiques", "Statistiques des demandes",
           "volumes, délais de traitement, demandes incomplètes, décisions implicites, réclamations",
           "espace:relation_statistiques", (AGENT, INSTRUCTEUR, PILOTE, ADMIN),
           "relation/statistiques/"),
    Module("telephonie", "Accueil téléphonique",
           "appels reçus, taux de décroché, attente, carte de chaleur, aide au calcul des "
           "effectifs et planning",
           "espace:qualite_telephone", (AGENT, INSTRUCTEUR, PILOTE, ADMIN), "qualite/telephone/"),
    Module("telephonie_import", "Importer un relevé d'appels",
           "relevés des standards et distributeurs d'appels (Asterisk, Webex Calling, modèle "
           "SUN ou correspondance)",
           "espace:qualite_telephone_importer", (AGENT, INSTRUCTEUR, ADMIN),
           "qualite/telephone/importer/"),
    Module("avis", "Avis des usagers",
           "satisfaction par démarche, service, canal et mois ; commentaires à modérer ; "
           "tablette d'accueil ; import « Je donne mon avis »",
           "espace:qualite_avis", (AGENT, INSTRUCTEUR, PILOTE, ADMIN), "qualite/avis/"),
    Module("services_publics_plus", "Services Publics+",
           "engagements du programme, auto-évaluation des services, actions d'amélioration et "
           "leur avancement",
           "espace:qualite_engagements", (AGENT, INSTRUCTEUR, PILOTE, ADMIN),
           "qualite/engagements/"),
    Module("accessibilite", "Accessibilité numérique",
           "registre des services numériques, déclarations d'accessibilité, schéma pluriannuel, "
           "contrôles automatisés",
           "espace:accessibilite", (AGENT, INSTRUCTEUR, PILOTE, ADMIN), "accessibilite/"),
    Module("connectivite", "Connectivité",
           "fibre, fermeture du cuivre et couverture mobile par commune : éditions importées, "
           "suivi du département, fiches des communes",
           "espace:connectivite", (AGENT, PILOTE, ADMIN), "connectivite/"),
    Module("connectivite_import", "Importer un fichier de connectivité",
           "fichiers de l'Arcep (Ma connexion internet, observatoire FttH, Mon réseau mobile) "
           "et calendriers de fermeture du cuivre (Orange, data.economie.gouv.fr)",
           "espace:connectivite_importer", (AGENT, ADMIN), "connectivite/importer/"),
    Module("difficultes", "Difficultés de raccordement",
           "signaler un refus de tiers, un raccordement bloqué, une adresse manquante ; suivre "
           "et traiter les signalements des communes",
           "espace:connectivite_difficultes", (AGENT, ADMIN, COMMUNE, PARTENAIRE),
           "connectivite/difficultes/"),
    Module("parc", "Parc informatique",
           "inventaire des équipements, cycle de vie, réformes et sorties, sites et collèges",
           "espace:parc", (INFORMATIQUE, PILOTE, ADMIN), "parc/"),
    Module("parc_import", "Importer un inventaire",
           "export CSV de GLPI ou modèle SUN ; correspondance des statuts et des types",
           "espace:parc_importer", (INFORMATIQUE, ADMIN), "parc/importer/"),
    Module("parc_taux", "Taux légaux du parc",
           "réemploi des équipements réformés (décret 2023-266), achats issus du réemploi "
           "(décret 2024-134) et déclaration annuelle",
           "espace:parc_taux", (INFORMATIQUE, PILOTE, ADMIN), "parc/taux/"),
    Module("parc_empreinte", "Empreinte du parc",
           "émissions de fabrication et d'usage, renouvellement, scénarios d'allongement",
           "espace:parc_empreinte", (INFORMATIQUE, PILOTE, ADMIN), "parc/empreinte/"),
    Module("parc_dons", "Dons de matériel",
           "matériel réformé proposé aux lieux de médiation et aux associations, conventions",
           "espace:parc_dons", (INFORMATIQUE, AGENT, MEDIATEUR, ADMIN), "parc/dons/"),
    Module("reparateurs", "Réparation et reconditionnement",
           "annuaire des réparateurs, reconditionneurs, repair cafés et ateliers du territoire",
           "espace:reparateurs", (INFORMATIQUE, AGENT, ADMIN), "parc/reparateurs/"),
    Module("donnees", "Catalogue des données",
           "jeux de données publiés et à publier, dépôt de fichiers, contrôle des schémas "
           "nationaux, publication sur data.gouv.fr",
           "espace:donnees", (AGENT, PILOTE, INSTRUCTEUR, ADMIN, INFORMATIQUE), "donnees/"),
    Module("donnees_inventaire", "Inventaire des données",
           "cartographie des données et des applications, registre des traitements (RGPD)",
           "espace:donnees_inventaire", (AGENT, PILOTE, INSTRUCTEUR, ADMIN, INFORMATIQUE),
           "donnees/inventaire/"),
    Module("donnees_conservation", "Conservation et archives",
           "tableau de gestion, purges, bordereaux d'élimination et versements aux Archives",
           "espace:donnees_conservation", (PILOTE, ADMIN, ARCHIVISTE),
           "donnees/conservation/"),
    Module("formations", "Formations et compétences",
           "catalogue des formations, inscriptions, diagnostic de compétences numériques "
           "(CRCN), mon parcours et mes attestations",
           "espace:competences", ESPACE, "competences/"),
    Module("formations_suivi", "Suivi des formations",
           "sessions, présences, attestations, formation des élus, personnes formées par "
           "direction et par thème",
           "espace:competences_suivi", (FORMATION, PILOTE, ADMIN), "competences/suivi/"),
    Module("referents", "Référents numériques",
           "annuaire des référents numériques de chaque direction et ce qu'ils traitent",
           "espace:competences_referents", ESPACE, "competences/referents/"),
    Module("projets", "Besoins et demandes sur les outils",
           "exprimer un besoin avant un achat, demander une évolution, signaler un incident, "
           "suivre le carnet des demandes par outil",
           "espace:projets", ESPACE, "projets/"),
    Module("panel", "Panels d'utilisateurs",
           "agents et habitants volontaires, consultations sur une demande ou un besoin",
           "espace:projets_panel", (INFORMATIQUE, PILOTE, ADMIN), "projets/panel/"),
    Module("appels_a_projets", "Appels à projets et financements",
           "veille des appels, candidatures, financements obtenus rattachés au budget du schéma",
           "espace:projets_appels", (AGENT, PILOTE, ADMIN), "projets/appels/"),
    Module("imports", "Journal des imports",
           "chaque fichier importé, ses chiffres et ses lignes refusées",
           "espace:imports", (AGENT, ADMIN), "imports/"),
    Module("administration", "Administration", "comptes, rôles et données",
           "admin:index", (ADMIN,), None, et=_membre_du_personnel),
)  # fmt: skip
PAR_CODE = {m.code: m for m in MODULES}


def modules_de(user) -> list[Module]:
    """The modules `user` may open, in the order of the table."""
    return [m for m in MODULES if m.ouvert_a(user)]


def du_personnel(user) -> bool:
    """Whether `user` holds a role of the département's staff (commune and partner accounts
    do not: their space shows their module only, not the list of the staff's others)."""
    return a_role(user, *ESPACE)


def module_de_la_route(route: str) -> Module | None:
    """The module owning an agent-space route (`lieux/<uuid:pk>/`): the longest `chemin` that
    starts it. None for the home page and for routes no module claims."""
    candidats = [m for m in MODULES if m.chemin and route.startswith(m.chemin)]
    return max(candidats, key=lambda m: len(m.chemin), default=None)


def peut_ouvrir(user, code: str) -> bool:
    return PAR_CODE[code].ouvert_a(user)


def verifier_module(user, module: Module) -> None:
    """Raise RoleManquant (a PermissionDenied naming the roles needed) unless `user` may open
    `module`."""
    if not module.ouvert_a(user):
        raise RoleManquant(
            f"Le module « {module.titre} » est réservé aux rôles : {module.roles_libelles}.",
            roles=module.roles,
        )
