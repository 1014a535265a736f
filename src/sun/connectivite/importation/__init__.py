"""Imports of the connectivity files (ARCEP Ma connexion internet, FttH observatory, copper
switch-off, mobile coverage) through the one pipeline `sun.core.imports`: see services.py."""
