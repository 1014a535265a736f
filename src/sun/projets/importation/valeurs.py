"""Values of a GLPI ticket export: dates in the user's format, ticket numbers, titles on
several lines, category paths."""

import re
from datetime import datetime

from django.utils import timezone

FORMATS_DATE = (
    "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%d-%m-%Y %H:%M", "%d-%m-%Y %H:%M:%S",
    "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y",
)  # fmt: skip
NUMERO = re.compile(r"^\d{1,20}$")


def date_heure(texte: str) -> datetime | None:
    """« 2026-03-02 09:15 » or « 02-03-2026 09:15 » → an aware datetime; None if unreadable."""
    texte = " ".join((texte or "").split())
    for format_ in FORMATS_DATE:
        try:
            lue = datetime.strptime(texte, format_)
        except ValueError:
            continue
        return timezone.make_aware(lue)
    return None


def numero_ticket(texte: str) -> str:
    """GLPI's ticket ID (« 1 234 » or « 0001234 » → « 1234 »); "" if not a number."""
    texte = "".join((texte or "").split()).replace("\u202f", "")
    return str(int(texte)) if NUMERO.match(texte) else ""


def une_ligne(texte: str, longueur: int) -> str:
    """A cell on several lines → one line (a title), cut at `longueur`."""
    return " ".join((texte or "").split())[:longueur]


def chemin_categorie(texte: str) -> str:
    """« Logiciel>Messagerie » or « Logiciel  >  Messagerie » → « Logiciel > Messagerie »."""
    morceaux = [" ".join(m.split()) for m in (texte or "").split(">")]
    return " > ".join(m for m in morceaux if m)[:255]
