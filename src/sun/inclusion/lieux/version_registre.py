"""The version of the register of places, so that each server process knows when to rebuild
its search index (`sun.core.versions`: a token in the shared cache, published once per
committed transaction that wrote to the register, and a counter of this process's writes)."""

from sun.core.versions import Version

VERSION = Version("inclusion:registre:version")
registre_modifie = VERSION.modifiee
version_registre = VERSION.actuelle
