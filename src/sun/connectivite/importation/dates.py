"""Dates as the connectivity files write them: ISO (AAAA-MM-JJ), French (JJ/MM/AAAA), an Excel
serial number (45688 is 31/01/2025) or a workbook's date cell (read as ISO text)."""

import re
from datetime import date, datetime, timedelta

ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+)?$")
FRANCAISE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
ORIGINE_EXCEL = date(1899, 12, 30)
SERIE_MIN, SERIE_MAX = 20_000, 80_000  # 1954 to 2118: anything else is not a date
MESSAGE = "date illisible : AAAA-MM-JJ, JJ/MM/AAAA ou numéro de série Excel attendu"


class DateInvalide(ValueError):
    """A value that is not a date (message in French)."""


def lire_date(valeur) -> date | None:
    """The date of a cell or field (None when empty); DateInvalide otherwise."""
    if valeur is None:
        return None
    if isinstance(valeur, datetime):
        return valeur.date()
    if isinstance(valeur, date):
        return valeur
    texte = str(valeur).strip()
    if not texte:
        return None
    try:
        if m := ISO.match(texte):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := FRANCAISE.match(texte):
            return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError as exc:
        raise DateInvalide(f"date impossible (« {texte} »)") from exc
    try:
        serie = float(texte.replace(",", "."))
    except ValueError:
        raise DateInvalide(MESSAGE) from None
    if not serie.is_integer() or not SERIE_MIN <= serie <= SERIE_MAX:
        raise DateInvalide(MESSAGE)
    return ORIGINE_EXCEL + timedelta(days=int(serie))


def fin_de_trimestre(annee: int, trimestre: int) -> date:
    """The last day of quarter `trimestre` (1–4) of `annee`."""
    return {1: date(annee, 3, 31), 2: date(annee, 6, 30), 3: date(annee, 9, 30),
            4: date(annee, 12, 31)}[trimestre]  # fmt: skip
