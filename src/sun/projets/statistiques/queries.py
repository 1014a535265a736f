"""The statistics' reads of the requests (by type, tool, direction, month; lead times),
mixed into the requests' QuerySet."""

from django.db import models


class StatistiquesDemandes(models.QuerySet):
    pass
