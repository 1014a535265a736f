"""Territory endpoints: communes, EPCI, départements."""

import json
from datetime import datetime
from math import ceil
from typing import Literal

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from sun.api.documentation import ERREURS, PAGE_MAX, reponse_geojson
from sun.api.pagination import TAILLE_MAX, Page, paginer
from sun.territoire import queries
from sun.territoire.models import EPCI, Commune

communes = Router(tags=["Territoire"])
epcis = Router(tags=["Territoire"])
departements = Router(tags=["Territoire"])

Format = Literal["json", "geojson"]


class Mairie(Schema):
    adresse: str
    telephone: str
    email: str
    site_web: str
    latitude: float | None
    longitude: float | None
    horaires: str = Field(description="Horaires d'ouverture, syntaxe OpenStreetMap opening_hours")


class CommuneResume(Schema):
    code_insee: str
    nom: str
    departement: str
    epci: str | None = Field(description="SIREN de l'EPCI")
    epci_nom: str | None
    codes_postaux: list[str]
    population_municipale: int | None
    latitude: float | None
    longitude: float | None
    superficie_km2: float | None
    trouvee_par: str | None = Field(
        None,
        description="Ancienne commune (déléguée, associée) ou arrondissement par lequel la "
        "commune a été trouvée, lors d'une recherche par nom ou code",
    )


class CommuneDetail(CommuneResume):
    mairie: Mairie | None
    subdivisions: list[dict]
    geometrie: dict | None = Field(None, description="Contour GeoJSON, si geometrie=true")
    source: str
    date_maj: datetime


class ListeCommunes(Page):
    source: str
    date_maj: datetime | None
    resultats: list[CommuneResume]


class FiltresCommunes(Schema):
    q: str | None = Field(None, max_length=100, description="Nom, code postal ou code INSEE")
    departement: str | None = Field(None, max_length=3)
    epci: str | None = Field(None, max_length=9, description="SIREN de l'EPCI")
    page: int = Field(1, ge=1, le=PAGE_MAX)
    taille: int = Field(20, ge=1, le=TAILLE_MAX)
    format: Format = "json"


def _resume(c: Commune) -> dict:
    return {
        "code_insee": c.code_insee,
        "nom": c.nom,
        "departement": c.departement.code,
        "epci": c.epci.code_siren if c.epci else None,
        "epci_nom": c.epci.nom if c.epci else None,
        "codes_postaux": c.codes_postaux,
        "population_municipale": c.population_municipale,
        "latitude": c.latitude,
        "longitude": c.longitude,
        "superficie_km2": c.superficie_km2,
    }


def _geojson(entites: list[dict], **extra) -> HttpResponse:
    corps = {"type": "FeatureCollection", "features": entites, **extra}
    return HttpResponse(
        json.dumps(corps, ensure_ascii=False, default=str), content_type="application/geo+json"
    )


def _entite(c: Commune, proprietes: dict) -> dict:
    geometrie = json.loads(c.geometrie) if c.geometrie else None
    if geometrie is None and c.latitude is not None:
        geometrie = {"type": "Point", "coordinates": [c.longitude, c.latitude]}
    return {"type": "Feature", "geometry": geometrie, "properties": proprietes}


@communes.get(
    "",
    response={200: ListeCommunes, **ERREURS},
    summary="Chercher des communes",
    openapi_extra=reponse_geojson("FeatureCollection des communes (format=geojson)"),
)
def liste_communes(request, filtres: Query[FiltresCommunes]):
    """Recherche insensible aux accents et à la casse, par nom (ou nom d'une ancienne commune),
    code postal ou code INSEE. Un nombre de 5 chiffres est un code postal d'abord, un code
    INSEE seulement si aucune commune n'a ce code postal. Le nom exact passe avant les noms qui
    commencent pareil, puis les communes les plus peuplées."""
    if filtres.q and filtres.q.strip():
        return _liste_de_l_index(filtres)
    qs = queries.communes_filtrees(
        filtres.departement, filtres.epci, geometrie=filtres.format == "geojson"
    )
    objets, page = paginer(qs, filtres.page, filtres.taille)
    date_maj = max((c.date_maj for c in objets), default=None)
    source = objets[0].source if objets else ""
    if filtres.format == "geojson":
        return _geojson(
            [_entite(c, _resume(c)) for c in objets],
            **page.dict(),
            source=source,
            date_maj=date_maj,
        )
    return {
        **page.dict(),
        "source": source,
        "date_maj": date_maj,
        "resultats": [_resume(c) for c in objets],
    }


def _liste_de_l_index(filtres: FiltresCommunes) -> HttpResponse:
    """The text search, from this process's index of communes: no query but the version's."""
    resultats = queries.communes_cherchees(filtres.q, filtres.departement, filtres.epci)
    total, debut = len(resultats), (filtres.page - 1) * filtres.taille
    trouvees = resultats.tranche(debut, debut + filtres.taille)
    page = {"total": total, "page": filtres.page, "taille": filtres.taille,
            "pages": max(1, ceil(total / filtres.taille))}  # fmt: skip
    date_maj = max((t.commune.date_maj for t in trouvees), default=None)
    source = trouvees[0].commune.source if trouvees else ""
    resumes = [_resume_indexe(t) for t in trouvees]
    if filtres.format == "geojson":
        contours = queries.contours_des_communes([t.commune.pk for t in trouvees])
        entites = []
        for trouvee, resume in zip(trouvees, resumes, strict=True):
            geometrie = contours.get(trouvee.commune.pk)
            if geometrie is None and trouvee.latitude is not None:
                geometrie = {"type": "Point", "coordinates": [trouvee.longitude, trouvee.latitude]}
            entites.append({"type": "Feature", "geometry": geometrie, "properties": resume})
        return _geojson(entites, **page, source=source, date_maj=date_maj)
    corps = {**page, "source": source, "date_maj": date_maj, "resultats": resumes}
    return HttpResponse(json.dumps(corps, ensure_ascii=False, cls=DjangoJSONEncoder),
                        content_type="application/json")  # fmt: skip


def _resume_indexe(t) -> dict:
    c = t.commune
    return {
        "code_insee": c.code_insee, "nom": c.nom, "departement": c.departement,
        "epci": c.epci, "epci_nom": c.epci_nom, "codes_postaux": list(c.codes_postaux),
        "population_municipale": c.population_municipale,
        "latitude": c.latitude, "longitude": c.longitude, "superficie_km2": c.superficie_km2,
        "trouvee_par": t.subdivision,
    }  # fmt: skip


@communes.get(
    "/{code_insee}",
    response={200: CommuneDetail, **ERREURS},
    summary="Une commune",
    openapi_extra=reponse_geojson("Feature de la commune avec son contour (format=geojson)"),
)
def detail_commune(request, code_insee: str, geometrie: bool = False, format: Format = "json"):
    c = Commune.objects.avec_relations().de_code(code_insee).first()
    if c is None:
        raise HttpError(404, f"Commune inconnue : « {code_insee} ».")
    mairie = getattr(c, "mairie", None)
    donnees = {
        **_resume(c),
        "mairie": Mairie.from_orm(mairie).dict() if mairie else None,
        "subdivisions": [
            {"code_insee": s.code_insee, "nom": s.nom, "type": s.get_type_display()}
            for s in c.subdivisions.all()
        ],
        "source": c.source,
        "date_maj": c.date_maj,
    }
    if format == "geojson":
        reponse = _entite(c, donnees)
        return HttpResponse(
            json.dumps(reponse, ensure_ascii=False, default=str),
            content_type="application/geo+json",
        )
    donnees["geometrie"] = json.loads(c.geometrie) if geometrie and c.geometrie else None
    return donnees


class EPCIResume(Schema):
    code_siren: str
    nom: str
    type: str
    type_libelle: str
    departements: list[str]
    nombre_communes: int
    population_municipale: int | None


class ListeEPCI(Page):
    source: str
    resultats: list[EPCIResume]


def _epci(e: EPCI) -> dict:
    return {
        "code_siren": e.code_siren,
        "nom": e.nom,
        "type": e.type,
        "type_libelle": e.get_type_display(),
        "departements": [d.code for d in e.departements.all()],
        "nombre_communes": e.nb_communes,
        "population_municipale": e.population,
    }


@epcis.get("", response={200: ListeEPCI, **ERREURS}, summary="Lister les EPCI")
def liste_epci(
    request,
    departement: str | None = Query(None, max_length=3),
    q: str | None = Query(None, max_length=100),
    page: int = Query(1, ge=1, le=PAGE_MAX),
    taille: int = Query(20, ge=1, le=TAILLE_MAX),
):
    objets, pagination = paginer(queries.epcis_filtres(departement, q), page, taille)
    return {
        **pagination.dict(),
        "source": objets[0].source if objets else "",
        "resultats": [_epci(e) for e in objets],
    }


@epcis.get("/{code_siren}", response={200: EPCIResume, **ERREURS}, summary="Un EPCI")
def detail_epci(request, code_siren: str):
    epci = queries.epci_avec_totaux(code_siren)
    if epci is None:
        raise HttpError(404, f"EPCI inconnu : « {code_siren} ».")
    return _epci(epci)


class DepartementSchema(Schema):
    code: str
    nom: str
    region: str
    nombre_communes: int
    population_municipale: int | None
    source: str
    date_maj: datetime


@departements.get(
    "", response={200: list[DepartementSchema], **ERREURS}, summary="Départements chargés"
)
def liste_departements(request):
    return [
        {
            "code": d.code,
            "nom": d.nom,
            "region": d.nom_region,
            "nombre_communes": d.nb,
            "population_municipale": d.population,
            "source": d.source,
            "date_maj": d.date_maj,
        }
        for d in queries.departements_avec_totaux()
    ]
