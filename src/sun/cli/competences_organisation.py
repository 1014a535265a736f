"""`sun competences` actions of the organisation (directions, people, elected officials)."""


def ajouter(actions) -> None:
    """Add these actions to `sun competences`."""
