"""The refusal of the retention wing: a French message, nothing written."""


class RefusConservation(ValueError):
    def __init__(self, message: str, erreurs: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.erreurs = erreurs or []
