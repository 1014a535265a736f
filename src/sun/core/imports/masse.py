"""Writes in bulk for imports: one `executemany` per batch.

Django's `bulk_create` compiles every value of every row into SQL (and SQLite's parameter
limit cuts a 40-column model into batches of 24 rows): on a wide model it costs ten times the
database work. These helpers prepare each value once with the field's own conversion
(`pre_save`, `get_db_prep_save`: auto dates, JSON, UUID) and send one statement per batch.
They send no signals and read no primary key back: use them on models whose key is set
before the insert (UUID) or whose rows are not needed afterwards.
"""

from collections.abc import Iterable, Sequence

from django.db import connection, models

TAILLE_LOT = 2000
# Fields whose Python value every database adapter takes as it is (exact classes: a subclass
# such as ListeField converts its values).
TELS_QUELS = {models.CharField, models.TextField, models.IntegerField, models.BigIntegerField,
              models.SmallIntegerField, models.PositiveIntegerField, models.PositiveSmallIntegerField,
              models.BooleanField, models.FloatField, models.AutoField, models.BigAutoField,
              models.SlugField, models.EmailField, models.URLField}  # fmt: skip


def _convertisseur(champ: models.Field, ajout: bool):
    """A function object → database value for one field, as cheap as the field allows."""
    cible = champ.target_field if champ.is_relation else champ
    date_auto = getattr(champ, "auto_now", False) or (
        ajout and getattr(champ, "auto_now_add", False)
    )
    attribut = champ.attname
    if type(cible) in TELS_QUELS and not date_auto:
        return lambda objet: getattr(objet, attribut)
    if date_auto:
        return lambda objet: champ.get_db_prep_save(champ.pre_save(objet, ajout), connection)
    return lambda objet: champ.get_db_prep_save(getattr(objet, attribut), connection)


def _colonnes(modele: type[models.Model], avec_cle_auto: bool) -> list[models.Field]:
    champs = []
    for champ in modele._meta.concrete_fields:
        if champ.primary_key and isinstance(champ, models.AutoField) and not avec_cle_auto:
            continue
        champs.append(champ)
    return champs


def inserer(objets: Sequence[models.Model], taille_lot: int = TAILLE_LOT) -> int:
    """INSERT the objects (all of one model); return how many."""
    if not objets:
        return 0
    modele = type(objets[0])
    cle = modele._meta.pk
    avec_cle_auto = getattr(objets[0], cle.attname) is not None
    champs = _colonnes(modele, avec_cle_auto)
    qn = connection.ops.quote_name
    sql = (
        f"INSERT INTO {qn(modele._meta.db_table)} ({', '.join(qn(c.column) for c in champs)}) "
        f"VALUES ({', '.join(['%s'] * len(champs))})"
    )
    with connection.cursor() as curseur:
        for debut in range(0, len(objets), taille_lot):
            lot = objets[debut : debut + taille_lot]
            curseur.executemany(
                sql,
                [
                    [c.get_db_prep_save(c.pre_save(o, True), connection) for c in champs]
                    for o in lot
                ],
            )
    return len(objets)


def mettre_a_jour(
    objets: Sequence[models.Model], noms: Iterable[str], taille_lot: int = TAILLE_LOT
) -> int:
    """UPDATE the given fields of the objects (and their `auto_now` dates), by primary key."""
    if not objets:
        return 0
    modele = type(objets[0])
    meta = modele._meta
    champs = [meta.get_field(n) for n in dict.fromkeys(noms)]
    champs += [c for c in meta.concrete_fields if getattr(c, "auto_now", False) and c not in champs]
    qn = connection.ops.quote_name
    sql = (
        f"UPDATE {qn(meta.db_table)} SET {', '.join(f'{qn(c.column)} = %s' for c in champs)} "
        f"WHERE {qn(meta.pk.column)} = %s"
    )
    conversions = [_convertisseur(c, False) for c in [*champs, meta.pk]]
    with connection.cursor() as curseur:
        for debut in range(0, len(objets), taille_lot):
            lot = objets[debut : debut + taille_lot]
            curseur.executemany(sql, [[f(o) for f in conversions] for o in lot])
    return len(objets)
