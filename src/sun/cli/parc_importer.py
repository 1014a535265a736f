"""`sun parc` actions of the wing « importer »."""


def ajouter(actions) -> None:
    """Add this wing's actions to `sun parc`."""
