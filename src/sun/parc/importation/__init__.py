"""Import of IT inventories (GLPI CSV exports, SUN template) on the shared pipeline."""
