"""Search API of the mediation places: the public search's criteria as query parameters."""

import json
import re
from datetime import datetime
from typing import Literal
from uuid import UUID

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import field_validator

from sun.api.documentation import ERREURS, PAGE_MAX, reponse_geojson
from sun.api.pagination import TAILLE_MAX, Page
from sun.inclusion.lieux.recherche import (
    FILTRES,
    JOURS,
    RAYON_DEFAUT_KM,
    RAYON_MAX_KM,
    RAYON_MIN_KM,
    STATUTS_VISIBLES,
    CritereInvalide,
    Criteres,
    code_departement,
    etat,
    rechercher,
)
from sun.inclusion.lieux.standard import CHAMPS_V1, ENUMERATIONS
from sun.inclusion.models import Lieu
from sun.territoire.queries import commune_avec_departement
from sun.territoire.timezones import departement_outre_mer_au_point, fuseau, heure_locale

router = Router(tags=["Lieux de médiation numérique"])

SOURCE = "Registre des lieux de médiation numérique (standard national v1)"


class ErreurCritere(HttpError):
    """400 with the list of what is wrong."""

    def __init__(self, message: str, erreurs: list[dict]):
        super().__init__(400, message)
        self.erreurs = erreurs


# The standard's values, so that the OpenAPI document lists them and clients cannot misspell.
VALEURS = {champ: Literal[tuple(ENUMERATIONS[champ])] for champ in FILTRES}  # type: ignore[misc]
DATE_HEURE = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}")


class FiltresLieux(Schema):
    lat: float | None = Field(
        None, ge=-90, le=90, description="Latitude du point de recherche (WGS 84)"
    )
    lon: float | None = Field(None, ge=-180, le=180, description="Longitude du point de recherche")
    commune: str | None = Field(
        None,
        max_length=5,
        description="Code INSEE : chercher autour du centre "
        "de la commune (si lat et lon sont absents)",
    )
    rayon_km: float = Field(
        RAYON_DEFAUT_KM, ge=RAYON_MIN_KM, le=RAYON_MAX_KM, description="Rayon en km"
    )
    services: list[VALEURS["services"]] = Field(
        [], description="Un lieu convient s'il propose au moins l'une des valeurs demandées"
    )
    publics_specifiquement_adresses: list[VALEURS["publics_specifiquement_adresses"]] = []
    prise_en_charge_specifique: list[VALEURS["prise_en_charge_specifique"]] = []
    frais_a_charge: list[VALEURS["frais_a_charge"]] = []
    modalites_accompagnement: list[VALEURS["modalites_accompagnement"]] = []
    modalites_acces: list[VALEURS["modalites_acces"]] = []
    itinerance: list[VALEURS["itinerance"]] = []
    ouvert_a: datetime | None = Field(
        None,
        description="Ouvert à cet instant (ISO 8601 ; sans fuseau : heure locale du lieu cherché)",
    )
    ouvert_maintenant: bool = False
    jour: Literal[tuple(JOURS)] | None = Field(None, description="Ouvert ce jour de la semaine")  # type: ignore[valid-type]
    page: int = Field(1, ge=1, le=PAGE_MAX)
    taille: int = Field(20, ge=1, le=TAILLE_MAX)
    format: Literal["json", "geojson"] = "json"

    @field_validator("ouvert_a", mode="before")
    @classmethod
    def date_et_heure(cls, valeur):
        """An ISO 8601 date and time, not a bare number (pydantic would read a timestamp)."""
        if valeur is None:
            return None
        if not isinstance(valeur, str) or not DATE_HEURE.match(valeur):
            raise ValueError(
                "date et heure ISO 8601 attendues (exemple : 2026-12-05T10:30:00+01:00)"
            )
        return re.sub(r"([Tt]\d{2}:\d{2}):60", r"\1:59", valeur)  # a leap second is still valid


GEOJSON = reponse_geojson("FeatureCollection de points aux mêmes propriétés (format=geojson)")


class LieuTrouve(Schema):
    id: UUID
    nom: str
    adresse: str
    code_postal: str
    commune: str
    code_insee: str
    latitude: float | None
    longitude: float | None
    distance_km: float | None = Field(description="À vol d'oiseau ; null sans position")
    telephone: str
    services: list[str]
    horaires: str = Field(description="Syntaxe OpenStreetMap opening_hours")
    ouvert: bool | None = Field(
        description="Ouvert à l'instant demandé (ou maintenant) ; null si horaires inconnus"
    )
    etat: str | None = Field(description="Par exemple « Fermé, ouvre lundi à 9 h »")
    demonstration: bool
    url: str


class ListeLieux(Page):
    source: str
    date: datetime
    avertissements: list[str] = Field(description="Ce qui a été ignoré dans la requête")
    resultats: list[LieuTrouve]


class LieuDetail(Schema):
    id: UUID
    statut: str
    date_statut: str | None
    ouvert: bool | None
    etat: str | None
    demonstration: bool
    url: str
    source_donnees: str
    lieu: dict = Field(description="Les 32 champs du standard national v1, listes en tableaux")


def _position(
    filtres: FiltresLieux, avertissements: list[str]
) -> tuple[float | None, float | None, str]:
    """(lat, lon, département) of the search; (None, None, configured département) without one."""
    if filtres.lat is not None and filtres.lon is not None:
        return filtres.lat, filtres.lon, departement_outre_mer_au_point(filtres.lat, filtres.lon)
    if filtres.lat is not None or filtres.lon is not None:
        avertissements.append("lat et lon vont ensemble : position ignorée.")
    if filtres.commune:
        commune = commune_avec_departement(filtres.commune)
        if commune is None or commune.latitude is None:
            raise HttpError(404, f"Commune inconnue : « {filtres.commune} ».")
        return commune.latitude, commune.longitude, commune.departement.code
    avertissements.append("Sans position (lat et lon, ou commune) : tous les lieux, par nom.")
    return None, None, settings.SUN_DEPARTEMENT


def _instant_local(instant: datetime, departement: str) -> datetime:
    if instant.tzinfo is None:
        return instant
    return instant.astimezone(fuseau(departement or "75")).replace(tzinfo=None)


def _trouve(t, instant: datetime | None, url_modele: str) -> dict:
    lieu = t.lieu
    etat_lieu = t.etat
    if instant is not None:
        etat_lieu = etat(lieu.horaires, instant)
    return {"id": lieu.pk, "nom": lieu.nom, "adresse": lieu.adresse, "code_postal": lieu.code_postal,
            "commune": lieu.commune, "code_insee": lieu.code_insee, "latitude": lieu.latitude,
            "longitude": lieu.longitude, "distance_km": None if t.distance_km is None else round(t.distance_km, 2), "telephone": lieu.telephone,
            "services": lieu.services, "horaires": lieu.horaires,
            "ouvert": etat_lieu.ouvert if etat_lieu else None, "etat": etat_lieu.phrase if etat_lieu else None,
            "demonstration": lieu.demonstration, "url": url_modele.replace(str(UUID(int=0)), str(lieu.pk))}  # fmt: skip


@router.get(
    "",
    response={200: ListeLieux, **ERREURS},
    summary="Chercher des lieux autour d'un point",
    openapi_extra=GEOJSON,
)
def chercher(request, filtres: Query[FiltresLieux]):
    """Lieux visibles (actifs ou à vérifier) dans le rayon, du plus proche au plus éloigné ;
    sans position (ni lat et lon, ni commune), tous les lieux localisés, par nom.

    Les filtres du standard prennent plusieurs valeurs (`?services=A&services=B`), parmi celles
    du standard ; une valeur inconnue renvoie une erreur 400 qui la nomme. Les clients anonymes sont limités en débit
    (429 avec l'en-tête Retry-After).
    """
    valeurs = {champ: list(getattr(filtres, champ)) for champ in FILTRES if getattr(filtres, champ)}
    avertissements: list[str] = []
    latitude, longitude, departement = _position(filtres, avertissements)
    instant = _instant_local(filtres.ouvert_a, departement) if filtres.ouvert_a else None
    criteres = Criteres(latitude, longitude, filtres.rayon_km, valeurs, ouvert_maintenant=filtres.ouvert_maintenant,
                        jour=JOURS.index(filtres.jour) if filtres.jour else None, ouvert_a=instant)  # fmt: skip
    try:
        resultats = rechercher(
            criteres, page=filtres.page, taille=filtres.taille, departement=departement
        )
    except CritereInvalide as exc:
        raise ErreurCritere(
            "Paramètres invalides.", [{"champ": exc.champ, "message": str(exc)}]
        ) from exc
    page = resultats.page
    entete = {"total": page.paginator.count, "page": page.number, "taille": filtres.taille,
              "pages": page.paginator.num_pages, "source": SOURCE, "date": timezone.now(),
              "avertissements": avertissements}  # fmt: skip
    url_modele = reverse("lieu_public", args=[UUID(int=0)])
    lieux = [_trouve(t, instant, url_modele) for t in resultats.trouves]
    # Written directly: the busiest endpoint skips re-validating what it just built (the
    # OpenAPI conformance test checks the shape).
    if filtres.format == "geojson":
        entites = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [l["longitude"], l["latitude"]]},
                    "properties": l} for l in lieux]  # fmt: skip
        return _json(
            {"type": "FeatureCollection", "features": entites, **entete}, "application/geo+json"
        )
    return _json({**entete, "resultats": lieux}, "application/json")


def _json(corps: dict, type_contenu: str) -> HttpResponse:
    return HttpResponse(
        json.dumps(corps, cls=DjangoJSONEncoder, ensure_ascii=False), content_type=type_contenu
    )


@router.get("/{id}", response={200: LieuDetail, **ERREURS}, summary="Un lieu")
def detail(request, id: UUID):
    lieu = Lieu.objects.filter(pk=id).first()
    if lieu is None:
        raise HttpError(404, "Lieu inconnu.")
    departement = code_departement(lieu.code_insee) if lieu.code_insee else ""
    visible = lieu.statut in STATUTS_VISIBLES
    etat_lieu = etat(lieu.horaires, heure_locale(departement or "75")) if visible else None
    champs = {c: getattr(lieu, c) for c in CHAMPS_V1}
    champs["date_maj"] = lieu.date_maj.isoformat()
    return {"id": lieu.pk, "statut": lieu.statut,
            "date_statut": lieu.date_statut.isoformat() if lieu.date_statut else None,
            "ouvert": etat_lieu.ouvert if etat_lieu else None, "etat": etat_lieu.phrase if etat_lieu else None,
            "demonstration": lieu.demonstration, "url": reverse("lieu_public", args=[lieu.pk]),
            "source_donnees": lieu.source, "lieu": {**champs, "id": str(lieu.pk)}}  # fmt: skip
