"""A reading opened on first use, inside the pipeline: a file refused while it is opened is
recorded in the journal like any other, and an importer that chooses its layout from the
header (`ouvrir`) does so then."""

from collections.abc import Callable
from pathlib import Path

from sun.core.imports.lecture import Lecture


class LectureDifferee:
    def __init__(self, ouvrir: Callable[[Path], Lecture], chemin: Path):
        self._ouvrir, self.chemin, self._lecture = ouvrir, Path(chemin), None

    def _ouverte(self) -> Lecture:
        if self._lecture is None:
            self._lecture = self._ouvrir(self.chemin)
        return self._lecture

    format = property(lambda self: self._ouverte().format)
    colonnes = property(lambda self: self._ouverte().colonnes)
    lignes = property(lambda self: self._ouverte().lignes)
