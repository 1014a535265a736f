from tests.parc.inventaire.outils import informatique  # noqa: F401
