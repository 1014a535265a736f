"""Daily jobs of the calls wing: reminders before a deadline."""
