"""The refusal every write of this app raises on bad input: a French message for the person,
and nothing written (the services check before writing, inside one transaction)."""


class Refus(ValueError):
    def __init__(self, message: str, champ: str | None = None):
        super().__init__(message)
        self.message = message
        self.champ = champ  # the form field at fault, when there is one

    def __str__(self) -> str:
        return self.message
