"""Who sees and processes which case (checked on the server by every view and service).

- a commune account (`Role.COMMUNE` tied to one commune by `CompteCommune`) sees the cases of
  its commune only, reports for it, comments, and withdraws a case still new; it never
  processes one;
- agents and administrators see every case of the served département (`SUN_DEPARTEMENT`),
  report for any of its communes (a case received at a desk), process and reopen cases;
- partners (the fibre syndicate's contact) see and process every case of the département,
  but do not reopen a closed one nor report one themselves.
"""

from django.conf import settings

from sun.comptes.roles import Role, a_role

AGENT, ADMIN = Role.AGENT, Role.ADMINISTRATEUR
COMMUNE, PARTENAIRE = Role.COMMUNE, Role.PARTENAIRE
LECTEURS = (AGENT, ADMIN, COMMUNE, PARTENAIRE)
TRAITANTS = (AGENT, ADMIN, PARTENAIRE)
DECLARANTS = (AGENT, ADMIN, COMMUNE)
ROUVRENT = (AGENT, ADMIN)


def compte_commune(user):
    """The `CompteCommune` of a commune account (None for any other account, or a commune
    account not yet tied to a commune)."""
    if not a_role(user, COMMUNE):
        return None
    if not hasattr(user, "_sun_compte_commune"):
        from sun.connectivite.models import CompteCommune

        user._sun_compte_commune = (
            CompteCommune.objects.select_related("commune").filter(compte=user).first()
        )
    return user._sun_compte_commune


def est_traitant(user) -> bool:
    return a_role(user, *TRAITANTS)


def du_departement(commune) -> bool:
    return commune.departement.code == settings.SUN_DEPARTEMENT


def peut_voir(user, signalement) -> bool:
    if est_traitant(user):
        return du_departement(signalement.commune)
    compte = compte_commune(user)
    return compte is not None and compte.commune_id == signalement.commune_id


def peut_signaler(user) -> bool:
    """May open the report form at all (the commune is checked by `peut_signaler_pour`)."""
    return a_role(user, AGENT, ADMIN) or compte_commune(user) is not None


def peut_signaler_pour(user, commune) -> bool:
    if a_role(user, AGENT, ADMIN):
        return du_departement(commune)
    compte = compte_commune(user)
    return compte is not None and compte.commune_id == commune.pk


def peut_traiter(user, signalement) -> bool:
    return est_traitant(user) and du_departement(signalement.commune)


def peut_rouvrir(user, signalement) -> bool:
    return a_role(user, *ROUVRENT) and du_departement(signalement.commune)


def peut_commenter(user, signalement) -> bool:
    return peut_voir(user, signalement)


def peut_retirer(user, signalement) -> bool:
    """The commune withdraws a case nobody has started processing."""
    from sun.connectivite.models import Statut

    compte = compte_commune(user)
    return (
        compte is not None
        and compte.commune_id == signalement.commune_id
        and signalement.statut == Statut.NOUVEAU
    )
