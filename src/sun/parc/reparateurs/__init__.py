"""The fleet wing « reparateurs »."""
