"""Writes of the requests on the tools: submit (duplicates refused unless the person says it
is another request), support (« moi aussi »), qualify and score, link and unlink duplicates.
Every function checks before writing, inside one transaction, and raises `Refus` (a French
message, nothing written). Who may call them: `sun.projets.permissions`."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from sun.projets import permissions
from sun.projets.demandes import doublons, score
from sun.projets.demandes.queries import CLOSES, OUVERTES
from sun.projets.erreurs import Refus
from sun.projets.models import Demande, Nature, Soutien

TITRE_MAX = 255
UTILISATEURS_MAX = 100_000


@dataclass
class Saisie:
    titre: str
    nature: str
    description: str = ""
    type: object = None  # TypeDemande
    outil: object = None  # accessibilite.ServiceNumerique
    direction: object = None  # competences.Direction
    utilisateurs_concernes: int | None = None
    frequence: str = ""


def direction_par_defaut(user):
    """The direction of `user`'s person (None when they have not chosen it)."""
    from sun.competences.services import ma_personne

    return ma_personne(user).direction


def _verifier_criteres(utilisateurs: int | None, frequence: str) -> None:
    if utilisateurs is not None and not 0 <= utilisateurs <= UTILISATEURS_MAX:
        raise Refus(f"Le nombre d'utilisateurs concernés va de 0 à {UTILISATEURS_MAX} : rien "
                    "n'a été enregistré.", champ="utilisateurs_concernes")  # fmt: skip
    if frequence and frequence not in Demande.Frequence.values:
        raise Refus("Fréquence inconnue : rien n'a été enregistré.", champ="frequence")


def _verifier_saisie(s: Saisie) -> None:
    if not (s.titre or "").strip():
        raise Refus("Donnez un titre à la demande : rien n'a été enregistré.", champ="titre")
    if len(s.titre.strip()) > TITRE_MAX:
        raise Refus(f"Le titre fait {TITRE_MAX} caractères au plus : rien n'a été enregistré.",
                    champ="titre")  # fmt: skip
    if s.nature not in Nature.values:
        raise Refus("Choisissez la nature de la demande (évolution, incident ou question) : "
                    "rien n'a été enregistré.", champ="nature")  # fmt: skip
    if s.type is not None and not s.type.actif:
        raise Refus("Ce type de demande n'est plus proposé : rien n'a été enregistré.",
                    champ="type")  # fmt: skip
    if s.type is not None and s.type.nature and s.type.nature != s.nature:
        raise Refus(f"Le type « {s.type.libelle} » ne correspond pas à la nature choisie : rien "
                    "n'a été enregistré.", champ="type")  # fmt: skip
    _verifier_criteres(s.utilisateurs_concernes, s.frequence)


def soumettre(user, saisie: Saisie, pas_la_meme: bool = False) -> Demande:
    """A new request by `user` (source SUN, created now). Open requests on the same tool (or
    without tool) with a close title refuse it (`doublons.DoublonProbable`) unless
    `pas_la_meme` (the person said it is another request)."""
    permissions.exiger(permissions.est_du_personnel(user), "Réservé au personnel.")
    _verifier_saisie(saisie)
    titre = saisie.titre.strip()
    with transaction.atomic():
        if not pas_la_meme:
            proches = doublons.proches(titre, Demande.objects.candidates_doublons(saisie.outil))
            if proches:
                raise doublons.DoublonProbable(proches[:3])
        evolution = saisie.nature == Nature.EVOLUTION
        demande = Demande(
            titre=titre, description=(saisie.description or "").strip(), nature=saisie.nature,
            type=saisie.type, outil=saisie.outil, direction=saisie.direction, demandeur=user,
            utilisateurs_concernes=saisie.utilisateurs_concernes if evolution else None,
            frequence=saisie.frequence if evolution else "",
            creee_le=timezone.now(), source=Demande.Source.SUN,
        )  # fmt: skip
        demande.save()
    return demande


def recalculer_score(demande: Demande) -> Demande:
    """Store the score of `demande` from its criteria and its supporters."""
    demande.score = score.calculer(demande.utilisateurs_concernes, demande.frequence,
                                   demande.obligation_legale, demande.soutiens.count(),
                                   demande.effort)  # fmt: skip
    demande.save(update_fields=["score", "modifiee_le"])
    return demande


def soutenir(user, demande: Demande) -> Demande:
    """« Moi aussi »: `user` supports `demande` (its original when it is a duplicate), once;
    the author does not support their own request. Returns the request supported."""
    permissions.exiger(permissions.est_du_personnel(user), "Réservé au personnel.")
    with transaction.atomic():
        cible = Demande.objects.select_for_update().get(pk=original(demande).pk)
        if cible.statut not in OUVERTES:
            raise Refus(f"La demande n° {cible.pk} est close : elle ne peut plus être soutenue.")
        if cible.demandeur_id == user.pk:
            raise Refus(f"La demande n° {cible.pk} est la vôtre : vous ne pouvez pas la "
                        "soutenir.")  # fmt: skip
        if cible.soutiens.filter(compte=user).exists():
            raise Refus(f"Vous soutenez déjà la demande n° {cible.pk}.")
        Soutien.objects.create(demande=cible, compte=user)
        recalculer_score(cible)
    return cible


def original(demande: Demande) -> Demande:
    """The request a duplicate stands for (following a chain, which marking never makes)."""
    vues = {demande.pk}
    while demande.statut == Demande.Statut.DOUBLON and demande.doublon_de_id:
        demande = demande.doublon_de
        if demande.pk in vues:
            break
        vues.add(demande.pk)
    return demande


def _changer_statut(demande: Demande, statut: str) -> None:
    ferme = statut in CLOSES or statut == Demande.Statut.DOUBLON
    if ferme and demande.close_le is None:
        demande.close_le = timezone.now()
    elif not ferme:
        demande.close_le = None
    demande.statut = statut


@dataclass
class Qualification:
    statut: str
    type: object = None
    outil: object = None
    utilisateurs_concernes: int | None = None
    frequence: str = ""
    obligation_legale: bool = False
    effort: int | None = None


def qualifier(user, demande: Demande, q: Qualification) -> Demande:
    """Status, type, tool, criteria and effort of `demande` (IT service, administrators, the
    referents of its direction); the score follows; `close_le` is set when it closes and
    cleared when it reopens."""
    permissions.exiger(permissions.peut_qualifier_demande(user, demande),
                       "Réservé au service informatique, aux administrateurs et aux référents "
                       "numériques de la direction de la demande.")  # fmt: skip
    if demande.statut == Demande.Statut.DOUBLON:
        raise Refus(f"La demande n° {demande.pk} est un doublon : annulez d'abord le doublon "
                    "pour la qualifier.")  # fmt: skip
    if q.statut not in OUVERTES + CLOSES:
        raise Refus("Statut inconnu : rien n'a été enregistré.", champ="statut")
    if q.effort is not None and not score.EFFORT_MIN <= q.effort <= score.EFFORT_MAX:
        raise Refus("L'effort va de 1 (très faible) à 5 (très important) : rien n'a été "
                    "enregistré.", champ="effort")  # fmt: skip
    _verifier_criteres(q.utilisateurs_concernes, q.frequence)
    with transaction.atomic():
        _changer_statut(demande, q.statut)
        demande.type, demande.outil = q.type, q.outil
        demande.utilisateurs_concernes = q.utilisateurs_concernes
        demande.frequence = q.frequence or ""
        demande.obligation_legale = bool(q.obligation_legale)
        demande.effort = q.effort
        demande.save()
        recalculer_score(demande)
    return demande


def marquer_doublon(user, demande: Demande, numero_original: int | None) -> Demande:
    """`demande` is a duplicate of request n° `numero_original` (followed to its original):
    status doublon, closed; its supporters and its author become supporters of the original,
    whose score follows; the duplicates of `demande` point to the original too."""
    permissions.exiger(permissions.peut_qualifier(user),
                       "Réservé au service informatique et aux administrateurs.")  # fmt: skip
    if numero_original is None:
        raise Refus("Donnez le numéro de la demande d'origine : rien n'a été enregistré.",
                    champ="original")  # fmt: skip
    cible = Demande.objects.filter(pk=numero_original).first()
    if cible is None:
        raise Refus(f"Aucune demande n° {numero_original} : rien n'a été enregistré.",
                    champ="original")  # fmt: skip
    cible = original(cible)
    if demande.statut == Demande.Statut.DOUBLON:
        raise Refus(f"La demande n° {demande.pk} est déjà un doublon de la n° "
                    f"{demande.doublon_de_id}.", champ="original")  # fmt: skip
    if cible.pk == demande.pk:
        raise Refus("Une demande ne peut pas être le doublon d'elle-même : rien n'a été "
                    "enregistré.", champ="original")  # fmt: skip
    if cible.demonstration != demande.demonstration:
        raise Refus("Une demande réelle et une demande de démonstration ne peuvent pas être "
                    "liées.", champ="original")  # fmt: skip
    with transaction.atomic():
        deja = set(cible.soutiens.values_list("compte_id", flat=True))
        exclus = deja | {cible.demandeur_id}
        for soutien in demande.soutiens.all():
            if soutien.compte_id not in exclus:
                Soutien.objects.create(demande=cible, compte_id=soutien.compte_id)
                exclus.add(soutien.compte_id)
        demande.soutiens.all().delete()
        if demande.demandeur_id and demande.demandeur_id not in exclus:
            Soutien.objects.create(demande=cible, compte_id=demande.demandeur_id)
        Demande.objects.filter(doublon_de=demande).update(doublon_de=cible)
        _changer_statut(demande, Demande.Statut.DOUBLON)
        demande.doublon_de = cible
        demande.save()
        recalculer_score(demande)
        recalculer_score(cible)
    return demande


def annuler_doublon(user, demande: Demande) -> Demande:
    """Undo `marquer_doublon`: the request is open again (status nouvelle), its author no
    longer supports the original; the supporters moved stay on the original."""
    permissions.exiger(permissions.peut_qualifier(user),
                       "Réservé au service informatique et aux administrateurs.")  # fmt: skip
    if demande.statut != Demande.Statut.DOUBLON:
        raise Refus(f"La demande n° {demande.pk} n'est pas marquée comme doublon.")
    with transaction.atomic():
        cible = demande.doublon_de
        if cible is not None and demande.demandeur_id:
            cible.soutiens.filter(compte_id=demande.demandeur_id).delete()
        _changer_statut(demande, Demande.Statut.NOUVELLE)
        demande.doublon_de = None
        demande.save()
        recalculer_score(demande)
        if cible is not None:
            recalculer_score(cible)
    return demande
