"""Rate limit of anonymous API clients: a fixed window counter per network address.

A counter per window (one small write per request, in the « limites » cache: see settings)
rather than the list of every request time that ninja's throttles keep, which grows with the
limit. The limit is read from the settings at each request (SUN_API_LIMITE_ANONYME,
« 120/min »; empty: no limit).
"""

import hashlib
import re
import time

from django.conf import settings
from django.core.cache import caches
from ninja.throttling import BaseThrottle

REGLE = re.compile(r"^(\d+)/(\d*)(s|sec|m|min|h|hour|d|day)$")
SECONDES = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}


class LimiteAnonyme(BaseThrottle):
    def _regle(self) -> tuple[int, int] | None:
        """« 120/min » → (120, 60); « 10/5m » → (10, 300)."""
        regle = (settings.SUN_API_LIMITE_ANONYME or "").strip()
        if not regle:
            return None
        trouve = REGLE.match(regle)
        if trouve is None:
            raise ValueError(f"SUN_API_LIMITE_ANONYME illisible : « {regle} » (exemple : 120/min).")
        return int(trouve.group(1)), int(trouve.group(2) or 1) * SECONDES[trouve.group(3)]

    def allow_request(self, request) -> bool:
        regle = self._regle()
        if regle is None or request.user.is_authenticated:
            return True
        nombre, duree = regle
        self.fenetre_fin = (int(time.time()) // duree + 1) * duree
        ident = hashlib.sha256(
            f"{settings.SECRET_KEY}{self.get_ident(request)}".encode()
        ).hexdigest()[:24]
        cle = f"api-limite:{ident}:{self.fenetre_fin}"
        compteurs = caches["limites"]
        if compteurs.add(cle, 1, duree + 1):
            return True
        try:
            return compteurs.incr(cle) <= nombre
        except ValueError:  # expired in between
            compteurs.set(cle, 1, duree + 1)
            return True

    def wait(self) -> float | None:
        return max(0.0, self.fenetre_fin - time.time())
