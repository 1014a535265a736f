"""`sun projets` actions of the typology, the GLPI ticket import and the statistics."""


def ajouter(actions) -> None:
    """Add these actions to `sun projets`."""
