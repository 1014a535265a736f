"""`sun donnees` actions of the wing « conservation »."""


def ajouter(actions) -> None:
    pass
