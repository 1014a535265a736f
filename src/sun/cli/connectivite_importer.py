"""`sun connectivite` actions: importer (filled in by its module)."""


def ajouter(actions) -> None:
    pass
