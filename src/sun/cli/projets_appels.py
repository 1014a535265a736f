"""`sun projets` actions of the wing « appels »: `appels` (the open calls by deadline),
`financements` (funding obtained per action) and `rappels-appels [--essai]` (the reminders
due today, sent or only listed)."""

from sun.cli.sortie import OK


def _euros(montant) -> str:
    return f"{montant:,.2f}".replace(",", "\u202f").replace(".", ",") + " €"


def appels(args) -> int:
    from django.utils import timezone

    from sun.cli.sortie import verifier_base
    from sun.projets.models import AppelAProjets

    verifier_base()
    jour = timezone.localdate()
    ouverts = list(AppelAProjets.objects.ouverts(jour))
    if not ouverts:
        print("Aucun appel à projets ouvert.")
        return OK
    print(f"{len(ouverts)} appel(s) à projets ouvert(s) au {jour:%d/%m/%Y} :")
    for a in ouverts:
        jours = (a.date_limite - jour).days
        marques = [m for m, oui in (("relayé", a.relaye), ("démonstration", a.demonstration))
                   if oui]  # fmt: skip
        fin = f" [{', '.join(marques)}]" if marques else ""
        print(f"  {a.date_limite:%d/%m/%Y} (J-{jours}) — {a.titre} — {a.financeur}{fin}")
    return OK


def financements(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.projets.appels.queries import tous_financements

    verifier_base()
    b = tous_financements()
    print(f"Financements obtenus par les appels à projets : {_euros(b.total)} "
          f"(source : {b.source}, au {b.jour:%d/%m/%Y}).")  # fmt: skip
    for code, titre, montant in b.par_action:
        print(f"  {code} {titre} : {_euros(montant)}")
    if b.demonstration:
        print(f"  {len(b.demonstration)} financement(s) de démonstration non compté(s).")
    return OK


def rappels_appels(args) -> int:
    from django.utils import timezone

    from sun.cli.sortie import verifier_base
    from sun.projets.appels.rappels import rappeler

    verifier_base()
    rappels = rappeler(timezone.localdate(), envoyer=not args.essai)
    if not rappels:
        print("Aucun rappel à envoyer aujourd'hui.")
        return OK
    verbe = "serait envoyé" if args.essai else "envoyé"
    for r in rappels:
        qui = ", ".join(r.destinataires) or "personne (aucune adresse)"
        etat = f" — ÉCHEC : {r.echec}" if r.echec else ""
        print(f"{r.appel.titre} (J-{r.seuil} au plus) : rappel {verbe} à {qui}{etat}")
        if r.sans_adresse:
            print(f"  sans adresse électronique : {', '.join(r.sans_adresse)}")
    if args.essai:
        print("Essai : rien n'a été envoyé ni enregistré.")
    return OK


def ajouter(actions) -> None:
    """Add this wing's actions to `sun projets`."""
    p = actions.add_parser("appels", help="liste les appels à projets ouverts par date limite")
    p.set_defaults(fonction=appels)
    p = actions.add_parser("financements", help="financements obtenus par les appels à projets, "
                           "par action du schéma")  # fmt: skip
    p.set_defaults(fonction=financements)
    p = actions.add_parser("rappels-appels", help="envoie les rappels avant la date limite des "
                           "appels à projets (30, 14 et 3 jours avant)")  # fmt: skip
    p.add_argument("--essai", "--dry-run", dest="essai", action="store_true",
                   help="montre les rappels dus sans rien envoyer ni enregistrer")  # fmt: skip
    p.set_defaults(fonction=rappels_appels)
