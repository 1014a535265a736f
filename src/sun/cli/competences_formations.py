"""`sun competences` actions of the wing « formations »: sessions (the upcoming sessions with
their seats left) and rappels (the reminders before a session, `--essai` to list them only)."""

from sun.cli.sortie import OK
from sun.competences import referentiel


def sessions(args) -> int:
    from django.utils import timezone

    from sun.cli.sortie import verifier_base
    from sun.competences.models import Session

    verifier_base()
    n = 0
    for s in Session.objects.catalogue(timezone.now(), theme=args.theme or ""):
        n += 1
        debut = timezone.localtime(s.debut)
        places = f"{s.places_restantes} place(s) restante(s) sur {s.places}" if (
            s.places_restantes > 0) else f"complète ({s.places} places)"  # fmt: skip
        demo = " ; démonstration" if s.demonstration else ""
        print(f"{s.pk} — {debut:%d/%m/%Y %H:%M} — {s.titre} — {s.get_theme_display()} — "
              f"{s.get_organisme_display()} — {places}{demo}")  # fmt: skip
    print(f"{n} session(s) à venir.")
    return OK


def rappels(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.competences.formations.rappels import JOURS_AVANT, rappeler

    verifier_base()
    compte = rappeler(essai=args.essai)
    verbe = "à envoyer" if args.essai else "envoyé"
    for ligne in compte.envoyes:
        print(f"Rappel {verbe} : {ligne}")
    for ligne in compte.echecs:
        print(f"Échec : {ligne}")
    if args.essai:
        print(f"{len(compte.envoyes)} rappel(s) à envoyer (sessions dans les {JOURS_AVANT} "
              "prochains jours) ; essai : rien n'a été envoyé.")  # fmt: skip
    else:
        print(compte.resume() + ".")
    return OK


# The themes' codes (referentiel needs no Django: the parser is built before Django starts).
THEMES = [code for code, _ in referentiel.THEMES]


def ajouter(actions) -> None:
    """Add this wing's actions to `sun competences`."""
    p = actions.add_parser("sessions", help="liste les sessions de formation à venir et leurs "
                           "places restantes")  # fmt: skip
    p.add_argument("--theme", choices=THEMES, help="seulement les sessions de ce thème")
    p.set_defaults(fonction=sessions)
    p = actions.add_parser("rappels", help="envoie les rappels avant les sessions de formation")
    p.add_argument("--essai", action="store_true", help="liste les rappels sans les envoyer")
    p.set_defaults(fonction=rappels)
