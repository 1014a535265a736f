"""The results a service, or the département, publishes under Services Publics+ (engagement
6): every figure read from the indicator registry (`obtenir(code).calculer(niveau, code)`),
with its date, its source and its definition in plain words. A figure the registry does not
know, or cannot compute at this level, is « non mesuré »; a figure without enough real data is
« pas encore mesuré »; a count under 5 is not shown. Nothing is ever estimated or filled in,
and demonstration data never count (the registry leaves them out and says so in its note).

The figures are those of one year (`Periode.annee`, cut at today for the current year) for
every indicator computed over a period (`par_periode`); the others cover every real record
kept so far, and say so (`Chiffre.periode`)."""

from dataclasses import dataclass, field
from datetime import date

from sun.core import indicators as registre
from sun.core.indicators import Niveau, Periode
from sun.qualite.engagements.queries import SeuilsTelephone, seuils_telephone
from sun.relation.models import ServiceInstructeur

OBJECTIF_DECROCHE = 85

# (section code, title, indicator codes in order).
SECTIONS = (
    ("avis", "Votre avis sur nos services",
     ("qualite.satisfaction", "qualite.nombre_avis", "qualite.demarches_satisfaisantes",
      "qualite.simplicite_langage")),
    ("telephone", "Nous joindre par téléphone",
     ("qualite.taux_decroche", "qualite.attente_mediane")),
    ("demandes", "Le traitement de vos demandes",
     ("relation.part_dans_les_temps", "relation.delai_median", "relation.delai_p90",
      "relation.demandes")),
)  # fmt: skip

# What each figure means, for a resident (the registry's description otherwise).
DEFINITIONS = {
    "qualite.satisfaction": "Note moyenne donnée à la question « De façon générale, comment ça "
    "s'est passé ? » : « Très bien » compte 10, « Moyen » 5 et « Pas bien » 0, comme dans "
    "l'observatoire de l'État (« Je donne mon avis »).",
    "qualite.nombre_avis": "Nombre de réponses au questionnaire de satisfaction, sur le site, "
    "sur les tablettes des accueils et par « Je donne mon avis ».",
    "qualite.demarches_satisfaisantes": "Parmi les démarches en ligne qui ont reçu au moins "
    "5 avis, part de celles dont la note de satisfaction atteint au moins 8 sur 10.",
    "qualite.taux_decroche": "Sur 100 appels qui attendaient la réponse d'un agent, nombre "
    "d'appels décrochés par un agent. Ne comptent pas : les appels arrivés en dehors des "
    "horaires d'ouverture et ceux traités entièrement par le serveur vocal.",
    "relation.part_dans_les_temps": "Sur 100 demandes décidées, nombre de demandes décidées "
    "dans le délai prévu par la loi ou annoncé pour la démarche.",
    "relation.delai_median": "La moitié des demandes décidées l'ont été en moins de ce nombre "
    "de jours, depuis leur réception.",
    "relation.delai_p90": "9 demandes décidées sur 10 l'ont été en moins de ce nombre de jours, "
    "depuis leur réception.",
    "relation.demandes": "Demandes reçues par tous les canaux (en ligne, téléphone, guichet, "
    "courrier, courriel) et enregistrées au registre.",
}
# Figures other wings may declare later: until then, named and said « non mesuré ».
ATTENDUS = {
    "qualite.simplicite_langage": "Simplicité du langage",
    "qualite.attente_mediane": "Temps d'attente médian au téléphone",
}
SINGULIERS = {"jours": "jour", "demandes": "demande"}
# Counts of people: under 5, not shown.
COMPTES_DE_PERSONNES = {"qualite.nombre_avis", "relation.demandes"}


class Etat:
    MESURE = "mesure"
    NON_MESURE = "non_mesure"  # no such indicator (yet), or not at this level
    PAS_ENCORE = "pas_encore"  # no (or too few) real data
    MOINS_DE_5 = "moins_de_5"


@dataclass(frozen=True)
class Chiffre:
    code: str
    libelle: str
    valeur: float | int | None
    unite: str
    date: date | None
    source: str
    definition: str
    note: str
    etat: str
    sens: str = ""
    periode: Periode | None = None  # None: over every real record kept so far

    @property
    def mesure(self) -> bool:
        return self.etat == Etat.MESURE

    @property
    def demonstration(self) -> bool:
        return "démonstration" in self.note

    @property
    def texte(self) -> str:
        """« 7,8 sur 10 », « 82,5 % », « 12 jours », or what stands instead of a value."""
        if self.etat == Etat.NON_MESURE:
            return "non mesuré"
        if self.etat == Etat.MOINS_DE_5:
            return "non affiché (moins de 5)"
        if self.valeur is None:
            return "pas encore mesuré"
        unite = self.unite
        if abs(self.valeur) < 2:
            unite = SINGULIERS.get(unite, unite)
        return nombre(self.valeur) + {"%": " %", "/10": " sur 10"}.get(unite, f" {unite}")

    @property
    def explication(self) -> str:
        """Why there is no value, in plain words (empty when there is one)."""
        if self.etat == Etat.NON_MESURE:
            return "SUN ne mesure pas encore ce chiffre pour ce service."
        if self.etat == Etat.MOINS_DE_5:
            return "Moins de 5 : le chiffre n'est pas affiché, pour que personne ne soit reconnu."
        if self.valeur is None:
            if self.demonstration:
                return ("Trop peu de données réelles pour l'instant ; les données de "
                        "démonstration présentes ne sont jamais comptées.")  # fmt: skip
            return "Trop peu de données réelles pour l'instant."
        return ""


def nombre(valeur: float | int) -> str:
    """French writing: decimal comma, narrow no-break space between thousands."""
    if isinstance(valeur, float) and valeur.is_integer():
        valeur = int(valeur)
    texte = f"{valeur:,}" if isinstance(valeur, int) else f"{valeur:,.1f}"
    return texte.replace(",", "\u202f").replace(".", ",")


def _moins_de_5(v: registre.Valeur) -> bool:
    if v.valeur is None:
        return "moins de 5" in v.note.lower()
    return 0 < v.valeur < 5


def chiffre(code: str, niveau: Niveau, code_niveau: str, periode: Periode | None = None) -> Chiffre:
    """One figure read from the registry, never raising: unknown → « non mesuré ». Over
    `periode` when the indicator is computed over a period, else over all the data."""
    try:
        indicateur = registre.obtenir(code)
    except registre.IndicateurInconnu:
        return Chiffre(code, ATTENDUS.get(code, code), None, "", None, "", "", "",
                       Etat.NON_MESURE)  # fmt: skip
    definition = DEFINITIONS.get(code, indicateur.description)
    vide = Chiffre(code, indicateur.libelle, None, indicateur.unite, None, indicateur.source,
                   definition, "", Etat.NON_MESURE, indicateur.sens)  # fmt: skip
    periode = periode if indicateur.par_periode else None
    try:
        v = indicateur.calculer(niveau, code_niveau, periode)
    except registre.NiveauNonCalcule:
        return vide
    etat = Etat.MESURE if v.valeur is not None else Etat.PAS_ENCORE
    if v.valeur is None and "moins de 5" in v.note.lower():
        etat = Etat.MOINS_DE_5  # a share or a delay over fewer than 5 people
    elif code in COMPTES_DE_PERSONNES and _moins_de_5(v):
        etat = Etat.MOINS_DE_5
    elif code in COMPTES_DE_PERSONNES and v.valeur == 0:
        etat = Etat.PAS_ENCORE  # nothing recorded yet is not a result
    valeur = v.valeur if etat == Etat.MESURE else None
    return Chiffre(code, indicateur.libelle, valeur, indicateur.unite, v.date,
                   v.source or indicateur.source, definition, v.note, etat,
                   indicateur.sens, periode)  # fmt: skip


@dataclass
class Section:
    code: str
    titre: str
    chiffres: list[Chiffre]


@dataclass
class Resultats:
    service: ServiceInstructeur | None
    calcule_le: date
    periode: Periode
    sections: list[Section]
    telephone: SeuilsTelephone
    par_service: list["LigneService"] = field(default_factory=list)

    def chiffre(self, code: str) -> Chiffre | None:
        for section in self.sections:
            for c in section.chiffres:
                if c.code == code:
                    return c
        return None

    @property
    def chiffres(self) -> list[Chiffre]:
        return [c for s in self.sections for c in s.chiffres]

    @property
    def aucun_chiffre_reel(self) -> bool:
        return not any(c.mesure for c in self.chiffres)

    @property
    def demonstration_seule(self) -> bool:
        """Nothing real is measured, but demonstration data exist (and are not counted)."""
        return self.aucun_chiffre_reel and any(c.demonstration for c in self.chiffres)

    @property
    def seuil_abandon(self) -> str:
        """The pick-up rate's exclusion of very short abandons, in plain words."""
        seuils = self.telephone.abandon_court_s
        if not seuils:
            return ""
        if seuils == (0,):
            return "Tous les appels raccrochés en attente sont comptés comme non décrochés."
        if len(seuils) == 1:
            return (f"Un appel raccroché après moins de {seuils[0]} secondes d'attente n'est "
                    "pas compté : la personne a souvent fait une erreur de numéro.")  # fmt: skip
        return (f"Un appel raccroché après moins de {seuils[0]} à {seuils[-1]} secondes "
                "d'attente, selon la ligne, n'est pas compté.")  # fmt: skip


@dataclass(frozen=True)
class LigneService:
    service: ServiceInstructeur
    satisfaction: Chiffre
    taux_decroche: Chiffre
    part_dans_les_temps: Chiffre


def _sections(niveau: Niveau, code: str, periode: Periode) -> list[Section]:
    return [Section(s, titre, [chiffre(c, niveau, code, periode) for c in codes])
            for s, titre, codes in SECTIONS]  # fmt: skip


def periode_de(annee: int | None, aujourd_hui: date) -> Periode:
    """The year published (default: the current one), cut at today while it runs."""
    return Periode.annee(annee or aujourd_hui.year, jusqu_au=aujourd_hui)


def resultats_service(
    service: ServiceInstructeur, aujourd_hui: date, annee: int | None = None
) -> Resultats:
    periode = periode_de(annee, aujourd_hui)
    return Resultats(service, aujourd_hui, periode,
                     _sections(Niveau.SERVICE, service.code, periode),
                     seuils_telephone(service.code))  # fmt: skip


def resultats_departement(
    code_departement: str, services: list[ServiceInstructeur], aujourd_hui: date,
    annee: int | None = None,
) -> Resultats:  # fmt: skip
    """The département's figures, and the three headline figures of each service."""
    periode = periode_de(annee, aujourd_hui)
    lignes = [
        LigneService(
            s,
            chiffre("qualite.satisfaction", Niveau.SERVICE, s.code, periode),
            chiffre("qualite.taux_decroche", Niveau.SERVICE, s.code, periode),
            chiffre("relation.part_dans_les_temps", Niveau.SERVICE, s.code, periode),
        )
        for s in services
    ]
    return Resultats(None, aujourd_hui, periode,
                     _sections(Niveau.DEPARTEMENT, code_departement, periode),
                     seuils_telephone(), lignes)  # fmt: skip
