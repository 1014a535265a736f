"""Every address of the site, read from the URL resolver, and a small world of objects to fill
their parameters (one of each kind, owned by known accounts). Shared by the access matrix and
the hostile-input tests of this folder."""

from dataclasses import dataclass
from datetime import date

from django.urls import URLPattern, URLResolver, get_resolver

from tests.securite import monde_competences_projets

# Identities of the access matrix: the anonymous visitor, a user with no role, each role of
# sun.comptes.roles, a second médiateur for objects owned by the first, and an instructeur of
# another service than the one whose démarche and request the world holds.
ANONYME, SANS_ROLE, AGENT, MEDIATEUR, PILOTE, ADMIN, AUTRE_MEDIATEUR = (
    "anonyme", "sans_role", "agent", "mediateur", "pilote", "administrateur", "autre_mediateur",
)  # fmt: skip
INSTRUCTEUR, AUTRE_INSTRUCTEUR = "instructeur", "autre_instructeur"
# The IT service (the fleet's inventory, donations, repairers).
INFORMATIQUE = "informatique"
# The Archives départementales (retention: visa of elimination slips, transfers).
ARCHIVISTE = "archiviste"
# The training service (HR).
FORMATION = "formation"
# Accounts from outside the département's services: a commune's account (tied to Carcassonne),
# another commune's (Aragon), the fibre syndicate's contact.
COMMUNE, AUTRE_COMMUNE, PARTENAIRE = "commune", "autre_commune", "partenaire"
EXTERNES = (COMMUNE, AUTRE_COMMUNE, PARTENAIRE)
IDENTITES = (ANONYME, SANS_ROLE, AGENT, MEDIATEUR, PILOTE, INSTRUCTEUR, ADMIN, AUTRE_MEDIATEUR,
             AUTRE_INSTRUCTEUR, INFORMATIQUE, ARCHIVISTE, FORMATION, *EXTERNES)  # fmt: skip


@dataclass(frozen=True)
class Adresse:
    nom: str  # « espace:lieu », « api:detail », « accueil »
    route: str  # the pattern, for messages
    parametres: tuple[str, ...]


def adresses(urlconf=None) -> list[Adresse]:
    """Every named pattern reachable from the root URLconf; the admin site counts as its index
    page only (its own URLs are Django's)."""
    trouvees: list[Adresse] = []

    def parcourir(resolveur, prefixe: str, espace: str | None):
        for motif in resolveur.url_patterns:
            if isinstance(motif, URLResolver):
                nom_espace = espace
                if motif.namespace:
                    nom_espace = f"{espace}:{motif.namespace}" if espace else motif.namespace
                if nom_espace == "admin":
                    trouvees.append(Adresse("admin:index", prefixe + str(motif.pattern), ()))
                    continue
                parcourir(motif, prefixe + str(motif.pattern), nom_espace)
            elif isinstance(motif, URLPattern):
                nom = f"{espace}:{motif.name}" if espace else (motif.name or "")
                trouvees.append(
                    Adresse(
                        nom, prefixe + str(motif.pattern), tuple(motif.pattern.regex.groupindex)
                    )
                )

    parcourir(get_resolver(urlconf), "", None)
    return trouvees


def construire_monde() -> dict:
    """One object of each kind the URLs name, and an account per identity. Returns
    {"comptes": {identité: user or None}, "parametres": {url name: kwargs}}."""
    from sun.comptes.roles import Role
    from sun.inclusion.models import Activite
    from tests.comptes.factories import UtilisateurFactory
    from tests.core.factories import JournalImportFactory
    from tests.inclusion.factories import (
        ActiviteFactory,
        LieuActiviteFactory,
        LieuFactory,
        MediateurFactory,
        OrientationFactory,
        StructureFactory,
    )
    from tests.pilotage.factories import ActionFactory, IndicateurFactory
    from tests.territoire.factories import CARCASSONNE, commune

    comptes = {
        ANONYME: None,
        SANS_ROLE: UtilisateurFactory(username="m-sans-role"),
        AGENT: UtilisateurFactory(username="m-agent", roles=[Role.AGENT]),
        MEDIATEUR: UtilisateurFactory(username="m-mediateur", roles=[Role.MEDIATEUR]),
        PILOTE: UtilisateurFactory(username="m-pilote", roles=[Role.PILOTE]),
        ADMIN: UtilisateurFactory(username="m-admin", roles=[Role.ADMINISTRATEUR]),
        AUTRE_MEDIATEUR: UtilisateurFactory(username="m-autre", roles=[Role.MEDIATEUR]),
        INSTRUCTEUR: UtilisateurFactory(username="m-instructeur", roles=[Role.INSTRUCTEUR]),
        AUTRE_INSTRUCTEUR: UtilisateurFactory(username="m-autre-instructeur",
                                              roles=[Role.INSTRUCTEUR]),
        INFORMATIQUE: UtilisateurFactory(username="m-informatique", roles=[Role.INFORMATIQUE]),
        ARCHIVISTE: UtilisateurFactory(username="m-archiviste", roles=[Role.ARCHIVISTE]),
        FORMATION: UtilisateurFactory(username="m-formation", roles=[Role.FORMATION]),
        COMMUNE: UtilisateurFactory(username="m-commune", roles=[Role.COMMUNE]),
        AUTRE_COMMUNE: UtilisateurFactory(username="m-autre-commune", roles=[Role.COMMUNE]),
        PARTENAIRE: UtilisateurFactory(username="m-partenaire", roles=[Role.PARTENAIRE]),
    }  # fmt: skip
    relation = _monde_relation(comptes)
    structure = StructureFactory()
    structure.membres.add(comptes[MEDIATEUR])
    lieu = LieuFactory(structure=structure)
    fiche = MediateurFactory(compte=comptes[MEDIATEUR], employeur=structure)
    MediateurFactory(compte=comptes[AUTRE_MEDIATEUR])
    lieu_activite = LieuActiviteFactory(mediateur=fiche, lieu=lieu)
    activite = ActiviteFactory(mediateur=fiche, lieu=lieu, source=Activite.Source.SAISIE)
    orientation = OrientationFactory(lieux_proposes=[str(lieu.pk)])
    action = ActionFactory(pilotes=[comptes[PILOTE]])
    indicateur = IndicateurFactory(plan=action.plan, actions=[action])
    journal = JournalImportFactory()
    carcassonne = commune(CARCASSONNE)
    siren = carcassonne.epci.code_siren
    parametres = {
        "lieu_public": {"pk": lieu.pk},
        "commune": {"code_insee": CARCASSONNE},
        "epci": {"code_siren": siren},
        "geo_departement": {"code": "11"},
        "geo_epci": {"code_siren": siren},
        "geo_commune": {"code_insee": CARCASSONNE},
        "espace:import_rapport": {"pk": journal.pk},
        "espace:parc_import_rapport": {"pk": journal.pk},  # not an inventory import: 404
        "espace:pilotage_action": {"pk": action.pk},
        "espace:pilotage_indicateur": {"pk": indicateur.pk},
        "espace:activite_supprimer": {"pk": activite.pk},
        "espace:activite_modifier": {"pk": activite.pk},
        "espace:activite_dupliquer": {"pk": activite.pk},
        "espace:reseau_fiche": {"pk": fiche.pk},
        "espace:reseau_modifier": {"pk": fiche.pk},
        "espace:reseau_lieu_ajouter": {"pk": fiche.pk},
        "espace:reseau_lieu_terminer": {"pk": fiche.pk, "activite": lieu_activite.pk},
        "espace:orientation_propositions": {"pk": orientation.pk},
        "espace:orientation_fiche": {"pk": orientation.pk},
        "espace:orientation_fiche_pdf": {"pk": orientation.pk},
        "espace:lieu": {"pk": lieu.pk},
        "espace:lieu_modifier": {"pk": lieu.pk},
        "espace:lieu_statut": {"pk": lieu.pk},
        "api:detail_commune": {"code_insee": CARCASSONNE},
        "api:detail_epci": {"code_siren": siren},
        "api:valeur": {"code": "inclusion.lieux", "niveau": "commune", "territoire": CARCASSONNE},
        "api:detail": {"id": lieu.pk},
        "mot_de_passe_nouveau": {"uidb64": "MQ", "token": "lien-perime"},
    }
    parametres.update(relation.pop("parametres"))
    parametres.update(_monde_qualite(relation["service"]))
    parametres.update(_monde_connectivite(comptes, carcassonne))
    parametres.update(_monde_parc(lieu))
    parametres.update(_monde_donnees(comptes[ADMIN]))
    parametres.update(monde_competences_projets.monde(comptes, AGENT, INFORMATIQUE))
    return {
        "comptes": comptes,
        "parametres": parametres,
        "lieu": lieu,
        "action": action,
        **relation,
    }


def _monde_relation(comptes: dict) -> dict:
    """A service with its instructeur, another service with the other one; a démarche of the
    first, open to this site's form, and a request on it."""
    from datetime import date

    from tests.relation.factories import DemarcheFactory, ServiceFactory, demande

    service = ServiceFactory(code="service-matrice")
    service.instructeurs.add(comptes[INSTRUCTEUR])
    ServiceFactory(code="autre-service").instructeurs.add(comptes[AUTRE_INSTRUCTEUR])
    demarche = DemarcheFactory(slug="demarche-matrice", service=service, canaux=[
        {"type": "en_ligne", "outil": "sun"}, {"type": "courrier", "adresse": "BP 1"}])  # fmt: skip
    la_demande = demande(demarche, recue_le=date(2024, 1, 10))
    return {"demande": la_demande, "demarche": demarche, "service": service, "parametres": {
        "demarche": {"slug": demarche.slug}, "demarche_deposer": {"slug": demarche.slug},
        "demarche_recu": {"slug": demarche.slug, "jeton": "jeton-invalide"},
        "espace:relation_demande": {"pk": la_demande.pk},
        "espace:relation_accuse_pdf": {"pk": la_demande.pk},
        "espace:relation_demarche": {"slug": demarche.slug},
        "espace:relation_service": {"code": service.code},
        "espace:relation_service_modifier": {"code": service.code},
        "espace:relation_canal_nouveau": {"slug": demarche.slug},
        "espace:relation_canal": {"slug": demarche.slug, "pk": demarche.canaux.first().pk},
        "espace:relation_statistiques_csv": {"tableau": "canal"},
    }}  # fmt: skip


def _monde_qualite(service) -> dict:
    """A queue and an improvement action of the first service, a registered digital service
    of it with a non-accessible content, a multi-year plan with an action."""
    from datetime import date

    from django.utils import timezone

    from sun.accessibilite.models import (
        ActionAccessibilite,
        ContenuNonAccessible,
        SchemaPluriannuel,
        ServiceNumerique,
    )
    from sun.qualite.engagements.referentiel import charger_engagements
    from sun.qualite.models import ActionAmelioration, Avis, Engagement, FileAttente

    file = FileAttente.objects.create(code="file-matrice", nom="File", service=service)
    charger_engagements()
    action = ActionAmelioration.objects.create(
        service=service, engagement=Engagement.objects.get(numero=2), intitule="Action"
    )
    site = ServiceNumerique.objects.create(
        slug="site-matrice",
        nom="Site",
        url="https://site.exemple.invalid/",
        type="site",
        service=service,
        public="public",
    )
    contenu = ContenuNonAccessible.objects.create(
        service=site, categorie="non_conformite", description="Cartes"
    )
    schema = SchemaPluriannuel.objects.create(
        titre="Schéma", debut=date(2025, 1, 1), fin=date(2027, 12, 31)
    )
    etape = ActionAccessibilite.objects.create(
        schema=schema, intitule="Audit", nature="audit", annee=2025
    )
    avis = Avis.objects.create(recu_le=timezone.now(), emplacement="site", satisfaction="good",
                               service=service, verbatim="Texte", moderation="a_lire")  # fmt: skip
    code, slug = {"code": service.code}, {"slug": site.slug}
    jeton = {"jeton": "jeton-invalide"}
    return {
        "espace:qualite_telephone_service": code, "espace:qualite_telephone_csv": code,
        "espace:qualite_telephone_effectifs": code, "espace:qualite_telephone_planning": code,
        "espace:qualite_telephone_file": {"pk": file.pk},
        "espace:qualite_engagements_service": code,
        "espace:qualite_engagements_action": {**code, "pk": action.pk},
        "nos_resultats_service": code, "nos_resultats_service_csv": code,
        "accessibilite_declaration": slug,
        "espace:accessibilite_fiche": slug, "espace:accessibilite_modifier": slug,
        "espace:accessibilite_grille": slug, "espace:accessibilite_controles": slug,
        "espace:accessibilite_contenu": slug,
        "espace:accessibilite_contenu_supprimer": {**slug, "pk": contenu.pk},
        "espace:accessibilite_schema": {"pk": schema.pk},
        "espace:accessibilite_action": {"pk": etape.pk},
        "espace:accessibilite_action_supprimer": {"pk": etape.pk},
        "avis_etape": jeton, "avis_borne": jeton, "avis_borne_merci": jeton,
        "espace:qualite_avis_moderer": {"pk": avis.pk},
    }  # fmt: skip


def _monde_connectivite(comptes: dict, carcassonne) -> dict:
    """The commune identity is Carcassonne's account, the other one Aragon's; a case reported
    by the first."""
    from django.utils import timezone

    from sun.connectivite.models import CompteCommune, Signalement
    from tests.territoire.factories import commune

    CompteCommune.objects.create(compte=comptes[COMMUNE], commune=carcassonne, fonction="maire")
    CompteCommune.objects.create(compte=comptes[AUTRE_COMMUNE], commune=commune("11011"),
                                 fonction="secretaire")  # fmt: skip
    maintenant = timezone.now()
    cas = Signalement.objects.create(
        commune=carcassonne, categorie="refus_tiers_technique", adresse="1 rue de la Gare",
        description="Poteau sur terrain privé", signale_par=comptes[COMMUNE], cree_le=maintenant,
        modifie_le=maintenant,
    )  # fmt: skip
    code = {"code_insee": carcassonne.code_insee}
    return {
        "espace:connectivite_difficulte": {"pk": cas.pk},
        "connectivite_fiche": code, "connectivite_fiche_pdf": code,
    }  # fmt: skip


def _monde_parc(lieu) -> dict:
    """A decommissioned item (its exit form shows), a site, a repairer and a donation proposed
    to the médiateur's place."""
    from tests.parc.factories import DonFactory, ReparateurFactory, equipement_reforme

    equipement = equipement_reforme(date(2025, 3, 1))
    don = DonFactory(lieu=lieu, beneficiaire=lieu.nom)
    reparateur = ReparateurFactory()
    noms_equipement = ["parc_equipement", "parc_equipement_modifier", "parc_equipement_sortir",
                       "parc_equipement_etat", "parc_equipement_reformer",
                       "parc_equipement_preuve", "parc_equipement_annuler_sortie",
                       "parc_equipement_intervention"]  # fmt: skip
    noms_don = ["parc_don", "parc_don_equipements", "parc_don_convention", "parc_don_accepter",
                "parc_don_remise", "parc_don_preuve", "parc_don_annuler",
                "parc_don_visibilite"]  # fmt: skip
    par_equipement = {nom: {"pk": equipement.pk} for nom in noms_equipement}
    par_don = {nom: {"pk": don.pk} for nom in noms_don}
    return {
        **{f"espace:{nom}": kwargs for nom, kwargs in {**par_equipement, **par_don}.items()},
        "espace:parc_site_modifier": {"pk": equipement.site_id},
        "espace:parc_taux_annee": {"annee": 2025},
        "espace:parc_declaration_csv": {"annee": 2025},
        "espace:reparateur_modifier": {"pk": reparateur.pk},
    }  # fmt: skip


def _monde_donnees(administrateur) -> dict:
    """A published dataset with one published file, an inventory entry, a retention rule, an
    elimination slip awaiting its visa and a transfer awaiting its receipt."""
    import tempfile
    from pathlib import Path

    from sun.donnees.conservation import types, versements
    from sun.donnees.models import BordereauElimination, EntreeInventaire, RegleConservation
    from tests.donnees.fabriques_catalogue import jeu_publie

    jeu, ressource, version = jeu_publie(administrateur, Path(tempfile.mkdtemp()))
    entree = EntreeInventaire.objects.create(nom="Base des aides", service="Solidarités",
                                             finalite="Suivre les aides.")  # fmt: skip
    regle = RegleConservation.objects.create(code="R-MATRICE", typologie="Orientations",
                                             type_enregistrement="inclusion.orientation",
                                             dua_valeur=1, point_depart="creation",
                                             sort_final="C")  # fmt: skip
    bordereau = BordereauElimination.objects.create(
        numero="2026-M1", regle=regle, nombre=0, type_enregistrement=regle.type_enregistrement
    )
    versement = versements.preparer(regle, types.obtenir(regle.type_enregistrement), [])
    return {
        "donnees_jeu": {"slug": jeu.slug},
        "donnees_ressource": {"uuid": ressource.uuid},
        "donnees_version": {"uuid": ressource.uuid, "numero": version.numero},
        "donnees_version_rapport": {"uuid": ressource.uuid, "numero": version.numero},
        **{f"espace:{nom}": {"pk": jeu.pk} for nom in (
            "donnees_jeu", "donnees_modifier", "donnees_ressource_nouvelle", "donnees_publier",
            "donnees_retirer")},
        "espace:donnees_depot": {"pk": ressource.pk},
        "espace:donnees_version": {"pk": version.pk},
        "espace:donnees_version_publier": {"pk": version.pk},
        "espace:donnees_datagouv": {"slug": jeu.slug},
        **{f"espace:{nom}": {"pk": entree.pk} for nom in (
            "donnees_inventaire_entree", "donnees_inventaire_modifier",
            "donnees_inventaire_supprimer")},
        "espace:donnees_regle_modifier": {"pk": regle.pk},
        **{f"espace:{nom}": {"pk": bordereau.pk} for nom in (
            "donnees_bordereau", "donnees_bordereau_pdf")},
        **{f"espace:{nom}": {"pk": versement.pk} for nom in (
            "donnees_versement", "donnees_versement_zip")},
    }  # fmt: skip
