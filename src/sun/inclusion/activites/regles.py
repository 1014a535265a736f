"""Activity records: one set of rules for the quick form, the CSV template and La Coop's API.

Every entry path hands `valider` a dict keyed by La Coop's API attribute names (plus the
counters of anonymous participants); `valider` applies La Coop's rules and returns clean values
or the list of problems (field, value, reason) in French.
`sun.inclusion.activites.services.enregistrer_activite` writes them.
"""

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from sun.inclusion.activites import coop
from sun.inclusion.models import Lieu, Mediateur, SourceLieu
from sun.territoire.models import Commune

DUREE_MAX = 24 * 60 - 1  # La Coop: hours 0–23 and minutes 0–59
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
PROBLEME = tuple[str, str, str]  # field, value, reason


@dataclass
class Correspondances:
    """What one import looks up again and again, read once: La Coop's structure ids found in
    the register, and communes by INSEE code."""

    lieux_coop: dict[str, Lieu] | None = None
    communes: dict[str, Commune | None] = field(default_factory=dict)

    def lieu_coop(self, identifiant: str) -> Lieu | None:
        if self.lieux_coop is None:
            self.lieux_coop = _lieux_coop()
        lieu = self.lieux_coop.get(identifiant)
        if lieu is None and UUID.fullmatch(identifiant):  # a place id exported by SUN
            lieu = Lieu.objects.filter(pk=identifiant).first()
        return lieu

    def commune(self, code_insee: str) -> Commune | None:
        if code_insee not in self.communes:
            self.communes[code_insee] = Commune.objects.filter(code_insee=code_insee).first()
        return self.communes[code_insee]


@dataclass
class Verification:
    valeurs: dict = field(default_factory=dict)
    problemes: list[PROBLEME] = field(default_factory=list)
    avertissements: list[PROBLEME] = field(default_factory=list)

    def refuser(self, champ: str, valeur, raison: str) -> None:
        self.problemes.append((champ, "" if valeur is None else str(valeur)[:200], raison))


def _code(choix, valeur, champ: str, v: Verification, obligatoire: bool = False) -> str:
    """A value of a La Coop enumeration, given as its code or its French label."""
    texte = str(valeur or "").strip()
    if not texte:
        if obligatoire:
            v.refuser(champ, valeur, "valeur obligatoire")
        return ""
    libelles = {str(libelle).casefold(): code for code, libelle in choix}
    codes = {code for code, _ in choix}
    if texte in codes:
        return texte
    if texte.casefold() in libelles:
        return libelles[texte.casefold()]
    v.refuser(champ, valeur, "valeur inconnue (attendu : " + ", ".join(sorted(codes)) + ")")
    return ""


def _liste(valeur) -> list[str]:
    if valeur is None or valeur == "":
        return []
    if isinstance(valeur, list | tuple):
        return [str(x).strip() for x in valeur if str(x).strip()]
    return [x.strip() for x in str(valeur).split("|") if x.strip()]


def _codes(choix: dict[str, str], valeur, champ: str, v: Verification) -> list[str]:
    resultat = []
    for element in _liste(valeur):
        code = _code(choix.items(), element, champ, v)
        if code and code not in resultat:
            resultat.append(code)
    return resultat


def _entier(valeur, champ: str, v: Verification, minimum: int = 0, maximum: int | None = None):
    if valeur is None or valeur == "":
        return None
    try:
        nombre = float(str(valeur).replace(",", "."))
    except ValueError:
        v.refuser(champ, valeur, "nombre entier attendu")
        return None
    if nombre != int(nombre) or nombre < minimum or (maximum is not None and nombre > maximum):
        borne = (
            f" entre {minimum} et {maximum}" if maximum is not None else f" d'au moins {minimum}"
        )
        v.refuser(champ, valeur, f"nombre entier{borne} attendu")
        return None
    return int(nombre)


def _booleen(valeur, champ: str, v: Verification) -> bool | None:
    if valeur is None or valeur == "":
        return None
    if isinstance(valeur, bool):
        return valeur
    texte = str(valeur).strip().casefold()
    if texte in ("oui", "true", "1", "vrai"):
        return True
    if texte in ("non", "false", "0", "faux"):
        return False
    v.refuser(champ, valeur, "oui ou non attendu")
    return None


def _instant(valeur, champ: str, v: Verification) -> datetime | None:
    if valeur in (None, ""):
        return None
    moment = parse_datetime(str(valeur))
    if moment is None:
        v.refuser(champ, valeur, "date et heure ISO 8601 attendues (2025-09-01T10:00:00Z)")
        return None
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def valider(
    donnees: dict, aujourd_hui: date | None = None, correspondances: Correspondances | None = None
) -> Verification:
    """La Coop's rules (CraValidation, CraIndividuel/CollectifValidation), in French."""
    v = Verification()
    correspondances = correspondances or Correspondances()
    aujourd_hui = aujourd_hui or timezone.localdate()
    type_brut = str(donnees.get("type") or "").strip()
    thematiques = _codes(coop.THEMATIQUES, donnees.get("thematiques"), "thematiques", v)
    if type_brut == coop.TYPE_DEMARCHE_ANCIEN:
        type_activite = coop.TypeActivite.INDIVIDUEL
        if "aide_aux_demarches_administratives" not in thematiques:
            thematiques.insert(0, "aide_aux_demarches_administratives")
    else:
        type_activite = _code(coop.TypeActivite.choices, type_brut, "type", v, obligatoire=True)
    if not thematiques and not any(p[0] == "thematiques" for p in v.problemes):
        v.refuser("thematiques", donnees.get("thematiques"), "au moins une thématique")

    texte_date = str(donnees.get("date") or "").strip()
    jour = (
        parse_date(texte_date[:10]) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", texte_date[:10]) else None
    )
    if jour is None:
        v.refuser("date", texte_date, "date obligatoire au format AAAA-MM-JJ")
    elif jour > aujourd_hui:
        v.refuser("date", texte_date, "date dans le futur")
    duree = _entier(donnees.get("duree"), "duree", v, minimum=1, maximum=DUREE_MAX)
    if duree is None and not any(p[0] == "duree" for p in v.problemes):
        v.refuser("duree", donnees.get("duree"), "durée obligatoire, en minutes")

    type_lieu = _code(
        coop.TypeLieu.choices, donnees.get("type_lieu"), "type_lieu", v, obligatoire=True
    )
    lieu, commune = _ou(donnees, type_lieu, v, correspondances)

    accompagnements = _entier(donnees.get("accompagnements"), "accompagnements", v, minimum=1)
    if type_activite == coop.TypeActivite.INDIVIDUEL:
        if accompagnements not in (None, 1):
            v.refuser(
                "accompagnements",
                accompagnements,
                "un accompagnement individuel concerne une personne",
            )
        accompagnements = 1
    elif (
        type_activite
        and accompagnements is None
        and not any(p[0] == "accompagnements" for p in v.problemes)
    ):
        v.refuser("accompagnements", donnees.get("accompagnements"), "nombre de participants obligatoire pour un atelier")  # fmt: skip
    public = _public(donnees, accompagnements or 0, v)
    deja = _entier(donnees.get("deja_accompagnes"), "deja_accompagnes", v) or 0
    if accompagnements and deja > accompagnements:
        v.refuser("deja_accompagnes", deja, f"plus que les {accompagnements} participant(s)")

    v.valeurs = {
        "type": type_activite, "date": jour, "duree": duree, "type_lieu": type_lieu,
        "lieu": lieu, "commune": commune,
        "lieu_code_insee": str(donnees.get("lieu_code_insee") or "").strip()[:5],
        "lieu_code_postal": str(donnees.get("lieu_code_postal") or "").strip()[:5],
        "lieu_commune": str(donnees.get("lieu_commune") or "").strip()[:100],
        "structure_coop_id": str(donnees.get("structure_id") or "").strip()[:36],
        "thematiques": thematiques,
        "materiel": _codes(coop.MATERIEL, donnees.get("materiel"), "materiel", v),
        "tags": [t[:100] for t in _liste(donnees.get("tags"))],
        "autonomie": _code(coop.Autonomie.choices, donnees.get("autonomie"), "autonomie", v),
        "oriente_vers_structure": _booleen(donnees.get("oriente_vers_structure"), "oriente_vers_structure", v),
        "structure_de_redirection": _code(coop.StructureDeRedirection.choices,
                                          donnees.get("structure_de_redirection"), "structure_de_redirection", v),
        "precisions_demarche": str(donnees.get("precisions_demarche") or "").strip()[:500],
        "titre_atelier": str(donnees.get("titre_atelier") or "").strip()[:200],
        "niveau_atelier": _code(coop.NiveauAtelier.choices, donnees.get("niveau_atelier"), "niveau_atelier", v),
        "accompagnements": accompagnements, "deja_accompagnes": deja, **public,
        "creation": _instant(donnees.get("creation"), "creation", v),
        "modification": _instant(donnees.get("modification"), "modification", v),
    }  # fmt: skip
    if type_activite == coop.TypeActivite.COLLECTIF and v.valeurs["autonomie"]:
        v.refuser(
            "autonomie",
            v.valeurs["autonomie"],
            "l'autonomie ne concerne que l'accompagnement individuel",
        )
    if type_activite == coop.TypeActivite.INDIVIDUEL and (
        v.valeurs["titre_atelier"] or v.valeurs["niveau_atelier"]
    ):
        v.refuser("titre_atelier", v.valeurs["titre_atelier"], "titre et niveau ne concernent que les ateliers collectifs")  # fmt: skip
    return v


def _lieux_coop() -> dict[str, Lieu]:
    """La Coop's structure ids found in the register (national ids « Coop-numérique_<uuid> »)."""
    correspondance = {}
    for identifiant, lieu_id in SourceLieu.objects.filter(identifiant__icontains="coop").values_list("identifiant", "lieu_id"):  # fmt: skip
        for trouve in UUID.findall(identifiant):
            correspondance[trouve.lower()] = lieu_id
    lieux = Lieu.objects.in_bulk(set(correspondance.values()))
    return {cle: lieux[pk] for cle, pk in correspondance.items() if pk in lieux}


def _ou(
    donnees: dict, type_lieu: str, v: Verification, correspondances: Correspondances
) -> tuple[Lieu | None, Commune | None]:
    """The place (for a lieu d'activité) and the commune the activity counts in."""
    lieu = donnees.get("lieu")
    if lieu is None and donnees.get("structure_id"):
        identifiant = str(donnees["structure_id"]).strip().lower()
        lieu = correspondances.lieu_coop(identifiant)
        if lieu is None:
            v.avertissements.append(("structure_id", identifiant, "lieu inconnu du registre : l'activité est comptée sans commune"))  # fmt: skip
    if (
        type_lieu == coop.TypeLieu.LIEU_ACTIVITE
        and lieu is None
        and not donnees.get("structure_id")
    ):
        v.refuser("structure_id", "", "le lieu d'activité est obligatoire")
    code = str(donnees.get("lieu_code_insee") or "").strip().upper()
    commune = None
    if code:
        commune = correspondances.commune(code)
        if commune is None:
            v.refuser("lieu_code_insee", code, "code INSEE inconnu")
    elif type_lieu in (coop.TypeLieu.DOMICILE, coop.TypeLieu.AUTRE):
        v.refuser("lieu_code_insee", "", "la commune est obligatoire pour une activité à domicile ou dans un autre lieu")  # fmt: skip
    if commune is None and lieu is not None:
        commune = lieu.commune_ref
    return lieu, commune


def _public(donnees: dict, total: int, v: Verification) -> dict[str, int]:
    """Counters per category; what is not given counts as « non communiqué », so that each
    category adds up to the number of participants."""
    valeurs = {}
    for prefixe, categories, titre in coop.CATEGORIES_PUBLIC:
        somme = 0
        for suffixe, *_ in categories:
            nom = f"{prefixe}_{suffixe}"
            nombre = _entier(donnees.get(nom), nom, v) or 0
            valeurs[nom] = nombre
            somme += nombre
        if somme > total:
            v.refuser(
                prefixe, somme, f"{titre} : {somme} personnes comptées pour {total} participant(s)"
            )
        else:
            valeurs[f"{prefixe}_non_communique"] += total - somme
    return valeurs


def mediateur_coop(identifiant: str) -> Mediateur | None:
    if not identifiant or not UUID.fullmatch(identifiant):
        return None
    return Mediateur.objects.filter(coop_id=uuid.UUID(identifiant)).first()
