"""Writes to accounts: creating users with their roles, demonstration accounts, lifting
login lockouts and purging the records of logins."""

import secrets
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils import timezone

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
    """Where versions before issue 14 wrote the demonstration passwords (now shown once)."""
    return Path(settings.VAR_DIR) / "comptes-demo.txt"


def supprimer_ancien_fichier_demo() -> bool:
    """Delete the passwords file an older version left in var/; True if there was one."""
    fichier = fichier_comptes_demo()
    if not fichier.exists():
        return False
    fichier.unlink()
    return True


def creer_comptes_demo() -> list[tuple[str, str, str]]:
    """One demonstration account per role, with a generated password.

    Idempotent: existing demonstration accounts are kept. Returns (login, password, role
    label) for the accounts created: the passwords are shown once and stored nowhere.
    """
    crees = []
    for role in Role:
        identifiant = f"{DEMO_PREFIXE}{role.value}"
        if User.objects.filter(username=identifiant).exists():
            continue
        _, mot_de_passe = creer_utilisateur(
            identifiant, [role], nom_affiche=f"Compte de démonstration ({role.libelle})"
        )
        crees.append((identifiant, mot_de_passe, role.libelle))
    return crees


def debloquer(identifiant: str) -> int:
    """Forget the failed logins of `identifiant`, from every address (django-axes): its
    lockouts end now. Returns the number of attempt records deleted."""
    from axes.utils import reset

    return reset(username=identifiant)


def duree_conservation_connexions() -> int:
    """Days the connection journal is kept: its retention rule in the tableau de gestion
    (type « comptes.connexion ») when there is one, else SUN_CONNEXION_CONSERVATION_JOURS."""
    from django.conf import settings

    from sun.donnees.conservation.queries import jours_rgpd

    jours = jours_rgpd("comptes.connexion", timezone.localdate())
    return jours if jours is not None else settings.SUN_CONNEXION_CONSERVATION_JOURS


def purger_connexions(jours: int) -> tuple[int, int]:
    """Delete the failed-login records and the login journal older than `jours` days.
    Returns (attempts, journal lines) deleted."""
    from axes.models import AccessAttempt, AccessLog

    limite = timezone.now() - timedelta(days=jours)
    tentatives, _ = AccessAttempt.objects.filter(attempt_time__lt=limite).delete()
    journal, _ = AccessLog.objects.filter(attempt_time__lt=limite).delete()
    return tentatives, journal
