"""The daily jobs of projects and tools, declared by their wings (sun.core.taches.quotidien
finds this module): reminders before a call's deadline."""

from sun.projets.appels import tasks as _appels  # noqa: F401
