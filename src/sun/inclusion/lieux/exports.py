"""Exports of the register: the national standard v1 (CSV, JSON, GeoJSON) and data·inclusion.

Open-data exports hold active places only, never demonstration data, and only places that
carry the standard's required fields (the others are listed in the agent space to be fixed).
"""

import csv
import io
import json
from collections.abc import Iterator

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from sun.inclusion.lieux.standard import CHAMPS_MULTIPLES, CHAMPS_V1
from sun.inclusion.models import Lieu

PIVOT_INCONNU = "00000000000000"  # the national pipeline's value for a missing pivot

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


def lieux_publies():
    """Active, real places carrying the standard's required fields, in a stable order."""
    return (
        Lieu.objects.filter(statut=Lieu.Statut.ACTIF, demonstration=False)
        .exclude(Q(nom="") | Q(commune="") | Q(adresse="") | Q(code_postal=""))
        .order_by("code_insee", "nom", "id")
    )


def lieux_incomplets():
    return Lieu.objects.filter(statut=Lieu.Statut.ACTIF, demonstration=False).filter(
        Q(nom="") | Q(commune="") | Q(adresse="") | Q(code_postal="")
    )


def valeurs_standard(lieu: Lieu) -> dict[str, str]:
    """The 32 fields as the standard writes them (text, `|` between values)."""
    ligne = {}
    for champ in CHAMPS_V1:
        valeur = getattr(lieu, champ)
        if champ in CHAMPS_MULTIPLES:
            valeur = "|".join(valeur)
        elif champ in ("latitude", "longitude"):
            valeur = "" if valeur is None else f"{valeur:.6f}".rstrip("0").rstrip(".")
        elif champ == "date_maj":
            valeur = valeur.isoformat()
        elif champ == "pivot":
            valeur = valeur or PIVOT_INCONNU
        ligne[champ] = "" if valeur is None else str(valeur)
    return ligne


def nom_fichier(extension: str) -> str:
    """Recommended name: YYYY-MM-DD_idProducteur_lieux-de-mediation-numerique_territoire.ext."""
    from sun.territoire.queries import departement_configure

    departement = departement_configure()
    territoire = departement.nom.replace(" ", "-") if departement else settings.SUN_DEPARTEMENT
    producteur = settings.SUN_SIRET_PRODUCTEUR or PIVOT_INCONNU
    return f"{timezone.localdate():%Y-%m-%d}_{producteur}_lieux-de-mediation-numerique_{territoire}.{extension}"


def csv_standard(lieux=None) -> Iterator[str]:
    """CSV of the standard v1: UTF-8, `,` between columns, every column in schema order."""
    tampon = io.StringIO()
    ecrivain = csv.DictWriter(
        tampon, fieldnames=CHAMPS_V1, quoting=csv.QUOTE_MINIMAL, lineterminator="\n"
    )
    ecrivain.writeheader()
    yield tampon.getvalue()
    for lieu in (lieux if lieux is not None else lieux_publies()).iterator(chunk_size=1000):
        tampon.seek(0)
        tampon.truncate()
        ecrivain.writerow(valeurs_standard(lieu))
        yield tampon.getvalue()


def _json_standard(lieu: Lieu) -> dict:
    ligne = valeurs_standard(lieu)
    ligne["latitude"], ligne["longitude"] = lieu.latitude, lieu.longitude
    return ligne


def json_standard(lieux=None) -> Iterator[str]:
    yield "["
    for i, lieu in enumerate(
        (lieux if lieux is not None else lieux_publies()).iterator(chunk_size=1000)
    ):
        yield ("," if i else "") + json.dumps(_json_standard(lieu), ensure_ascii=False)
    yield "]"


def geojson(lieux=None) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":['
    premier = True
    for lieu in (lieux if lieux is not None else lieux_publies()).iterator(chunk_size=1000):
        geometrie = (
            {"type": "Point", "coordinates": [lieu.longitude, lieu.latitude]}
            if lieu.latitude is not None
            else None
        )
        entite = {"type": "Feature", "geometry": geometrie, "properties": _json_standard(lieu)}
        yield ("" if premier else ",") + json.dumps(entite, ensure_ascii=False)
        premier = False
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
            "siret": lieu.pivot if lieu.pivot.isdigit() else None,
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


def data_inclusion_services(lieux=None) -> list[dict]:
    source = settings.SUN_NOM_SOURCE_DATA_INCLUSION
    resultat = []
    for lieu in (lieux if lieux is not None else lieux_publies()).iterator(chunk_size=1000):
        thematiques = sorted({t for s in lieu.services for t in THEMATIQUES.get(s, [])}) or [
            "numerique"
        ]
        resultat.append({
            "source": source, "structure_id": str(lieu.id), "id": f"{lieu.id}-mediation-numerique",
            "nom": "Médiation numérique", "description": _description(lieu), "type": "accompagnement",
            "thematiques": thematiques,
            "frais": "payant" if lieu.frais_a_charge == ["Payant"] else "gratuit",
            "frais_precisions": ", ".join(lieu.frais_a_charge) or None,
            "publics": sorted({PUBLICS[p] for p in lieu.publics_specifiquement_adresses if p in PUBLICS}),
            "modes_accueil": (["a-distance"] if "À distance" in lieu.modalites_accompagnement else [])
            + (["en-presentiel"] if lieu.modalites_accompagnement != ["À distance"] else []),
            "modes_mobilisation": sorted({MOBILISATION[m] for m in lieu.modalites_acces if m in MOBILISATION}),
            "mobilisable_par": ["usagers"],
            "lien_mobilisation": lieu.prise_rdv or None,
            "horaires_accueil": lieu.horaires or None, "telephone": lieu.telephone or None,
            "courriel": (lieu.courriels or [None])[0], "zone_eligibilite": [lieu.code_insee] if lieu.code_insee else None,
            "date_maj": lieu.date_maj.isoformat(),
        })  # fmt: skip
    return resultat
