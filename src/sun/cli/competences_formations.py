"""`sun competences` actions of the wing « formations »."""


def ajouter(actions) -> None:
    """Add this wing's actions to `sun competences`."""
