"""The checks of an actor of the repair chain, shared by the agent forms (services) and the
CSV import: each refusal names its field and says in French what to write instead.

- SIRET: 14 digits with a valid Luhn key (INSEE's exception for La Poste);
- phone: normalised to +33… (`sun.core.telephone`); an unreadable number is refused;
- hours: an OpenStreetMap `opening_hours` expression, normalised (`sun.core.horaires`);
- commune: a name or an INSEE code (with the postcode to choose between namesakes), or the
  postcode alone when it is a single commune's; its centre gives the position when none is
  given;
- at least one activity among `Activite`; latitude and longitude together and in range."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from sun.core.horaires import HorairesInvalides, normaliser
from sun.core.identifiants import luhn
from sun.core.telephone import international
from sun.core.text import normaliser_recherche
from sun.parc.models import Activite

LABELS_CONNUS = ("QualiRépar", "ESUS", "Répar'acteurs", "Entreprise adaptée", "Emmaüs")
LONGUEURS = {"nom": 200, "adresse": 250, "description": 2000, "horaires": 250}
CODE_INSEE = re.compile(r"^(\d{5}|2[AB]\d{3})$")
CODE_POSTAL = re.compile(r"^\d{5}$")


class RefusReparateur(ValueError):
    """A refusal of the repair directory: `message` in French, `champ` the field at fault."""

    def __init__(self, message: str, champ: str = ""):
        super().__init__(message)
        self.champ = champ


@dataclass(frozen=True)
class CommuneLegere:
    pk: int
    code_insee: str
    nom: str
    codes_postaux: tuple[str, ...]
    latitude: float | None
    longitude: float | None
    departement: str


class Repertoire:
    """Communes to resolve actors against: all of them (the import reads them once), or the
    few candidates of one actor (`pour`)."""

    def __init__(self, lignes):
        self.par_code, self.par_nom, self.par_postal = {}, {}, {}
        for ligne in lignes:
            c = CommuneLegere(ligne[0], ligne[1], ligne[2], tuple(ligne[3] or ()), *ligne[4:7])
            self.par_code[c.code_insee] = c
            self.par_nom.setdefault(normaliser_recherche(c.nom), []).append(c)
            for cp in c.codes_postaux:
                self.par_postal.setdefault(cp, []).append(c)

    CHAMPS = ("pk", "code_insee", "nom", "codes_postaux", "latitude", "longitude",
              "departement__code")  # fmt: skip

    @classmethod
    def complet(cls) -> "Repertoire":
        from sun.territoire.models import Commune

        return cls(Commune.objects.values_list(*cls.CHAMPS).iterator())

    @classmethod
    def pour(cls, texte: str, code_postal: str) -> "Repertoire":
        from django.db.models import Q

        from sun.territoire.models import Commune

        filtre = Q(pk__in=[])
        texte = (texte or "").strip()
        if CODE_INSEE.match(texte.upper()):
            filtre |= Q(code_insee=texte.upper())
        elif texte:
            filtre |= Q(cle_recherche__startswith=normaliser_recherche(texte) + " ")
        if code_postal:
            filtre |= Q(cle_recherche__contains=f" {code_postal}")
        return cls(Commune.objects.filter(filtre).values_list(*cls.CHAMPS))

    def trouver(self, texte: str, code_postal: str) -> CommuneLegere:
        """The commune `texte` (name or INSEE code) and `code_postal` designate, or a
        RefusReparateur saying why none or several."""
        texte = (texte or "").strip()
        if CODE_INSEE.match(texte.upper()):
            commune = self.par_code.get(texte.upper())
            if commune is None:
                raise RefusReparateur(f"Aucune commune n'a le code INSEE « {texte} ».", "commune")
            return commune
        if texte:
            candidates = self.par_nom.get(normaliser_recherche(texte), [])
            if code_postal and len(candidates) > 1:
                candidates = [c for c in candidates if code_postal in c.codes_postaux]
            if len(candidates) == 1:
                return candidates[0]
            if not candidates:
                raise RefusReparateur(f"Commune inconnue : « {texte} » (écrivez son nom complet "
                                      "ou son code INSEE).", "commune")  # fmt: skip
            raise RefusReparateur(f"Plusieurs communes s'appellent « {texte} » : précisez le "
                                  "code postal ou le code INSEE.", "commune")  # fmt: skip
        candidates = self.par_postal.get(code_postal, []) if code_postal else []
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            raise RefusReparateur(f"Le code postal {code_postal} est celui de {len(candidates)} "
                                  "communes : précisez la commune.", "commune")  # fmt: skip
        raise RefusReparateur("Indiquez la commune de l'acteur (son nom ou son code INSEE).",
                              "commune")  # fmt: skip


def siret(valeur: str) -> str:
    brut = re.sub(r"[\s.]", "", valeur or "")
    if not brut:
        return ""
    if not (brut.isdigit() and len(brut) == 14):
        raise RefusReparateur(f"SIRET « {valeur} » : 14 chiffres attendus.", "siret")
    if not luhn(brut):
        raise RefusReparateur(f"SIRET « {valeur} » invalide (clé de contrôle) : vérifiez-le sur "
                              "l'annuaire des entreprises.", "siret")  # fmt: skip
    return brut


def telephone(valeur: str) -> str:
    if not (valeur or "").strip():
        return ""
    numero = international(valeur)
    if numero is None:
        raise RefusReparateur(f"Téléphone « {valeur} » illisible : écrivez un numéro français "
                              "à 10 chiffres (04 68 11 20 30).", "telephone")  # fmt: skip
    return numero


def horaires(valeur: str) -> str:
    if not (valeur or "").strip():
        return ""
    try:
        return normaliser(valeur.strip())
    except HorairesInvalides as exc:
        raise RefusReparateur(f"Horaires : {exc} ; format OpenStreetMap attendu, par exemple "
                              "« Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00 ».",
                              "horaires") from exc  # fmt: skip


def activites(valeurs) -> list[str]:
    connues = {a.value: a.value for a in Activite} | {
        normaliser_recherche(a.label): a.value for a in Activite
    }
    resultat = []
    for valeur in valeurs or []:
        cle = valeur.strip() if valeur.strip() in connues else normaliser_recherche(valeur)
        if cle not in connues:
            raise RefusReparateur(f"Activité inconnue « {valeur} » : "
                                  + ", ".join(a.value for a in Activite) + ".",
                                  "activites")  # fmt: skip
        if connues[cle] not in resultat:
            resultat.append(connues[cle])
    if not resultat:
        raise RefusReparateur("Indiquez au moins une activité (réparation, reconditionnement…).",
                              "activites")  # fmt: skip
    return [a.value for a in Activite if a.value in resultat]  # in the order of Activite


def labels(valeurs) -> list[str]:
    connus = {normaliser_recherche(label): label for label in LABELS_CONNUS}
    resultat = []
    for valeur in valeurs or []:
        texte = valeur.strip()
        if len(texte) > 60:
            raise RefusReparateur(f"Label trop long (60 caractères au plus) : « {texte[:60]}… ».",
                                  "labels")  # fmt: skip
        texte = connus.get(normaliser_recherche(texte), texte)
        if texte and texte not in resultat:
            resultat.append(texte)
    return resultat


def position(latitude, longitude, commune: CommuneLegere) -> tuple[float | None, float | None]:
    """The given point, else the commune's centre."""
    if latitude is None and longitude is None:
        return commune.latitude, commune.longitude
    if latitude is None or longitude is None:
        raise RefusReparateur("Donnez la latitude et la longitude ensemble (ou aucune : le "
                              "centre de la commune est pris).", "latitude")  # fmt: skip
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise RefusReparateur(f"Position hors du globe : {latitude}, {longitude}.", "latitude")
    return latitude, longitude


def _texte(donnees: dict, champ: str, obligatoire: bool = False) -> str:
    valeur = " ".join(str(donnees.get(champ) or "").split()) if champ != "description" else (
        str(donnees.get(champ) or "").strip()
    )  # fmt: skip
    if obligatoire and not valeur:
        raise RefusReparateur(f"Le champ « {champ} » est obligatoire.", champ)
    if len(valeur) > LONGUEURS.get(champ, 250):
        raise RefusReparateur(f"« {champ} » trop long ({LONGUEURS.get(champ, 250)} caractères "
                              "au plus).", champ)  # fmt: skip
    return valeur


def _valide(validateur, valeur: str, champ: str, message: str) -> str:
    if not valeur:
        return ""
    try:
        validateur(valeur)
    except ValidationError as exc:
        raise RefusReparateur(message.format(valeur=valeur), champ) from exc
    return valeur


def verifier(donnees: dict, repertoire: Repertoire) -> dict:
    """The fields of a Reparateur from `donnees` (texts, lists, numbers, booleans), checked
    and normalised; raises RefusReparateur at the first fault."""
    code_postal = _texte(donnees, "code_postal")
    if code_postal and not CODE_POSTAL.match(code_postal):
        raise RefusReparateur(f"Code postal « {code_postal} » : 5 chiffres attendus.",
                              "code_postal")  # fmt: skip
    commune = repertoire.trouver(str(donnees.get("commune") or ""), code_postal)
    latitude, longitude = position(donnees.get("latitude"), donnees.get("longitude"), commune)
    site = _texte(donnees, "site_web")
    if site and not site.startswith(("http://", "https://")):
        site = "https://" + site
    return {
        "nom": _texte(donnees, "nom", obligatoire=True),
        "activites": activites(donnees.get("activites")),
        "description": _texte(donnees, "description"),
        "adresse": _texte(donnees, "adresse"),
        "code_postal": code_postal or (commune.codes_postaux[0] if commune.codes_postaux else ""),
        "commune_id": commune.pk,
        "latitude": latitude,
        "longitude": longitude,
        "telephone": telephone(str(donnees.get("telephone") or "")),
        "courriel": _valide(
            EmailValidator(),
            _texte(donnees, "courriel"),
            "courriel",
            "Courriel « {valeur} » invalide.",
        ),
        "site_web": _valide(URLValidator(), site, "site_web", "Site web « {valeur} » invalide."),
        "siret": siret(str(donnees.get("siret") or "")),
        "horaires": horaires(str(donnees.get("horaires") or "")),
        "labels": labels(donnees.get("labels")),
        "pour_particuliers": bool(donnees.get("pour_particuliers", True)),
        "pour_collectivites": bool(donnees.get("pour_collectivites", False)),
    }
