"""`sun donnees` actions of the wing « catalogue »."""


def ajouter(actions) -> None:
    pass
