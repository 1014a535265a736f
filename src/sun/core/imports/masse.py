"""Writes in bulk for imports: one `executemany` per batch.

Django's `bulk_create` compiles every value of every row into SQL (and SQLite's parameter
limit cuts a 40-column model into batches of 24 rows): on a wide model it costs ten times the
database work. These helpers prepare each value once with the field's own conversion
(`pre_save`, `get_db_prep_save`: auto dates, JSON, UUID) and send one statement per batch.
They send no signals and read no primary key back: use them on models whose key is set
before the insert (UUID) or whose rows are not needed afterwards. Each tells the versions
that follow its model (`sun.core.versions.donnees_ecrites`) in place of the signals.
"""

import uuid
from collections.abc import Iterable, Sequence
from decimal import Decimal
from operator import itemgetter

from django.db import connection, models

from sun.core.versions import donnees_ecrites

TAILLE_LOT = 2000
# Fields whose Python value every database adapter takes as it is (exact classes: a subclass
# such as ListeField converts its values).
TELS_QUELS = {models.CharField, models.TextField, models.IntegerField, models.BigIntegerField,
              models.SmallIntegerField, models.PositiveIntegerField, models.PositiveSmallIntegerField,
              models.BooleanField, models.FloatField, models.AutoField, models.BigAutoField,
              models.SlugField, models.EmailField, models.URLField}  # fmt: skip


def par_lots(valeurs: Sequence, taille: int = 500):
    """Successive slices of `valeurs` (for `pk__in` reads and writes of bounded size)."""
    for debut in range(0, len(valeurs), taille):
        yield valeurs[debut : debut + taille]


def _preparateur(champ: models.Field, ajout: bool):
    """A function value → database value for one field, as cheap as the field allows."""
    cible = champ.target_field if champ.is_relation else champ
    if type(cible) in TELS_QUELS:
        return None  # taken as it is
    if isinstance(cible, models.UUIDField):
        if connection.features.has_native_uuid_field:
            return None
        return lambda valeur: (
            valeur.hex
            if isinstance(valeur, uuid.UUID)
            else cible.get_db_prep_save(valeur, connection)
        )
    if type(cible) is models.DecimalField and _decimales_telles_quelles():
        # The backend takes a Decimal as it is: convert only what is not one yet.
        convertir = cible.to_python
        return lambda valeur: (
            valeur if valeur is None or type(valeur) is Decimal else convertir(valeur)
        )
    if type(cible) is models.DateTimeField:
        return connection.ops.adapt_datetimefield_value
    if type(cible) is models.DateField:
        return connection.ops.adapt_datefield_value
    if not champ.is_relation and type(champ).get_db_prep_value is models.Field.get_db_prep_value:
        return champ.get_prep_value  # e.g. ListeField joins its list: no adapter layer
    return lambda valeur: champ.get_db_prep_save(valeur, connection)


def _decimales_telles_quelles() -> bool:
    from django.db.backends.base.operations import BaseDatabaseOperations

    base = BaseDatabaseOperations.adapt_decimalfield_value
    return type(connection.ops).adapt_decimalfield_value is base


def _date_auto(champ: models.Field, ajout: bool) -> bool:
    return getattr(champ, "auto_now", False) or (ajout and getattr(champ, "auto_now_add", False))


def _convertisseur(champ: models.Field, ajout: bool):
    """A function object → database value for one field."""
    attribut = champ.attname
    if _date_auto(champ, ajout):
        return lambda objet: champ.get_db_prep_save(champ.pre_save(objet, ajout), connection)
    preparer = _preparateur(champ, ajout)
    if preparer is None:
        return lambda objet: getattr(objet, attribut)
    return lambda objet: preparer(getattr(objet, attribut))


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
    conversions = [_convertisseur(c, True) for c in champs]
    donnees_ecrites(modele)
    with connection.cursor() as curseur:
        for debut in range(0, len(objets), taille_lot):
            lot = objets[debut : debut + taille_lot]
            curseur.executemany(sql, [[f(o) for f in conversions] for o in lot])
    return len(objets)


def _defaut(champ: models.Field, maintenant):
    """What a missing field takes: its auto date, its default (called if callable), NULL, ''."""
    if _date_auto(champ, True):
        est_date = isinstance(champ, models.DateField) and not isinstance(
            champ, models.DateTimeField
        )
        return maintenant.date() if est_date else maintenant
    if champ.has_default():
        return champ.default() if callable(champ.default) else champ.default
    return None if champ.null else ""


def inserer_lignes(
    modele: type[models.Model], lignes: Iterable[dict], taille_lot: int = TAILLE_LOT
) -> int:
    """INSERT rows given as dicts of field values (attnames for foreign keys: `lieu_id`),
    without building model objects. Every row gives the same fields (those of the first);
    the others take their default (a callable default is called once per row), auto dates now.
    """
    from django.utils import timezone

    maintenant = timezone.now()
    donnees_ecrites(modele)
    champs = _colonnes(modele, avec_cle_auto=False)
    iterateur = iter(lignes)
    premiere = next(iterateur, None)
    if premiere is None:
        return 0
    donnes = [c for c in champs if c.attname in premiere]
    lire = itemgetter(*[c.attname for c in donnes]) if donnes else (lambda ligne: ())
    if len(donnes) == 1:
        unique = lire
        lire = lambda ligne: (unique(ligne),)  # noqa: E731
    manquants = [c for c in champs if c.attname not in premiere]
    # One row: the given values in one C call, then the few conversions, then the defaults.
    conversions = [(i, p) for i, c in enumerate(donnes) if (p := _preparateur(c, True))]
    appeles = [
        (c, _preparateur(c, True))
        for c in manquants
        if c.has_default() and callable(c.default) and not _date_auto(c, True)
    ]
    fixes = [c for c in manquants if c not in {a for a, _ in appeles}]
    ordre = [*donnes, *fixes, *[c for c, _ in appeles]]
    qn = connection.ops.quote_name
    sql = (
        f"INSERT INTO {qn(modele._meta.db_table)} ({', '.join(qn(c.column) for c in ordre)}) "
        f"VALUES ({', '.join(['%s'] * len(ordre))})"
    )
    constants = []
    for champ in fixes:
        valeur, preparer = _defaut(champ, maintenant), _preparateur(champ, True)
        constants.append(preparer(valeur) if preparer and valeur is not None else valeur)

    def rangee(ligne: dict) -> list:
        valeurs = list(lire(ligne))
        for i, preparer in conversions:
            if valeurs[i] is not None:
                valeurs[i] = preparer(valeurs[i])
        valeurs += constants
        for champ, preparer in appeles:
            valeur = champ.default()
            valeurs.append(preparer(valeur) if preparer and valeur is not None else valeur)
        return valeurs

    nombre, lot = 0, [rangee(premiere)]
    with connection.cursor() as curseur:
        for ligne in iterateur:
            lot.append(rangee(ligne))
            if len(lot) >= taille_lot:
                curseur.executemany(sql, lot)
                nombre, lot = nombre + len(lot), []
        if lot:
            curseur.executemany(sql, lot)
            nombre += len(lot)
    return nombre


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
    donnees_ecrites(modele)
    with connection.cursor() as curseur:
        for debut in range(0, len(objets), taille_lot):
            lot = objets[debut : debut + taille_lot]
            curseur.executemany(sql, [[f(o) for f in conversions] for o in lot])
    return len(objets)
