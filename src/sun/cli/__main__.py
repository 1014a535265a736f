"""`python -m sun.cli`, the same as `sun`."""

import sys

from sun.cli import main

sys.exit(main())
