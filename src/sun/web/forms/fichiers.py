"""An uploaded file checked before its import is queued: the reader of the import pipeline
opens it (encoding, format, header, bounds), so that a binary file, a file beyond the limits
or an unreadable one is refused in the form, in French, rather than by the worker later."""

from django import forms

from sun.core.imports.erreurs import ImportImpossible
from sun.core.imports.lecture import Lecture, ouvrir
from sun.web.televersement import copie_temporaire


def verifier_lisible(fichier) -> list[str] | None:
    """The columns of the uploaded file (the keys of its first record for JSON, None if it
    has none); ValidationError with the reader's message when it cannot be read."""
    with copie_temporaire(fichier) as chemin:
        fichier.seek(0)
        try:
            lecture: Lecture = ouvrir(chemin)
            if lecture.colonnes is not None:
                return lecture.colonnes
            premiere = next(lecture.lignes, None)
        except ImportImpossible as exc:
            raise forms.ValidationError(f"{exc} Rien n'a été enregistré.") from exc
        except (ValueError, OSError) as exc:
            raise forms.ValidationError(
                "Fichier illisible : ni un CSV, ni un JSON, ni un classeur XLSX. "
                "Rien n'a été enregistré."
            ) from exc
    return list(premiere[1]) if premiere and isinstance(premiere[1], dict) else None
