"""Indicators of connectivity (Axe 4, orientation 6), read by the steering module.

Only real editions count: a demonstration edition is never a figure of the plan (its value
is then empty, with a note saying so). Each value is dated by its edition."""

from datetime import date

from django.db.models import Count, F, Max, Q, Sum
from django.utils import timezone

from sun.connectivite.models import (
    OUVERTS,
    Edition,
    Genre,
    MeilleureTechnoCommune,
    Signalement,
    Statut,
)
from sun.connectivite.queries import GENRES_CUIVRE, cuivre_par_commune, edition_courante
from sun.core.indicators import Indicateur, Niveau, Valeur, declarer, note_demonstration
from sun.territoire.indicators import communes_du

SOURCE_MCI = "Arcep, Ma connexion internet (commune_meilleure_techno_thd)"
SOURCE_CUIVRE = "Orange (fichier trajectoire) ou data.economie.gouv.fr (fermeture-reseau-cuivre)"
SOURCE_SIGNALEMENTS = "Difficultés de raccordement signalées par les communes (SUN)"
NIVEAUX = (Niveau.COMMUNE, Niveau.EPCI, Niveau.DEPARTEMENT)


def _codes(niveau: Niveau, code: str) -> list[str]:
    return list(communes_du(niveau, code).values_list("code_insee", flat=True))


def _note_editions(genres: tuple[str, ...]) -> str:
    return note_demonstration(
        Edition.objects.du_genre(*genres).filter(demonstration=True).count(), "éditions"
    )


def eligibilite_fibre(niveau: Niveau, code: str) -> Valeur:
    """Premises whose best technology is FttH, among all premises (newest real edition)."""
    edition = edition_courante(Genre.MCI_MEILLEURE_TECHNO, reelles=True)
    note = _note_editions((Genre.MCI_MEILLEURE_TECHNO,))
    if edition is None:
        return Valeur(None, None, SOURCE_MCI, note or "Aucune édition importée.")
    totaux = MeilleureTechnoCommune.objects.filter(
        edition=edition, code_insee__in=_codes(niveau, code)
    ).aggregate(locaux=Sum("nbr"), fibre=Sum("elig_ftth"))
    valeur = round(100 * totaux["fibre"] / totaux["locaux"], 1) if totaux["locaux"] else None
    return Valeur(valeur, edition.date_edition, SOURCE_MCI, note)


def communes_cuivre_ferme_sans_fibre(niveau: Niveau, code: str, jour: date | None = None) -> Valeur:
    """Communes whose commercial copper closure date has passed while fewer than 100 % of
    their premises are eligible to fibre (newest real copper file and MCI edition)."""
    jour = jour or timezone.localdate()
    codes = _codes(niveau, code)
    cuivre = {c: lignes[0] for c, lignes in cuivre_par_commune(codes, reelles=True).items()}
    edition = edition_courante(Genre.MCI_MEILLEURE_TECHNO, reelles=True)
    note = _note_editions((*GENRES_CUIVRE, Genre.MCI_MEILLEURE_TECHNO))
    if not cuivre or edition is None:
        return Valeur(None, None, SOURCE_CUIVRE, note or "Calendrier du cuivre ou éligibilité "
                      "à la fibre non importés.")  # fmt: skip
    fermees = [c for c, ligne in cuivre.items() if ligne.date_fc and ligne.date_fc <= jour]
    completes = set(
        MeilleureTechnoCommune.objects.filter(edition=edition, code_insee__in=fermees, nbr__gt=0)
        .filter(elig_ftth__gte=F("nbr"))
        .values_list("code_insee", flat=True)
    )
    dates = [ligne.edition.date_edition for ligne in cuivre.values()] + [edition.date_edition]
    return Valeur(len(set(fermees) - completes), max(dates), SOURCE_CUIVRE, note)


def _signalements(niveau: Niveau, code: str):
    return Signalement.objects.reels().filter(commune__code_insee__in=_codes(niveau, code))


def _valeur_signalements(niveau: Niveau, code: str, statuts) -> Valeur:
    qs = _signalements(niveau, code)
    chiffres = qs.aggregate(n=Count("pk", filter=Q(statut__in=statuts)), d=Max("modifie_le"))
    note = note_demonstration(Signalement.objects.filter(demonstration=True).count(),
                              "signalements")  # fmt: skip
    quand = chiffres["d"].date() if chiffres["d"] else timezone.localdate()
    return Valeur(chiffres["n"], quand, SOURCE_SIGNALEMENTS, note)


def difficultes_ouvertes(niveau: Niveau, code: str) -> Valeur:
    return _valeur_signalements(niveau, code, OUVERTS)


def difficultes_resolues(niveau: Niveau, code: str) -> Valeur:
    return _valeur_signalements(niveau, code, (Statut.RESOLU,))


for code, libelle, unite, calcul, source, sens, description in [
    ("connectivite.eligibilite_fibre", "Locaux éligibles à la fibre (FttH)", "%",
     eligibilite_fibre, SOURCE_MCI, "hausse",
     "Part des locaux (logements et locaux professionnels) dont la meilleure technologie "
     "disponible est la fibre jusqu'à l'abonné, dernière édition trimestrielle de l'Arcep."),
    ("connectivite.communes_cuivre_ferme_sans_fibre",
     "Communes où le cuivre est fermé sans fibre complète", "communes",
     communes_cuivre_ferme_sans_fibre, SOURCE_CUIVRE, "baisse",
     "Communes dont la date de fermeture commerciale du cuivre est passée alors que moins de "
     "100 % de leurs locaux sont éligibles à la fibre (dernier fichier du cuivre, dernière "
     "édition de Ma connexion internet)."),
    ("connectivite.difficultes_ouvertes", "Difficultés de raccordement en cours", "signalements",
     difficultes_ouvertes, SOURCE_SIGNALEMENTS, "baisse",
     "Signalements des communes nouveaux, transmis à l'opérateur ou en cours de traitement."),
    ("connectivite.difficultes_resolues", "Difficultés de raccordement résolues", "signalements",
     difficultes_resolues, SOURCE_SIGNALEMENTS, "hausse",
     "Signalements des communes dont la difficulté a été résolue."),
]:  # fmt: skip
    declarer(Indicateur(code=code, libelle=libelle, unite=unite, niveaux=NIVEAUX, calcul=calcul,
                        source=source, sens=sens, description=description))  # fmt: skip
