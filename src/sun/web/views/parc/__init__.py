"""Views of the IT fleet, one module per wing (inventaire, importer, taux, empreinte, dons,
reparateurs, sobriete), each with its `urls_*.py` (lists `espace` and `publiques`)."""
