"""Daily jobs of the training wing: reminders before a session."""
