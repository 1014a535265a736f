"""Ecoindex of SUN's own pages (GreenIT.fr method), measured in a real browser."""
