"""`sun demo`: demonstration content (never published, never counted in the indicators)."""

from sun.cli.sortie import OK, USAGE, ErreurCommande, verifier_base


def demo_charger(args) -> int:
    from sun.core.installation import DemoRefusee, charger_demo

    verifier_base()
    try:
        charger_demo()
    except DemoRefusee as exc:
        raise ErreurCommande(str(exc), USAGE) from exc
    return OK


def ajouter(sous) -> None:
    """Add `demo charger` to the sub-commands `sous`."""
    demo = sous.add_parser("demo", help="contenu de démonstration")
    ds = demo.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = ds.add_parser(
        "charger",
        help="crée un compte de démonstration par rôle, des lieux, et des actions pour le pilote de démonstration",
    )
    p.set_defaults(fonction=demo_charger)
