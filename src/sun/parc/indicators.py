"""The fleet's figures in the indicator registry: each wing declares its own in its
`indicators.py`; importing them here registers them at start-up."""

from sun.parc.dons import indicators as _dons  # noqa: F401
from sun.parc.empreinte import indicators as _empreinte  # noqa: F401
from sun.parc.reparateurs import indicators as _reparateurs  # noqa: F401
from sun.parc.taux import indicators as _taux  # noqa: F401
