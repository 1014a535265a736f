"""`sun accessibilite`: the automated axe-core check of the registered digital services, and
SUN's own site in the register."""

from sun.cli.sortie import DONNEES, OK, ErreurCommande, verifier_base


def controler(args) -> int:
    from sun.accessibilite.controles import MENTION
    from sun.accessibilite.controles.navigateur import OutilsAbsents
    from sun.accessibilite.controles.services import ControleImpossible
    from sun.accessibilite.controles.services import controler as lancer

    verifier_base()
    try:
        bilan = lancer(args.service, toutes=args.toutes)
    except OutilsAbsents as exc:
        raise ErreurCommande(str(exc), DONNEES) from exc
    except ControleImpossible as exc:
        raise ErreurCommande(str(exc), DONNEES) from exc
    controle = bilan.controle
    print(f"{MENTION[0].upper()}{MENTION[1:]}.")
    print(f"axe-core {controle.version_axe or '?'}, {controle.navigateur}.")
    for r in controle.resultats.select_related("service").order_by("service__nom", "url"):
        if r.atteinte:
            print(f"  {r.service.slug} {r.url} : {r.violations} règle(s) en violation, "
                  f"{r.noeuds} élément(s)")  # fmt: skip
        else:
            print(f"  {r.service.slug} {r.url} : INJOIGNABLE, {r.erreur}")
    for sn, motif in bilan.ecartes:
        print(f"  {sn.slug} : non contrôlé ({motif})")
    print(f"{controle.pages_atteintes} page(s) contrôlée(s), {controle.pages_injoignables} "
          "injoignable(s). Ce n'est pas un audit RGAA : aucun taux de conformité.")  # fmt: skip
    return OK


def site_sun(args) -> int:
    from django.core.exceptions import ValidationError

    from sun.accessibilite.demo import enregistrer_site_sun

    verifier_base()
    try:
        sn = enregistrer_site_sun(args.url, args.nom or "")
    except ValidationError as exc:
        raise ErreurCommande(
            "Rien n'a été enregistré : " + " ".join(exc.messages), DONNEES
        ) from exc
    print(f"« {sn.nom} » inscrit au registre ({sn.url}), déclaration : /accessibilite/"
          f"declarations/{sn.slug}/.")  # fmt: skip
    return OK


def demo(args) -> int:
    from sun.accessibilite.demo import creer_registre_demo

    verifier_base()
    services = creer_registre_demo()
    print(f"{len(services)} services numériques de démonstration (marqués comme tels), et un "
          "schéma pluriannuel de démonstration.")  # fmt: skip
    return OK


def ajouter(sous) -> None:
    acc = sous.add_parser("accessibilite", help="accessibilité numérique : registre des "
                          "services, déclarations, contrôle automatisé axe-core")  # fmt: skip
    actions = acc.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = actions.add_parser(
        "controler",
        help="contrôle automatisé (axe-core dans Chromium) des adresses du registre — ne "
        "remplace pas un audit RGAA ; une adresse injoignable est signalée, les autres continuent",
    )
    p.add_argument("--service", metavar="CODE", help="un seul service (son code)")
    p.add_argument("--toutes", action="store_true",
                   help="aussi les autres pages à contrôler de chaque service")  # fmt: skip
    p.set_defaults(fonction=controler)
    p = actions.add_parser("site-sun", help="inscrit le site SUN lui-même au registre, avec son "
                           "état connu (aucun audit : non conforme)")  # fmt: skip
    p.add_argument("--url", required=True, help="adresse publique du site, https://…")
    p.add_argument("--nom", help="nom affiché (par défaut : Plateforme SUN)")
    p.set_defaults(fonction=site_sun)
    p = actions.add_parser("demo", help="services numériques et schéma de démonstration")
    p.set_defaults(fonction=demo)
