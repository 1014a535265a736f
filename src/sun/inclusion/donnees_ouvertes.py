"""The open datasets of digital inclusion (sun.donnees.declarations), never with demonstration
content: the register of places in the national standard, the coverage of each commune, and
the activities in aggregate per commune, EPCI and month (figures about people under 5 masked).

The register's public exports (/lieux/export/lieux-de-mediation-numerique.csv, .json,
.geojson) stay where they are: the national cartography harvests them; the catalogue keeps
dated copies of the same files."""

import math
from collections import defaultdict
from datetime import date

import numpy as np
from django.conf import settings
from django.db.models import Max, Min
from django.utils import timezone

from sun.core.indicators import SEUIL_PERSONNES
from sun.core.versions import empreinte
from sun.donnees.declarations import JeuDeclare, RessourceDeclaree, declarer, fichier_csv
from sun.inclusion.activites import coop
from sun.inclusion.activites.statistiques import Ligne, masquer
from sun.inclusion.lieux import exports
from sun.inclusion.versions import ACTIVITES, ANALYSES, REGISTRE
from sun.territoire.version import VERSION as TERRITOIRE

SCHEMA_LIEUX = ("LaMednum/standard-mediation-num", "1.0.1")
URL_LIEUX = "/lieux/export/lieux-de-mediation-numerique.csv"


def _texte(fichier, flux) -> None:
    for morceau in flux:
        fichier.write(morceau.encode())


# --- the register of places -----------------------------------------------------------------
def version_lieux() -> str:
    # As the public exports: the producer's name and SIRET are written in the files.
    return empreinte([REGISTRE, TERRITOIRE], timezone.localdate(), settings.SUN_DEPARTEMENT,
                     settings.SUN_NOM_ORGANISATION, settings.SUN_SIRET_PRODUCTEUR)  # fmt: skip


def _ecrire_lieux(flux):
    def ecrire(fichier) -> int:
        _texte(fichier, flux())
        return exports.lieux_publies().count()

    return ecrire


def couverture_lieux() -> tuple[date | None, date | None]:
    dates = exports.lieux_publies().aggregate(d=Min("date_maj"), f=Max("date_maj"))
    return tuple(d.date() if hasattr(d, "date") else d for d in (dates["d"], dates["f"]))


# --- coverage per commune -------------------------------------------------------------------
ENTETE_COUVERTURE = ["code_insee", "commune", "code_epci", "epci", "population_municipale",
                     "lieux_actifs", "km_lieu_le_plus_proche", "indice_fragilite_numerique",
                     "date_indice_fragilite"]  # fmt: skip


def version_couverture() -> str:
    return empreinte([REGISTRE, TERRITOIRE, ANALYSES], settings.SUN_DEPARTEMENT)


def lignes_couverture():
    """One row per commune of the département: real active places in it, crow-fly km from its
    centre to the nearest real active place (any side of the border), fragility index."""
    from sun.inclusion.analyses.couverture import distances_au_plus_proche
    from sun.inclusion.lieux.recherche import _vecteurs
    from sun.inclusion.models import IndiceFragilite, Lieu
    from sun.territoire.models import Commune

    communes = list(Commune.objects.filter(departement__code=settings.SUN_DEPARTEMENT)
                    .order_by("code_insee").values_list("code_insee", "nom", "epci__code_siren",
                    "epci__nom", "population_municipale", "latitude", "longitude"))  # fmt: skip
    reels = Lieu.objects.filter(statut=Lieu.Statut.ACTIF, demonstration=False)
    par_commune = defaultdict(int)
    for code in reels.exclude(code_insee="").values_list("code_insee", flat=True).iterator():
        par_commune[code] += 1
    positions = np.array(list(reels.filter(latitude__isnull=False, longitude__isnull=False)
                              .values_list("latitude", "longitude")), dtype=float)  # fmt: skip
    situees = [c for c in communes if c[5] is not None and c[6] is not None]
    lieux_xyz = _vecteurs(positions[:, 0], positions[:, 1]) if len(positions) else np.empty((0, 3))
    distances = {}
    if situees:
        xyz = _vecteurs([c[5] for c in situees], [c[6] for c in situees])
        distances = dict(zip([c[0] for c in situees], distances_au_plus_proche(xyz, lieux_xyz),
                             strict=True))  # fmt: skip
    indices = {code: (total, quand) for code, total, quand in IndiceFragilite.objects.filter(
        niveau=IndiceFragilite.Niveau.COMMUNE, code__in=[c[0] for c in communes])
        .values_list("code", "total", "date_import")}  # fmt: skip
    for code, nom, siren, epci, population, *_ in communes:
        km = distances.get(code)
        indice, quand = indices.get(code, (None, None))
        yield [code, nom, siren or "", epci or "", population if population is not None else "",
               par_commune.get(code, 0),
               "" if km is None or math.isinf(km) else f"{km:.2f}",
               "" if indice is None else f"{indice:.2f}",
               quand.date().isoformat() if quand else ""]  # fmt: skip


# --- activities in aggregate ----------------------------------------------------------------
ENTETE_ACTIVITES = ["mois", "maille", "code", "nom", "dimension", "modalite", "libelle",
                    "accompagnements", "masque"]  # fmt: skip
DIMENSIONS = {"type": dict(coop.TypeActivite.choices), "type_lieu": dict(coop.TypeLieu.choices),
              "thematique": coop.THEMATIQUES}  # fmt: skip


def version_activites() -> str:
    return empreinte([ACTIVITES, TERRITOIRE], settings.SUN_DEPARTEMENT, SEUIL_PERSONNES)


def _activites_reelles():
    from sun.inclusion.models import Activite

    return Activite.objects.filter(demonstration=False,
                                   commune__departement__code=settings.SUN_DEPARTEMENT)  # fmt: skip


def couverture_activites() -> tuple[date | None, date | None]:
    dates = _activites_reelles().aggregate(d=Min("date"), f=Max("date"))
    return dates["d"], dates["f"]


def _sommes() -> tuple[dict, dict]:
    """({(month, level, code): {(dimension, value): accompaniments}}, {(level, code): name});
    dimension "total" has the value ""."""
    sommes: dict = defaultdict(lambda: defaultdict(int))
    noms: dict = {}
    champs = ("date", "commune__code_insee", "commune__nom", "commune__epci__code_siren",
              "commune__epci__nom", "type", "type_lieu", "thematiques", "accompagnements")  # fmt: skip
    lignes = _activites_reelles().values_list(*champs).iterator(chunk_size=5000)
    for jour, insee, nom, siren, epci, type_, lieu, thematiques, nombre in lignes:
        mois = f"{jour:%Y-%m}"
        noms[("commune", insee)] = nom
        cles = [(mois, "commune", insee)]
        if siren:
            noms[("epci", siren)] = epci
            cles.append((mois, "epci", siren))
        for cle in cles:
            cellules = sommes[cle]
            cellules[("total", "")] += nombre
            cellules[("type", type_)] += nombre
            cellules[("type_lieu", lieu)] += nombre
            for thematique in thematiques or []:
                cellules[("thematique", thematique)] += nombre
    return sommes, noms


def _masquer_groupe(cellules: dict) -> dict[tuple, bool]:
    """Masked cells of one commune or EPCI in one month: under the threshold, plus the
    complement of a lone masked cell in an additive breakdown (type, place)."""
    masques = {}
    total = cellules[("total", "")]
    for dimension in ("type", "type_lieu", "thematique"):
        lignes = [Ligne(v, v, n) for (d, v), n in cellules.items() if d == dimension]
        for ligne in masquer(lignes, additive=dimension != "thematique"):
            masques[(dimension, ligne.cle)] = ligne.masquee or 0 < total < SEUIL_PERSONNES
    masques[("total", "")] = 0 < total < SEUIL_PERSONNES
    return masques


def lignes_activites():
    sommes, noms = _sommes()
    masques = {cle: _masquer_groupe(cellules) for cle, cellules in sommes.items()}
    # The communes of an EPCI add up to its total: a lone masked commune would be found by
    # subtraction, so the next smallest is masked too (and then every figure of it).
    communes_de = defaultdict(list)
    for mois, maille, code in sommes:
        if maille == "commune":
            communes_de[mois].append(code)
    from sun.territoire.models import Commune

    epci_de = dict(Commune.objects.filter(departement__code=settings.SUN_DEPARTEMENT)
                   .values_list("code_insee", "epci__code_siren"))  # fmt: skip
    for mois, codes in communes_de.items():
        groupes = defaultdict(list)
        for code in codes:
            if epci_de.get(code):
                groupes[epci_de[code]].append(code)
        for membres in groupes.values():
            lignes = [Ligne(c, c, sommes[(mois, "commune", c)][("total", "")]) for c in membres]
            for ligne in masquer(lignes):
                if ligne.masquee:
                    masques[(mois, "commune", ligne.cle)] = dict.fromkeys(
                        masques[(mois, "commune", ligne.cle)], True
                    )
    ordre_maille = {"epci": 0, "commune": 1}
    for cle in sorted(sommes, key=lambda c: (c[0], ordre_maille[c[1]], c[2])):
        mois, maille, code = cle
        for (dimension, valeur), nombre in sorted(sommes[cle].items(), key=_ordre_cellule):
            masque = masques[cle][(dimension, valeur)]
            libelle = DIMENSIONS.get(dimension, {}).get(valeur, valeur) if dimension != "total" \
                else "Tous les accompagnements"  # fmt: skip
            yield [mois, maille, code, noms[(maille, code)], dimension, valeur, libelle,
                   "" if masque else nombre, "true" if masque else "false"]  # fmt: skip


def _ordre_cellule(cellule) -> tuple:
    (dimension, valeur), _ = cellule
    return (["total", "type", "type_lieu", "thematique"].index(dimension), valeur)


DESCRIPTION_LIEUX = (
    "Registre des lieux de médiation numérique du territoire, au standard national de La "
    "Mednum (schéma LaMednum/standard-mediation-num, version 1.0.1) : lieux actifs portant les "
    "champs obligatoires du standard, jamais de lieu de démonstration. Les adresses publiques "
    f"{URL_LIEUX} (et .json, .geojson) restent la référence que moissonne la cartographie "
    "nationale des lieux d'inclusion numérique ; ce jeu en garde des versions datées."
)

declarer(JeuDeclare(
    code="inclusion.lieux", slug="lieux-de-mediation-numerique",
    titre="Lieux de médiation numérique", description=DESCRIPTION_LIEUX,
    themes=("solidarites",), frequence="daily", maille="Infracommunale", api=URL_LIEUX,
    mots_cles=("inclusion numérique", "médiation numérique", "lieux", "standard national"),
    couverture=couverture_lieux,
    ressources=(
        RessourceDeclaree("csv", "Lieux (CSV, standard national)", "csv",
                          _ecrire_lieux(exports.csv_standard), version_lieux, SCHEMA_LIEUX),
        RessourceDeclaree("json", "Lieux (JSON, standard national)", "json",
                          _ecrire_lieux(exports.json_standard), version_lieux),
        RessourceDeclaree("geojson", "Lieux (GeoJSON)", "geojson",
                          _ecrire_lieux(exports.geojson), version_lieux),
    ),
))  # fmt: skip

declarer(JeuDeclare(
    code="inclusion.couverture", slug="couverture-mediation-numerique-communes",
    titre="Couverture des communes par les lieux de médiation numérique",
    description=(
        "Pour chaque commune du département : population municipale (INSEE), nombre de lieux "
        "de médiation numérique actifs, distance à vol d'oiseau du centre de la commune au lieu "
        "actif le plus proche (en km, lieux des départements voisins compris) et indice de "
        "fragilité numérique (sur 10, 10 = le plus fragile) avec la date de son import. Lieux "
        "de démonstration exclus."
    ),
    themes=("solidarites", "institutions"), frequence="weekly", maille="Communale",
    mots_cles=("inclusion numérique", "couverture", "fragilité numérique", "communes"),
    ressources=(RessourceDeclaree("csv", "Couverture par commune (CSV)", "csv",
                                  fichier_csv(ENTETE_COUVERTURE, lignes_couverture),
                                  version_couverture),),
))  # fmt: skip

declarer(JeuDeclare(
    code="inclusion.activites", slug="activites-mediation-numerique",
    titre="Activités de médiation numérique par commune, intercommunalité et mois",
    description=(
        "Accompagnements de médiation numérique comptés comme La Coop de la médiation "
        "numérique les compte (un atelier compte un accompagnement par participant), par mois, "
        "pour chaque commune et chaque intercommunalité du département, au total et par type "
        "d'accompagnement, canal et thématique (codes et libellés de La Coop). Toute valeur de "
        f"1 à {SEUIL_PERSONNES - 1} est masquée (colonne « masque » à true, valeur vide), ainsi "
        "qu'une valeur voisine quand une seule serait masquée dans une répartition qui s'additionne. "
        "Aucune donnée de démonstration ni aucune donnée individuelle."
    ),
    themes=("solidarites",), frequence="daily", maille="Communale",
    mots_cles=("inclusion numérique", "médiation numérique", "activités", "La Coop"),
    couverture=couverture_activites,
    ressources=(RessourceDeclaree("csv", "Accompagnements par mois et territoire (CSV)", "csv",
                                  fichier_csv(ENTETE_ACTIVITES, lignes_activites),
                                  version_activites),),
))  # fmt: skip
