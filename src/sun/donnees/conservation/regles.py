"""Reading a tableau de gestion (CSV or YAML, columns = the fields of RegleConservation) and
checking each rule: the same checks for a file and for the edit form. Pure: no write.

Accepted spellings: units « annees / an / ans / années / a », « mois / m », « jours / jour /
j »; final disposition « C / D / T » or « Conserver / Détruire / Trier »; starting point its
code or its label (« Clôture du dossier »). A period is a whole number, zero or more."""

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

import yaml

from sun.donnees.conservation import types
from sun.donnees.conservation.selection import APPLICABLES
from sun.donnees.models import PointDepart, SortFinal, Unite

COLONNES = ("code", "type_enregistrement", "typologie", "service", "processus", "dua_valeur",
            "dua_unite", "point_depart", "sort_final", "rgpd_valeur", "rgpd_unite",
            "modalites_tri", "observations", "reference", "communicabilite", "source",
            "valide_archives_le")  # fmt: skip
OBLIGATOIRES = ("code", "typologie", "dua_valeur", "point_depart", "sort_final")
LONGUEURS = {"code": 40, "type_enregistrement": 60, "typologie": 250, "service": 200,
             "processus": 200, "reference": 300, "communicabilite": 200, "source": 200}  # fmt: skip


def _cle(texte: str) -> str:
    sans_accents = unicodedata.normalize("NFKD", str(texte)).encode("ascii", "ignore").decode()
    return " ".join(sans_accents.lower().replace("'", " ").replace("’", " ").split())


UNITES = {**{k: Unite.ANNEES for k in ("annees", "annee", "an", "ans", "a", "an(s)", "year")},
          **{k: Unite.MOIS for k in ("mois", "m", "month")},
          **{k: Unite.JOURS for k in ("jours", "jour", "j", "jour(s)", "day")}}  # fmt: skip
SORTS = {"c": SortFinal.CONSERVER, "conserver": SortFinal.CONSERVER,
         "conservation": SortFinal.CONSERVER, "d": SortFinal.DETRUIRE,
         "detruire": SortFinal.DETRUIRE, "destruction": SortFinal.DETRUIRE,
         "t": SortFinal.TRIER, "trier": SortFinal.TRIER, "tri": SortFinal.TRIER}  # fmt: skip
POINTS = {**{_cle(v): v for v in PointDepart.values},
          **{_cle(lib): v for v, lib in PointDepart.choices},
          "cloture": PointDepart.CLOTURE, "creation": PointDepart.CREATION}  # fmt: skip


@dataclass
class LigneRefusee:
    ligne: int
    code: str
    raisons: list[str]

    def texte(self) -> str:
        qui = f" (règle « {self.code} »)" if self.code else ""
        return f"Ligne {self.ligne}{qui} : {' ; '.join(self.raisons)}."


@dataclass
class Lecture:
    regles: list[tuple[int, dict]] = field(default_factory=list)  # (line, checked values)
    refus: list[LigneRefusee] = field(default_factory=list)
    erreur: str = ""  # the file itself cannot be read


def _entier(valeur, libelle: str, raisons: list[str], obligatoire: bool) -> int | None:
    texte = "" if valeur is None else str(valeur).strip()
    if not texte:
        if obligatoire:
            raisons.append(f"{libelle} manquante")
        return None
    try:
        nombre = int(texte)
    except ValueError:
        raisons.append(f"{libelle} « {texte} » n'est pas un nombre entier")
        return None
    if nombre < 0:
        raisons.append(f"{libelle} négative ({nombre}) : une durée est positive ou nulle")
        return None
    return nombre


def _unite(valeur, defaut: str, libelle: str, raisons: list[str]) -> str:
    texte = _cle(valeur or "")
    if not texte:
        return defaut
    if texte in UNITES:
        return UNITES[texte]
    raisons.append(f"unité {libelle} inconnue : « {valeur} » (années, mois ou jours)")
    return defaut


def _date(valeur, raisons: list[str]) -> date | None:
    if isinstance(valeur, date):
        return valeur
    texte = str(valeur or "").strip()
    if not texte:
        return None
    for motif in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(texte, motif).date()
        except ValueError:
            continue
    raisons.append(f"date de validation par les Archives illisible : « {texte} » (AAAA-MM-JJ)")
    return None


def verifier(brut: dict) -> tuple[dict, list[str]]:
    """The values of one rule, checked: (values, reasons of refusal in French)."""
    raisons: list[str] = []
    d = {c: ("" if brut.get(c) is None else brut.get(c)) for c in COLONNES}
    texte = {c: str(d[c]).strip() for c in COLONNES}
    for c in ("code", "typologie"):
        if not texte[c]:
            raisons.append(f"{'identifiant' if c == 'code' else 'typologie'} manquant(e)")
    for c, n in LONGUEURS.items():
        if len(texte[c]) > n:
            raisons.append(f"{c} trop long ({len(texte[c])} caractères, {n} au plus)")
    valeurs = {c: texte[c] for c in ("code", "typologie", "service", "processus",
                                     "modalites_tri", "observations", "reference",
                                     "communicabilite", "source")}  # fmt: skip
    valeurs["dua_valeur"] = _entier(d["dua_valeur"], "durée d'utilité administrative", raisons,
                                    obligatoire=True)  # fmt: skip
    valeurs["dua_unite"] = _unite(d["dua_unite"], Unite.ANNEES, "de la DUA", raisons)
    valeurs["rgpd_valeur"] = _entier(d["rgpd_valeur"], "durée des données personnelles",
                                     raisons, obligatoire=False)  # fmt: skip
    valeurs["rgpd_unite"] = _unite(d["rgpd_unite"], Unite.MOIS, "des données personnelles",
                                   raisons)  # fmt: skip
    point = POINTS.get(_cle(texte["point_depart"]))
    if not texte["point_depart"]:
        raisons.append("point de départ manquant")
    elif point is None:
        raisons.append(f"point de départ inconnu : « {texte['point_depart']} » (attendu : "
                       f"{', '.join(lib for _, lib in PointDepart.choices)})")  # fmt: skip
    valeurs["point_depart"] = point or ""
    sort = SORTS.get(_cle(texte["sort_final"]))
    if not texte["sort_final"]:
        raisons.append("sort final manquant")
    elif sort is None:
        raisons.append(f"sort final inconnu : « {texte['sort_final']} » (C, D ou T ; Conserver, "
                       "Détruire ou Trier)")  # fmt: skip
    valeurs["sort_final"] = sort or ""
    type_code = texte["type_enregistrement"]
    if type_code and not types.existe(type_code):
        raisons.append(f"type d'enregistrement inconnu : « {type_code} » (types de SUN : "
                       f"{', '.join(types.codes())} ; vide pour un document que SUN ne tient "
                       "pas)")  # fmt: skip
    elif type_code and point and point not in APPLICABLES:
        raisons.append(f"le point de départ « {PointDepart(point).label} » ne se calcule pas sur "
                       "les enregistrements de SUN (création, clôture, fin d'exercice ou "
                       "dernière activité)")  # fmt: skip
    valeurs["type_enregistrement"] = type_code
    valeurs["valide_archives_le"] = _date(d["valide_archives_le"], raisons)
    return valeurs, raisons


def _lignes_csv(contenu: str) -> list[tuple[int, dict]]:
    premiere = contenu.splitlines()[0] if contenu.strip() else ""
    separateur = ";" if premiere.count(";") > premiere.count(",") else ","
    lecteur = csv.DictReader(io.StringIO(contenu), delimiter=separateur)
    manquantes = [c for c in OBLIGATOIRES if c not in (lecteur.fieldnames or [])]
    if manquantes:
        raise ValueError(f"colonnes obligatoires absentes de l'en-tête : {', '.join(manquantes)} "
                         f"(en-tête attendu : {','.join(COLONNES)})")  # fmt: skip
    return [(lecteur.line_num, ligne) for ligne in lecteur]


def _lignes_yaml(contenu: str) -> list[tuple[int, dict]]:
    donnees = yaml.safe_load(contenu) or []
    if isinstance(donnees, dict):
        donnees = donnees.get("regles", [])
    if not isinstance(donnees, list) or not all(isinstance(r, dict) for r in donnees):
        raise ValueError("le fichier YAML doit être une liste de règles (ou « regles: » suivi "
                         "d'une liste)")  # fmt: skip
    return [(i, r) for i, r in enumerate(donnees, start=1)]


def decoder(octets: bytes) -> str:
    for encodage in ("utf-8-sig", "cp1252"):
        try:
            return octets.decode(encodage)
        except UnicodeDecodeError:
            continue
    raise ValueError("encodage inconnu (UTF-8 ou Windows-1252 attendu)")


def lire(octets: bytes, nom: str = "") -> Lecture:
    """Read and check a whole file; every refused line with its number and reasons."""
    lecture = Lecture()
    try:
        contenu = decoder(octets)
        yaml_ = nom.lower().endswith((".yaml", ".yml"))
        lignes = _lignes_yaml(contenu) if yaml_ else _lignes_csv(contenu)
    except (ValueError, yaml.YAMLError, csv.Error) as exc:
        lecture.erreur = f"Fichier illisible : {exc}."
        return lecture
    if not lignes:
        lecture.erreur = "Le fichier ne contient aucune règle."
        return lecture
    vus: dict[str, int] = {}
    for numero, brut in lignes:
        valeurs, raisons = verifier(brut)
        code = valeurs["code"]
        if code in vus:
            raisons.append(f"identifiant déjà donné ligne {vus[code]}")
        elif code:
            vus[code] = numero
        if raisons:
            lecture.refus.append(LigneRefusee(numero, code, raisons))
        else:
            lecture.regles.append((numero, valeurs))
    return lecture
