"""Model fields shared by the domain apps."""

from django.db import models


class ListeField(models.TextField):
    """A list of texts stored as one text, values separated by « | », as the national standards
    write multi-valued fields. Cheaper to read and write in bulk than a JSON field, and it keeps
    the standard's encoding in the database (`services__contains="Aide aux démarches"` works).
    """

    SEPARATEUR = "|"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return value.split(self.SEPARATEUR) if value else []

    def to_python(self, value):
        if isinstance(value, list):
            return value
        return value.split(self.SEPARATEUR) if value else []

    def get_prep_value(self, value):
        if isinstance(value, list | tuple):
            return self.SEPARATEUR.join(v.replace(self.SEPARATEUR, "/") for v in value)
        return value or ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))
