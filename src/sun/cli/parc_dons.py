"""`sun parc` actions of the wing « dons »: dons (the list of donations) and don-convention
(the agreement of one donation as PDF)."""

from sun.cli.sortie import DONNEES, OK, ErreurCommande


def dons(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.parc.dons.queries import filtrer
    from sun.parc.models import Don

    verifier_base()
    liste = filtrer(Don.objects.select_related("lieu").order_by("numero"), args.statut or "")
    n = 0
    for don in liste:
        n += 1
        lieu = f" — lieu : {don.lieu.nom} ({don.lieu.commune})" if don.lieu else ""
        remis = f" — remis le {don.date_remise:%d/%m/%Y}" if don.date_remise else ""
        demo = " ; démonstration" if don.demonstration else ""
        print(f"{don.numero} — {don.get_statut_display()} — {don.beneficiaire}{lieu}{remis}{demo}")
    print(f"{n} don(s).")
    return OK


def don_convention(args) -> int:
    from pathlib import Path

    from sun.cli.sortie import verifier_base
    from sun.parc.dons.convention import pdf
    from sun.parc.dons.queries import par_numero

    verifier_base()
    don = par_numero(args.numero)
    if don is None:
        raise ErreurCommande(f"Don inconnu : « {args.numero} » (numéro DON-AAAA-NNNN attendu ; "
                             "« sun parc dons » les liste).", DONNEES)  # fmt: skip
    try:
        contenu = pdf(don)
    except OSError as exc:
        raise ErreurCommande("Le PDF ne peut pas être produit sur cette machine (bibliothèque "
                             f"Pango absente) : {exc}") from exc  # fmt: skip
    chemin = Path(args.sortie)
    chemin.write_bytes(contenu)
    print(f"Convention du don {don.numero} écrite : {chemin}")
    return OK


# The values of sun.parc.models.Don.Statut (the parser is built before Django starts).
STATUTS = ["propose", "accepte", "remis", "annule"]


def ajouter(actions) -> None:
    """Add this wing's actions to `sun parc`."""
    p = actions.add_parser("dons", help="liste les dons de matériel réformé")
    p.add_argument("--statut", choices=STATUTS, help="seulement les dons de ce statut")
    p.set_defaults(fonction=dons)
    p = actions.add_parser("don-convention", help="écrit la convention d'un don en PDF")
    p.add_argument("numero", metavar="NUMERO", help="numéro du don (DON-AAAA-NNNN)")
    p.add_argument("--sortie", metavar="FICHIER.pdf", required=True)
    p.set_defaults(fonction=don_convention)
