"""Rate limit of anonymous API clients (every public endpoint), through the shared counters of
`sun.core.limites` and the client address of `sun.core.client` (proxies honoured as set, never
a header the client wrote). The rule is read from the settings at each request
(SUN_API_LIMITE_ANONYME, « 120/min »; empty: no limit)."""

import threading

from django.conf import settings
from ninja.throttling import BaseThrottle

from sun.core.client import adresse_client
from sun.core.limites import compter, lire_regle


class LimiteAnonyme(BaseThrottle):
    def __init__(self, nom: str = "api", reglage: str = "SUN_API_LIMITE_ANONYME"):
        self.nom, self.reglage = nom, reglage
        self._fil = threading.local()  # one instance serves every thread of the process

    def allow_request(self, request) -> bool:
        if request.user.is_authenticated:
            return True
        regle = lire_regle(getattr(settings, self.reglage), self.reglage)
        decompte = compter(self.nom, adresse_client(request), regle)
        self._fil.attente = decompte.attente
        return decompte.permis

    def wait(self) -> float | None:
        return getattr(self._fil, "attente", 0.0)
