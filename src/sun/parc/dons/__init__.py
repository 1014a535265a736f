"""The fleet wing « dons »."""
