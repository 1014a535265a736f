"""The IT fleet and responsible digital (Axe 3, orientation 5, and 2.5): inventory and life
cycle, the legal reuse rate (décret 2023-266) and purchase shares (décret 2024-134), the
footprint, donations to mediation places, the local repair and refurbishing chain, and the
sobriety of SUN's own pages (docs/parc.md)."""
