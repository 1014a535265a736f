"""`sun parc` actions of the wing « sobriete »: `sun parc ecoindex --url URL [--pages …]`
measures the public pages of a running SUN in Chromium (Playwright) and records their
Ecoindex, shown on the public page « Sobriété numérique de ce site » (/sobriete/)."""

from sun.cli.sortie import DONNEES, OK, USAGE, ErreurCommande


def ecoindex(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.parc.sobriete.mesure import MesureImpossible
    from sun.parc.sobriete.pages import PageInconnue
    from sun.parc.sobriete.services import mesurer_et_enregistrer

    verifier_base()
    noms = [n.strip() for n in (args.pages or "").split(",") if n.strip()] or None
    try:
        mesures = mesurer_et_enregistrer(args.url, noms, args.chromium)
    except PageInconnue as exc:
        raise ErreurCommande(str(exc), USAGE) from exc
    except MesureImpossible as exc:
        raise ErreurCommande(f"{exc} Rien n'a été enregistré pour les pages suivantes.",
                             DONNEES) from exc  # fmt: skip
    if not mesures:
        print("Aucune page à mesurer (territoire non chargé ?).")
    for m in mesures:
        print(f"{m.page:<26} {m.note} {m.score:>3}/100  {m.elements_dom:>5} éléments  "
              f"{m.requetes:>3} requêtes  {m.poids_ko:>8.1f} ko  {m.ges_g:.2f} g CO2e  "
              f"{m.eau_cl:.2f} cl  ({m.adresse})")  # fmt: skip
    print(f"{len(mesures)} mesure{'s' if len(mesures) > 1 else ''} enregistrée"
          f"{'s' if len(mesures) > 1 else ''} : page publique /sobriete/.")  # fmt: skip
    if args.livrer:
        from sun.parc.sobriete.livrees import ecrire_livrees

        print(f"Mesures livrées avec SUN écrites dans {ecrire_livrees(mesures)}.")
    return OK


def ajouter(actions) -> None:
    """Add this wing's actions to `sun parc`."""
    p = actions.add_parser("ecoindex", help="mesure l'Ecoindex des pages publiques d'un SUN en "
                           "marche (Chromium, Playwright) et l'enregistre")  # fmt: skip
    p.add_argument("--url", required=True, metavar="URL",
                   help="adresse du site à mesurer, par exemple http://127.0.0.1:8000")  # fmt: skip
    p.add_argument("--pages", metavar="NOMS", help="pages séparées par des virgules (accueil,"
                   "trouver,commune,carte_lieux,connectivite_departement,reparateurs_public,"
                   "sobriete…) ; par défaut toutes")  # fmt: skip
    p.add_argument("--chromium", metavar="CHEMIN", default="/usr/bin/chromium",
                   help="navigateur Chromium (défaut : /usr/bin/chromium)")  # fmt: skip
    p.add_argument("--livrer", action="store_true",
                   help="écrit aussi les mesures livrées avec SUN (src/sun/parc/sobriete/"
                   "mesures-livrees.json), montrées tant qu'un site n'a pas mesuré ses pages ; "
                   "à lancer sur le site de démonstration en préparant une version")  # fmt: skip
    p.set_defaults(fonction=ecoindex)
