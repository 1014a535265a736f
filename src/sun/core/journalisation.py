"""Log records made readable: a refused access (403) is one WARNING line, not a traceback."""

import logging

from django.core.exceptions import PermissionDenied


def _echappe(texte: str) -> str:
    """No line break or control character from the request in the log (log injection)."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in texte)


class RefusSurUneLigne(logging.Filter):
    """On the `django.request` logger: a PermissionDenied becomes « Accès refusé (403) : GET
    /path, utilisateur 12 — reason », without its traceback (the refusal is expected, its stack
    says nothing). Every other record passes unchanged."""

    def filter(self, record: logging.LogRecord) -> bool:
        exception = record.exc_info[1] if record.exc_info else None
        if not isinstance(exception, PermissionDenied):
            return True
        requete = getattr(record, "request", None)
        utilisateur = getattr(requete, "user", None)
        qui = (
            f"utilisateur {utilisateur.pk}"
            if getattr(utilisateur, "is_authenticated", False)
            else "anonyme"
        )
        methode = getattr(requete, "method", "") or "-"
        chemin = getattr(requete, "path", "") or "-"
        raison = f" — {_echappe(str(exception))[:300]}" if str(exception) else ""
        record.msg = f"Accès refusé (403) : {methode} {_echappe(chemin)}, {qui}{raison}"
        record.args = ()
        record.exc_info = None
        record.exc_text = None
        return True
