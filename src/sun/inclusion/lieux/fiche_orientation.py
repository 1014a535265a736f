"""The desk orientation sheet, computed: for each place kept, its distance from the person's
commune, its next opening in the département's local time, the services that answer the
person's needs, what to bring, and a QR code to the place's public page.

The view gives the orientation, its places and how to build a place's public address; nothing
here renders a page.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time

import segno

from sun.core.geo import EARTH_RADIUS_M
from sun.core.horaires import JOURS, MOIS, Horaires, jours_groupes
from sun.core.text import heure, nombre
from sun.inclusion.lieux import orientation as o
from sun.inclusion.lieux.pieces_a_apporter import SOURCE_PIECES, Piece, pieces_a_apporter
from sun.inclusion.lieux.recherche import code_departement
from sun.inclusion.models import Lieu, Orientation
from sun.territoire.timezones import heure_locale

# Services of the standard in a few plain words, short enough for four places on one page.
LIBELLES_SERVICES = {
    "Aide aux démarches administratives": "Faire ses démarches en ligne",
    "Maîtrise des outils numériques du quotidien": "Utiliser un téléphone ou un ordinateur",
    "Insertion professionnelle via le numérique": "Chercher un emploi ou une formation",
    "Utilisation sécurisée du numérique": "Se protéger des arnaques",
    "Parentalité et éducation avec le numérique": "Les enfants, les écrans et l'école",
    "Loisirs et créations numériques": "Créer et se divertir",
    "Compréhension du monde numérique": "Comprendre le numérique",
    "Accès internet et matériel informatique": "Ordinateur et internet sur place",
    "Acquisition de matériel informatique à prix solidaire": "Un appareil à petit prix",
}


def distance_km(depart: tuple[float, float], arrivee: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points, in kilometres."""
    (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, p)) for p in (depart, arrivee))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a)) / 1000


def texte_distance(km: float) -> str:
    """« 0,4 km », « 3,2 km », « 12 km »: a decimal only where it helps."""
    return f"{nombre(km, 1)} km" if km < 10 else f"{nombre(round(km))} km"


def _jour(moment: datetime, maintenant: datetime) -> str:
    jour = f"{JOURS[moment.weekday()]} {moment.day} {MOIS[moment.month - 1]}"
    if moment.day == 1:
        jour = jour.replace(" 1 ", " 1er ")
    return f"aujourd'hui, {jour}" if moment.date() == maintenant.date() else jour


def _fin(fin: datetime | None) -> str:
    if fin is None:
        return ""
    return "minuit" if fin.time() == time(0, 0) else heure(fin.hour, fin.minute)


@dataclass(frozen=True)
class Ouverture:
    ouvert: bool
    phrase: str  # « Ouvert maintenant, jusqu'à 12 h » / « Prochaine ouverture : mardi 14 … »


def prochaine_ouverture(horaires: Horaires, maintenant: datetime) -> Ouverture | None:
    """Open now and until when, or the next opening with its day, date and hours; None
    without hours. `maintenant` is the naive local time of the place's département."""
    etat = horaires.etat(maintenant) if horaires else None
    if etat is None:
        return None
    changement = etat.prochain_changement
    if etat.ouvert:
        if changement is None:
            return Ouverture(True, "Ouvert maintenant, tous les jours à toute heure")
        quand = _fin(changement)
        if changement.date() != maintenant.date() and changement.time() != time(0, 0):
            quand = f"{_jour(changement, maintenant)} à {quand}"
        return Ouverture(True, f"Ouvert maintenant, jusqu'à {quand}")
    if changement is None:
        return Ouverture(False, "Pas d'ouverture prévue : appelez avant de vous déplacer")
    debut = heure(changement.hour, changement.minute)
    fin = _fin(horaires.etat(changement).prochain_changement)
    creneau = f"de {debut} à {fin}" if fin else f"à partir de {debut}"
    return Ouverture(False, f"Prochaine ouverture : {_jour(changement, maintenant)}, {creneau}")


@dataclass(frozen=True)
class ServiceCorrespondant:
    service: str  # label of the national standard
    libelle: str  # in the person's words
    demande: bool  # the person asked for it (not only inferred by the diagnostic)


def services_correspondants(
    services_du_lieu: list[str], services_qui_conviennent: list[str], besoins: list[str]
) -> list[ServiceCorrespondant]:
    """The place's services that fit the person, in the diagnostic's order (the request first)."""
    demandes = {o.BESOINS[b][1] for b in besoins if b in o.BESOINS}
    return [
        ServiceCorrespondant(s, LIBELLES_SERVICES.get(s, s), s in demandes)
        for s in services_qui_conviennent
        if s in services_du_lieu
    ]


def qr_svg(adresse: str) -> str:
    """An inline SVG QR code of `adresse`, sized by CSS, hidden from screen readers (the
    address is written next to it)."""
    svg = segno.make(adresse, error="m").svg_inline(border=4, omitsize=True, dark="#000")
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


@dataclass
class LieuPropose:
    numero: int
    lieu: Lieu
    distance_km: float | None
    ouverture: Ouverture | None
    jours: list[tuple[str, list[str]]]  # usual hours, consecutive days grouped
    services: list[ServiceCorrespondant]
    adresse_publique: str = ""
    qr: str = ""

    @property
    def distance(self) -> str:
        return "" if self.distance_km is None else texte_distance(self.distance_km)


# Type sizes of the printed sheet (fiche_styles.html) and the lines each holds on one page.
TAILLES = {"grande": 50, "normale": 55, "reduite": 62, "petite": math.inf}


@dataclass
class Fiche:
    orientation: Orientation
    origine: str  # the commune distances are measured from
    lieux: list[LieuPropose]
    pieces: list[Piece]
    calculee_le: datetime  # local time the openings refer to
    mises_a_jour: tuple[date, date] | None  # oldest and latest update of the places' data
    source_pieces: str = SOURCE_PIECES
    niveau: o.Niveau | None = field(default=None)

    @property
    def calculee_le_texte(self) -> str:
        """« 13 janvier 2026 à 10 h 05 »."""
        moment = self.calculee_le
        jour = "1er" if moment.day == 1 else str(moment.day)
        quand = heure(moment.hour, moment.minute)
        return f"{jour} {MOIS[moment.month - 1]} {moment.year} à {quand}"

    @property
    def lignes(self) -> float:
        """Rough number of lines of the printed sheet at the largest type (about 75 characters
        a line beside the QR codes), to choose the type size before rendering."""
        lignes = 3.0  # title, level, space
        for f in self.lieux:
            lieu = f.lieu
            adresse = (
                f"{lieu.adresse}, {lieu.complement_adresse}, {lieu.code_postal} {lieu.commune}"
            )
            services = sum(len(s.libelle) + 3 for s in f.services)
            lignes += 1.2 * math.ceil(len(lieu.nom) / 55) + math.ceil((len(adresse) + 30) / 75)
            lignes += 2 + math.ceil(len(f.jours) / 3) + math.ceil((services + 25) / 75) + 1.2
        if self.pieces:
            lignes += 2 + math.ceil(len(self.pieces) / 2)
        return lignes + 3  # the footer

    @property
    def taille(self) -> str:
        """The largest type size the sheet should fit one A4 page with (see TAILLES)."""
        return next((t for t, capacite in TAILLES.items() if self.lignes <= capacite), "petite")


def _departement(orientation: Orientation) -> str:
    commune = orientation.commune
    return code_departement(commune.code_insee) if commune else ""


def _point_de_depart(orientation: Orientation) -> tuple[float, float] | None:
    """The centre of the commune or former commune the person gave (the commune's town hall
    when its centre is unknown), as on search."""
    if orientation.depart_latitude is not None and orientation.depart_longitude is not None:
        return orientation.depart_latitude, orientation.depart_longitude
    commune = orientation.commune
    if commune is None:
        return None
    if commune.latitude is not None and commune.longitude is not None:
        return commune.latitude, commune.longitude
    mairie = getattr(commune, "mairie", None)
    if mairie is not None and mairie.latitude is not None:
        return mairie.latitude, mairie.longitude
    return None


def lieux_proposes(orientation: Orientation, lieux: list[Lieu], *, instant: datetime | None = None,
                   adresse_publique: Callable[[Lieu], str] | None = None) -> list[LieuPropose]:  # fmt: skip
    """Each place with its distance, next opening, usual hours and the services that fit;
    with its public address and QR code when `adresse_publique` is given."""
    depart = _point_de_depart(orientation)
    departement_personne = _departement(orientation)
    resultats = []
    for numero, lieu in enumerate(lieux, start=1):
        departement = code_departement(lieu.code_insee) if lieu.code_insee else ""
        moment = heure_locale(departement or departement_personne or "75", instant)
        horaires = Horaires(lieu.horaires) if lieu.horaires else None
        positionne = depart is not None and lieu.latitude is not None and lieu.longitude is not None
        adresse = adresse_publique(lieu) if adresse_publique else ""
        resultats.append(LieuPropose(
            numero, lieu,
            distance_km(depart, (lieu.latitude, lieu.longitude)) if positionne else None,
            prochaine_ouverture(horaires, moment) if horaires else None,
            jours_groupes(horaires.semaine_type()) if horaires else [],
            services_correspondants(lieu.services, orientation.services, orientation.besoins),
            adresse, qr_svg(adresse) if adresse else "",
        ))  # fmt: skip
    return resultats


def preparer_fiche(orientation: Orientation, lieux: list[Lieu], *, adresse_publique: Callable[[Lieu], str],
                   instant: datetime | None = None) -> Fiche:  # fmt: skip
    """Everything the printed sheet shows, computed at `instant` (now by default)."""
    dates = [lieu.date_maj for lieu in lieux]
    return Fiche(
        orientation=orientation,
        origine=orientation.origine,
        lieux=lieux_proposes(
            orientation, lieux, instant=instant, adresse_publique=adresse_publique
        ),
        pieces=pieces_a_apporter(orientation.besoins, orientation.services),
        calculee_le=heure_locale(_departement(orientation) or "75", instant),
        mises_a_jour=(min(dates), max(dates)) if dates else None,
        niveau=next((n for n in o.NIVEAUX if n.code == orientation.niveau), None),
    )
