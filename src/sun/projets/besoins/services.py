"""Writes of the needs (schéma 11.2): a member of staff drafts a functional specification with
the template's sections (`creer`, `modifier`: saving always keeps a draft), submits it once
every section is filled and one sobriety criterion chosen (`soumettre`), then the IT service
studies it (`changer_statut`). Every function checks before writing and raises `Refus`
(a French message, nothing written)."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from sun.projets import permissions
from sun.projets.besoins import modele
from sun.projets.erreurs import Refus
from sun.projets.models import ExpressionBesoin

Statut = ExpressionBesoin.Statut
STATUTS_ETUDE = (Statut.ETUDIE, Statut.RETENU, Statut.ABANDONNE)
TITRE_MAX = 200


@dataclass
class Saisie:
    titre: str
    direction: object  # competences.Direction
    outil: object = None  # accessibilite.ServiceNumerique or None
    sections: dict[str, str] = field(default_factory=dict)
    criteres: list[str] = field(default_factory=list)


def direction_par_defaut(user):
    """The direction of the author's person (created from the account on first use)."""
    from sun.competences.services import ma_personne

    return ma_personne(user).direction


def _verifier(saisie: Saisie) -> tuple[str, list[str]]:
    titre = (saisie.titre or "").strip()
    if not titre:
        raise Refus("Donnez un intitulé au besoin : rien n'a été enregistré.", champ="titre")
    if len(titre) > TITRE_MAX:
        raise Refus(f"L'intitulé dépasse {TITRE_MAX} caractères : rien n'a été enregistré.",
                    champ="titre")  # fmt: skip
    if saisie.direction is None:
        raise Refus("Choisissez la direction qui exprime le besoin : rien n'a été enregistré.",
                    champ="direction")  # fmt: skip
    inconnus = [c for c in saisie.criteres if c not in modele.LIBELLES_CRITERES]
    if inconnus:
        raise Refus(f"Critère de sobriété inconnu : « {inconnus[0]} » : rien n'a été "
                    "enregistré.", champ="criteres_sobriete")  # fmt: skip
    inconnues = [c for c in saisie.sections if c not in modele.CODES_SECTIONS]
    if inconnues:
        raise Refus(f"Section inconnue : « {inconnues[0]} » : rien n'a été enregistré.")
    criteres = [c for c, _ in modele.CRITERES_SOBRIETE if c in saisie.criteres]
    return titre, criteres


def _appliquer(besoin: ExpressionBesoin, saisie: Saisie, titre: str, criteres: list[str]) -> None:
    besoin.titre = titre
    besoin.direction = saisie.direction
    besoin.outil = saisie.outil
    for code in modele.CODES_SECTIONS:
        setattr(besoin, code, (saisie.sections.get(code) or "").strip())
    besoin.criteres_sobriete = criteres


def creer(user, saisie: Saisie, *, demonstration: bool = False) -> ExpressionBesoin:
    """A new draft written by `user`."""
    with transaction.atomic():
        titre, criteres = _verifier(saisie)
        besoin = ExpressionBesoin(redige_par=user if user and user.is_authenticated else None,
                                  demonstration=demonstration)  # fmt: skip
        _appliquer(besoin, saisie, titre, criteres)
        besoin.save()
    return besoin


def _verifier_modifiable(user, besoin: ExpressionBesoin) -> None:
    if not permissions.peut_modifier_besoin(user, besoin):
        raise Refus("Seuls l'auteur du besoin, le service informatique et les administrateurs "
                    "le modifient : rien n'a été enregistré.")  # fmt: skip
    if besoin.statut != Statut.BROUILLON:
        raise Refus("Ce besoin a été soumis : il n'est plus modifiable. Rien n'a été "
                    "enregistré.")  # fmt: skip


def modifier(user, besoin: ExpressionBesoin, saisie: Saisie) -> ExpressionBesoin:
    """Save the draft as typed (empty sections are allowed: nothing is lost)."""
    with transaction.atomic():
        besoin = ExpressionBesoin.objects.select_for_update().get(pk=besoin.pk)
        _verifier_modifiable(user, besoin)
        titre, criteres = _verifier(saisie)
        _appliquer(besoin, saisie, titre, criteres)
        besoin.save()
    return besoin


def soumettre(user, besoin: ExpressionBesoin) -> ExpressionBesoin:
    """Hand the draft to the IT service: refused while a section is empty or no sobriety
    criterion is chosen (the message lists what is missing)."""
    with transaction.atomic():
        besoin = ExpressionBesoin.objects.select_for_update().get(pk=besoin.pk)
        _verifier_modifiable(user, besoin)
        manques = modele.manques(besoin)
        if manques:
            raise Refus("Le besoin ne peut pas encore être soumis ; il manque : "
                        + " ; ".join(manques) + ". Le brouillon est conservé, rien n'a été "
                        "modifié.")  # fmt: skip
        besoin.statut = Statut.SOUMIS
        besoin.soumis_le = timezone.now()
        besoin.save(update_fields=["statut", "soumis_le", "modifie_le"])
    return besoin


def changer_statut(user, besoin: ExpressionBesoin, statut: str) -> ExpressionBesoin:
    """The IT service or an administrator records the study of a submitted need."""
    if not permissions.peut_qualifier(user):
        raise Refus("Réservé au service informatique et aux administrateurs : rien n'a été "
                    "enregistré.")  # fmt: skip
    if statut not in STATUTS_ETUDE:
        raise Refus("Choisissez un statut : à l'étude, retenu ou abandonné. Rien n'a été "
                    "enregistré.", champ="statut")  # fmt: skip
    with transaction.atomic():
        besoin = ExpressionBesoin.objects.select_for_update().get(pk=besoin.pk)
        if besoin.statut == Statut.BROUILLON:
            raise Refus("Ce besoin est encore un brouillon : son auteur doit d'abord le "
                        "soumettre. Rien n'a été enregistré.")  # fmt: skip
        besoin.statut = statut
        besoin.save(update_fields=["statut", "modifie_le"])
    return besoin
