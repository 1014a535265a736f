"""Search in the catalogue: accent- and case-insensitive words of the title, summary, thème
and publics, all of which must appear (prefix match, so « handi » finds « handicap »)."""

from sun.core.text import normaliser_recherche

THEMES = {
    "autonomie": "Personnes âgées et autonomie",
    "handicap": "Handicap",
    "insertion": "Insertion et RSA",
    "enfance-famille": "Enfance et famille",
    "logement": "Logement",
    "vie-associative": "Vie associative, culture et sport",
    "mobilite": "Transports et mobilité",
    "collectivites": "Communes et collectivités",
    "education": "Collèges et éducation",
    "environnement": "Environnement et cadre de vie",
    "relation": "Réclamations et médiation",
}
PUBLICS = {
    "particuliers": "Particuliers",
    "personnes-agees": "Personnes âgées",
    "personnes-handicapees": "Personnes handicapées",
    "familles": "Familles",
    "jeunes": "Jeunes",
    "professionnels": "Professionnels",
    "associations": "Associations",
    "collectivites": "Communes et collectivités",
}


def cle_de(demarche) -> str:
    morceaux = [demarche.titre, demarche.titre_falc, demarche.resume,
                THEMES.get(demarche.theme, demarche.theme),
                *(PUBLICS.get(p, p) for p in demarche.publics)]  # fmt: skip
    return f" {normaliser_recherche(' '.join(m for m in morceaux if m))} "


def mots(texte: str) -> list[str]:
    return normaliser_recherche(texte or "").split()
