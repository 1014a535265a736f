"""The access matrix: every address of the site (read from the URL resolver: public pages,
agent space, API, the admin's index) × every identity (anonymous, no role, each role, a second
médiateur facing the first one's objects), with the status each must get.

The table below is the site's access rules written out. A new address without a line here
fails `test_chaque_adresse_a_sa_regle`: add its line, saying who opens it. Keep it consistent
with the README (« Qui ouvre quoi ») and sun/comptes/modules.py.
"""

import sys
import time
import types

import pytest
from django.test import Client, override_settings
from django.urls import include, path, reverse

from sun.comptes.roles import Role
from tests.securite import adresses as ids
from tests.securite.adresses import IDENTITES, adresses, construire_monde
from tests.securite.outils_regles import L, regle
from tests.securite.regles_competences_projets import REGLES as COMPETENCES_PROJETS

pytestmark = pytest.mark.django_db

PUBLIC = regle(200)
CONNECTE = regle(200, anonyme=L)  # any account, even without a role
ESPACE = regle(200, anonyme=L, sans_role=403)  # every role of the agent space
# The imports module and what it owns (journal, duplicates, reports): agents, administrators.
IMPORTS = regle(403, anonyme=L, agent=200, administrateur=200)
PILOTAGE = regle(403, anonyme=L, agent=200, pilote=200, administrateur=200)
ORIENTATION = regle(200, anonyme=L, sans_role=403, pilote=403, instructeur=403, formation=403,
                    autre_instructeur=403, informatique=403)  # fmt: skip
ADMINISTRATEURS = regle(403, anonyme=L, administrateur=200)
# The register of requests: agents, instructeurs (each sees their own service), administrators.
DEMANDES = regle(
    403, anonyme=L, agent=200, instructeur=200, autre_instructeur=200, administrateur=200
)
DEMANDE = regle(403, anonyme=L, agent=200, instructeur=200, administrateur=200)
INSTRUIT = regle(403, anonyme=L, instructeur=200, administrateur=200)
STATISTIQUES = regle(
    403,
    anonyme=L,
    agent=200,
    pilote=200,
    instructeur=200,
    autre_instructeur=200,
    administrateur=200,
)
# Difficulties reported by communes: agents, administrators and partners process them; each
# commune account sees its commune's cases only (another commune's case: 404); partners do not
# report.
DIFFICULTES = regle(
    403, anonyme=L, agent=200, administrateur=200, commune=200, autre_commune=200, partenaire=200
)
DIFFICULTE_NOUVELLE = regle(
    403, anonyme=L, agent=200, administrateur=200, commune=200, autre_commune=200
)
DIFFICULTE = regle(
    403, anonyme=L, agent=200, administrateur=200, commune=200, partenaire=200, autre_commune=404
)
# The IT fleet: the IT service and administrators keep it, pilots read it.
PARC = regle(403, anonyme=L, pilote=200, informatique=200, administrateur=200)
PARC_ECRITURE = regle(403, anonyme=L, informatique=200, administrateur=200)
PARC_POST = regle(403, anonyme=L, informatique=405, administrateur=405)
PARC_FIGER = regle(403, anonyme=L, pilote=405, informatique=405, administrateur=405)
# Donations: agents propose, médiateurs follow those to their structure's places.
DONS = regle(403, anonyme=L, agent=200, mediateur=200, autre_mediateur=200, informatique=200,
             administrateur=200)  # fmt: skip
DON = regle(403, anonyme=L, agent=200, mediateur=200, autre_mediateur=404, informatique=200,
            administrateur=200)  # fmt: skip
DON_PROPOSER = regle(403, anonyme=L, agent=200, informatique=200, administrateur=200)
DON_POST = regle(
    405, sans_role=403, pilote=403, instructeur=403, autre_instructeur=403, formation=403
)
# POST only (require_POST runs before the login check: 405 even to anonymous visitors).
POST_SEUL = regle(405, sans_role=403)
# The data service: the catalogue and the inventory are read by the département's staff
# (not the médiateurs), the inventory written by pilots, the IT service and administrators;
# retention is read by pilots, administrators and archivists, its rules edited by the last
# two, purges run by administrators.
CATALOGUE = regle(403, anonyme=L, agent=200, pilote=200, instructeur=200,
                  autre_instructeur=200, administrateur=200, informatique=200)  # fmt: skip
# POST only, refused to other roles (require_POST first: 405 to anonymous visitors too).
CATALOGUE_POST = regle(403, anonyme=405, agent=405, pilote=405, instructeur=405,
                       autre_instructeur=405, administrateur=405, informatique=405)  # fmt: skip
INVENTAIRE_ECRITURE = regle(403, anonyme=L, pilote=200, administrateur=200, informatique=200)
CONSERVATION = regle(403, anonyme=L, pilote=200, administrateur=200, archiviste=200)
REGLES = regle(403, anonyme=L, administrateur=200, archiviste=200)

ATTENDU: dict[str, dict] = {
    # --- public pages, open data, API ---
    **dict.fromkeys([
        "accueil", "trouver", "avancement", "fne", "lieu_public", "recherche_communes",
        "commune", "epci", "carte", "geo_departement", "geo_epci", "geo_commune",
        "export_lieux_csv", "export_lieux_json", "export_lieux_geojson", "export_di_structures",
        "export_di_services", "mentions_legales", "donnees_personnelles", "accessibilite",
        "plan_du_site", "code_source", "sante", "carte_lieux", "robots",
        "sitemap", "mot_de_passe_oublie", "mot_de_passe_oublie_envoye", "mot_de_passe_nouveau",
        "mot_de_passe_reinitialise",
        "api:openapi-json", "api:openapi-view", "api:liste_communes", "api:detail_commune",
        "api:liste_epci", "api:detail_epci", "api:liste_departements", "api:liste", "api:valeur",
        "api:chercher", "api:detail",
    ], PUBLIC),
    "api:api-root": regle(404),
    # --- accounts ---
    "connexion": regle(302, anonyme=200),  # a logged-in user goes on to the agent space
    "deconnexion": regle(405),  # POST only
    "mot_de_passe_changer": CONNECTE,
    "mot_de_passe_change": CONNECTE,
    "admin:index": regle(302, administrateur=200),  # others: the admin's own login page
    # --- agent space: register of places ---
    # Every role enters the agent space; commune and partner accounts find their module there.
    "espace:accueil": regle(200, anonyme=L, sans_role=403, commune=200, autre_commune=200,
                            partenaire=200, archiviste=200),
    "espace:lieux": ESPACE,
    "espace:lieu": ESPACE,
    "espace:lieu_nouveau": regle(403, anonyme=L, agent=200, administrateur=200),
    # A médiateur edits the places of their structure only.
    "espace:lieu_modifier": regle(403, anonyme=L, agent=200, mediateur=200, administrateur=200),
    "espace:lieu_statut": POST_SEUL,
    "espace:lieux_importer": IMPORTS,
    "espace:lieux_importer_confirmer": regle(405, anonyme=L, sans_role=403),
    "espace:doublons": IMPORTS,
    "espace:signalements": IMPORTS,
    "espace:imports": IMPORTS,
    "espace:import_rapport": regle(403, anonyme=L, agent=404, administrateur=404),  # no file
    "espace:tache_confirmer": regle(403, anonyme=L, agent=405, administrateur=405),
    # --- coverage, analyses ---
    "espace:couverture": ESPACE,
    "espace:implantation": ESPACE,
    "espace:ifn_importer": IMPORTS,
    # --- steering (pilotage): agents, pilots, administrators read; see test_calcul_droits ---
    "espace:pilotage": PILOTAGE,
    "espace:pilotage_action": PILOTAGE,
    "espace:pilotage_rapport": PILOTAGE,
    "espace:pilotage_indicateur": PILOTAGE,
    # --- activities: médiateurs enter their own, the other médiateur finds none (404) ---
    "espace:activites": ESPACE,
    "espace:activites_modele": ESPACE,
    "espace:activites_statistiques": ESPACE,
    "espace:activite_nouvelle": regle(403, anonyme=L, mediateur=200, autre_mediateur=200, administrateur=200),
    "espace:activite_modifier": regle(403, anonyme=L, mediateur=200, autre_mediateur=404, administrateur=200),
    "espace:activite_dupliquer": regle(403, anonyme=L, mediateur=200, autre_mediateur=404, administrateur=200),
    "espace:activite_supprimer": POST_SEUL,
    "espace:activites_importer": IMPORTS,
    "espace:activites_export": IMPORTS,
    # --- network: everyone reads; a médiateur edits their own record (others: back to it) ---
    "espace:reseau": ESPACE,
    "espace:reseau_structures": ESPACE,
    "espace:reseau_fiche": ESPACE,
    "espace:reseau_ma_fiche": regle(302, anonyme=L, sans_role=403),
    "espace:reseau_modifier": regle(302, anonyme=L, sans_role=403, mediateur=200, administrateur=200),
    "espace:reseau_structure_nouvelle": ADMINISTRATEURS,
    "espace:reseau_nouveau": ADMINISTRATEURS,
    "espace:reseau_lieu_ajouter": POST_SEUL,
    "espace:reseau_lieu_terminer": POST_SEUL,
    # --- orientation at the desk; its statistics for those who steer ---
    "espace:orientation": ORIENTATION,
    "espace:orientation_propositions": ORIENTATION,
    "espace:orientation_fiche": ORIENTATION,
    "espace:orientation_fiche_pdf": ORIENTATION,
    "espace:orientation_statistiques": PILOTAGE,
    # --- relation aux usagers: the public portal, deposit and tracking ---
    **dict.fromkeys(["demarches", "demarche", "demarche_deposer", "suivi"], PUBLIC),
    "demarche_recu": regle(404),  # its signed token is not in the world
    # --- the register: agents (desk, phone) and instructeurs; each instructeur their service ---
    "espace:relation_demandes": DEMANDES,
    "espace:relation_demande_nouvelle": DEMANDES,
    "espace:relation_demande": DEMANDE,
    "espace:relation_accuse_pdf": DEMANDE,
    "espace:relation_services": DEMANDES,
    "espace:relation_service": DEMANDE,
    "espace:relation_service_modifier": ADMINISTRATEURS,
    "espace:relation_catalogue": regle(200, anonyme=L, sans_role=403, mediateur=403, autre_mediateur=403,
                                       informatique=403, formation=403),
    "espace:relation_catalogue_importer": regle(403, anonyme=L, administrateur=302),
    "espace:relation_demarche": INSTRUIT,
    "espace:relation_canal_nouveau": INSTRUIT,
    "espace:relation_canal": INSTRUIT,
    "espace:relation_statistiques": STATISTIQUES,
    # The world holds one request: under 5, no table is shown, so none is exported (404).
    "espace:relation_statistiques_csv": regle(403, anonyme=L, agent=404, pilote=404, instructeur=404,
                                              autre_instructeur=404, administrateur=404),
    "espace:relation_reclamations": STATISTIQUES,
    # --- quality of service: the telephone (everyone who steers reads; the rota and a queue's
    # settings: agents, administrators and the instructeurs of the queue's service) ---
    **dict.fromkeys(["espace:qualite_telephone", "espace:qualite_telephone_service",
                     "espace:qualite_telephone_csv", "espace:qualite_telephone_effectifs",
                     "espace:qualite_telephone_planning"], STATISTIQUES),
    "espace:qualite_telephone_file": DEMANDE,
    "espace:qualite_telephone_importer": DEMANDES,
    # --- users' opinions: the public answers; results for those who steer, texts moderated by
    # the service (and agents), a desk tablet set up and JDMA files imported by agents and
    # instructeurs ---
    **dict.fromkeys(["avis", "avis_merci"], PUBLIC),
    # A forged or expired token of a questionnaire in progress or of a tablet: refused.
    **dict.fromkeys(["avis_etape", "avis_borne", "avis_borne_merci"], regle(404)),
    **dict.fromkeys(["espace:qualite_avis", "espace:qualite_avis_csv",
                     "espace:qualite_avis_textes"], STATISTIQUES),
    **dict.fromkeys(["espace:qualite_avis_borne", "espace:qualite_avis_importer"], DEMANDES),
    "espace:qualite_avis_moderer": regle(405, anonyme=L, sans_role=403, mediateur=403,
                                         autre_mediateur=403, informatique=403, formation=403),
    # --- Services Publics+: the services assess themselves; the results are public ---
    **dict.fromkeys(["espace:qualite_engagements", "espace:qualite_engagements_service",
                     "espace:qualite_engagements_action"], STATISTIQUES),
    **dict.fromkeys(["nos_resultats", "nos_resultats_service", "nos_resultats_csv",
                     "nos_resultats_service_csv"], PUBLIC),
    # --- accessibility: public statements and plan; the register for those who steer, kept by
    # agents (and the instructeurs of an entry's service) ---
    **dict.fromkeys(["accessibilite_services", "accessibilite_declaration",
                     "accessibilite_schema"], PUBLIC),
    **dict.fromkeys(["espace:accessibilite", "espace:accessibilite_fiche",
                     "espace:accessibilite_controles", "espace:accessibilite_plans",
                     "espace:accessibilite_schema"], STATISTIQUES),
    **dict.fromkeys(["espace:accessibilite_nouveau", "espace:accessibilite_plan_nouveau",
                     "espace:accessibilite_action"], IMPORTS),
    **dict.fromkeys(["espace:accessibilite_modifier", "espace:accessibilite_grille"], DEMANDE),
    **dict.fromkeys(["espace:accessibilite_contenu", "espace:accessibilite_contenu_supprimer",
                     "espace:accessibilite_action_supprimer"],
                    regle(405, sans_role=403, mediateur=403, autre_mediateur=403,
                          informatique=403, formation=403)),
    # --- connectivity: public pages and sheets; the editions for those who steer, imported by
    # agents; difficulties reported by communes ---
    **dict.fromkeys(["ma_connexion", "connectivite_departement", "connectivite_fiche",
                     "connectivite_fiche_pdf"], PUBLIC),
    **dict.fromkeys(["espace:connectivite_difficultes", "espace:connectivite_difficultes_csv"],
                    DIFFICULTES),
    "espace:connectivite_difficulte_nouvelle": DIFFICULTE_NOUVELLE,
    "espace:connectivite_difficulte": DIFFICULTE,
    "espace:connectivite": PILOTAGE,
    "espace:connectivite_importer": IMPORTS,
    # --- the IT fleet: inventory, legal rates, footprint, donations, repairers, sobriety ---
    **dict.fromkeys(["espace:parc", "espace:parc_export_csv", "espace:parc_sites",
                     "espace:parc_equipement", "espace:parc_taux", "espace:parc_taux_annee",
                     "espace:parc_taux_csv", "espace:parc_achats", "espace:parc_empreinte",
                     "espace:parc_scenarios", "espace:parc_renouvellement",
                     "espace:parc_empreinte_csv"], PARC),
    **dict.fromkeys(["espace:parc_equipement_nouveau", "espace:parc_equipement_modifier",
                     "espace:parc_equipement_sortir", "espace:parc_site_nouveau",
                     "espace:parc_site_modifier", "espace:parc_achat_nouveau"], PARC_ECRITURE),
    **dict.fromkeys(["espace:parc_equipement_etat", "espace:parc_equipement_reformer",
                     "espace:parc_equipement_preuve", "espace:parc_equipement_annuler_sortie",
                     "espace:parc_equipement_intervention"], PARC_POST),
    "espace:parc_taux_figer": PARC_FIGER,
    **dict.fromkeys(["espace:parc_importer", "espace:parc_modele_csv",
                     "espace:parc_correspondances"], PARC_ECRITURE),
    "espace:parc_import_rapport": regle(403, anonyme=L, informatique=404, administrateur=404),
    # No SIRET set in the tests: the declaration is refused, back to the purchases page.
    "espace:parc_declaration_csv": regle(403, anonyme=L, pilote=302, informatique=302,
                                         administrateur=302),
    **dict.fromkeys(["numerique_responsable", "reparateurs_public", "sobriete"], PUBLIC),
    # The repairers' directory: kept by the IT service and agents.
    **dict.fromkeys(["espace:reparateurs", "espace:reparateur_nouveau",
                     "espace:reparateurs_importer", "espace:reparateur_modifier",
                     "espace:reparateurs_modele_csv"], DON_PROPOSER),
    "espace:parc_dons": DONS,
    **dict.fromkeys(["espace:parc_don", "espace:parc_don_convention"], DON),
    "espace:parc_don_nouveau": DON_PROPOSER,
    "espace:parc_don_equipements": regle(403, anonyme=L, agent=200, autre_mediateur=404,
                                         informatique=200, administrateur=200),
    **dict.fromkeys(["espace:parc_don_accepter", "espace:parc_don_remise", "espace:parc_don_preuve",
                     "espace:parc_don_annuler", "espace:parc_don_visibilite"], DON_POST),
    # --- the data service ---
    "donnees_ouvertes": regle(301),  # the former open-data page: to the catalogue
    **dict.fromkeys(["donnees_catalogue", "donnees_jeu", "donnees_version",
                     "donnees_version_rapport", "donnees_dcat_ttl", "donnees_dcat_jsonld",
                     "donnees_data_json"], PUBLIC),
    "donnees_ressource": regle(302),  # to its latest published version
    **dict.fromkeys(["espace:donnees", "espace:donnees_nouveau", "espace:donnees_jeu",
                     "espace:donnees_modifier", "espace:donnees_ressource_nouvelle",
                     "espace:donnees_depot", "espace:donnees_version",
                     "espace:donnees_valider", "espace:donnees_schemas",
                     "espace:donnees_inventaire", "espace:donnees_inventaire_entree",
                     "espace:donnees_inventaire_cnil", "espace:donnees_inventaire_csv",
                     "espace:donnees_repertoire"], CATALOGUE),
    **dict.fromkeys(["espace:donnees_publier", "espace:donnees_retirer",
                     "espace:donnees_version_publier", "espace:donnees_datagouv"], CATALOGUE_POST),
    "espace:donnees_inventaire_supprimer": regle(403, anonyme=L, agent=405, pilote=405,
                                                 instructeur=405, autre_instructeur=405,
                                                 administrateur=405, informatique=405),
    **dict.fromkeys(["espace:donnees_inventaire_nouvelle",
                     "espace:donnees_inventaire_modifier"], INVENTAIRE_ECRITURE),
    **dict.fromkeys(["espace:donnees_conservation", "espace:donnees_regles_csv",
                     "espace:donnees_regles_vitam", "espace:donnees_bordereau",
                     "espace:donnees_bordereau_pdf", "espace:donnees_versement",
                     "espace:donnees_versement_zip"], CONSERVATION),
    **dict.fromkeys(["espace:donnees_regle_modifier", "espace:donnees_regles_importer"], REGLES),
    "espace:donnees_purge": regle(403, anonyme=L, administrateur=200),
    **COMPETENCES_PROJETS,
}  # fmt: skip
REFUS = {L, 403}
IDENTITES_CONNECTEES = [i for i in IDENTITES if i != ids.ANONYME]


def adresses_sans_regle(urlconf=None) -> list[str]:
    """The addresses of the resolver missing from ATTENDU, each with what to do."""
    return [
        f"« {a.nom or a.route} » ({a.route}) n'a pas de règle d'accès : ajoutez sa ligne à "
        "ATTENDU dans tests/securite/test_matrice_acces.py (qui l'ouvre, qui est refusé)."
        for a in adresses(urlconf)
        if not a.nom or a.nom not in ATTENDU
    ]


def test_chaque_adresse_a_sa_regle():
    assert adresses_sans_regle() == []
    noms = {a.nom for a in adresses()}
    assert sorted(set(ATTENDU) - noms) == [], "Des règles nomment des adresses disparues."


def test_une_adresse_nouvelle_sans_regle_fait_echouer_la_suite(monkeypatch):
    """The check above really fails on an address added without its line."""
    module = types.ModuleType("tests.securite.urls_avec_une_nouvelle_page")
    module.urlpatterns = [
        path("nouvelle-page/", lambda request: None, name="nouvelle_page"),
        path("sans-nom/", lambda request: None),
        path("", include("sun.urls")),
    ]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    with override_settings(ROOT_URLCONF=module.__name__):
        manquantes = adresses_sans_regle()
    assert len(manquantes) == 2
    assert manquantes[0].startswith("« nouvelle_page » (nouvelle-page/) n'a pas de règle")
    assert "ajoutez sa ligne à ATTENDU" in manquantes[0] and "sans-nom/" in manquantes[1]


def _statut(reponse):
    if reponse.status_code == 302 and reponse["Location"].startswith(reverse("connexion")):
        return L
    return reponse.status_code


def _clients(monde) -> dict[str, Client]:
    clients = {}
    for identite in IDENTITES:
        client = Client(raise_request_exception=False)
        if monde["comptes"][identite] is not None:
            client.force_login(monde["comptes"][identite])
        clients[identite] = client
    return clients


def _empreinte() -> dict:
    """Row counts of what a refused POST could have written."""
    from django.contrib.auth import get_user_model

    from sun.connectivite.models import CompteCommune, Edition, EvenementSignalement, Signalement
    from sun.inclusion.models import (
        Activite,
        Lieu,
        LieuActivite,
        Mediateur,
        Orientation,
        PaireDoublon,
        SignalementErreur,
        Structure,
    )
    from sun.pilotage.models import Action, NoteSuivi, ValeurIndicateur
    from sun.relation.models import Canal, Demande, DemandePieces, Demarche, Evenement, Usager

    modeles = [get_user_model(), Activite, Lieu, LieuActivite, Mediateur, Orientation, PaireDoublon,
               SignalementErreur, Structure, Action, NoteSuivi, ValeurIndicateur, Canal, Demande,
               DemandePieces, Demarche, Evenement, Usager, CompteCommune, Edition,
               EvenementSignalement, Signalement]  # fmt: skip
    return {m.__name__: m.objects.count() for m in modeles}


def test_matrice_des_acces():
    """GET every address as every identity; then POST to it as every identity it refuses:
    refused as well, and nothing written."""
    debut = time.monotonic()
    monde = construire_monde()
    clients = _clients(monde)
    ecarts, cases = [], 0
    for adresse in adresses():
        url = reverse(adresse.nom, kwargs=monde["parametres"].get(adresse.nom, {}))
        for identite in IDENTITES:
            obtenu, attendu = _statut(clients[identite].get(url)), ATTENDU[adresse.nom][identite]
            cases += 1
            if obtenu != attendu:
                ecarts.append(
                    f"GET {adresse.nom} ({url}) en {identite} : {obtenu}, attendu {attendu}"
                )
    avant = _empreinte()
    for adresse in adresses():
        if adresse.nom == "admin:index":
            continue  # Django's own admin login
        url = reverse(adresse.nom, kwargs=monde["parametres"].get(adresse.nom, {}))
        refuses = [i for i in IDENTITES if ATTENDU[adresse.nom][i] in REFUS]
        if adresse.nom.startswith("espace:") and ids.ANONYME not in refuses:
            refuses.append(ids.ANONYME)  # POST-only views: anonymous visitors go to the login page
        for identite in refuses:
            obtenu = _statut(
                clients[identite].post(url, {"quoi": "calculer", "decision": "fusionner"})
            )
            # A read-only page refuses a POST by its method (405) before any check: refused too.
            if obtenu not in {*REFUS, 405}:
                ecarts.append(
                    f"POST {adresse.nom} ({url}) en {identite} : {obtenu}, attendu un refus"
                )
    assert ecarts == [], "\n".join(ecarts)
    assert _empreinte() == avant
    duree = time.monotonic() - debut
    print(f"\nMatrice d'accès : {cases} cases ({cases // len(IDENTITES)} adresses × "
          f"{len(IDENTITES)} identités) en {duree:.1f} s")  # fmt: skip


def test_les_roles_de_la_matrice_sont_ceux_du_site():
    """Each role of sun.comptes.roles has its identity in the matrix."""
    assert {
        ids.AGENT,
        ids.MEDIATEUR,
        ids.PILOTE,
        ids.INSTRUCTEUR,
        ids.ADMIN,
        ids.INFORMATIQUE,
        ids.ARCHIVISTE,
        ids.FORMATION,
        ids.COMMUNE,
        ids.PARTENAIRE,
    } == {r.value for r in Role}
    assert {ids.SANS_ROLE, ids.AUTRE_MEDIATEUR, ids.AUTRE_INSTRUCTEUR} < set(IDENTITES_CONNECTEES)
