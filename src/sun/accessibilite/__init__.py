"""Digital accessibility (orientation 4.3, loi 2005-102 art. 47, RGAA 4.1.2): the register of
the département's digital services, their compliance, accessibility statements, the
multi-year plan with its yearly action plans, and automated axe-core checks."""
