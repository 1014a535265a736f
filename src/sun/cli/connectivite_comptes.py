"""`sun connectivite` actions: comptes (filled in by its module)."""


def ajouter(actions) -> None:
    pass
