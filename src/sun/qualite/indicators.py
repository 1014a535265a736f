"""Indicators of the quality of service, département level and per service
(`Niveau.SERVICE`, code = `ServiceInstructeur.code`). Each wing declares its own:
telephonie/indicators.py, satisfaction/indicators.py, engagements/indicators.py."""

from sun.qualite.engagements import indicators as _engagements  # noqa: F401
from sun.qualite.satisfaction import indicators as _satisfaction  # noqa: F401
from sun.qualite.telephonie import indicators as _telephonie  # noqa: F401
