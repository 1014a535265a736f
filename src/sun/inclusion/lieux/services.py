"""Writes to the register of lieux: import, edit, close/reopen. Every change is historised."""

from datetime import date

from django.db.models import Q
from django.utils import timezone

from sun.inclusion.lieux import normalisation as n
from sun.inclusion.lieux.localisation import Referentiel, localiser
from sun.inclusion.lieux.standard import CHAMPS_V1
from sun.inclusion.models import (
    HistoriqueLieu,
    Lieu,
    SourceLieu,
)

CHAMPS_LIEU = [c for c in CHAMPS_V1 if c != "id"]


def importer_lieux(chemin, source, **options):
    """Import a file of places from `source` (see `importation`): the register's entry point."""
    from sun.inclusion.lieux.importation.executer import importer_lieux as importer

    return importer(chemin, source, **options)


def _differences(lieu: Lieu, valeurs: dict) -> dict:
    return {
        champ: [_jsonable(getattr(lieu, champ)), _jsonable(valeur)]
        for champ, valeur in valeurs.items()
        if getattr(lieu, champ) != valeur
    }


def _jsonable(valeur):
    return valeur.isoformat() if isinstance(valeur, date) else valeur


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
    differences = _differences(lieu, valeurs)
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
def _fiche(pk, cles, nom, adresse, code_insee, latitude, longitude, precision, telephone,
           courriels, source):  # fmt: skip
    from sun.inclusion.lieux.doublons import Fiche, cles_comparaison

    return Fiche(str(pk), cles or cles_comparaison(nom, adresse), code_insee or "", latitude,
                 longitude, precision == Lieu.Precision.EXACTE and latitude is not None,
                 telephone or "", frozenset(courriels or ()), source or "")  # fmt: skip


def detecter_doublons(cles: set[str] | None = None, *, auteur=None) -> tuple[int, int]:
    """Compare places (those of `cles` against all, or all against all); merge the sure pairs,
    queue the doubtful ones. Returns (merged, queued). Pairs already decided are left alone."""
    from sun.inclusion.lieux.doublons import SEUIL_FUSION, comparer, en_dict
    from sun.inclusion.models import PaireDoublon

    champs = ["pk", "cles_doublons", "nom", "adresse", "code_insee", "latitude", "longitude",
              "precision_localisation", "telephone", "courriels", "source"]  # fmt: skip
    lignes = list(
        Lieu.objects.exclude(statut=Lieu.Statut.FERME)
        .filter(demonstration=False)
        .values_list(*champs)
    )
    fiches = [_fiche(*ligne) for ligne in lignes]
    decidees = {
        frozenset((str(a), str(b)))
        for a, b in PaireDoublon.objects.exclude(statut=PaireDoublon.Statut.A_REVOIR).values_list(
            "lieu_a", "lieu_b"
        )
    }
    fusionnes, en_attente, absorbes = 0, 0, set()
    a_charger = set()
    resultats = comparer(fiches, cles)
    for i, j, *_ in resultats:
        a_charger.update((lignes[i][0], lignes[j][0]))
    lieux = Lieu.objects.in_bulk(a_charger)
    for i, j, valeur, details in resultats:
        a, b = lieux[lignes[i][0]], lieux[lignes[j][0]]
        if frozenset((str(a.pk), str(b.pk))) in decidees or a.pk in absorbes or b.pk in absorbes:
            continue
        if valeur >= SEUIL_FUSION:
            garde, absorbe = sorted((a, b), key=lambda l: l.cree_le)
            fusionner(garde, absorbe, auteur=auteur, score=valeur)
            absorbes.add(absorbe.pk)
            fusionnes += 1
        else:
            _, cree = PaireDoublon.objects.get_or_create(
                lieu_a=min(a, b, key=lambda l: str(l.pk)), lieu_b=max(a, b, key=lambda l: str(l.pk)),
                defaults={"score": valeur, "details": en_dict(details)},
            )  # fmt: skip
            en_attente += int(cree)
    return fusionnes, en_attente


def fusionner(garde: Lieu, absorbe: Lieu, *, auteur=None, score: int | None = None) -> Lieu:
    """Merge `absorbe` into `garde`: the most recent value of each field wins, lists are
    united, every source identifier and the history are kept."""
    from sun.inclusion.lieux.standard import CHAMPS_MULTIPLES
    from sun.inclusion.models import PaireDoublon

    recent, ancien = (absorbe, garde) if absorbe.date_maj > garde.date_maj else (garde, absorbe)
    avant = {c: _jsonable(getattr(garde, c)) for c in CHAMPS_LIEU}
    for champ in CHAMPS_LIEU:
        if champ in CHAMPS_MULTIPLES:
            valeur = list(dict.fromkeys([*getattr(recent, champ), *getattr(ancien, champ)]))
        else:
            valeur = getattr(recent, champ) or getattr(ancien, champ)
        setattr(garde, champ, valeur)
    if (
        recent.precision_localisation == Lieu.Precision.EXACTE
        or garde.precision_localisation != Lieu.Precision.EXACTE
    ):
        garde.latitude, garde.longitude = recent.latitude, recent.longitude
        garde.precision_localisation = recent.precision_localisation
    garde.commune_ref_id = garde.commune_ref_id or absorbe.commune_ref_id
    garde.structure_id = garde.structure_id or absorbe.structure_id
    garde.save()
    SourceLieu.objects.filter(lieu=absorbe).update(lieu=garde)
    HistoriqueLieu.objects.filter(lieu=absorbe).update(lieu=garde)
    PaireDoublon.objects.filter(Q(lieu_a=absorbe) | Q(lieu_b=absorbe)).delete()
    changements = {
        c: [avant[c], _jsonable(getattr(garde, c))]
        for c in CHAMPS_LIEU
        if avant[c] != _jsonable(getattr(garde, c))
    }
    HistoriqueLieu.objects.create(
        lieu=garde, action=HistoriqueLieu.Action.FUSION, auteur=auteur, changements=changements,
        commentaire=f"Fusion avec « {absorbe.nom} » ({absorbe.source})" + (f", score {score}" if score else ""),
    )  # fmt: skip
    absorbe.delete()
    return garde


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
