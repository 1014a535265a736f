"""`sun donnees` actions of the wing « flux »."""


def ajouter(actions) -> None:
    pass
