"""SUN : plateforme ouverte du Schéma des usages du numérique d'un département."""

__version__ = "0.1.0"
