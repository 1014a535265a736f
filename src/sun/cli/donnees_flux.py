"""`sun donnees` actions of the wing « flux »: dcat (the catalogue for harvesters, in
DCAT-AP 3.0.1 Turtle or JSON-LD, or as a data.json) and datagouv (publication to
data.gouv.fr of the datasets not up to date there, or of one)."""

import sys

from sun.cli.sortie import DONNEES, OK, USAGE, ErreurCommande

# sun.donnees.flux.rendu.FORMATS (the parser is built before Django starts).
FORMATS = ["turtle", "jsonld", "data.json"]


def _base(args) -> str:
    from sun.donnees.flux.adresses import base_configuree

    base = (args.adresse or base_configuree()).strip().rstrip("/")
    if not base.startswith(("http://", "https://")):
        raise ErreurCommande("L'adresse publique du site est inconnue : réglez SUN_ADRESSE_SITE "
                             "(https://sun.exemple.fr) ou donnez --adresse.", USAGE)  # fmt: skip
    return base


def dcat(args) -> int:
    from pathlib import Path

    from sun.cli.sortie import verifier_base
    from sun.donnees.flux.adresses import Adresses
    from sun.donnees.flux.rendu import serialiser

    verifier_base()
    texte = serialiser(args.format, Adresses(_base(args)))
    if not args.sortie:
        sys.stdout.write(texte if texte.endswith("\n") else f"{texte}\n")
        return OK
    chemin = Path(args.sortie)
    try:
        chemin.write_text(texte, encoding="utf-8")
    except OSError as exc:
        raise ErreurCommande(f"Impossible d'écrire {chemin} : {exc.strerror or exc}.") from exc
    print(f"Catalogue ({args.format}) écrit : {chemin} ({len(texte.encode()):,} octets).")
    return OK


def datagouv(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.donnees.flux import datagouv as api
    from sun.donnees.flux.queries import jeu_par_slug
    from sun.donnees.flux.services import DESACTIVEE, publier_en_attente, publier_jeu

    verifier_base()
    if not api.active():
        print(f"{DESACTIVEE} (aucune clé d'API : SUN_DATAGOUV_API_CLE)")
        return OK
    base = _base(args)
    if args.jeu:
        jeu = jeu_par_slug(args.jeu)
        if jeu is None:
            raise ErreurCommande(f"Jeu de données inconnu : « {args.jeu} ».", DONNEES)
        envois = [publier_jeu(jeu, base=base)]
    else:
        envois = publier_en_attente(base=base)
        if not envois:
            print("Tous les jeux publiés sont à jour sur data.gouv.fr : rien à envoyer.")
    echecs = 0
    for envoi in envois:
        if envoi.reussi or not envoi.envoye:
            print(f"{envoi.jeu.slug} : {envoi.message}")
        else:
            echecs += 1
            print(f"{envoi.jeu.slug} : échec — {envoi.message} (nouvel essai au prochain "
                  "passage ; le catalogue local n'a pas changé)")  # fmt: skip
    if echecs:
        print(f"{echecs} envoi(s) en échec sur {len(envois)}.", file=sys.stderr)
        return DONNEES
    return OK


def ajouter(actions) -> None:
    """Add this wing's actions to `sun donnees`."""
    p = actions.add_parser("dcat", help="écrit le catalogue pour les moissonneurs (DCAT-AP "
                           "3.0.1 en Turtle ou JSON-LD, ou data.json)")  # fmt: skip
    p.add_argument("--format", choices=FORMATS, default="turtle", help="turtle par défaut")
    p.add_argument("--sortie", metavar="FICHIER", help="fichier écrit (sinon la sortie standard)")
    p.add_argument("--adresse", metavar="URL", help="adresse publique du site (par défaut "
                   "SUN_ADRESSE_SITE)")  # fmt: skip
    p.set_defaults(fonction=dcat)
    p = actions.add_parser("datagouv", help="publie sur data.gouv.fr les jeux qui n'y sont pas "
                           "à jour (ou un seul)")  # fmt: skip
    p.add_argument("--jeu", metavar="SLUG", help="seulement ce jeu de données (adresse)")
    p.add_argument("--adresse", metavar="URL", help="adresse publique du site (par défaut "
                   "SUN_ADRESSE_SITE)")  # fmt: skip
    p.set_defaults(fonction=datagouv)
