"""Writes of the skills diagnosis: save the answers (a draft, or finished once all 16 are
given), share a finished diagnosis with one's manager or stop sharing it, delete it. A person has at most
one draft; a new diagnosis starts after a finished one (the history is kept). Every function
checks before writing and raises `Refus` (a French message, nothing written)."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from sun.competences import permissions
from sun.competences.diagnostic import calcul
from sun.competences.erreurs import Refus
from sun.competences.models import Diagnostic, Personne


@dataclass(frozen=True)
class Enregistrement:
    diagnostic: Diagnostic
    # The competences still to answer (empty once finished).
    manquantes: list
    # « Terminer » was asked but answers were missing: kept as a draft, the finish refused.
    fin_refusee: bool = False

    @property
    def termine(self) -> bool:
        return self.diagnostic.termine_le is not None

    def message(self) -> str:
        if self.termine:
            return "Diagnostic terminé : voici vos résultats."
        n = len(self.manquantes)
        if self.fin_refusee:
            noms = " ; ".join(f"{c.code} {c.libelle}" for c in self.manquantes)
            return (f"Le diagnostic ne peut pas être terminé : {n} compétence"
                    f"{'s' if n > 1 else ''} sur {calcul.TOTAL} reste{'nt' if n > 1 else ''} à "
                    f"renseigner ({noms}). Vos réponses sont gardées comme brouillon.")  # fmt: skip
        return (f"Diagnostic enregistré comme brouillon : {n} compétence{'s' if n > 1 else ''} "
                f"sur {calcul.TOTAL} reste{'nt' if n > 1 else ''} à renseigner.")  # fmt: skip


def _brouillon(personne: Personne, demonstration: bool) -> Diagnostic:
    """The person's draft, locked, or a new one (only one draft per person at a time)."""
    Personne.objects.select_for_update().filter(pk=personne.pk).first()  # serialise per person
    brouillon = Diagnostic.objects.select_for_update().brouillon_de(personne)
    if brouillon is None:
        brouillon = Diagnostic.objects.create(personne=personne, demonstration=demonstration)
    return brouillon


def enregistrer(personne: Personne, saisie, terminer: bool = False) -> Enregistrement:
    """Save `saisie` (form fields `niveau_<code>` or {code: level}) into the person's draft,
    merged with what it held. With `terminer`, finish it when all 16 competences are answered;
    otherwise it stays a draft (nothing lost) and `fin_refusee` says why. A level outside 0–8
    or an unknown competence: Refus, nothing written."""
    if personne is None or personne.pk is None:
        raise Refus("Personne inconnue : rien n'a été enregistré.")
    reponses = calcul.lire_reponses(saisie)
    with transaction.atomic():
        diagnostic = _brouillon(personne, personne.demonstration)
        diagnostic.reponses = {**(diagnostic.reponses or {}), **reponses}
        manquantes = calcul.manquantes(diagnostic.reponses)
        champs = ["reponses"]
        if terminer and not manquantes:
            diagnostic.termine_le = timezone.now()
            champs.append("termine_le")
        diagnostic.save(update_fields=champs)
    return Enregistrement(diagnostic, manquantes, fin_refusee=terminer and bool(manquantes))


def partager(diagnostic: Diagnostic, par: Personne, partage: bool) -> Diagnostic:
    """Share (or stop sharing) a finished diagnosis with one's recorded manager; only the
    person themself decides."""
    with transaction.atomic():
        if par is None or diagnostic.personne_id != par.pk:
            raise Refus("Seule la personne concernée peut partager son diagnostic : rien n'a "
                        "été modifié.")  # fmt: skip
        if partage and diagnostic.termine_le is None:
            raise Refus("Terminez d'abord le diagnostic pour le partager : rien n'a été "
                        "modifié.", champ="partage")  # fmt: skip
        if partage and par.responsable_id is None:
            raise Refus("Aucun responsable n'est enregistré pour vous : demandez au service "
                        "formation de l'indiquer. Rien n'a été modifié.", champ="partage")  # fmt: skip
        diagnostic.partage_avec_responsable = bool(partage)
        diagnostic.save(update_fields=["partage_avec_responsable"])
    return diagnostic


def supprimer(user, diagnostic: Diagnostic) -> None:
    """Delete a diagnosis (a draft or a finished one, and with it what the manager could
    read): only the person it is about (the GDPR register promises it). Nobody else, not
    even an administrator, deletes it here."""
    with transaction.atomic():
        verrou = Diagnostic.objects.select_for_update().filter(pk=diagnostic.pk).first()
        if verrou is None:
            raise Refus("Ce diagnostic n'existe plus : rien n'a été supprimé.")
        if not permissions.est_la_personne(user, verrou.personne):
            raise Refus("Seule la personne concernée peut supprimer son diagnostic : rien n'a "
                        "été supprimé.")  # fmt: skip
        verrou.delete()
