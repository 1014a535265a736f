"""A source's table of statuses or types, as the import reads it: exact values compared
without case or accents, and values ending with « * » that match every value starting with
them (« Poste de travail* » → « Poste de travail - Slim »), the longest first."""

from collections.abc import Mapping
from typing import Generic, TypeVar

from sun.core.text import plier

V = TypeVar("V")
JOKER = "*"


class Table(Generic[V]):
    def __init__(self, lignes: Mapping[str, V]):
        self.exactes: dict[str, V] = {}
        prefixes: list[tuple[str, V]] = []
        for cle, valeur in lignes.items():
            if cle.endswith(JOKER):
                prefixes.append((plier(cle[:-1]), valeur))
            else:
                self.exactes[plier(cle)] = valeur
        self.prefixes = sorted(prefixes, key=lambda p: -len(p[0]))
        self._vues: dict[str, V | None] = {}

    def trouver(self, valeur: str) -> V | None:
        """The value for `valeur`, or None when the table does not know it (an empty value is
        only known if the table has an empty entry)."""
        try:
            return self._vues[valeur]
        except KeyError:
            pass
        plie = plier(valeur)
        trouvee = self.exactes.get(plie)
        if trouvee is None and plie:
            trouvee = next((v for p, v in self.prefixes if plie.startswith(p)), None)
        if len(self._vues) < 100_000:
            self._vues[valeur] = trouvee
        return trouvee

    def ajouter(self, cle: str, valeur: V) -> None:
        self.exactes[plier(cle)] = valeur
        self._vues.pop(cle, None)
