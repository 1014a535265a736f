"""`sun donnees` actions of the wing « inventaire »."""


def ajouter(actions) -> None:
    pass
