"""Scheduled and long work on django-tasks (database backend): the daily jobs each domain
declares (`quotidien`), and the long imports launched from the agent space (`imports`)."""
