"""Difficulties reported by communes: a mayor's or secretary's case (refus de tiers, blocked
connection, missing address…), processed by the département's agents and the partners'
contacts. Writes in `services`, reads in `queries`, rights in `permissions`, masking of the
free texts in `masquage`, demonstration cases in `demo`."""
