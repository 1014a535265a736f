"""The commune sheet for its mayor: what SUN knows of one commune on one or two A4 pages
(town hall, fibre and copper, mobile, help nearby, fragility, help counted, difficulties
reported, the plan's actions), gathered set-based for every commune at once (`donnees`) and
rendered as HTML and PDF (`rendu`)."""
