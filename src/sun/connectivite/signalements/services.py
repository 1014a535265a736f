"""Writes of the difficulties reported by communes: each a named function, in one transaction,
leaving one step (`EvenementSignalement`) in the case's history. A refused write raises
`SignalementInvalide` (a French message) and writes nothing.

Also the accounts: a commune account (role `commune`, tied to one commune of the served
département) and a partner's account (role `partenaire`)."""

import logging
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from sun.comptes.roles import Role, a_role
from sun.comptes.services import creer_utilisateur
from sun.connectivite.models import (
    CLOS,
    Categorie,
    CompteCommune,
    EvenementSignalement,
    Fonction,
    Signalement,
    Statut,
)
from sun.connectivite.signalements import permissions
from sun.connectivite.signalements.masquage import masquer_adresse, masquer_texte
from sun.core.limites import compter, lire_regle
from sun.territoire.models import Commune

# Allowed changes of status; leaving a closed status (reopening) is for agents only.
SUIVANTS: dict[str, tuple[str, ...]] = {
    Statut.NOUVEAU: (Statut.TRANSMIS, Statut.EN_COURS, Statut.SANS_SUITE),
    Statut.TRANSMIS: (Statut.EN_COURS, Statut.RESOLU, Statut.SANS_SUITE),
    Statut.EN_COURS: (Statut.RESOLU, Statut.SANS_SUITE, Statut.TRANSMIS),
    Statut.RESOLU: (Statut.EN_COURS,),
    Statut.SANS_SUITE: (Statut.EN_COURS,),
}
LONGUEUR_MAX_DESCRIPTION = 4000
LOCAUX_MAX = 10_000
journal = logging.getLogger(__name__)


class SignalementInvalide(ValueError):
    """A write refused, with its French message: nothing was written."""


class TransitionInterdite(SignalementInvalide):
    pass


def suivants(user, signalement: Signalement) -> list[str]:
    """The statuses `user` may move `signalement` to (empty if they may not process it)."""
    if not permissions.peut_traiter(user, signalement):
        return []
    if signalement.statut in CLOS and not permissions.peut_rouvrir(user, signalement):
        return []
    return list(SUIVANTS.get(signalement.statut, ()))


def _maintenant(maintenant: datetime | None) -> datetime:
    return maintenant or timezone.now()


def _etape(signalement, compte, quand, commentaire: str = "") -> EvenementSignalement:
    return EvenementSignalement.objects.create(
        signalement=signalement, auteur=compte, quand=quand, statut=signalement.statut,
        commentaire=commentaire,
    )  # fmt: skip


def _verrouiller(signalement: Signalement) -> Signalement:
    """The case read again under a row lock: two agents acting at once see each other's step."""
    return (
        Signalement.objects.select_for_update()
        .select_related("commune__departement")
        .get(pk=signalement.pk)
    )


def _verifier_limite(compte: User) -> None:
    """Commune accounts: at most SUN_LIMITE_SIGNALEMENTS_COMMUNE reports per window (agents
    and administrators enter the cases received at a desk, unlimited)."""
    if a_role(compte, Role.AGENT, Role.ADMINISTRATEUR):
        return
    regle = lire_regle(settings.SUN_LIMITE_SIGNALEMENTS_COMMUNE, "SUN_LIMITE_SIGNALEMENTS_COMMUNE")
    if not compter("signalements-commune", f"compte:{compte.pk}", regle).permis:
        raise SignalementInvalide(
            "Vous avez déjà envoyé beaucoup de signalements : réessayez dans une heure, ou "
            "écrivez au département si la situation l'exige."
        )


def _verifier_champs(categorie: str, adresse: str, description: str, nombre_locaux) -> None:
    if categorie not in Categorie.values:
        raise SignalementInvalide(f"Type de difficulté inconnu : « {categorie} ».")
    if not adresse.strip():
        raise SignalementInvalide("Indiquez l'adresse concernée (numéro et voie, ou lieu-dit).")
    if not description.strip():
        raise SignalementInvalide("Décrivez la difficulté en quelques lignes.")
    if len(description) > LONGUEUR_MAX_DESCRIPTION:
        raise SignalementInvalide(
            f"La description dépasse {LONGUEUR_MAX_DESCRIPTION} caractères : résumez-la."
        )
    if not isinstance(nombre_locaux, int) or not 1 <= nombre_locaux <= LOCAUX_MAX:
        raise SignalementInvalide(
            f"Le nombre de locaux concernés doit être un entier de 1 à {LOCAUX_MAX}."
        )


@transaction.atomic
def signaler(
    compte: User,
    commune: Commune,
    categorie: str,
    adresse: str,
    description: str,
    nombre_locaux: int,
    identifiant_ban: str = "",
    *,
    maintenant: datetime | None = None,
    demonstration: bool = False,
    lien: str = "",
) -> Signalement:
    """Record a new case. A commune account reports for its own commune only; agents and
    administrators for any commune of the served département. The description is masked
    (e-mails, phones, names) before it is stored. Once committed, the partners' accounts are
    told by e-mail (`lien`: the case's page)."""
    if not permissions.peut_signaler_pour(compte, commune):
        if not permissions.du_departement(commune):
            raise SignalementInvalide(
                f"{commune.nom} ({commune.code_insee}) n'est pas une commune du département "
                "servi : ce signalement ne peut pas être enregistré ici."
            )
        raise SignalementInvalide(
            f"Votre compte est rattaché à une autre commune : vous ne pouvez pas signaler une "
            f"difficulté à {commune.nom}. Seuls les agents du département le peuvent."
        )
    _verifier_champs(categorie, adresse, description, nombre_locaux)
    if not demonstration:
        _verifier_limite(compte)
    quand = _maintenant(maintenant)
    signalement = Signalement.objects.create(
        commune=commune, categorie=categorie, adresse=masquer_adresse(adresse)[:300],
        identifiant_ban=identifiant_ban.strip()[:50],
        description=masquer_texte(description, commune.nom), nombre_locaux=nombre_locaux,
        statut=Statut.NOUVEAU, signale_par=compte, cree_le=quand, modifie_le=quand,
        demonstration=demonstration,
    )  # fmt: skip
    _etape(signalement, compte, quand, "Difficulté signalée.")
    if not demonstration:
        transaction.on_commit(lambda: prevenir_partenaires(signalement, lien))
    return signalement


def prevenir_partenaires(signalement: Signalement, lien: str = "") -> int:
    """E-mail the active partners' accounts about a new case; the number of addresses written
    to. A failing mail server loses the message, never the case (already recorded)."""
    destinataires = sorted(
        User.objects.filter(is_active=True, groups__name=Role.PARTENAIRE.value)
        .exclude(email="").values_list("email", flat=True).distinct()
    )  # fmt: skip
    if not destinataires:
        return 0
    texte = (
        f"Une difficulté de raccordement a été signalée à {signalement.commune.nom} "
        f"({signalement.commune.code_insee}) : {signalement.get_categorie_display().lower()}, "
        f"{signalement.nombre_locaux} local(aux) concerné(s).\n\nAdresse : {signalement.adresse}"
        f"\n\n{signalement.description}\n" + (f"\nLe signalement : {lien}\n" if lien else "")
    )
    try:
        send_mail(f"Difficulté signalée à {signalement.commune.nom}", texte, None, destinataires)
    except OSError:
        journal.exception("Courriel aux partenaires non envoyé (signalement %s)", signalement.pk)
        return 0
    return len(destinataires)


@transaction.atomic
def changer_statut(
    compte: User,
    signalement: Signalement,
    statut: str,
    commentaire: str,
    operateur: str = "",
    *,
    maintenant: datetime | None = None,
) -> Signalement:
    """Move a case to `statut` (agents, administrators and partners; reopening a closed case,
    agents and administrators only). Sets `transmis_le` when sent to the operator, `clos_le`
    when closed (cleared on reopening)."""
    courant = _verrouiller(signalement)
    if not permissions.peut_traiter(compte, courant):
        raise SignalementInvalide(
            "Traiter un signalement est réservé aux agents du département, aux administrateurs "
            "et aux partenaires : la commune peut le commenter ou le retirer tant qu'il est nouveau."
        )
    if statut not in Statut.values:
        raise TransitionInterdite(f"Statut inconnu : « {statut} ».")
    avant, apres = Statut(courant.statut), Statut(statut)
    if apres not in SUIVANTS[avant]:
        raise TransitionInterdite(
            f"Un signalement « {avant.label.lower()} » ne peut pas passer à "
            f"« {apres.label.lower()} »."
        )
    if avant in CLOS and not permissions.peut_rouvrir(compte, courant):
        raise TransitionInterdite(
            "Seuls les agents du département et les administrateurs rouvrent un signalement clos."
        )
    commentaire = masquer_texte(commentaire, courant.commune.nom)
    if apres in CLOS and not commentaire:
        raise SignalementInvalide(
            "Dites en un commentaire comment le signalement a été résolu ou pourquoi il est "
            "classé sans suite : la commune le lira."
        )
    quand = _maintenant(maintenant)
    courant.statut, courant.modifie_le = apres, quand
    if operateur.strip():
        courant.operateur = operateur.strip()[:100]
    if apres == Statut.TRANSMIS:
        courant.transmis_le = quand
    courant.clos_le = quand if apres in CLOS else None
    courant.save(update_fields=["statut", "modifie_le", "operateur", "transmis_le", "clos_le"])
    _etape(courant, compte, quand, commentaire)
    return courant


@transaction.atomic
def commenter(
    compte: User, signalement: Signalement, commentaire: str, *, maintenant: datetime | None = None
) -> EvenementSignalement:
    """Add a comment to the history (whoever may see the case); the status does not change."""
    courant = _verrouiller(signalement)
    if not permissions.peut_commenter(compte, courant):
        raise SignalementInvalide("Vous ne pouvez pas commenter ce signalement.")
    commentaire = masquer_texte(commentaire, courant.commune.nom)
    if not commentaire:
        raise SignalementInvalide("Le commentaire est vide : rien n'a été enregistré.")
    quand = _maintenant(maintenant)
    courant.modifie_le = quand
    courant.save(update_fields=["modifie_le"])
    return _etape(courant, compte, quand, commentaire)


@transaction.atomic
def retirer(
    compte: User, signalement: Signalement, commentaire: str = "", *,
    maintenant: datetime | None = None,
) -> Signalement:  # fmt: skip
    """The commune withdraws a case still new (it becomes « classé sans suite »)."""
    courant = _verrouiller(signalement)
    if not permissions.peut_retirer(compte, courant):
        raise SignalementInvalide(
            "Seule la commune concernée retire un signalement, et seulement tant qu'il est "
            "nouveau : une fois pris en charge, demandez son classement en commentaire."
        )
    quand = _maintenant(maintenant)
    courant.statut, courant.modifie_le, courant.clos_le = Statut.SANS_SUITE, quand, quand
    courant.save(update_fields=["statut", "modifie_le", "clos_le"])
    texte = masquer_texte(commentaire, courant.commune.nom)
    _etape(courant, compte, quand, "Retiré par la commune." + (f" {texte}" if texte else ""))
    return courant


# --- accounts ---------------------------------------------------------------------------


def commune_servie(code_insee: str) -> Commune:
    """The commune `code_insee` of the served département, or SignalementInvalide."""
    code = (code_insee or "").strip().upper()
    commune = Commune.objects.select_related("departement").filter(code_insee=code).first()
    if commune is None:
        raise SignalementInvalide(f"Commune inconnue : « {code_insee} » (code INSEE attendu).")
    if not permissions.du_departement(commune):
        raise SignalementInvalide(
            f"{commune.nom} ({code}) n'est pas une commune du département servi "
            f"({settings.SUN_DEPARTEMENT})."
        )
    return commune


def lier_compte_commune(compte: User, commune: Commune, fonction: str) -> CompteCommune:
    """Tie `compte` to `commune` (idempotent: an existing tie is updated)."""
    if fonction not in Fonction.values:
        raise SignalementInvalide(f"Fonction inconnue : « {fonction} ».")
    lien, _ = CompteCommune.objects.update_or_create(
        compte=compte, defaults={"commune": commune, "fonction": fonction}
    )
    return lien


@transaction.atomic
def creer_compte_commune(
    identifiant: str, code_insee: str, fonction: str, email: str = "", nom: str = ""
) -> tuple[CompteCommune, str]:
    """Create a commune account (role `commune`) tied to a commune of the served département;
    return the tie and the generated password. Nothing is written on an error."""
    commune = commune_servie(code_insee)
    if fonction not in Fonction.values:
        raise SignalementInvalide(
            f"Fonction inconnue : « {fonction} » (attendu : {', '.join(Fonction.values)})."
        )
    utilisateur, mot_de_passe = creer_utilisateur(
        identifiant, [Role.COMMUNE], email=email, nom_affiche=nom
    )
    return lier_compte_commune(utilisateur, commune, fonction), mot_de_passe


@transaction.atomic
def creer_compte_partenaire(
    identifiant: str, organisme: str, email: str = "", nom: str = ""
) -> tuple[User, str]:
    """Create a partner's account (role `partenaire`); the organisation is kept in the name
    shown (« Jeanne Roux (Syaden) », or the organisation alone)."""
    organisme = (organisme or "").strip()
    if not organisme:
        raise SignalementInvalide("Indiquez l'organisme du partenaire (--organisme).")
    affiche = f"{nom.strip()} ({organisme})" if nom.strip() else organisme
    return creer_utilisateur(identifiant, [Role.PARTENAIRE], email=email, nom_affiche=affiche[:150])
