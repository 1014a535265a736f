"""`sun pilotage` (the schéma's plan: import, reminders, yearly report) and `sun indicateurs`."""

import sys
from pathlib import Path

from sun.cli.sortie import DONNEES, OK, ErreurCommande, verifier_base


def pilotage_importer(args) -> int:
    from sun.pilotage.plan_fichier import PlanInvalide, charger

    verifier_base()
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

    verifier_base()
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

    verifier_base()
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

    verifier_base()
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


def ajouter(sous) -> None:
    """Add `pilotage importer|relances|rapport` to the sub-commands `sous`."""
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


def ajouter_indicateurs(sous) -> None:
    """Add `indicateurs calculer` to the sub-commands `sous`."""
    calcul = sous.add_parser("indicateurs", help="indicateurs du plan calculés par SUN")
    ics = calcul.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = ics.add_parser("calculer", help="enregistre la valeur du jour de chaque indicateur calculé")
    p.set_defaults(fonction=indicateurs_calculer)
