"""`sun connectivite compte-commune` and `compte-partenaire`: the accounts of a mayor or a
commune secretary (role `commune`, tied to one commune of the served département) and of a
partner's contact (role `partenaire`). The generated password is printed once."""

from sun.cli.sortie import DONNEES, OK, ErreurCommande, verifier_base

FONCTIONS = ("maire", "adjoint", "secretaire", "agent")


def _creer(fabrique, *args, **kwargs):
    from django.core.exceptions import ValidationError

    verifier_base()
    try:
        return fabrique(*args, **kwargs)
    except ValidationError as exc:
        raise ErreurCommande("Compte refusé : " + " ".join(exc.messages), DONNEES) from exc
    except ValueError as exc:  # SignalementInvalide, or a login that exists
        raise ErreurCommande(str(exc), DONNEES) from exc


def _mot_de_passe(mot_de_passe: str) -> None:
    from sun.cli.comptes import page_mot_de_passe

    print(f"Mot de passe (affiché une seule fois, à transmettre puis à changer) : {mot_de_passe}")
    print(f"Changement du mot de passe, une fois connecté : page {page_mot_de_passe()} du site.")


def compte_commune(args) -> int:
    from sun.connectivite.signalements.services import creer_compte_commune

    lien, mot_de_passe = _creer(creer_compte_commune, args.identifiant, args.commune,
                                args.fonction_communale, email=args.email or "", nom=args.nom or "")  # fmt: skip
    print(f"Compte « {lien.compte.username} » créé : {lien.get_fonction_display().lower()} de "
          f"{lien.commune.nom} ({lien.commune.code_insee}), rôle commune.")  # fmt: skip
    _mot_de_passe(mot_de_passe)
    return OK


def compte_partenaire(args) -> int:
    from sun.connectivite.signalements.services import creer_compte_partenaire

    utilisateur, mot_de_passe = _creer(creer_compte_partenaire, args.identifiant, args.organisme,
                                       email=args.email or "", nom=args.nom or "")  # fmt: skip
    print(f"Compte « {utilisateur.username} » créé : {utilisateur.first_name}, rôle partenaire.")
    _mot_de_passe(mot_de_passe)
    return OK


def ajouter(actions) -> None:
    p = actions.add_parser("compte-commune", help="crée le compte d'un maire ou d'un secrétaire "
                           "de mairie, rattaché à sa commune")  # fmt: skip
    p.add_argument("identifiant")
    p.add_argument("--commune", required=True, metavar="CODE_INSEE",
                   help="code INSEE d'une commune du département servi")  # fmt: skip
    # `fonction` is the CLI's dispatch attribute: the commune role has its own destination.
    p.add_argument("--fonction", dest="fonction_communale", required=True, choices=FONCTIONS)
    p.add_argument("--email", help="adresse électronique (celle de la mairie)")
    p.add_argument("--nom", help="nom affiché (prénom et nom)")
    p.set_defaults(fonction=compte_commune)
    p = actions.add_parser("compte-partenaire", help="crée le compte du correspondant d'un "
                           "partenaire (syndicat, opérateur)")  # fmt: skip
    p.add_argument("identifiant")
    p.add_argument("--organisme", required=True, metavar="NOM")
    p.add_argument("--email", help="adresse électronique professionnelle")
    p.add_argument("--nom", help="nom affiché du correspondant")
    p.set_defaults(fonction=compte_partenaire)
