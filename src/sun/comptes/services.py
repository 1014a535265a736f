"""Writes to accounts: creating users with their roles, demonstration accounts."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from sun.comptes.roles import Role

DEMO_PREFIXE = "demo-"


@transaction.atomic
def creer_utilisateur(
    identifiant: str,
    roles: list[Role],
    email: str = "",
    mot_de_passe: str | None = None,
    nom_affiche: str = "",
) -> tuple[User, str]:
    """Create a user with the given roles; return it with its password (generated if none).

    Administrators get `is_staff` so that they reach the Django admin; nobody else does.
    Raises ValueError (French message) if the login exists, or ValidationError for a weak
    password.
    """
    if User.objects.filter(username=identifiant).exists():
        raise ValueError(f"L'identifiant « {identifiant} » existe déjà.")
    mot_de_passe = mot_de_passe or secrets.token_urlsafe(12)
    utilisateur = User(username=identifiant, email=email, first_name=nom_affiche)
    validate_password(mot_de_passe, utilisateur)
    utilisateur.is_staff = Role.ADMINISTRATEUR in roles
    utilisateur.set_password(mot_de_passe)
    utilisateur.save()
    utilisateur.groups.set(Group.objects.filter(name__in=[r.value for r in roles]))
    return utilisateur, mot_de_passe


def fichier_comptes_demo() -> Path:
    return Path(settings.VAR_DIR) / "comptes-demo.txt"


def creer_comptes_demo() -> list[str]:
    """One demonstration account per role, passwords generated and written to var/.

    Idempotent: existing demonstration accounts are kept. Returns the lines written.
    """
    lignes = []
    for role in Role:
        identifiant = f"{DEMO_PREFIXE}{role.value}"
        if User.objects.filter(username=identifiant).exists():
            continue
        _, mot_de_passe = creer_utilisateur(
            identifiant, [role], nom_affiche=f"Compte de démonstration ({role.libelle})"
        )
        lignes.append(f"{identifiant}\t{mot_de_passe}\t{role.libelle}")
    if lignes:
        fichier = fichier_comptes_demo()
        entete = (
            ""
            if fichier.exists()
            else (
                "# Comptes de DÉMONSTRATION créés par « sun demo charger » : à supprimer en production.\n"
            )
        )
        with fichier.open("a", encoding="utf-8") as f:
            f.write(entete + "\n".join(lignes) + "\n")
        fichier.chmod(0o600)
    return lignes
