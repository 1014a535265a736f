"""What every source of requests shares: reading dates, channels and statuses, checking one
row against the register's rules, and the importer class of the pipeline.

A source only writes `normaliser(numero, brute, rapport)`: its raw row → a dict of the
template's fields (numero, demarche, canal, recue_le, statut, decidee_le, nom, courriel,
telephone, code_postal, objet, lien, typologie, date_prevue_source). The checks below are the
same for all: missing fields, unknown values, receipt date in the future or before the démarche
opened (`verifier_reception`), decision date before the receipt, duplicates.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from sun.core.imports import Importeur, Rapport
from sun.core.text import plier
from sun.relation.models import FINALS, CanalDemande, Demarche, Statut, Typologie
from sun.relation.registre.services import DemandeInvalide, verifier_reception

SOURCES = {
    "demarches_simplifiees": "Démarches Simplifiées",
    "publik": "Publik (w.c.s.)",
    "csv": "fichier CSV",
}
TAILLE_LOT = 2000

# Channels: SUN's codes and labels, w.c.s.'s `submission_channel` codes and labels.
CANAUX = {
    "en ligne": CanalDemande.EN_LIGNE, "en_ligne": CanalDemande.EN_LIGNE,
    "web": CanalDemande.EN_LIGNE, "internet": CanalDemande.EN_LIGNE,
    "social-network": CanalDemande.EN_LIGNE, "reseau social": CanalDemande.EN_LIGNE,
    "telephone": CanalDemande.TELEPHONE, "phone": CanalDemande.TELEPHONE,
    "guichet": CanalDemande.GUICHET, "counter": CanalDemande.GUICHET,
    "accueil": CanalDemande.GUICHET,
    "courrier": CanalDemande.COURRIER, "mail": CanalDemande.COURRIER,
    "fax": CanalDemande.COURRIER, "telecopie": CanalDemande.COURRIER,
    "courriel": CanalDemande.COURRIEL, "email": CanalDemande.COURRIEL,
    "e-mail": CanalDemande.COURRIEL, "mel": CanalDemande.COURRIEL,
}  # fmt: skip

# Statuses: SUN's codes, Démarches Simplifiées' states and their labels (CSV export).
STATUTS = {
    **{s.value: s.value for s in Statut if s != Statut.INCOMPLET},
    "depose": Statut.EN_CONSTRUCTION, "deposee": Statut.EN_CONSTRUCTION,
    "en construction": Statut.EN_CONSTRUCTION, "en instruction": Statut.EN_INSTRUCTION,
    "accepte": Statut.ACCEPTE, "acceptee": Statut.ACCEPTE, "refuse": Statut.REFUSE,
    "refusee": Statut.REFUSE, "sans suite": Statut.SANS_SUITE,
    "classe sans suite": Statut.SANS_SUITE, "classee sans suite": Statut.SANS_SUITE,
}  # fmt: skip

_DATE_FR = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T](\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$")
_RAILS = re.compile(r"^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ?([+-]\d{2}):?(\d{2})$")
_COURRIEL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def cle(texte) -> str:
    """A value compared without case, accents, apostrophes or extra spaces."""
    return " ".join(plier(str(texte or "")).replace("'", " ").replace("’", " ").split())


def lire_date(valeur) -> date | None:
    """« 2024-01-10 », « 2024-01-10T09:30:00+01:00 », « 2024-01-10 09:30:00 +0100 » (Rails),
    « 10/01/2024 [09:30] » → the local date (Europe/Paris) of that moment; "" → None.
    Raises ValueError for anything else."""
    if valeur is None or (isinstance(valeur, date) and not isinstance(valeur, datetime)):
        return valeur
    if isinstance(valeur, datetime):
        moment = valeur
    else:
        texte = str(valeur).strip()
        if not texte:
            return None
        if m := _DATE_FR.match(texte):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if m := _RAILS.match(texte):
            texte = f"{m[1]}T{m[2]}{m[3]}:{m[4]}"
        moment = datetime.fromisoformat(texte.replace("Z", "+00:00"))
    if timezone.is_aware(moment):
        return moment.astimezone(ZoneInfo(settings.TIME_ZONE)).date()
    return moment.date()


@dataclass
class Ligne:
    """One accepted row, ready to be written."""

    position: int | str
    numero: str
    demarche: Demarche
    canal: str
    recue_le: date
    statut: str
    decidee_le: date | None
    lien: str = ""
    objet: str = ""
    typologie: str = ""
    nom: str = ""
    courriel: str = ""
    telephone: str = ""
    code_postal: str = ""
    date_prevue_source: date | None = None  # DS's own SVA/SVR date, compared after writing


class ImportDemandes(Importeur):
    """Base of the request importers: `normaliser` per source, checks and writing shared."""

    genre = "relation-demandes"
    source_externe = "csv"
    taille_lot = TAILLE_LOT
    # Sources that list a request twice in one run (offset pages shifting) skip the repeat.
    doublons_tolere = False
    statuts_de_base: dict[str, str] = STATUTS

    def __init__(self, *, demarche: Demarche | None = None, aujourd_hui: date | None = None,
                 auteur=None, statuts: dict[str, str] | None = None):  # fmt: skip
        from sun.relation.importation.ecriture import Ecrivain

        self.demarche = demarche
        self.aujourd_hui = aujourd_hui or timezone.localdate()
        self.auteur = auteur
        self.statuts = {**self.statuts_de_base, **(statuts or {})}
        self.libelle = f"Demandes ({SOURCES[self.source_externe]})"
        self.source = SOURCES[self.source_externe]
        self.demarches: dict[str, Demarche] = {}
        self.vus: dict[str, int | str] = {}
        self.ecrivain = Ecrivain(self.source_externe, self.source, auteur)

    # --- the stages of the pipeline -------------------------------------------------------
    def preparer(self, rapport: Rapport) -> None:
        self.demarches = {d.slug: d for d in Demarche.objects.all()}  # a catalogue: small
        self.ecrivain.demarches = {d.pk: d for d in self.demarches.values()}

    def normaliser(self, numero: int, brute: dict, rapport: Rapport) -> dict | None:
        return brute

    def position(self, numero: int, brute: dict) -> int | str:
        return numero

    def convertir(self, numero: int, brute: dict, rapport: Rapport) -> Ligne | None:
        ou = self.position(numero, brute)
        valeurs = self.normaliser(numero, brute, rapport)
        if valeurs is None:
            return None
        return self.verifier(ou, valeurs, rapport)

    def ecrire(self, valeurs: list[Ligne], rapport: Rapport) -> None:
        self.ecrivain.ecrire(valeurs, rapport)

    def terminer(self, rapport: Rapport) -> None:
        self.ecrivain.terminer()

    # --- the checks every source shares ---------------------------------------------------
    def verifier(self, ou, v: dict, rapport: Rapport) -> Ligne | None:
        erreurs: list[tuple[str, object, str]] = []
        numero = str(v.get("numero") or "").strip()
        if not numero:
            erreurs.append(("numero", "", "numéro du dossier absent"))
        elif len(numero) > 60:
            erreurs.append(("numero", numero, "numéro trop long (60 caractères au plus)"))
        demarche = self._demarche(v.get("demarche"), erreurs)
        canal = CANAUX.get(cle(v.get("canal")) or "en ligne")
        if canal is None:
            erreurs.append(("canal", v.get("canal"), "canal inconnu (en_ligne, telephone, "
                            "guichet, courrier ou courriel)"))  # fmt: skip
        statut = self._statut(v.get("statut"), erreurs)
        recue_le = self._date(v, "recue_le", erreurs, obligatoire=True)
        decidee_le = self._date(v, "decidee_le", erreurs)
        prevue = self._date(v, "date_prevue_source", erreurs)
        typologie = cle(v.get("typologie")).replace(" ", "_")
        if typologie and typologie not in Typologie.values:
            erreurs.append(("typologie", v.get("typologie"), "type de réclamation inconnu"))
        courriel = str(v.get("courriel") or "").strip()
        if courriel and not _COURRIEL.match(courriel):
            rapport.avertir(ou, "courriel", courriel, "adresse électronique invalide : écartée")
            courriel = ""
        code_postal = str(v.get("code_postal") or "").strip()
        if code_postal and not (len(code_postal) == 5 and code_postal.isdigit()):
            rapport.avertir(ou, "code_postal", code_postal, "code postal invalide : écarté")
            code_postal = ""
        if demarche is not None and recue_le is not None:
            try:
                verifier_reception(demarche, recue_le, self.aujourd_hui)
            except DemandeInvalide as exc:
                erreurs.append(("recue_le", v.get("recue_le"), str(exc)))
            if demarche.reclamation and not typologie:
                erreurs.append(("typologie", "", "une réclamation doit avoir un type "
                                "(accueil, delai, decision, erreur, accessibilite…)"))  # fmt: skip
        if statut in FINALS and decidee_le is None and "decidee_le" not in {e[0] for e in erreurs}:
            erreurs.append(("decidee_le", "", f"date de décision absente pour une demande "
                            f"« {Statut(statut).label.lower()} »"))  # fmt: skip
        if statut and statut not in FINALS and decidee_le is not None:
            decidee_le = None  # the date of an earlier decision, before a re-opening
        if decidee_le is not None and recue_le is not None:
            if decidee_le < recue_le:
                erreurs.append(("decidee_le", v.get("decidee_le"), "décision antérieure à la "
                                "réception"))  # fmt: skip
            elif decidee_le > self.aujourd_hui:
                erreurs.append(("decidee_le", v.get("decidee_le"), "date de décision dans le "
                                "futur"))  # fmt: skip
        if numero and not erreurs:
            if numero in self.vus:
                if self.doublons_tolere:
                    rapport.avertir(ou, "numero", numero, "déjà lu dans cet import : ignoré")
                    return None
                erreurs.append(("numero", numero, f"numéro en double (déjà en "
                                f"{_position(self.vus[numero])})"))  # fmt: skip
            else:
                self.vus[numero] = ou
        for champ, valeur, raison in erreurs:
            rapport.refuser(ou, champ, valeur, raison)
        if erreurs:
            return None
        return Ligne(
            ou, numero, demarche, canal, recue_le, statut, decidee_le,
            lien=str(v.get("lien") or "").strip()[:500], objet=str(v.get("objet") or "").strip()[:300],
            typologie=typologie, nom=str(v.get("nom") or "").strip()[:150], courriel=courriel[:254],
            telephone=str(v.get("telephone") or "").strip()[:30], code_postal=code_postal,
            date_prevue_source=prevue,
        )  # fmt: skip

    def _demarche(self, slug, erreurs) -> Demarche | None:
        slug = str(slug or "").strip()
        if not slug:
            if self.demarche is not None:
                return self.demarche
            erreurs.append(("demarche", "", "démarche absente (code de la démarche du "
                            "catalogue)"))  # fmt: skip
            return None
        demarche = self.demarches.get(slug)
        if demarche is None:
            erreurs.append(("demarche", slug, "démarche inconnue du catalogue"))
        return demarche

    def _statut(self, valeur, erreurs) -> str:
        texte = str(valeur or "").strip()
        if not texte:
            erreurs.append(("statut", "", "statut absent"))
            return ""
        statut = self.statuts.get(texte) or self.statuts.get(cle(texte))
        if statut is None:
            erreurs.append(("statut", texte, "statut inconnu : ajoutez-le à la table des "
                            "statuts (en_construction, en_instruction, accepte, refuse, "
                            "sans_suite)"))  # fmt: skip
            return ""
        return statut

    def _date(self, v: dict, champ: str, erreurs, *, obligatoire: bool = False) -> date | None:
        valeur = v.get(champ)
        try:
            jour = lire_date(valeur)
        except (ValueError, TypeError):
            erreurs.append((champ, valeur, "date illisible (AAAA-MM-JJ ou JJ/MM/AAAA)"))
            return None
        if jour is None and obligatoire:
            erreurs.append((champ, "", "date de réception absente"))
        return jour


def _position(ou) -> str:
    return f"ligne {ou}" if isinstance(ou, int) else str(ou)


def statuts_depuis(table: dict) -> dict[str, str]:
    """A declarative table {name in the source: SUN status} → lookup keys (folded names)."""
    resultat = {}
    for nom, statut in table.items():
        code = STATUTS.get(cle(statut)) or STATUTS.get(str(statut))
        if code is None:
            raise ValueError(f"« {statut} » (pour « {nom} ») n'est pas un statut de SUN : "
                             "en_construction, en_instruction, accepte, refuse ou sans_suite.")  # fmt: skip
        resultat[cle(nom)] = code
    return resultat


def rapport_sans_rien(importeur: ImportDemandes, nom: str, source: str, *, essai: bool,
                      auteur=None) -> Rapport:  # fmt: skip
    """The report of an online source with nothing (new) to import, recorded in the journal."""
    from sun.core.services import enregistrer_import

    rapport = Rapport(importeur.genre, importeur.libelle, fichier=nom, source=source, essai=essai)
    rapport.journal_id = enregistrer_import(rapport, auteur=auteur).pk
    return rapport
