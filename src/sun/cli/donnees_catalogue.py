"""`sun donnees` actions of the wing « catalogue »: regenerer (new versions of the datasets
SUN produces whose data changed), jeux (the declared and stored datasets, their addresses)."""

from sun.cli.sortie import DONNEES, ERREUR, OK, USAGE, ErreurCommande


def _taille(octets: int | None) -> str:
    if octets is None:
        return "—"
    for unite in ("o", "ko", "Mo", "Go"):
        if octets < 1024 or unite == "Go":
            return f"{octets:.0f} {unite}" if unite == "o" else f"{octets:.1f} {unite}"
        octets /= 1024
    return ""


def regenerer(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.donnees.catalogue.regeneration import LIBELLES
    from sun.donnees.catalogue.regeneration import regenerer as regenerer_jeux
    from sun.donnees.declarations import DeclarationInconnue

    verifier_base()
    try:
        bilan = regenerer_jeux(args.jeu or None, force=args.force)
    except DeclarationInconnue as exc:
        raise ErreurCommande(f"{exc} Voir « sun donnees jeux ».", USAGE) from exc
    for r in bilan.resultats:
        version = f"version {r.numero}" if r.numero else "aucune version"
        lignes = f"{r.lignes} ligne(s)" if r.lignes is not None else "lignes : —"
        print(
            f"  {r.jeu} / {r.ressource} : {LIBELLES[r.etat]} — {version}, {lignes}, "
            f"{_taille(r.taille)}, {r.duree:.2f} s, validation : {r.statut_validation or '—'}"
        )
        if r.message:
            print(f"      {r.message}")
        if r.supprimees:
            print(f"      {r.supprimees} ancienne(s) version(s) supprimée(s)")
    for erreur in bilan.erreurs_jeux:
        print(f"  ERREUR {erreur}")
    for code in bilan.retires:
        print(f"  Jeu retiré (sa déclaration a disparu) : {code}")
    print(bilan.resume())
    if bilan.non_conformes:
        print("ATTENTION : un fichier produit par SUN n'est pas conforme à son schéma ; il n'a "
              "pas été publié et la version précédente reste servie.")  # fmt: skip
        return DONNEES
    return ERREUR if bilan.erreurs else OK


def _adresse(nom: str, *args, repli: str) -> str:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(nom, args=args)
    except NoReverseMatch:
        return repli


def jeux(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.donnees import declarations
    from sun.donnees.models import JeuDeDonnees

    verifier_base()
    stockes = {j.declaration: j for j in JeuDeDonnees.objects.exclude(declaration="")
               .prefetch_related("ressources__versions")}  # fmt: skip
    print("Jeux de données produits par SUN :")
    for declare in declarations.tous():
        jeu = stockes.pop(declare.code, None)
        adresse = _adresse("donnees_jeu", declare.slug, repli=f"/donnees/{declare.slug}/")
        etat = jeu.get_statut_display() if jeu else "pas encore enregistré"
        print(f"  {declare.code} — {declare.titre} ({etat})\n      {adresse}")
        if declare.api:
            print(f"      lu par les partenaires à : {declare.api}")
        ressources = {r.declaration: r for r in jeu.ressources.all()} if jeu else {}
        for declaree in declare.ressources:
            ressource = ressources.get(declaree.code)
            if ressource is None:
                print(f"      · {declaree.titre} : pas encore produite")
                continue
            publiees = [v for v in ressource.versions.all() if v.publiee]
            derniere = max(publiees, key=lambda v: v.numero) if publiees else None
            url = _adresse("donnees_ressource", str(ressource.uuid),
                           repli=f"/donnees/r/{ressource.uuid}")  # fmt: skip
            servie = f"version {derniere.numero} du {derniere.publiee_le:%d/%m/%Y}" \
                if derniere else "aucune version publiée"  # fmt: skip
            print(f"      · {declaree.titre} ({servie}) : {url}")
    for code, jeu in sorted(stockes.items()):
        print(f"  {code} — {jeu.titre} ({jeu.get_statut_display()} : déclaration disparue)")
    autres = JeuDeDonnees.objects.filter(declaration="").count()
    print(f"Jeux déposés par les agents : {autres}.")
    return OK


def ajouter(actions) -> None:
    """Add this wing's actions to `sun donnees`."""
    p = actions.add_parser("regenerer", help="régénère les jeux de données produits par SUN "
                           "dont les données ont changé (nouvelle version datée)")  # fmt: skip
    p.add_argument("--jeu", action="append", metavar="CODE",
                   help="seulement ce jeu (code de sa déclaration ; répétable)")  # fmt: skip
    p.add_argument("--force", action="store_true",
                   help="écrit une nouvelle version même si les données n'ont pas changé")  # fmt: skip
    p.set_defaults(fonction=regenerer)
    p = actions.add_parser("jeux", help="liste les jeux de données déclarés et enregistrés, "
                           "avec leurs adresses stables")  # fmt: skip
    p.set_defaults(fonction=jeux)
