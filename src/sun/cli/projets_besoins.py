"""`sun projets` actions of the wing « besoins »."""


def ajouter(actions) -> None:
    """Add this wing's actions to `sun projets`."""
