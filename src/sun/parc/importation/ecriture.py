"""Writes of the inventory import, in bulk (`core.imports.masse`: one executemany per batch):
the default tables of a new source, the sites met for the first time, the new items with
their « entrée » event, the changed items (with an « import » event when their state
changes), and the exits of the items the source says have left."""

from collections.abc import Iterable

from sun.core.imports import masse
from sun.core.versions import donnees_ecrites
from sun.parc.importation import queries
from sun.parc.importation.champs import statuts_par_defaut, types_par_defaut
from sun.parc.importation.valeurs import genre_du_site
from sun.parc.models import (
    CorrespondanceStatut,
    CorrespondanceType,
    Equipement,
    EvenementCycleVie,
    Site,
    Sortie,
)
from sun.parc.referentiel import Destination, Voie

Genre = EvenementCycleVie.Genre


def tables_de_la_source(source: str, famille: str):
    """The source's tables; the defaults of its family are created if it has none yet."""
    statuts, types = queries.tables(source)
    if not statuts:
        statuts = statuts_par_defaut(famille)
        CorrespondanceStatut.objects.bulk_create(
            [CorrespondanceStatut(source=source, statut_source=s, etat=e, voie=v)
             for s, (e, v) in statuts.items()], ignore_conflicts=True,
        )  # fmt: skip
        donnees_ecrites(CorrespondanceStatut)
    if not types:
        types = types_par_defaut(famille)
        CorrespondanceType.objects.bulk_create(
            [CorrespondanceType(source=source, type_source=s, type=t) for s, t in types.items()],
            ignore_conflicts=True,
        )
        donnees_ecrites(CorrespondanceType)
    return statuts, types


def accepter_en_autre(source: str, types_source: Iterable[str]) -> None:
    """The coordinator chose « autre » for these unknown types: recorded in the table (then
    changed on the page of the tables if a better type fits)."""
    CorrespondanceType.objects.bulk_create(
        [CorrespondanceType(source=source, type_source=t, type="autre") for t in types_source if t],
        ignore_conflicts=True,
    )
    donnees_ecrites(CorrespondanceType)


def creer_sites(noms: Iterable[str], *, demonstration: bool = False) -> dict[str, int]:
    """Sites named by a file and unknown so far (a collège when its name says so)."""
    nouveaux = []
    for nom in sorted(set(noms)):
        genre, uai = genre_du_site(nom)
        nouveaux.append(Site(nom=nom, genre=genre, code_uai=uai, demonstration=demonstration))
    Site.objects.bulk_create(nouveaux, ignore_conflicts=True)
    donnees_ecrites(Site)
    return queries.sites()


def inserer(lignes: list[dict]) -> int:
    return masse.inserer_lignes(Equipement, lignes)


def mettre_a_jour(objets: list[Equipement], champs: Iterable[str]) -> int:
    return masse.mettre_a_jour(objets, champs)


def noter(evenements: list[dict]) -> int:
    """Life-cycle events given as dicts (equipement_id, date, genre, etat_avant, etat_apres,
    commentaire, auteur_id)."""
    return masse.inserer_lignes(EvenementCycleVie, evenements)


def noter_entrees(source: str, apres_pk: int, jour, commentaire: str, auteur_id) -> None:
    """One « entrée » event for each item of `source` inserted above primary key `apres_pk`,
    in one INSERT … SELECT (no row goes through Python)."""
    from django.db import connection
    from django.utils import timezone

    qn, ops = connection.ops.quote_name, connection.ops
    evenement, equipement = EvenementCycleVie._meta, Equipement._meta
    colonne = {f.name: qn(f.column) for f in evenement.concrete_fields}
    sql = (
        f"INSERT INTO {qn(evenement.db_table)} ({colonne['equipement']}, {colonne['date']}, "
        f"{colonne['genre']}, {colonne['etat_avant']}, {colonne['etat_apres']}, "
        f"{colonne['commentaire']}, {colonne['auteur']}, {colonne['enregistre_le']}) "
        f"SELECT {qn(equipement.pk.column)}, %s, %s, '', {qn(equipement.get_field('etat').column)}, "
        f"%s, %s, %s FROM {qn(equipement.db_table)} WHERE {qn(equipement.get_field('source').column)} "
        f"= %s AND {qn(equipement.pk.column)} > %s"
    )  # fmt: skip
    parametres = [ops.adapt_datefield_value(jour), Genre.ENTREE, commentaire, auteur_id,
                  ops.adapt_datetimefield_value(timezone.now()), source, apres_pk]  # fmt: skip
    donnees_ecrites(EvenementCycleVie)
    with connection.cursor() as curseur:
        curseur.execute(sql, parametres)


def creer_sorties(sorties: list[dict]) -> int:
    """Exits given as dicts (equipement_id, date, voie, justification, auteur_id)."""
    lignes = [
        {**s, "destination": (Destination.DON_ASSOCIATION if s["voie"] == Voie.DON
                              else Destination.PRESTATAIRE),
         "destinataire": "Preneur non précisé par la source"}
        for s in sorties
    ]  # fmt: skip
    return masse.inserer_lignes(Sortie, lignes)
