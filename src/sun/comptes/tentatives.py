"""What django-axes records of a login attempt (`AXES_USERNAME_CALLABLE`): the account name as
typed, cut to the length an account name can have (Django's 150 characters): a longer one
names no account, and the attempts table keeps at most 255 characters (PostgreSQL refuses
more instead of cutting)."""

from django.contrib.auth import get_user_model

LONGUEUR_MAX = get_user_model()._meta.get_field("username").max_length or 150


def identifiant_tente(request, credentials: dict | None = None) -> str | None:
    if credentials:
        identifiant = credentials.get("username")
    else:
        identifiant = getattr(request, "POST", {}).get("username")
    return None if identifiant is None else str(identifiant)[:LONGUEUR_MAX]
