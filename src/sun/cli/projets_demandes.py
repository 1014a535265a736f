"""`sun projets` actions of the wing « demandes »."""


def ajouter(actions) -> None:
    """Add this wing's actions to `sun projets`."""
