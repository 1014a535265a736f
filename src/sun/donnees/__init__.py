"""The public data service (schéma, orientations 9 and 10): the catalogue of datasets and their
files (catalogue/), their checks against national schemas (validation/), the feeds for
harvesters and publication to data.gouv.fr (flux/), the internal inventory of data and
processing (inventaire/), and the retention rules SUN applies to its own records
(conservation/). See docs/donnees.md."""
