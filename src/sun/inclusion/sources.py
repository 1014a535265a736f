"""Names of the sources the inclusion app's figures cite (shown beside every figure)."""

SOURCE_REGISTRE = "Registre SUN des lieux de médiation numérique"
