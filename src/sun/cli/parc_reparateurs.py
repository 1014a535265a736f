"""`sun parc` actions of the wing « reparateurs »."""


def ajouter(actions) -> None:
    """Add this wing's actions to `sun parc`."""
