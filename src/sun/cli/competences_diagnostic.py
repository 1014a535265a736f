"""`sun competences` actions of the wing « diagnostic »."""


def ajouter(actions) -> None:
    """Add this wing's actions to `sun competences`."""
