"""`sun parc` actions of the wing « sobriete »."""


def ajouter(actions) -> None:
    """Add this wing's actions to `sun parc`."""
