"""Models of the accessibility app."""
