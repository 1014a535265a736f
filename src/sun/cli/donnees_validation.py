"""`sun donnees` actions of the wing « validation »."""


def ajouter(actions) -> None:
    pass
