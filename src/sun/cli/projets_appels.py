"""`sun projets` actions of the wing « appels »."""


def ajouter(actions) -> None:
    """Add this wing's actions to `sun projets`."""
