"""The import of files of places, one stage per module, in the order they run:

read (core.imports.lecture) → convert and normalise (conversion) → locate
(lieux.localisation) → match known sources (rapprochement) → write in bulk (ecriture) →
close vanished (fermeture) → detect duplicates (lieux.dedoublonnage). `importeur` chains
them on the shared pipeline; `correspondance` describes other sources; `fiche` is the row
every stage works on.
"""
