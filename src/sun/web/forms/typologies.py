"""French names of the data·inclusion typologies, so that a coordinator picks « Centre social »
rather than « CS ». The common ones come from the standard's own list (LIBELLES_TYPOLOGIES);
the others are named after the data·inclusion schema's descriptions."""

from unidecode import unidecode

from sun.inclusion.lieux.standard import LIBELLES_TYPOLOGIES, TYPOLOGIES

AUTRES_LIBELLES = {
    "ACI": "Atelier et chantier d'insertion",
    "ACIPHC": "Atelier et chantier d'insertion « premières heures en chantier »",
    "AFPA": "AFPA, formation professionnelle des adultes",
    "AI": "Association intermédiaire",
    "ASE": "Aide sociale à l'enfance",
    "ASSO_CHOMEUR": "Association de chômeurs",
    "Autre": "Autre",
    "AVIP": "Crèche à vocation d'insertion professionnelle",
    "CAARUD": "Centre d'accueil et de réduction des risques pour usagers de drogues (CAARUD)",
    "CADA": "Centre d'accueil de demandeurs d'asile",
    "CAP_EMPLOI": "Cap emploi",
    "CAVA": "Centre d'adaptation à la vie active",
    "CC": "Communauté de communes",
    "CCONS": "Chambre consulaire (CCI, chambre des métiers, d'agriculture)",
    "CD": "Conseil départemental",
    "CDAS": "Centre départemental d'action sociale",
    "CHRS": "Centre d'hébergement et de réinsertion sociale",
    "CHU": "Centre d'hébergement d'urgence",
    "CIAS": "Centre intercommunal d'action sociale",
    "CIDFF": "Centre d'information sur les droits des femmes et des familles",
    "CITMET": "Cité des métiers",
    "CMP": "Centre médico-psychologique",
    "CMS": "Centre médico-social",
    "CPAM": "Caisse primaire d'assurance maladie",
    "CPH": "Centre provisoire d'hébergement",
    "CSAPA": "Centre de soins et de prévention en addictologie (CSAPA)",
    "CSC": "Centre socioculturel",
    "DEETS": "Direction de l'économie, de l'emploi, du travail et des solidarités",
    "DEPT": "Services sociaux du conseil départemental",
    "DIPLP": "Délégation à la prévention et à la lutte contre la pauvreté",
    "E2C": "École de la deuxième chance",
    "EA": "Entreprise adaptée",
    "EATT": "Entreprise adaptée de travail temporaire",
    "EI": "Entreprise d'insertion",
    "EITI": "Entreprise d'insertion par le travail indépendant",
    "ENM": "Espace numérique mobile",
    "EPCI": "Intercommunalité",
    "EPI": "Espace public internet",
    "EPIDE": "Établissement pour l'insertion dans l'emploi (EPIDE)",
    "ES": "Épicerie solidaire",
    "ESAT": "Établissement et service d'aide par le travail",
    "ESS": "Entreprise de l'économie sociale et solidaire",
    "ETTI": "Entreprise de travail temporaire d'insertion",
    "EVS": "Espace de vie sociale",
    "FABRIQUE": "Fabrique de territoire",
    "FAIS": "Fédération d'acteurs de l'insertion et de la solidarité",
    "GEIQ": "Groupement d'employeurs pour l'insertion et la qualification",
    "HUDA": "Hébergement d'urgence pour demandeurs d'asile",
    "MDE": "Maison de l'emploi",
    "MDEF": "Maison de l'emploi et de la formation",
    "MDPH": "Maison départementale des personnes handicapées",
    "MSA": "Mutualité sociale agricole",
    "MSAP": "Maison de services au public",
    "OACAS": "Organisme d'accueil communautaire et d'activité solidaire",
    "ODC": "Organisation délégataire du conseil départemental",
    "OIL": "Opérateur d'intermédiation locative",
    "OPCS": "Organisation porteuse de la clause sociale",
    "PAD": "Point d'accès au droit",
    "PENSION": "Pension de famille, résidence accueil",
    "PI": "Point information",
    "PIMMS": "Point information médiation multi-services (PIMMS)",
    "PJJ": "Protection judiciaire de la jeunesse",
    "PLIE": "Plan local pour l'insertion et l'emploi",
    "PREF": "Préfecture, sous-préfecture",
    "PREVENTION": "Service ou club de prévention (code PREVENTION)",
    "REG": "Région",
    "RELAIS_LECTURE": "Relais lecture",
    "RESSOURCERIE": "Ressourcerie",
    "RS_FJT": "Résidence sociale, foyer de jeunes travailleurs",
    "SCP": "Services et clubs de prévention (code SCP)",
    "SPIP": "Service pénitentiaire d'insertion et de probation",
}

# The types of most mediation places, shown first; the others are folded in the form.
COURANTES = frozenset(LIBELLES_TYPOLOGIES)


def libelle(code: str) -> str:
    """The French name of a typology; a code without a known name is shown as it is."""
    return LIBELLES_TYPOLOGIES.get(code) or AUTRES_LIBELLES.get(code) or code


def choix(deja: list[str] | None = None) -> list[tuple[str, str]]:
    """(code, French name) of every typology, by name; values already stored on the place but
    outside the list are kept so that an edit never drops them."""
    codes = list(TYPOLOGIES) + [c for c in (deja or []) if c not in TYPOLOGIES]
    return sorted(((c, libelle(c)) for c in codes), key=lambda c: unidecode(c[1]).lower())
