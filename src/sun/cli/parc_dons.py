"""`sun parc` actions of the wing « dons »."""


def ajouter(actions) -> None:
    """Add this wing's actions to `sun parc`."""
