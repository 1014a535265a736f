"""`sun parc` actions of the wing « inventaire »."""


def ajouter(actions) -> None:
    """Add this wing's actions to `sun parc`."""
