"""`sun parc` actions of the wing « empreinte »."""


def ajouter(actions) -> None:
    """Add this wing's actions to `sun parc`."""
