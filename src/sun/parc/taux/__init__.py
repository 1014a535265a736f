"""The fleet wing « taux »."""
