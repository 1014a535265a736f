"""`sun connectivite` actions: fiches (filled in by its module)."""


def ajouter(actions) -> None:
    pass
