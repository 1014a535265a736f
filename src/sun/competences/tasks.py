"""The daily jobs of training and skills, declared by their wings (sun.core.taches.quotidien
finds this module): reminders before a session."""

from sun.competences.formations import tasks as _formations  # noqa: F401
