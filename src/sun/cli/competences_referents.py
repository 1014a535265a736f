"""`sun competences` actions of the wing « referents »."""


def ajouter(actions) -> None:
    """Add this wing's actions to `sun competences`."""
