"""The period of the telephone figures: a month, a quarter, a year or two dates, read from a
query string. Bad input is reported in French and replaced by the default (the year of the
latest call); what was typed is kept for the form."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.dateparse import parse_date

MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]  # fmt: skip
TYPES = (("mois", "Un mois"), ("trimestre", "Un trimestre"), ("annee", "Une année"),
         ("dates", "Entre deux dates"))  # fmt: skip
DUREE_MAX_JOURS = 5 * 366


def fin_du_mois(jour: date) -> date:
    suivant = (jour.replace(day=28) + timedelta(days=4)).replace(day=1)
    return suivant - timedelta(days=1)


def mois_precedent(jour: date, nombre: int) -> date:
    """The first day of the month `nombre` months before `jour`'s."""
    total = jour.year * 12 + jour.month - 1 - nombre
    return date(total // 12, total % 12 + 1, 1)


@dataclass
class Periode:
    type: str
    du: date
    au: date
    saisie: dict = field(default_factory=dict)
    erreurs: list[str] = field(default_factory=list)

    @property
    def libelle(self) -> str:
        if self.type == "mois":
            return f"{MOIS[self.du.month - 1]} {self.du.year}"
        if self.type == "trimestre":
            return f"{(self.du.month - 1) // 3 + 1}ᵉ trimestre {self.du.year}"
        if self.type == "annee":
            return f"année {self.du.year}"
        return f"du {self.du:%d/%m/%Y} au {self.au:%d/%m/%Y}"

    def cle(self) -> str:
        return f"{self.du.isoformat()}|{self.au.isoformat()}"

    def requete(self) -> str:
        """The query string that gives this period back (links, CSV)."""
        if self.type == "mois":
            return f"periode=mois&mois={self.du:%Y-%m}"
        if self.type == "trimestre":
            return (
                f"periode=trimestre&annee={self.du.year}&trimestre={(self.du.month - 1) // 3 + 1}"
            )
        if self.type == "annee":
            return f"periode=annee&annee={self.du.year}"
        return f"periode=dates&du={self.du.isoformat()}&au={self.au.isoformat()}"

    def debut_tendance(self) -> date:
        """The trend shows the 12 months up to the period's end, or the whole period if longer."""
        return min(self.du.replace(day=1), mois_precedent(self.au, 11))

    def jours_de_semaine(self, premier: date | None, dernier: date | None) -> dict[int, int]:
        """{weekday (1 = Monday): how many such days} between the period's bounds clipped to
        the first and last day with calls (no average over days before the data began)."""
        du = max(self.du, premier) if premier else self.du
        au = min(self.au, dernier) if dernier else self.au
        comptes = dict.fromkeys(range(1, 8), 0)
        if au < du:
            return comptes
        total = (au - du).days + 1
        semaines, reste = divmod(total, 7)
        for j in range(1, 8):
            comptes[j] = semaines
        for k in range(reste):
            comptes[(du + timedelta(days=k)).isoweekday()] += 1
        return comptes


def _jour(texte: str) -> date | None:
    """A date typed AAAA-MM-JJ, None if it is not one (« 2024-13-01 » included)."""
    try:
        return parse_date(texte) if texte else None
    except ValueError:
        return None


def _annee(texte: str) -> int | None:
    texte = texte.strip()
    return int(texte) if texte.isdigit() and 2000 <= int(texte) <= 2100 else None


def lire(donnees, reference: date) -> Periode:
    """The period asked for in `donnees` (a QueryDict or dict); `reference` (the latest call's
    day, or today) gives the default year."""
    saisie = {c: str(donnees.get(c, ""))[:20] for c in ("periode", "mois", "annee", "trimestre",
                                                         "du", "au")}  # fmt: skip
    defaut = Periode("annee", date(reference.year, 1, 1), date(reference.year, 12, 31), saisie)
    type_ = saisie["periode"].strip() or "annee"
    if type_ not in dict(TYPES):
        defaut.erreurs.append("Type de période inconnu : année de l'appel le plus récent affichée.")
        return defaut
    annee = _annee(saisie["annee"]) if saisie["annee"].strip() else reference.year
    if type_ == "annee":
        if annee is None:
            defaut.erreurs.append(f"Année « {saisie['annee']} » non reconnue (2000 à 2100).")
            return defaut
        return Periode("annee", date(annee, 1, 1), date(annee, 12, 31), saisie)
    if type_ == "trimestre":
        t = saisie["trimestre"].strip() or str((reference.month - 1) // 3 + 1)
        if annee is None or t not in {"1", "2", "3", "4"}:
            defaut.erreurs.append("Trimestre non reconnu : choisissez une année et un trimestre "
                                  "de 1 à 4.")  # fmt: skip
            return defaut
        du = date(annee, 3 * int(t) - 2, 1)
        return Periode("trimestre", du, fin_du_mois(date(annee, 3 * int(t), 1)), saisie)
    if type_ == "mois":
        texte = saisie["mois"].strip() or f"{reference:%Y-%m}"
        jour = _jour(f"{texte}-01") if len(texte) == 7 else None
        if jour is None or not 2000 <= jour.year <= 2100:
            defaut.erreurs.append(f"Mois « {texte} » non reconnu : utilisez le format AAAA-MM.")
            return defaut
        return Periode("mois", jour, fin_du_mois(jour), saisie)
    bornes = []
    for nom, libelle in (("du", "début"), ("au", "fin")):
        texte = saisie[nom].strip()
        jour = _jour(texte)
        if jour is None:
            defaut.erreurs.append(f"Date de {libelle} « {texte} » non reconnue : utilisez le "
                                  "format AAAA-MM-JJ.")  # fmt: skip
        bornes.append(jour)
    if None in bornes:
        return defaut
    du, au = bornes
    if au < du:
        defaut.erreurs.append("La fin de la période précède son début.")
        return defaut
    if (au - du).days > DUREE_MAX_JOURS:
        defaut.erreurs.append("Période de plus de cinq ans : choisissez une période plus courte.")
        return defaut
    return Periode("dates", du, au, saisie)
