"""Finding mediation places near a person: criteria, an in-process spatial index, results.

The index is a KD-tree (scipy) on unit vectors of the places' coordinates: a great-circle
radius becomes a chord length, so « within 10 km » is one ball query that reads only the
places nearby, never the whole table. It lives in each server process and is rebuilt when the
register changes: every write bumps a version token kept in the shared cache, and each
search compares it with the version its index was built from.

The same criteria serve the public page, the desk orientation and the API.
"""

import math
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property, lru_cache
from typing import NamedTuple

import numpy as np
import opening_hours
from django.core.paginator import Page, Paginator
from scipy.spatial import cKDTree

from sun.core.horaires import Etat, Horaires
from sun.core.versions import IndexDuProcessus
from sun.inclusion.lieux.normalisation import cle_souple
from sun.inclusion.lieux.standard import ENUMERATIONS
from sun.inclusion.lieux.version_registre import VERSION
from sun.inclusion.models import Lieu
from sun.territoire.timezones import heure_locale

RAYON_TERRE_KM = 6371.0088
RAYON_MIN_KM, RAYON_MAX_KM, RAYON_DEFAUT_KM = 1, 100, 10
RAYONS_PROPOSES = (2, 5, 10, 20, 50, 100)

# Filters from the national standard, with the label shown to people.
FILTRES = {
    "services": "Services proposés",
    "publics_specifiquement_adresses": "Publics accueillis en particulier",
    "prise_en_charge_specifique": "Prise en charge spécifique",
    "frais_a_charge": "Frais",
    "modalites_accompagnement": "Façons d'être accompagné",
    "modalites_acces": "Comment y accéder",
    "itinerance": "Lieu fixe ou itinérant",
}
JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
STATUTS_VISIBLES = (Lieu.Statut.ACTIF, Lieu.Statut.A_VERIFIER)


class CritereInvalide(ValueError):
    """A criterion that cannot be used (radius out of range, absurd coordinates…)."""

    def __init__(self, champ: str, message: str):
        super().__init__(message)
        self.champ = champ


@dataclass
class Criteres:
    latitude: float | None  # None (with longitude): no position, every place, by name
    longitude: float | None
    rayon_km: float = RAYON_DEFAUT_KM
    filtres: dict[str, list[str]] = field(default_factory=dict)
    ouvert_maintenant: bool = False
    jour: int | None = None  # 0 = lundi
    ouvert_a: datetime | None = None  # naive local time


def verifier_position(latitude: float, longitude: float) -> None:
    if not (math.isfinite(latitude) and -90 <= latitude <= 90):
        raise CritereInvalide("lat", "La latitude doit être comprise entre -90 et 90 degrés.")
    if not (math.isfinite(longitude) and -180 <= longitude <= 180):
        raise CritereInvalide("lon", "La longitude doit être comprise entre -180 et 180 degrés.")


def verifier_rayon(rayon_km: float) -> None:
    if not (math.isfinite(rayon_km) and RAYON_MIN_KM <= rayon_km <= RAYON_MAX_KM):
        raise CritereInvalide(
            "rayon_km",
            f"Le rayon doit être compris entre {RAYON_MIN_KM} et {RAYON_MAX_KM} km.",
        )


def lire_filtres(valeurs_par_champ: dict[str, list[str]]) -> tuple[dict, list[tuple[str, str]]]:
    """Standard values chosen per filter (case, accents and apostrophes forgiven), and the
    values that are not in the standard's lists, as (filter, value)."""
    filtres, inconnues = {}, []
    for champ in FILTRES:
        index = {cle_souple(v): v for v in ENUMERATIONS[champ]}
        retenues = []
        for valeur in valeurs_par_champ.get(champ, []):
            if not valeur.strip():
                continue
            canonique = index.get(cle_souple(valeur))
            if canonique is None:
                inconnues.append((champ, valeur))
            elif canonique not in retenues:
                retenues.append(canonique)
        if retenues:
            filtres[champ] = retenues
    return filtres, inconnues


def lire_jour(valeur: str) -> int | None:
    """« samedi » → 5; None when empty. Raises CritereInvalide."""
    valeur = (valeur or "").strip().lower()
    if not valeur:
        return None
    if valeur not in JOURS:
        raise CritereInvalide("jour", "Jour inconnu : choisissez un jour de lundi à dimanche.")
    return JOURS.index(valeur)


# --- opening hours, evaluated once per distinct expression ----------------------------------
@lru_cache(maxsize=4096)
def _horaires(expression: str) -> opening_hours.OpeningHours | None:
    try:
        return opening_hours.OpeningHours(expression, country="FR") if expression else None
    except (SyntaxError, ValueError):
        return None


@lru_cache(maxsize=4096)
def jours_ouverts(expression: str) -> frozenset[int]:
    """Weekdays on which the place usually opens (a week without public holidays)."""
    return frozenset(
        i for i, (_, plages) in enumerate(Horaires(expression).semaine_type()) if plages
    ) if _horaires(expression) else frozenset()  # fmt: skip


def ouvert_le(expression: str, moment: datetime) -> bool:
    oh = _horaires(expression)
    return bool(oh and oh.is_open(moment))


def etat(expression: str, moment: datetime) -> Etat | None:
    """Open or closed at `moment` (local time), and the next change, in French."""
    return _etat_a_la_minute(expression, moment.replace(second=0, microsecond=0))


@lru_cache(maxsize=16384)  # places share their hours, and searches their minute
def _etat_a_la_minute(expression: str, minute: datetime) -> Etat | None:
    return Horaires(expression).etat(minute) if _horaires(expression) else None


# --- the index --------------------------------------------------------------------------------
def _vecteurs(latitudes, longitudes) -> np.ndarray:
    lat, lon = np.radians(latitudes), np.radians(longitudes)
    return np.column_stack((np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)))


def _corde(km: float) -> float:
    return 2 * math.sin(min(km / RAYON_TERRE_KM, math.pi) / 2)


class ResumeLieu(NamedTuple):
    """What a list of results shows of a place, kept in the index: a search reads no row."""

    pk: uuid.UUID
    nom: str
    adresse: str
    code_postal: str
    commune: str
    code_insee: str
    latitude: float
    longitude: float
    telephone: str
    services: list[str]
    horaires: str
    demonstration: bool


class IndexLieux:
    """The visible places with coordinates: a KD-tree, one bit mask per filter, and the
    summary of each place."""

    def __init__(self, version):
        self.version = version
        champs = ["id", *ResumeLieu._fields[1:], *FILTRES]
        lignes = list(
            Lieu.objects.filter(statut__in=STATUTS_VISIBLES, latitude__isnull=False)
            .exclude(longitude__isnull=True)
            .values_list(*champs)
        )
        taille_resume = len(ResumeLieu._fields)
        self.resumes = [ResumeLieu(*ligne[:taille_resume]) for ligne in lignes]
        self.horaires = [resume.horaires for resume in self.resumes]
        # Without a position, places are listed by name.
        self.ordre_alphabetique = np.array(
            sorted(range(len(lignes)), key=lambda i: (cle_souple(lignes[i][1]), i)), dtype=int
        )
        latitudes = np.array([resume.latitude for resume in self.resumes], dtype=float)
        longitudes = np.array([resume.longitude for resume in self.resumes], dtype=float)
        self.arbre = cKDTree(_vecteurs(latitudes, longitudes)) if lignes else None
        self.bits = {
            champ: {v: 1 << k for k, v in enumerate(ENUMERATIONS[champ])} for champ in FILTRES
        }
        self.masques = {
            champ: np.array(
                [
                    sum(self.bits[champ].get(v, 0) for v in ligne[taille_resume + k])
                    for ligne in lignes
                ],
                dtype=np.int64,
            )
            for k, champ in enumerate(FILTRES)
        }

    def __len__(self) -> int:
        return len(self.resumes)

    @cached_property
    def demonstration(self) -> int:
        """How many of its places are demonstration places (counted once per index)."""
        return sum(resume.demonstration for resume in self.resumes)

    def autour(
        self, latitude: float, longitude: float, rayon_km: float
    ) -> tuple[np.ndarray, np.ndarray]:
        """Indices of the places within the radius, and their distance in km, nearest first."""
        if self.arbre is None:
            return np.array([], dtype=int), np.array([])
        centre = _vecteurs([latitude], [longitude])[0]
        indices = np.array(self.arbre.query_ball_point(centre, _corde(rayon_km)), dtype=int)
        if not len(indices):
            return indices, np.array([])
        cordes = np.linalg.norm(self.arbre.data[indices] - centre, axis=1)
        distances = 2 * RAYON_TERRE_KM * np.arcsin(np.minimum(cordes / 2, 1))
        ordre = np.argsort(distances, kind="stable")
        return indices[ordre], distances[ordre]

    def filtrer(self, indices: np.ndarray, filtres: dict[str, list[str]]) -> np.ndarray:
        """A place matches a filter when it offers at least one of the chosen values."""
        garder = np.ones(len(indices), dtype=bool)
        for champ, valeurs in filtres.items():
            voulu = sum(self.bits[champ][v] for v in valeurs)
            garder &= (self.masques[champ][indices] & voulu) != 0
        return indices[garder]


_index = IndexDuProcessus(VERSION, IndexLieux)


def index_lieux() -> IndexLieux:
    return _index.obtenir()


# --- searching --------------------------------------------------------------------------------
@dataclass
class Trouve:
    lieu: ResumeLieu
    distance_km: float | None
    etat: Etat | None


@dataclass
class Resultats:
    page: Page  # of indices in the index; `trouves` holds that page's places
    trouves: list[Trouve]
    moment: datetime  # local time the opening states refer to

    @property
    def total(self) -> int:
        return self.page.paginator.count


def code_departement(code_insee: str) -> str:
    if code_insee.startswith("97"):
        return code_insee[:3]
    return code_insee[:2] or "75"


def rechercher(criteres: Criteres, *, page: int = 1, taille: int = 20, maintenant: datetime | None = None,
               departement: str = "") -> Resultats:  # fmt: skip
    """Places matching the criteria within the radius, nearest first (or all of them by name
    when the criteria have no position), one page of them.

    `maintenant` is aware (defaults to now); opening states are computed in local time of
    `departement` (the searched place's).
    """
    moment = heure_locale(departement or "75", maintenant)
    index = index_lieux()
    if criteres.latitude is None or criteres.longitude is None:
        indices, distance_de = index.ordre_alphabetique, {}
    else:
        verifier_position(criteres.latitude, criteres.longitude)
        verifier_rayon(criteres.rayon_km)
        indices, distances = index.autour(criteres.latitude, criteres.longitude, criteres.rayon_km)
        distance_de = dict(zip(indices.tolist(), distances.tolist(), strict=True))
    indices = index.filtrer(indices, criteres.filtres)
    horaires = index.horaires
    if criteres.ouvert_maintenant:
        indices = [i for i in indices if ouvert_le(horaires[i], moment)]
    if criteres.ouvert_a is not None:
        indices = [i for i in indices if ouvert_le(horaires[i], criteres.ouvert_a)]
    if criteres.jour is not None:
        indices = [i for i in indices if criteres.jour in jours_ouverts(horaires[i])]
    page_indices = Paginator(list(indices), taille).get_page(page)
    heures = {}  # local time per département of the page's places
    trouves = []
    for i in page_indices.object_list:
        resume = index.resumes[i]
        departement_lieu = code_departement(resume.code_insee) if resume.code_insee else ""
        if departement_lieu not in heures:
            heures[departement_lieu] = (
                heure_locale(departement_lieu, maintenant) if departement_lieu else moment
            )
        trouves.append(
            Trouve(resume, distance_de.get(i), etat(resume.horaires, heures[departement_lieu]))
        )
    return Resultats(page=page_indices, trouves=trouves, moment=moment)


def lieux_proches_ouverts(lieu: Lieu, nombre: int = 3, rayon_km: float = 30) -> list[Trouve]:
    """The nearest visible places around a (closed) place, itself excluded."""
    if lieu.latitude is None or lieu.longitude is None:
        return []
    criteres = Criteres(lieu.latitude, lieu.longitude, rayon_km)
    resultats = rechercher(
        criteres, taille=nombre + 1, departement=code_departement(lieu.code_insee)
    )
    return [t for t in resultats.trouves if t.lieu.pk != lieu.pk][:nombre]
