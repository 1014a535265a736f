"""Writes to the register of lieux: import, edit, close/reopen (every change is historised),
the public's error reports and the desk orientations."""

from collections.abc import Iterable

from django import forms
from django.utils import timezone

from sun.inclusion.lieux import dedoublonnage
from sun.inclusion.lieux import normalisation as n
from sun.inclusion.lieux.importation.fiche import changements_de
from sun.inclusion.lieux.localisation import Referentiel, localiser
from sun.inclusion.lieux.orientation import Diagnostic
from sun.inclusion.models import (
    HistoriqueLieu,
    Lieu,
    Orientation,
    SignalementErreur,
)
from sun.territoire.models import Commune


def importer_lieux(chemin, source, **options):
    """Import a file of places from `source` (see `importation`): the register's entry point."""
    from sun.inclusion.lieux.importation.importeur import importer_lieux as importer

    return importer(chemin, source, **options)


def fermer_lieu(lieu: Lieu, *, auteur=None, commentaire: str = "", import_lieux=None) -> None:
    lieu.statut, lieu.date_statut = Lieu.Statut.FERME, timezone.localdate()
    lieu.save(update_fields=["statut", "date_statut", "modifie_le"])
    HistoriqueLieu.objects.create(
        lieu=lieu,
        action=HistoriqueLieu.Action.FERMETURE,
        auteur=auteur,
        import_lieux=import_lieux,
        commentaire=commentaire,
    )


def rouvrir_lieu(lieu: Lieu, *, auteur=None, commentaire: str = "") -> None:
    lieu.statut, lieu.date_statut = Lieu.Statut.ACTIF, timezone.localdate()
    lieu.save(update_fields=["statut", "date_statut", "modifie_le"])
    HistoriqueLieu.objects.create(
        lieu=lieu, action=HistoriqueLieu.Action.REOUVERTURE, auteur=auteur, commentaire=commentaire
    )


def enregistrer_saisie(lieu: Lieu | None, valeurs: dict, *, auteur) -> tuple[Lieu, dict]:
    """Create or edit a place from the agent space; return it with what changed.

    The commune is checked against the territory as on import; `date_maj` moves only when a
    field of the standard really changed.
    """
    signalements = n.Signalements()
    cles = ("code_insee", "code_postal", "commune", "latitude", "longitude", "adresse")
    localisation = {k: valeurs.get(k) for k in cles}
    commune_pk, precision = localiser(localisation, Referentiel(), signalements)
    valeurs = {**valeurs, **localisation}
    if lieu is None:
        lieu = Lieu(
            **valeurs,
            date_maj=timezone.localdate(),
            source=valeurs.get("source") or "Saisie dans SUN",
        )
        lieu.commune_ref_id, lieu.precision_localisation = commune_pk, precision
        if signalements.a_verifier:
            lieu.statut = Lieu.Statut.A_VERIFIER
        lieu.save()
        HistoriqueLieu.objects.create(
            lieu=lieu,
            action=HistoriqueLieu.Action.CREATION,
            auteur=auteur,
            commentaire="Saisi dans l'espace agents",
        )
        return lieu, {}
    # Compare with the stored record: a ModelForm has already copied the input onto `lieu`.
    lieu = Lieu.objects.get(pk=lieu.pk)
    differences = changements_de(lieu, valeurs)
    if not differences:
        return lieu, {}
    for champ, valeur in valeurs.items():
        setattr(lieu, champ, valeur)
    lieu.commune_ref_id, lieu.precision_localisation = commune_pk, precision
    lieu.date_maj = timezone.localdate()
    lieu.save()
    HistoriqueLieu.objects.create(
        lieu=lieu, action=HistoriqueLieu.Action.MODIFICATION, auteur=auteur, changements=differences
    )
    return lieu, differences


# --- duplicates -------------------------------------------------------------------------------
# Comparison and merges live in `dedoublonnage` (bulk writes shared with the import).
detecter_doublons = dedoublonnage.detecter_doublons
fusionner = dedoublonnage.fusionner


def decider_paire(paire, decision: str, *, auteur) -> None:
    """A coordinator's decision on a queued pair: « fusionner » or « distincts »."""
    from sun.inclusion.models import PaireDoublon

    if decision == "fusionner":
        garde, absorbe = sorted((paire.lieu_a, paire.lieu_b), key=lambda l: l.cree_le)
        PaireDoublon.objects.filter(pk=paire.pk).update(statut=PaireDoublon.Statut.FUSIONNEE)
        fusionner(garde, absorbe, auteur=auteur, score=paire.score)
    else:
        paire.statut, paire.decide_par, paire.decide_le = (
            PaireDoublon.Statut.DISTINCTS,
            auteur,
            timezone.now(),
        )
        paire.save()


def decider_paires(paires, decision: str, *, auteur) -> int:
    """The same decision on many queued pairs (those of a source, above a score): one at a
    time, in order; a pair whose place was merged meanwhile is gone and skipped."""
    from sun.inclusion.models import PaireDoublon

    faites = 0
    for pk in list(paires.values_list("pk", flat=True)):
        paire = (
            PaireDoublon.objects.filter(pk=pk, statut=PaireDoublon.Statut.A_REVOIR)
            .select_related("lieu_a", "lieu_b").first()
        )  # fmt: skip
        if paire is not None:
            decider_paire(paire, decision, auteur=auteur)
            faites += 1
    return faites


# --- error reports ----------------------------------------------------------------------------
def enregistrer_signalement(form: forms.ModelForm, lieu: Lieu) -> SignalementErreur:
    """Record a correction proposed on a place's public page, from a validated « signaler une
    erreur » form (which also counts the sender's reports against its hourly limit)."""
    return form.save(lieu)


def traiter_signalement(signalement: SignalementErreur, statut: str, *, auteur) -> None:
    """A coordinator closes a report: corrected (TRAITE) or dismissed (REJETE)."""
    signalement.statut, signalement.traite_par, signalement.traite_le = (
        statut, auteur, timezone.now()
    )  # fmt: skip
    signalement.save(update_fields=["statut", "traite_par", "traite_le"])


# --- desk orientation -------------------------------------------------------------------------
def enregistrer_orientation(
    commune: Commune | None,
    diagnostic: Diagnostic,
    lieux: Iterable[Lieu],
    depart: tuple[str, float, float] | None = None,
) -> Orientation:
    """Count an orientation (no name: the commune, the diagnosis and the places proposed),
    with `depart` (name, latitude, longitude), the centre of the commune or former commune
    distances start from."""
    nom, latitude, longitude = depart or ("", None, None)
    return Orientation.objects.create(
        commune=commune, niveau=diagnostic.niveau.code, besoins=diagnostic.besoins,
        services=diagnostic.services, lieux_proposes=[str(lieu.pk) for lieu in lieux],
        depart_nom=nom[:100], depart_latitude=latitude, depart_longitude=longitude,
    )  # fmt: skip


def retenir_lieux_orientation(orientation: Orientation, identifiants: list[str]) -> None:
    """The places printed on the orientation sheet, among those proposed."""
    orientation.lieux_retenus = identifiants
    orientation.save(update_fields=["lieux_retenus"])
