"""What the OpenAPI document says of every endpoint besides its own result: the error body,
the error statuses, the GeoJSON variant, the page limit."""

from ninja import Field, Schema

PAGE_MAX = 100_000  # beyond, an OFFSET overflows some databases and no list is that long


class Erreur(Schema):
    detail: str = Field(description="Message en français")
    erreurs: list[dict] = Field([], description="Détail par paramètre : champ, valeur, message")


# Statuses every endpoint may answer besides 200, documented in the OpenAPI document.
ERREURS = {400: Erreur, 404: Erreur, 429: Erreur}


def reponse_geojson(description: str) -> dict:
    """openapi_extra of an endpoint that also answers GeoJSON with format=geojson."""
    return {"responses": {200: {"content": {"application/geo+json": {
        "schema": {"type": "object", "description": description}}}}}}  # fmt: skip
