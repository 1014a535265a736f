"""Feeds for harvesters (DCAT-AP 3.0.1 in Turtle and JSON-LD, data.json) and publication of
the catalogue to data.gouv.fr."""
