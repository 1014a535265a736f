"""Writes of the organisation: directions and people (each wing has its own services.py).

A member of staff has a `Personne` as soon as they use training or skills pages: created from
their account (`ma_personne`), in the direction they choose (`choisir_ma_direction`). The
training service keeps the directions, the agents and managers (`creer_personne`,
`definir_responsable`) and the elected officials, tracked only with their consent
(`creer_elu`, `retirer_consentement`). Every function checks before writing and raises
`Refus` (a French message, nothing written)."""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from sun.competences.erreurs import Refus
from sun.competences.models import Direction, Personne
from sun.competences.suivi import lecture_directions


def ma_personne(user) -> Personne:
    """The person of `user`'s account, created from the account's names on first use."""
    personne = Personne.objects.filter(compte=user).select_related("direction").first()
    if personne is not None:
        return personne
    with transaction.atomic():
        personne, _ = Personne.objects.get_or_create(
            compte=user,
            defaults={
                "nom": user.last_name or user.username,
                "prenom": user.first_name or "",
                "courriel": user.email or "",
                "categorie": Personne.Categorie.AGENT,
            },
        )
    return personne


def choisir_ma_direction(user, direction: Direction) -> Personne:
    """Record the direction `user` works in (their figures count there, its referents see
    their requests)."""
    personne = ma_personne(user)
    personne.direction = direction
    personne.save(update_fields=["direction"])
    return personne


# --- directions ------------------------------------------------------------------------------
def _verifier_nom_sigle(nom: str, sigle: str) -> None:
    raison = lecture_directions.erreur_nom_sigle(nom, sigle)
    if raison:
        champ = "nom" if "nom" in raison else "sigle"
        raise Refus(raison[0].upper() + raison[1:] + " : rien n'a été enregistré.", champ=champ)


def creer_direction(code: str, nom: str, sigle: str = "") -> Direction:
    """A new direction; its code (a slug) is unique and never changes afterwards (the
    figures per direction are kept under it)."""
    code, nom, sigle = (code or "").strip(), (nom or "").strip(), (sigle or "").strip()
    with transaction.atomic():
        raison = lecture_directions.erreur_code(code)
        if raison:
            raise Refus(raison[0].upper() + raison[1:] + " : rien n'a été enregistré.",
                        champ="code")  # fmt: skip
        _verifier_nom_sigle(nom, sigle)
        if Direction.objects.filter(code=code).exists():
            raise Refus(f"Une direction a déjà le code « {code} » : rien n'a été enregistré.",
                        champ="code")  # fmt: skip
        return Direction.objects.create(code=code, nom=nom, sigle=sigle)


def renommer_direction(direction: Direction, nom: str, sigle: str = "") -> Direction:
    """Change a direction's name and acronym (its code stays)."""
    nom, sigle = (nom or "").strip(), (sigle or "").strip()
    with transaction.atomic():
        _verifier_nom_sigle(nom, sigle)
        direction.nom, direction.sigle = nom, sigle
        direction.save(update_fields=["nom", "sigle"])
    return direction


@dataclass(frozen=True)
class ImportDirections:
    crees: int
    modifiees: int
    inchangees: int

    def resume(self) -> str:
        return (f"Directions : {self.crees} créée(s), {self.modifiees} renommée(s), "
                f"{self.inchangees} inchangée(s).")  # fmt: skip


def importer_directions(contenu: bytes | str) -> ImportDirections:
    """Create or rename the directions of a `code;nom;sigle` file. One bad line and nothing
    is written: the Refus lists every bad line."""
    lecture = lecture_directions.lire(contenu)
    if lecture.erreurs:
        raise Refus("Fichier refusé, rien n'a été enregistré.\n" + "\n".join(lecture.erreurs))
    crees = modifiees = inchangees = 0
    with transaction.atomic():
        existantes = {d.code: d for d in Direction.objects.filter(
            code__in=[code for code, _, _ in lecture.lignes])}  # fmt: skip
        for code, nom, sigle in lecture.lignes:
            direction = existantes.get(code)
            if direction is None:
                Direction.objects.create(code=code, nom=nom, sigle=sigle)
                crees += 1
            elif (direction.nom, direction.sigle) != (nom, sigle):
                direction.nom, direction.sigle = nom, sigle
                direction.save(update_fields=["nom", "sigle"])
                modifiees += 1
            else:
                inchangees += 1
    return ImportDirections(crees, modifiees, inchangees)


# --- people ----------------------------------------------------------------------------------
def _verifier_identite(nom: str, prenom: str, courriel: str) -> None:
    if not nom:
        raise Refus("Le nom est obligatoire : rien n'a été enregistré.", champ="nom")
    if len(nom) > 100 or len(prenom) > 100:
        raise Refus("Le nom et le prénom font 100 caractères au plus : rien n'a été "
                    "enregistré.", champ="nom")  # fmt: skip
    if courriel:
        try:
            validate_email(courriel)
        except ValidationError:
            raise Refus(f"L'adresse électronique « {courriel} » n'est pas valide : rien n'a "
                        "été enregistré.", champ="courriel") from None  # fmt: skip


def _verifier_responsable(personne: Personne | None, responsable: Personne | None) -> None:
    if responsable is None:
        return
    if responsable.categorie == Personne.Categorie.ELU:
        raise Refus("Un élu ne peut pas être le responsable d'un agent : rien n'a été "
                    "enregistré.", champ="responsable")  # fmt: skip
    chef, vus = responsable, set()
    while chef is not None and chef.pk not in vus:
        if personne is not None and chef.pk == personne.pk:
            raise Refus("Une personne ne peut pas être sa propre responsable, même "
                        "indirectement : rien n'a été enregistré.", champ="responsable")  # fmt: skip
        vus.add(chef.pk)
        chef = chef.responsable


def creer_personne(
    nom: str,
    prenom: str = "",
    courriel: str = "",
    categorie: str = Personne.Categorie.AGENT,
    direction: Direction | None = None,
    responsable: Personne | None = None,
) -> Personne:
    """An agent or a manager (an elected official is created with `creer_elu`)."""
    nom, prenom, courriel = (nom or "").strip(), (prenom or "").strip(), (courriel or "").strip()
    with transaction.atomic():
        if categorie not in (Personne.Categorie.AGENT, Personne.Categorie.ENCADRANT):
            raise Refus("Choisissez « Agent » ou « Encadrant » (un élu s'enregistre avec son "
                        "consentement) : rien n'a été enregistré.", champ="categorie")  # fmt: skip
        _verifier_identite(nom, prenom, courriel)
        _verifier_responsable(None, responsable)
        return Personne.objects.create(nom=nom, prenom=prenom, courriel=courriel,
                                       categorie=categorie, direction=direction,
                                       responsable=responsable)  # fmt: skip


def definir_responsable(personne: Personne, responsable: Personne | None) -> Personne:
    """Record (or clear, with None) the manager of `personne`: the manager may then register
    them to a session."""
    with transaction.atomic():
        if personne.categorie == Personne.Categorie.ELU:
            raise Refus("Un élu n'a pas de responsable : rien n'a été enregistré.",
                        champ="responsable")  # fmt: skip
        _verifier_responsable(personne, responsable)
        personne.responsable = responsable
        personne.save(update_fields=["responsable"])
    return personne


def creer_elu(
    nom: str,
    prenom: str,
    consentement_le: date | datetime | None,
    consentement_modalite: str,
    courriel: str = "",
) -> Personne:
    """An elected official, only with the date their consent was collected and how (a form
    signed, an e-mail…): without both, refused."""
    nom, prenom, courriel = (nom or "").strip(), (prenom or "").strip(), (courriel or "").strip()
    modalite = (consentement_modalite or "").strip()
    with transaction.atomic():
        _verifier_identite(nom, prenom, courriel)
        if consentement_le is None:
            raise Refus("Un élu n'est suivi qu'avec son consentement : indiquez la date à "
                        "laquelle il a été recueilli. Rien n'a été enregistré.",
                        champ="consentement_le")  # fmt: skip
        if not isinstance(consentement_le, datetime):
            consentement_le = timezone.make_aware(datetime.combine(consentement_le, time(0)))
        if consentement_le > timezone.now():
            raise Refus("La date du consentement ne peut pas être dans le futur : rien n'a "
                        "été enregistré.", champ="consentement_le")  # fmt: skip
        if not modalite:
            raise Refus("Indiquez comment le consentement a été recueilli (formulaire signé, "
                        "courriel…) : rien n'a été enregistré.",
                        champ="consentement_modalite")  # fmt: skip
        if len(modalite) > 200:
            raise Refus("La modalité du consentement fait 200 caractères au plus : rien n'a "
                        "été enregistré.", champ="consentement_modalite")  # fmt: skip
        return Personne.objects.create(nom=nom, prenom=prenom, courriel=courriel,
                                       categorie=Personne.Categorie.ELU,
                                       consentement_le=consentement_le,
                                       consentement_modalite=modalite)  # fmt: skip


def retirer_consentement(personne: Personne) -> int:
    """An elected official withdraws their consent: the person is deleted; their
    registrations stay as anonymous lines (category and direction kept) that still count in
    the aggregated figures. Returns the number of lines made anonymous."""
    with transaction.atomic():
        if personne.categorie != Personne.Categorie.ELU:
            raise Refus("Seul un élu peut retirer son consentement ici : rien n'a été "
                        "supprimé.")  # fmt: skip
        lignes = personne.inscriptions.count()
        personne.delete()
    return lignes
