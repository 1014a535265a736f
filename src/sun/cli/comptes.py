"""`sun comptes`: agents' accounts."""

from sun.cli.sortie import DONNEES, OK, ErreurCommande, verifier_base


def comptes_creer(args) -> int:
    import getpass

    from django.core.exceptions import ValidationError

    from sun.comptes.roles import Role
    from sun.comptes.services import creer_utilisateur

    verifier_base()
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
    print(
        f"Changement du mot de passe, une fois connecté : page {page_mot_de_passe()} du site"
        " (lien « Changer mon mot de passe » de l'espace agents)."
    )
    return OK


def page_mot_de_passe() -> str:
    from django.urls import reverse

    return reverse("mot_de_passe_changer")


def comptes_debloquer(args) -> int:
    from django.contrib.auth.models import User

    from sun.comptes.services import debloquer

    verifier_base()
    if not User.objects.filter(username=args.identifiant).exists():
        raise ErreurCommande(
            f"Aucun compte « {args.identifiant} » : vérifiez l'identifiant (les majuscules "
            "comptent).",
            DONNEES,
        )
    effacees = debloquer(args.identifiant)
    if effacees:
        print(
            f"Compte « {args.identifiant} » débloqué : {effacees} trace(s) de connexion échouée"
            " effacée(s). La personne peut se connecter de nouveau."
        )
    else:
        print(
            f"Le compte « {args.identifiant} » n'était pas bloqué : aucune connexion échouée"
            " n'est enregistrée pour lui."
        )
    return OK


def ajouter(sous) -> None:
    """Add `comptes creer` and `comptes debloquer` to the sub-commands `sous`."""
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
    p = cs.add_parser(
        "debloquer",
        help="lève le blocage d'un compte après trop de mots de passe refusés (toutes adresses)",
    )
    p.add_argument("identifiant")
    p.set_defaults(fonction=comptes_debloquer)
