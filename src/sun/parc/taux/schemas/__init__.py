"""The national Table Schema of the AGEC art. 58 declaration (data, see PROVENANCE.md)."""
