"""`sun donnees` actions of the wing « validation »: valider (check a CSV against a national
schema and print the report in French; exit 0 if it conforms, 3 otherwise), schemas (the
known schemas)."""

from sun.cli.sortie import DONNEES, OK, USAGE, ErreurCommande


def _imprimer(rapport) -> None:
    etat = {"valide": "CONFORME", "invalide": "NON CONFORME", "illisible": "ILLISIBLE",
            "sans_schema": "SANS SCHÉMA"}.get(rapport.statut, rapport.statut)  # fmt: skip
    print(f"Résultat : {etat} — schéma {rapport.schema_id} {rapport.schema_version}"
          + (f" ({rapport.schema_titre})" if rapport.schema_titre else ""))  # fmt: skip
    if rapport.schema_url:
        print(f"Schéma : {rapport.schema_url}")
    if rapport.lignes is not None:
        print(f"Lignes : {rapport.lignes} ; colonnes : {len(rapport.colonnes)} ; encodage : "
              f"{rapport.encodage} ; séparateur : {rapport.separateur}")  # fmt: skip
    if rapport.message:
        print(rapport.message)
    if rapport.tronque:
        print(f"Contrôle arrêté après {rapport.limite_erreurs} erreurs (nombres minimums).")
    for avertissement in rapport.avertissements:
        print(f"Avertissement : {avertissement}")
    for groupe in rapport.groupes:
        print(f"\n{groupe.libelle} : {groupe.nombre}")
        if groupe.note and groupe.type != "entete":
            print(f"  {groupe.note}")
        for e in groupe.exemples:
            print(f"  ligne {e['ligne'] if e['ligne'] is not None else '—'}, colonne "
                  f"{e['colonne'] or '—'} : {e['message']}")  # fmt: skip
    if rapport.groupes:
        print(f"\nTotal : {rapport.nombre_erreurs} erreur(s).")


def valider(args) -> int:
    from pathlib import Path

    from sun.donnees.validation import schemas
    from sun.donnees.validation.descripteurs import SchemaRefuse, verifier
    from sun.donnees.validation.validateur import valider as valider_fichier
    from sun.donnees.validation.validateur import valider_descripteur

    fichier = Path(args.fichier)
    if not fichier.is_file():
        raise ErreurCommande(f"Fichier introuvable : {fichier}", USAGE)
    try:
        if args.schema_fichier:
            chemin = Path(args.schema_fichier)
            if not chemin.is_file():
                raise ErreurCommande(f"Schéma introuvable : {chemin}", USAGE)
            descripteur = verifier(chemin.read_bytes(), chemin.name)
            connu = schemas.SchemaConnu(
                str(descripteur.get("name") or chemin.stem), str(descripteur.get("version", "")),
                str(descripteur.get("title") or chemin.stem), chemin, "fichier", str(chemin))  # fmt: skip
            rapport = valider_descripteur(fichier, descripteur, connu)
        else:
            rapport = valider_fichier(fichier, schemas.analyser_reference(args.schema))
    except schemas.SchemaInconnu as exc:
        raise ErreurCommande(f"{exc} (liste : sun donnees schemas)", USAGE) from exc
    except (SchemaRefuse, ValueError) as exc:
        raise ErreurCommande(str(exc), USAGE) from exc
    _imprimer(rapport)
    return OK if rapport.statut == "valide" else DONNEES


def lister(args) -> int:
    from sun.donnees.validation import schemas

    connus = schemas.connus()
    print(f"{len(connus)} schéma(s) connu(s) :")
    for s in connus:
        print(
            f"  {s.id}@{s.version} — {s.titre} ({s.source}{', ' + s.origine if s.origine else ''})"
        )
    return OK


def ajouter(actions) -> None:
    """Add this wing's actions to `sun donnees`."""
    p = actions.add_parser("valider", help="vérifie un fichier CSV contre un schéma national "
                           "(sortie 0 si conforme, 3 sinon)")  # fmt: skip
    p.add_argument("fichier", metavar="FICHIER")
    groupe = p.add_mutually_exclusive_group(required=True)
    groupe.add_argument(
        "--schema", metavar="ID@VERSION", help="un schéma connu, par exemple scdl/subventions@2.1.1"
    )
    groupe.add_argument("--schema-fichier", metavar="F", help="un fichier Table Schema (JSON)")
    p.set_defaults(fonction=valider)
    p = actions.add_parser("schemas", help="liste les schémas de données connus")
    p.set_defaults(fonction=lister)
