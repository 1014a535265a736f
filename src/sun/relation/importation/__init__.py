"""Imports of requests from the tools already in use, through the one import pipeline
(`sun.core.imports`): Démarches Simplifiées (GraphQL API v2, or its CSV/XLSX export), Publik /
w.c.s. (JSON API, or the CSV export of a form) and SUN's documented CSV template.

Every source is turned into the same accepted row (`commun.Ligne`) and written by the same
bulk writer (`ecriture.Ecrivain`): keyed on (source_externe, numero_externe), so importing
again changes nothing; a changed status updates the request and adds an `Evenement` of type
« import » with the move; new requests get their regime copied from the démarche, their legal
dates, a tracking code and the minimal contact. One transaction for the whole import, API
pages included: a failure on any page or row leaves nothing written.
"""
