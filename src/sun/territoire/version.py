"""The version of the territory, so that each server process knows when to rebuild its index
of communes (`sun.territoire.index_communes`). A territory load calls `territoire_modifie`
once; single saves (the admin, tests) reach it through the model signals of `apps.py`."""

from sun.core.versions import Version

VERSION = Version("territoire:version")
territoire_modifie = VERSION.modifiee
version_territoire = VERSION.actuelle
