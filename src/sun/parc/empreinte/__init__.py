"""The fleet wing « empreinte »."""
