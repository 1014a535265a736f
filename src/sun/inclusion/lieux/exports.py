"""Exports of the register: the national standard v1 (CSV, JSON, GeoJSON) and data·inclusion.

Open-data exports hold active places only, never demonstration data, and only places that
carry the standard's required fields (the others are listed in the agent space to be fixed).

Schema in force: v1.0.1. schema.data.gouv.fr publishes only the versions a schema's repository
tags (its page « Validation des schémas »), and the latest tag of LaMednum/standard-mediation-num
is v1.0.1 (2024-06-13); the branch head declares a v1.0.2 that was never tagged. Every row is
written so that it passes v1.0.1 and the branch's v1.0.2 alike:

- « Étapes numériques (La Poste) » is not in v1.0.1's `formations_labels`, and v1.0.2 spells it
  `Étapes numériques(La Poste)`, without the space: the label is written in the free text
  `autres_formations_labels`, so the information is kept and both versions accept it. (Once a
  version accepting it is tagged, `HORS_SCHEMA` is where to move it back.)
- enumerated values are written as the schema's patterns spell them, whatever the register
  holds: typographic apostrophes (« Ce lieu n’accueille pas de public »), the long labels of the
  schema's own descriptions (« À distance (par téléphone ou en visioconférence) ») and the like
  come back to the listed value; a value the list lacks is left out, but a label of
  `formations_labels` goes to `autres_formations_labels`.
- one telephone number in international form (`+33…`, no space), or none; `presentation_resume`
  cut at 280 characters; `pivot` of 9 to 14 letters or digits, else the national pipeline's
  « 00000000000000 »; an INSEE code failing the pattern is left empty (it is optional), a place
  without a five-digit postal code is not published; `latitude` and `longitude` as plain
  decimal numbers (empty when unknown); `date_maj` as an ISO date; the 32 columns in the
  schema's order, named exactly as in the schema.
- `source` (« Structure collectant la donnée »): the sources the register knows for the place,
  the one its record names first, then the sources it was imported from, in the order they
  first listed it, joined with `|` as the standard joins several values. A place entered in SUN
  (or known by no source) names the organisation running the register.

data·inclusion, schema v1 (gip-inclusion/data-inclusion-schema, v1.0.0 to v1.0.8): a service's
`frais` is one value, `gratuit` or `payant`, or null, with `frais_precisions` in free text. Only
a place whose sole cost value is « Gratuit » is `gratuit`. « Payant » or « Gratuit sous
condition » (there is a cost for some) make it `payant`, the standard's values going to
`frais_precisions` when they say more than « Payant ». A place with no known cost has no `frais`.
"""

import csv
import io
import json
import math
import re
from collections.abc import Iterator

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone

from sun.core.tableur import ecrivain_dict_csv
from sun.core.telephone import international
from sun.inclusion.lieux import normalisation as n
from sun.inclusion.lieux.standard import ALIAS_V1, CHAMPS_V1, ENUMERATIONS, ETAPES_NUMERIQUES
from sun.inclusion.models import Lieu, SourceLieu

PIVOT_INCONNU = "00000000000000"  # the national pipeline's value for a missing pivot
SCHEMA_EN_VIGUEUR = "v1.0.1"
SAISIE_SUN = "Saisie dans SUN"  # the source of the places entered in the agent space
PIVOT = re.compile(r"^[a-zA-Z0-9]{9,14}$")
CODE_INSEE = re.compile(r"^([013-9]\d|2[AB1-9])\d{3}$")
SIRET = re.compile(r"^\d{14}$")
RESUME_MAX = 280

# Values of the register's lists that the schema in force lacks, written in the free text.
HORS_SCHEMA = {"formations_labels": {ETAPES_NUMERIQUES}}
# Each listed value under a key forgiving case, accents, spacing and apostrophes, with the
# long labels of the standard's descriptions.
_CANONIQUES = {
    champ: {n.cle_souple(v): v for v in valeurs}
    | {n.cle_souple(a): c for a, c in ALIAS_V1.items() if c in valeurs}
    for champ, valeurs in ENUMERATIONS.items()
}

# v1 services → data·inclusion thématiques (table of the national library, see the notes).
THEMATIQUES = {
    "Acquisition de matériel informatique à prix solidaire": [
        "numerique--s-equiper-en-materiel-informatique"
    ],
    "Aide aux démarches administratives": [
        "numerique--realiser-des-demarches-administratives-avec-un-accompagnement",
        "numerique--devenir-autonome-dans-les-demarches-administratives",
        "numerique--accompagner-les-demarches-de-sante",
    ],
    "Maîtrise des outils numériques du quotidien": [
        "numerique--prendre-en-main-un-smartphone-ou-une-tablette",
        "numerique--prendre-en-main-un-ordinateur",
        "numerique--utiliser-le-numerique-au-quotidien",
    ],
    "Insertion professionnelle via le numérique": [
        "numerique--favoriser-mon-insertion-professionnelle",
        "numerique--creer-et-developper-mon-entreprise",
    ],
    "Parentalité et éducation avec le numérique": [
        "numerique--soutenir-la-parentalite-et-l-education-avec-le-numerique"
    ],
    "Loisirs et créations numériques": ["numerique--creer-avec-le-numerique"],
    "Compréhension du monde numérique": [
        "numerique--approfondir-ma-culture-numerique",
        "numerique--promouvoir-la-citoyennete-numerique",
    ],
    "Accès internet et matériel informatique": [
        "numerique--acceder-a-une-connexion-internet",
        "numerique--acceder-a-du-materiel",
    ],
    "Utilisation sécurisée du numérique": ["numerique"],
}
PUBLICS = {"Jeunes": "jeunes", "Étudiants": "etudiants", "Familles et/ou enfants": "familles",
           "Seniors": "seniors", "Femmes": "femmes"}  # fmt: skip
MOBILISATION = {"Se présenter": "se-presenter", "Téléphoner": "telephoner",
                "Contacter par mail": "envoyer-un-courriel", "Prendre un RDV en ligne": "utiliser-lien-mobilisation",
                "Envoyer un mail avec une fiche de prescription": "envoyer-un-courriel"}  # fmt: skip
RESEAUX = {"France Services": "france-service", "Conseillers numériques": "conseillers-numeriques",
           "Aidants Connect": "aidants-connect", "Emmaüs Connect": "emmaus",
           "La Croix Rouge": "croix-rouge", "Grande école du numérique": "grandes-ecoles-du-numerique"}  # fmt: skip


def _complet() -> Q:
    """What the standard requires and the register may lack (id, pivot, date_maj are always
    there): a name, a commune, an address and a five-digit postal code."""
    return ~(Q(nom="") | Q(commune="") | Q(adresse="")) & Q(code_postal__regex=r"^[0-9]{5}$")


def lieux_publies():
    """Active, real places carrying the standard's required fields, in a stable order."""
    return (
        Lieu.objects.filter(statut=Lieu.Statut.ACTIF, demonstration=False)
        .filter(_complet())
        .order_by("code_insee", "nom", "id")
    )


def lieux_incomplets():
    return Lieu.objects.filter(statut=Lieu.Statut.ACTIF, demonstration=False).exclude(_complet())


def _avec_sources(lieux):
    """The places with their source records, read in one query per batch of the iterator."""
    sources = SourceLieu.objects.only("pk", "lieu_id", "source", "vu_la_premiere_fois")
    return lieux.prefetch_related(Prefetch("sources", queryset=sources))


def producteur() -> str:
    """The organisation running this register, which collects what its agents enter."""
    if settings.SUN_NOM_ORGANISATION:
        return settings.SUN_NOM_ORGANISATION
    from sun.territoire.queries import departement_configure

    departement = departement_configure()
    return f"Département {departement.nom_avec_de}" if departement else "SUN"


def source_du_lieu(lieu: Lieu, nom_producteur: str | None = None) -> str:
    """The standard's `source`: the place's own, then the sources it came from, `|` between."""
    nom_producteur = producteur() if nom_producteur is None else nom_producteur
    connues = sorted(lieu.sources.all(), key=lambda s: (s.vu_la_premiere_fois, s.pk))
    noms: list[str] = []
    for nom in [lieu.source, *(s.source for s in connues)]:
        nom = nom_producteur if nom.strip() == SAISIE_SUN else nom.strip().replace("|", "/")
        if nom and nom.casefold() not in {v.casefold() for v in noms}:
            noms.append(nom)
    return "|".join(noms) or nom_producteur


def valeurs_listees(champ: str, valeurs: list[str]) -> tuple[list[str], list[str]]:
    """(values as the schema in force lists them, values it does not list), each once."""
    listees, autres = [], []
    for valeur in valeurs:
        canonique = _CANONIQUES[champ].get(n.cle_souple(valeur))
        if canonique is None or canonique in HORS_SCHEMA.get(champ, ()):
            cible, canonique = autres, canonique or n.texte(valeur)
        else:
            cible = listees
        if canonique and canonique not in cible:
            cible.append(canonique)
    return listees, autres


def _nombre(valeur: float | None) -> str:
    if valeur is None or not math.isfinite(valeur):
        return ""
    return f"{valeur:.6f}".rstrip("0").rstrip(".")


def _resume(texte: str) -> str:
    return texte if len(texte) <= RESUME_MAX else n.resume(texte, n.Signalements())


def _liste(valeurs: list[str]) -> str:
    return "|".join(v.replace("|", "/") for v in valeurs if v)


def valeurs_standard(lieu: Lieu, nom_producteur: str | None = None) -> dict[str, str]:
    """The 32 fields as the schema in force writes them (text, `|` between values)."""
    pivot = re.sub(r"[^a-zA-Z0-9]", "", lieu.pivot or "")
    ligne = {
        "id": str(lieu.id),
        "pivot": pivot if PIVOT.match(pivot) else PIVOT_INCONNU,
        "code_insee": lieu.code_insee if CODE_INSEE.match(lieu.code_insee or "") else "",
        "latitude": _nombre(lieu.latitude),
        "longitude": _nombre(lieu.longitude),
        "telephone": international(lieu.telephone) or "",
        "presentation_resume": _resume(lieu.presentation_resume or ""),
        "source": source_du_lieu(lieu, nom_producteur),
        "date_maj": lieu.date_maj.isoformat(),
    }
    hors_liste = []
    for champ in ENUMERATIONS:
        listees, autres = valeurs_listees(champ, getattr(lieu, champ))
        ligne[champ] = _liste(listees)
        hors_liste += autres if champ == "formations_labels" else []
    autres_labels = list(dict.fromkeys([*lieu.autres_formations_labels, *hors_liste]))
    ligne["autres_formations_labels"] = _liste(autres_labels)
    for champ in ("typologie", "courriels", "site_web"):
        ligne[champ] = _liste(getattr(lieu, champ))
    for champ in CHAMPS_V1:
        if champ not in ligne:
            valeur = getattr(lieu, champ)
            ligne[champ] = "" if valeur is None else str(valeur)
    return {champ: ligne[champ] for champ in CHAMPS_V1}


def nom_fichier(extension: str) -> str:
    """Recommended name: YYYY-MM-DD_idProducteur_lieux-de-mediation-numerique_territoire.ext."""
    from sun.territoire.queries import departement_configure

    departement = departement_configure()
    territoire = departement.nom.replace(" ", "-") if departement else settings.SUN_DEPARTEMENT
    siret = settings.SUN_SIRET_PRODUCTEUR or PIVOT_INCONNU
    return f"{timezone.localdate():%Y-%m-%d}_{siret}_lieux-de-mediation-numerique_{territoire}.{extension}"


def _parcourir(lieux) -> Iterator[Lieu]:
    lieux = lieux if lieux is not None else lieux_publies()
    return _avec_sources(lieux).iterator(chunk_size=1000)


def csv_standard(lieux=None) -> Iterator[str]:
    """CSV of the standard v1: UTF-8, `,` between columns, every column in schema order."""
    tampon = io.StringIO()
    ecrivain = ecrivain_dict_csv(  # no cell runs as a formula in a spreadsheet
        tampon, fieldnames=CHAMPS_V1, quoting=csv.QUOTE_MINIMAL, lineterminator="\n"
    )
    ecrivain.writeheader()
    yield tampon.getvalue()
    nom_producteur = producteur()
    for lieu in _parcourir(lieux):
        tampon.seek(0)
        tampon.truncate()
        ecrivain.writerow(valeurs_standard(lieu, nom_producteur))
        yield tampon.getvalue()


def _json_standard(lieu: Lieu, nom_producteur: str) -> dict:
    ligne = valeurs_standard(lieu, nom_producteur)
    ligne["latitude"] = float(ligne["latitude"]) if ligne["latitude"] else None
    ligne["longitude"] = float(ligne["longitude"]) if ligne["longitude"] else None
    return ligne


def json_standard(lieux=None) -> Iterator[str]:
    yield "["
    nom_producteur = producteur()
    for i, lieu in enumerate(_parcourir(lieux)):
        yield ("," if i else "") + json.dumps(
            _json_standard(lieu, nom_producteur), ensure_ascii=False
        )
    yield "]"


def geojson(lieux=None) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":['
    nom_producteur = producteur()
    for i, lieu in enumerate(_parcourir(lieux)):
        proprietes = _json_standard(lieu, nom_producteur)
        geometrie = (
            {"type": "Point", "coordinates": [proprietes["longitude"], proprietes["latitude"]]}
            if proprietes["latitude"] is not None and proprietes["longitude"] is not None
            else None
        )
        entite = {"type": "Feature", "geometry": geometrie, "properties": proprietes}
        yield ("," if i else "") + json.dumps(entite, ensure_ascii=False)
    yield "]}"


def _description(lieu: Lieu) -> str:
    """data·inclusion wants 50 to 2,000 characters."""
    texte = lieu.presentation_detail or lieu.presentation_resume
    if len(texte) < 50:
        services = ", ".join(lieu.services).lower() or "médiation numérique"
        texte = f"{lieu.nom}, lieu de médiation numérique à {lieu.commune} : {services}. {texte}".strip()
    return texte[:2000]


def data_inclusion_structures(lieux=None) -> list[dict]:
    source = settings.SUN_NOM_SOURCE_DATA_INCLUSION
    resultat = []
    for lieu in (lieux if lieux is not None else lieux_publies()).iterator(chunk_size=1000):
        resultat.append({
            "source": source, "id": str(lieu.id), "nom": lieu.nom[:150], "description": _description(lieu),
            "siret": lieu.pivot if SIRET.match(lieu.pivot) else None,
            "adresse": lieu.adresse, "complement_adresse": lieu.complement_adresse or None,
            "commune": lieu.commune, "code_postal": lieu.code_postal, "code_insee": lieu.code_insee or None,
            "latitude": lieu.latitude, "longitude": lieu.longitude,
            "telephone": lieu.telephone or None, "courriel": (lieu.courriels or [None])[0],
            "site_web": (lieu.site_web or [None])[0], "horaires_accueil": lieu.horaires or None,
            "accessibilite_lieu": lieu.fiche_acces_libre or None,
            "reseaux_porteurs": sorted({RESEAUX[d] for d in lieu.dispositif_programmes_nationaux if d in RESEAUX}),
            "date_maj": lieu.date_maj.isoformat(),
        })  # fmt: skip
    return resultat


def frais_data_inclusion(frais_a_charge: list[str]) -> tuple[str | None, str | None]:
    """(`frais`, `frais_precisions`) of a data·inclusion v1 service from the standard's
    `frais_a_charge`: `gratuit` only for « Gratuit » alone, `payant` as soon as some pay
    (« Payant », « Gratuit sous condition »), nothing when the cost is unknown."""
    valeurs, _ = valeurs_listees("frais_a_charge", frais_a_charge)
    if not valeurs:
        return None, None
    if valeurs == ["Gratuit"]:
        return "gratuit", None
    return "payant", None if valeurs == ["Payant"] else ", ".join(valeurs)


def _listees(lieu: Lieu, champ: str) -> list[str]:
    return valeurs_listees(champ, getattr(lieu, champ))[0]


def data_inclusion_services(lieux=None) -> list[dict]:
    source = settings.SUN_NOM_SOURCE_DATA_INCLUSION
    resultat = []
    for lieu in (lieux if lieux is not None else lieux_publies()).iterator(chunk_size=1000):
        services, publics, acces, accompagnement = (
            _listees(lieu, champ)
            for champ in ("services", "publics_specifiquement_adresses", "modalites_acces",
                          "modalites_accompagnement")
        )  # fmt: skip
        thematiques = sorted({t for s in services for t in THEMATIQUES.get(s, [])}) or ["numerique"]
        frais, frais_precisions = frais_data_inclusion(lieu.frais_a_charge)
        resultat.append({
            "source": source, "structure_id": str(lieu.id), "id": f"{lieu.id}-mediation-numerique",
            "nom": "Médiation numérique", "description": _description(lieu), "type": "accompagnement",
            "thematiques": thematiques, "frais": frais, "frais_precisions": frais_precisions,
            # data·inclusion wants at least one value in these lists, or none at all (null).
            "publics": sorted({PUBLICS[p] for p in publics if p in PUBLICS}) or None,
            "modes_accueil": (["a-distance"] if "À distance" in accompagnement else [])
            + (["en-presentiel"] if accompagnement != ["À distance"] else []),
            "modes_mobilisation": sorted({MOBILISATION[m] for m in acces if m in MOBILISATION}) or None,
            "mobilisable_par": ["usagers"],
            "lien_mobilisation": lieu.prise_rdv or None,
            "horaires_accueil": lieu.horaires or None, "telephone": lieu.telephone or None,
            "courriel": (lieu.courriels or [None])[0], "zone_eligibilite": [lieu.code_insee] if lieu.code_insee else None,
            "date_maj": lieu.date_maj.isoformat(),
        })  # fmt: skip
    return resultat
