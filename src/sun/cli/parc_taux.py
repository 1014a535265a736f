"""`sun parc` actions of the wing « taux »."""


def ajouter(actions) -> None:
    """Add this wing's actions to `sun parc`."""
