"""`sun projets` actions of the wing « panels »."""


def ajouter(actions) -> None:
    """Add this wing's actions to `sun projets`."""
