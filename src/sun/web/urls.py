from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from sun.web.views import (
    accessibilite,
    accessibilite_controles,
    accessibilite_espace,
    accessibilite_plan,
    activites,
    carte_lieux,
    comptes,
    couverture,
    demarches,
    espace,
    espace_analyses,
    espace_lieux,
    espace_orientation,
    fne,
    geo,
    imports,
    lieux_exports,
    nos_resultats,
    pages,
    pilotage,
    qualite_avis,
    qualite_avis_espace,
    qualite_engagements,
    qualite_telephonie_import,
    qualite_telephonie_urls,
    referencement,
    relation_catalogue,
    relation_demande,
    relation_demandes,
    relation_services,
    relation_statistiques,
    reseau,
    suivi,
    territoire,
    trouver,
    urls_domaines,
)
from sun.web.views.connectivite import urls_difficultes as con_difficultes
from sun.web.views.connectivite import urls_fiches as con_fiches
from sun.web.views.connectivite import urls_importer as con_importer
from sun.web.views.connectivite import urls_publiques as con_publiques

espace_urls = (
    [
        path("", espace.accueil, name="accueil"),
        path("lieux/", espace_lieux.liste, name="lieux"),
        path("lieux/nouveau/", espace_lieux.creer, name="lieu_nouveau"),
        path("lieux/importer/", espace_lieux.importer, name="lieux_importer"),
        path(
            "lieux/importer/confirmer/",
            espace_lieux.importer_confirmer,
            name="lieux_importer_confirmer",
        ),
        path("lieux/doublons/", espace_lieux.doublons, name="doublons"),
        path("imports/", imports.journal, name="imports"),
        path("imports/<int:pk>/rapport.csv", imports.rapport, name="import_rapport"),
        path("lieux/signalements/", espace_lieux.signalements, name="signalements"),
        path("couverture/", couverture.page, name="couverture"),
        path("couverture/implantation/", couverture.implantation, name="implantation"),
        path("pilotage/", pilotage.tableau_de_bord, name="pilotage"),
        path("pilotage/actions/<int:pk>/", pilotage.action, name="pilotage_action"),
        path("pilotage/rapport/", pilotage.rapport, name="pilotage_rapport"),
        path("pilotage/indicateurs/<int:pk>/", pilotage.indicateur, name="pilotage_indicateur"),
        path("activites/", activites.accueil, name="activites"),
        path("activites/nouvelle/", activites.saisir, name="activite_nouvelle"),
        path("activites/importer/", activites.importer_fichier, name="activites_importer"),
        path("activites/modele.csv", activites.modele_csv, name="activites_modele"),
        path("activites/export-la-coop.json", activites.export_coop, name="activites_export"),
        path("activites/statistiques/", activites.statistiques, name="activites_statistiques"),
        path("activites/<uuid:pk>/supprimer/", activites.supprimer, name="activite_supprimer"),
        path("activites/<uuid:pk>/modifier/", activites.modifier, name="activite_modifier"),
        path("activites/<uuid:pk>/dupliquer/", activites.dupliquer, name="activite_dupliquer"),
        path("reseau/", reseau.annuaire, name="reseau"),
        path("reseau/ma-fiche/", reseau.ma_fiche, name="reseau_ma_fiche"),
        path("reseau/structures/", reseau.structures, name="reseau_structures"),
        path(
            "reseau/structures/nouvelle/",
            reseau.structure_nouvelle,
            name="reseau_structure_nouvelle",
        ),
        path("reseau/nouveau/", reseau.nouveau, name="reseau_nouveau"),
        path("reseau/<int:pk>/", reseau.fiche, name="reseau_fiche"),
        path("reseau/<int:pk>/modifier/", reseau.modifier, name="reseau_modifier"),
        path("reseau/<int:pk>/lieux/", reseau.lieu_ajouter, name="reseau_lieu_ajouter"),
        path(
            "reseau/<int:pk>/lieux/<uuid:activite>/fin/",
            reseau.lieu_terminer,
            name="reseau_lieu_terminer",
        ),
        path("orientation/", espace_orientation.questionnaire, name="orientation"),
        path(
            "orientation/statistiques/",
            espace_orientation.statistiques,
            name="orientation_statistiques",
        ),
        path(
            "orientation/<int:pk>/",
            espace_orientation.propositions,
            name="orientation_propositions",
        ),
        path("orientation/<int:pk>/fiche/", espace_orientation.fiche, name="orientation_fiche"),
        path(
            "orientation/<int:pk>/fiche.pdf",
            espace_orientation.fiche_pdf,
            name="orientation_fiche_pdf",
        ),
        path("lieux/<uuid:pk>/", espace_lieux.detail, name="lieu"),
        path("lieux/<uuid:pk>/modifier/", espace_lieux.modifier, name="lieu_modifier"),
        path("lieux/<uuid:pk>/statut/", espace_lieux.changer_statut, name="lieu_statut"),
        # --- espace : analyses (IFN) ---
        path("couverture/fragilite/importer/", espace_analyses.importer_ifn, name="ifn_importer"),
        # --- espace : pilotage et tâches ---
        path("imports/taches/confirmer/", imports.confirmer_tache, name="tache_confirmer"),
        # --- espace : formulaires ---
        path(
            "relation/statistiques/",
            relation_statistiques.statistiques,
            name="relation_statistiques",
        ),
        path(
            "relation/statistiques/<str:tableau>.csv",
            relation_statistiques.tableau_csv,
            name="relation_statistiques_csv",
        ),
        path(
            "relation/statistiques/reclamations/",
            relation_statistiques.reclamations,
            name="relation_reclamations",
        ),
        path("relation/demandes/", relation_demandes.liste, name="relation_demandes"),
        path(
            "relation/demandes/nouvelle/",
            relation_demandes.nouvelle,
            name="relation_demande_nouvelle",
        ),
        path("relation/demandes/<int:pk>/", relation_demande.page, name="relation_demande"),
        path(
            "relation/demandes/<int:pk>/accuse.pdf",
            relation_demandes.accuse_pdf,
            name="relation_accuse_pdf",
        ),
        path("relation/services/", relation_services.liste, name="relation_services"),
        path("relation/services/<slug:code>/", relation_services.service, name="relation_service"),
        path(
            "relation/services/<slug:code>/modifier/",
            relation_catalogue.service_modifier,
            name="relation_service_modifier",
        ),
        path("relation/demarches/", relation_catalogue.catalogue, name="relation_catalogue"),
        path(
            "relation/demarches/importer/",
            relation_catalogue.importer,
            name="relation_catalogue_importer",
        ),
        path(
            "relation/demarches/<slug:slug>/", relation_catalogue.demarche, name="relation_demarche"
        ),
        path(
            "relation/demarches/<slug:slug>/canaux/nouveau/",
            relation_catalogue.canal,
            name="relation_canal_nouveau",
        ),
        path(
            "relation/demarches/<slug:slug>/canaux/<int:pk>/",
            relation_catalogue.canal,
            name="relation_canal",
        ),
        # --- qualité : import des relevés d'appels (before « telephone/<code>/ ») ---
        path(
            "qualite/telephone/importer/",
            qualite_telephonie_import.importer,
            name="qualite_telephone_importer",
        ),
        # --- qualité : accueil téléphonique ---
        *qualite_telephonie_urls.chemins,
        *con_importer.espace,
        *con_difficultes.espace,
        *con_fiches.espace,
        *con_publiques.espace,
        *urls_domaines.espace,
        # --- accessibilité numérique ---
        path("accessibilite/", accessibilite_espace.liste, name="accessibilite"),
        path("accessibilite/nouveau/", accessibilite_espace.nouveau, name="accessibilite_nouveau"),
        path("accessibilite/plan/", accessibilite_plan.plans, name="accessibilite_plans"),
        path(
            "accessibilite/plan/nouveau/",
            accessibilite_plan.plan_nouveau,
            name="accessibilite_plan_nouveau",
        ),
        path("accessibilite/plan/<int:pk>/", accessibilite_plan.plan, name="accessibilite_schema"),
        path(
            "accessibilite/plan/actions/<int:pk>/",
            accessibilite_plan.action,
            name="accessibilite_action",
        ),
        path(
            "accessibilite/plan/actions/<int:pk>/supprimer/",
            accessibilite_plan.action_supprimer,
            name="accessibilite_action_supprimer",
        ),
        path(
            "accessibilite/services/<slug:slug>/",
            accessibilite_espace.fiche,
            name="accessibilite_fiche",
        ),
        path(
            "accessibilite/services/<slug:slug>/modifier/",
            accessibilite_espace.modifier,
            name="accessibilite_modifier",
        ),
        path(
            "accessibilite/services/<slug:slug>/grille/",
            accessibilite_espace.grille,
            name="accessibilite_grille",
        ),
        path(
            "accessibilite/services/<slug:slug>/contenus/",
            accessibilite_espace.contenu,
            name="accessibilite_contenu",
        ),
        path(
            "accessibilite/services/<slug:slug>/contenus/<int:pk>/supprimer/",
            accessibilite_espace.contenu_supprimer,
            name="accessibilite_contenu_supprimer",
        ),
        path(
            "accessibilite/services/<slug:slug>/controles/",
            accessibilite_controles.controles,
            name="accessibilite_controles",
        ),
        # --- qualité : Services Publics+ ---
        path("qualite/engagements/", qualite_engagements.tableau, name="qualite_engagements"),
        path(
            "qualite/engagements/<slug:code>/",
            qualite_engagements.service,
            name="qualite_engagements_service",
        ),
        path(
            "qualite/engagements/<slug:code>/actions/<int:pk>/",
            qualite_engagements.action,
            name="qualite_engagements_action",
        ),
        # --- qualité : avis des usagers ---
        path("qualite/avis/", qualite_avis_espace.resultats, name="qualite_avis"),
        path(
            "qualite/avis/resultats.csv", qualite_avis_espace.resultats_csv, name="qualite_avis_csv"
        ),
        path("qualite/avis/textes/", qualite_avis_espace.textes, name="qualite_avis_textes"),
        path(
            "qualite/avis/textes/<int:pk>/",
            qualite_avis_espace.moderer_texte,
            name="qualite_avis_moderer",
        ),
        path("qualite/avis/tablette/", qualite_avis_espace.borne, name="qualite_avis_borne"),
        path("qualite/avis/importer/", qualite_avis_espace.importer, name="qualite_avis_importer"),
    ],
    "espace",
)

urlpatterns = [
    path("", territoire.accueil, name="accueil"),
    path("trouver/", trouver.recherche, name="trouver"),
    path("avancement/", pilotage.page_avancement, name="avancement"),
    path("france-numerique-ensemble/", fne.tableau_de_bord, name="fne"),
    path("lieux/<uuid:pk>/", trouver.lieu, name="lieu_public"),
    path("communes/", territoire.recherche_communes, name="recherche_communes"),
    re_path(
        r"^communes/(?P<code_insee>[0-9][0-9AaBb][0-9]{3})/$", territoire.commune, name="commune"
    ),
    re_path(r"^epci/(?P<code_siren>[0-9]{9})/$", territoire.epci, name="epci"),
    path("carte/", territoire.carte, name="carte"),
    re_path(
        r"^geo/departement/(?P<code>[0-9][0-9AaBb][0-9]?)\.geojson$",
        geo.departement,
        name="geo_departement",
    ),
    re_path(r"^geo/epci/(?P<code_siren>[0-9]{9})\.geojson$", geo.epci, name="geo_epci"),
    re_path(
        r"^geo/communes/(?P<code_insee>[0-9][0-9AaBb][0-9]{3})\.geojson$",
        geo.commune,
        name="geo_commune",
    ),
    path(
        "lieux/export/lieux-de-mediation-numerique.csv",
        lieux_exports.csv_standard,
        name="export_lieux_csv",
    ),
    path(
        "lieux/export/lieux-de-mediation-numerique.json",
        lieux_exports.json_standard,
        name="export_lieux_json",
    ),
    path(
        "lieux/export/lieux-de-mediation-numerique.geojson",
        lieux_exports.geojson,
        name="export_lieux_geojson",
    ),
    path(
        "lieux/export/data-inclusion/structures.json",
        lieux_exports.data_inclusion_structures,
        name="export_di_structures",
    ),
    path(
        "lieux/export/data-inclusion/services.json",
        lieux_exports.data_inclusion_services,
        name="export_di_services",
    ),
    path("mentions-legales/", pages.mentions_legales, name="mentions_legales"),
    path("donnees-personnelles/", pages.donnees_personnelles, name="donnees_personnelles"),
    path("accessibilite/", pages.accessibilite, name="accessibilite"),
    path("plan-du-site/", pages.plan_du_site, name="plan_du_site"),
    path("code-source/", pages.code_source, name="code_source"),
    path("sante", pages.sante, name="sante"),
    # The login page of agents and partners; « /connexion/ » is the residents' « Ma connexion »
    # (internet at home), which sends there any old link carrying ?next=.
    path(
        "se-connecter/",
        auth_views.LoginView.as_view(
            template_name="web/connexion.html", redirect_authenticated_user=True
        ),
        name="connexion",
    ),
    path(
        "deconnexion/",
        auth_views.LogoutView.as_view(template_name="web/deconnexion.html"),
        name="deconnexion",
    ),
    # --- comptes : mot de passe (changer, oublié) ---
    path(
        "espace/mot-de-passe/",
        comptes.ChangerMotDePasse.as_view(),
        name="mot_de_passe_changer",
    ),
    path(
        "espace/mot-de-passe/change/",
        comptes.MotDePasseChange.as_view(),
        name="mot_de_passe_change",
    ),
    path("mot-de-passe-oublie/", comptes.MotDePasseOublie.as_view(), name="mot_de_passe_oublie"),
    path(
        "mot-de-passe-oublie/envoye/",
        comptes.MotDePasseOublieEnvoye.as_view(),
        name="mot_de_passe_oublie_envoye",
    ),
    path(
        "mot-de-passe-oublie/<uidb64>/<token>/",
        comptes.NouveauMotDePasse.as_view(),
        name="mot_de_passe_nouveau",
    ),
    path(
        "mot-de-passe-oublie/termine/",
        comptes.MotDePasseReinitialise.as_view(),
        name="mot_de_passe_reinitialise",
    ),
    path("espace/", include(espace_urls)),
    *con_publiques.publiques,
    *con_fiches.publiques,
    *con_difficultes.publiques,
    *urls_domaines.publiques,
    # --- public : recherche, cartes, robots et plan ---
    path("carte-des-lieux/", carte_lieux.carte, name="carte_lieux"),
    path("donnees-ouvertes/", pages.donnees_ouvertes, name="donnees_ouvertes"),
    path("robots.txt", referencement.robots, name="robots"),
    path("sitemap.xml", referencement.plan_xml, name="sitemap"),
    path("demarches/", demarches.portail, name="demarches"),
    path("demarches/<slug:slug>/", demarches.demarche, name="demarche"),
    path("demarches/<slug:slug>/deposer/", demarches.deposer, name="demarche_deposer"),
    path("demarches/<slug:slug>/deposer/recu/<str:jeton>/", demarches.recu, name="demarche_recu"),
    path("suivi/", suivi.suivi, name="suivi"),
    # --- accessibilité numérique ---
    path("accessibilite/services/", accessibilite.services, name="accessibilite_services"),
    path(
        "accessibilite/declarations/<slug:slug>/",
        accessibilite.declaration,
        name="accessibilite_declaration",
    ),
    path("accessibilite/schema-pluriannuel/", accessibilite.schema, name="accessibilite_schema"),
    # --- qualité : Services Publics+ ---
    path("nos-resultats/", nos_resultats.departement, name="nos_resultats"),
    path("nos-resultats/departement.csv", nos_resultats.csv_departement, name="nos_resultats_csv"),
    path("nos-resultats/<slug:code>/", nos_resultats.service, name="nos_resultats_service"),
    path(
        "nos-resultats/<slug:code>/resultats.csv",
        nos_resultats.csv_service,
        name="nos_resultats_service_csv",
    ),
    # --- qualité : avis des usagers ---
    path("avis/", qualite_avis.questionnaire, name="avis"),
    path("avis/merci/", qualite_avis.merci, name="avis_merci"),
    path("avis/etape/<str:jeton>/", qualite_avis.etape, name="avis_etape"),
    path("avis/borne/<str:jeton>/", qualite_avis.borne, name="avis_borne"),
    path("avis/borne/<str:jeton>/merci/", qualite_avis.borne_merci, name="avis_borne_merci"),
]
