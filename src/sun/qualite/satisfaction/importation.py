"""Import of « Je donne mon avis » CSV exports (NOTES-relation §5.3) through the one import
pipeline: one transaction, dry run, every refused line with its reason, idempotent on
« Identifiant Avis ».

The export's header: « Date de l'avis » (AAAA-MM-JJ HH:MM:SS, UTC), « Nom du formulaire »,
« Lien d'intégration », « Identifiant Avis », then one column per question labelled with the
question (JDMA's `generate-csv.ts`); several answers to one question are joined by « / »,
and a sub-answer is written « parent : réponse » (« Au guichet avec l'administration :
Oui »). Columns are recognised by their label (apostrophes, case and spaces aside) or by
their field code. The optional e-mail column is never read; verbatims are masked as the
site's own answers are; a moderation already made is kept while the text is unchanged."""

import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

from sun.core.imports import ColonnesManquantes, Importeur, Rapport, executer, synchroniser
from sun.qualite.models import Avis, Emplacement, Moderation, Satisfaction
from sun.qualite.satisfaction import questionnaire as q
from sun.qualite.satisfaction.masquage import masquer
from sun.qualite.satisfaction.queries import lieux_du_departement

DATE, FORMULAIRE, LIEN, IDENTIFIANT = (
    "Date de l'avis", "Nom du formulaire", "Lien d'intégration", "Identifiant Avis",
)  # fmt: skip
ENTETE = [DATE, FORMULAIRE, LIEN, IDENTIFIANT, q.QUESTION_SATISFACTION, q.QUESTION_COMPREHENSION,
          q.QUESTION_CONTACT_TRIED, q.QUESTION_CONTACT_REACHED, q.QUESTION_CONTACT_SATISFACTION,
          q.QUESTION_VERBATIM, "Adresse mail"]  # fmt: skip


def _cle(texte: str) -> str:
    texte = unicodedata.normalize("NFD", str(texte or "").replace("’", "'"))
    texte = "".join(c for c in texte if not unicodedata.combining(c)).lower()
    return re.sub(r"[\s\u00a0]+", " ", texte).strip(" ?:.")


QUESTIONS = {
    "satisfaction": [q.QUESTION_SATISFACTION, "satisfaction"],
    "comprehension": [q.QUESTION_COMPREHENSION, "comprehension", "Clarté des informations"],
    "contact_tried": [q.QUESTION_CONTACT_TRIED, "contact_tried"],
    "contact_reached": [q.QUESTION_CONTACT_REACHED, "contact_reached", "Contact réussi"],
    "contact_satisfaction": [q.QUESTION_CONTACT_SATISFACTION, "contact_satisfaction"],
    "verbatim": [q.QUESTION_VERBATIM, "verbatim"],
}
CODE_DE_QUESTION = {_cle(libelle): code for code, ls in QUESTIONS.items() for libelle in ls}
SATISFACTIONS = {_cle(o.libelle): o.code for o in q.SATISFACTION} | {
    s.value: s.value for s in Satisfaction
}
AIDES = {_cle(o.libelle): o.code for o in q.CONTACT_TRIED}
CANAUX = {_cle(o.libelle): o.code for o in q.CANAUX_ADMINISTRATION} | {
    _cle(libelle): code for code, libelle in q.CANAUX_COURTS.items()
}
QUALITES = {_cle(libelle): rang for rang, libelle in enumerate(q.QUALITE_AIDE, start=1)}
SEPARATEUR = " / "
HORS_ECHELLE = "réponse hors de l'échelle du questionnaire"


class ImportAvisJdma(Importeur):
    genre = "avis_jdma"
    libelle = "Avis des usagers (export « Je donne mon avis »)"
    colonnes_obligatoires = (DATE, IDENTIFIANT)
    source = "Je donne mon avis (DINUM)"

    def __init__(self, *, demarche=None, service=None):
        self.demarche, self.service = demarche, service or (demarche.service if demarche else None)
        self.colonnes: dict[str, str] = {}
        self.vus: set[str] = set()

    def verifier_lecture(self, lecture) -> None:
        self.colonnes = {CODE_DE_QUESTION[_cle(c)]: c for c in lecture.colonnes or []
                         if _cle(c) in CODE_DE_QUESTION}  # fmt: skip
        if "satisfaction" not in self.colonnes:
            raise ColonnesManquantes(
                [f"{q.QUESTION_SATISFACTION} (étape 1 du questionnaire)"],
                [DATE, FORMULAIRE, LIEN, IDENTIFIANT, q.QUESTION_SATISFACTION, "…"],
            )

    def preparer(self, rapport: Rapport) -> None:
        self.lieux = lieux_du_departement()
        self.existants = {
            i: (verbatim, moderation) for i, verbatim, moderation in Avis.objects.filter(
                identifiant_jdma__isnull=False).values_list("identifiant_jdma", "verbatim", "moderation")
        }  # fmt: skip

    def _valeur(self, ligne: dict, code: str) -> str:
        colonne = self.colonnes.get(code)
        return (ligne.get(colonne) or "").strip() if colonne else ""

    def convertir(self, numero: int, ligne: dict, rapport: Rapport) -> dict | None:
        identifiant = (ligne.get(IDENTIFIANT) or "").strip()
        refus = []
        if not identifiant or len(identifiant) > 80:
            refus.append(
                (IDENTIFIANT, identifiant[:80], "identifiant de l'avis absent ou trop long")
            )
        elif identifiant in self.vus:
            refus.append((IDENTIFIANT, identifiant, "identifiant en double dans le fichier"))
        recu_le = _date((ligne.get(DATE) or "").strip())
        if recu_le is None:
            refus.append(
                (DATE, ligne.get(DATE), "date illisible (attendu : AAAA-MM-JJ HH:MM:SS, en UTC)")
            )
        valeurs, erreurs = self._reponses(ligne)
        refus += erreurs
        if refus:
            for champ, valeur, raison in refus:
                rapport.refuser(numero, champ, valeur, raison)
            return None
        self.vus.add(identifiant)
        formulaire = " — ".join(v for v in ((ligne.get(FORMULAIRE) or "").strip(),
                                            (ligne.get(LIEN) or "").strip()) if v)  # fmt: skip
        valeurs |= {"recu_le": recu_le, "formulaire": formulaire[:200],
                    "emplacement": Emplacement.JDMA, "canal": "en_ligne"}  # fmt: skip
        if self.demarche is not None or self.service is not None:
            valeurs |= {"demarche": self.demarche, "service": self.service}
        verbatim = masquer(self._valeur(ligne, "verbatim"), self.lieux)
        valeurs["verbatim"] = verbatim
        avant = self.existants.get(identifiant)
        if avant is None or avant[0] != verbatim:
            valeurs |= {"moderation": Moderation.A_LIRE if verbatim else "",
                        "modere_par": None, "modere_le": None}  # fmt: skip
        return {"identifiant_jdma": identifiant, **valeurs}

    def _reponses(self, ligne: dict) -> tuple[dict, list]:
        erreurs, colonne = [], self.colonnes
        brut = self._valeur(ligne, "satisfaction")
        satisfaction = SATISFACTIONS.get(_cle(brut))
        if satisfaction is None:
            erreurs.append((colonne["satisfaction"], brut, f"{HORS_ECHELLE} : attendu « Pas bien », "
                            "« Moyen » ou « Très bien » (réponse obligatoire)"))  # fmt: skip
        brut = self._valeur(ligne, "comprehension")
        comprehension = int(brut) if brut in {"1", "2", "3", "4", "5"} else None
        if brut and comprehension is None:
            erreurs.append(
                (colonne["comprehension"], brut, f"{HORS_ECHELLE} : note de 1 à 5 attendue")
            )
        aides, autonome = [], None
        if brut := self._valeur(ligne, "contact_tried"):
            for morceau in brut.split(SEPARATEUR):
                cle = _cle(morceau.split(" : ")[0])
                code = "autre" if cle.startswith("autres") else AIDES.get(cle)
                if code is None:
                    erreurs.append(
                        (
                            colonne["contact_tried"],
                            morceau,
                            f"{HORS_ECHELLE} : moyen d'aide inconnu",
                        )
                    )
                elif code not in aides:
                    aides.append(code)
            autonome = aides == [q.AIDE_SANS_BESOIN]
            if q.AIDE_SANS_BESOIN in aides and len(aides) > 1:
                erreurs.append((colonne["contact_tried"], brut, "« Je n'ai pas eu besoin d'aide » "
                                "ne se coche pas avec un moyen d'aide"))  # fmt: skip
        joint = self._par_canal(ligne, "contact_reached", {"oui": True, "non": False}, erreurs,
                                "« Oui » ou « Non » attendu")  # fmt: skip
        qualite = self._par_canal(ligne, "contact_satisfaction",
                                  QUALITES | {str(n): n for n in q.ECHELLE_1_5}, erreurs,
                                  "de « Très mauvaise » à « Excellente » attendu")  # fmt: skip
        return {"satisfaction": satisfaction, "comprehension": comprehension,
                "contact_tried": aides, "autonome": autonome, "contact_reached": joint,
                "contact_satisfaction": qualite}, erreurs  # fmt: skip

    def _par_canal(self, ligne, code: str, echelle: dict, erreurs: list, attendu: str) -> dict:
        """« Au guichet avec l'administration : Oui / Par téléphone … : Non » → {canal: …}."""
        resultat = {}
        for morceau in filter(None, self._valeur(ligne, code).split(SEPARATEUR)):
            canal_texte, _, reponse = morceau.rpartition(" : ")
            canal = CANAUX.get(_cle(canal_texte))
            valeur = echelle.get(_cle(reponse))
            if canal is None:
                erreurs.append(
                    (self.colonnes[code], morceau, f"{HORS_ECHELLE} : moyen de contact inconnu")
                )
            elif valeur is None:
                erreurs.append((self.colonnes[code], morceau, f"{HORS_ECHELLE} : {attendu}"))
            else:
                resultat[canal] = valeur
        return resultat

    def ecrire(self, valeurs: list[dict], rapport: Rapport) -> None:
        voulus = {v.pop("identifiant_jdma"): v for v in valeurs}
        diff = synchroniser(Avis.objects.filter(identifiant_jdma__isnull=False),
                            "identifiant_jdma", voulus, defauts={"demonstration": False})  # fmt: skip
        diff.noter(rapport, lambda a: f"avis JDMA {getattr(a, 'identifiant_jdma', a)}")


def _date(texte: str) -> datetime | None:
    for forme in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S.%fZ", "%Y-%m-%dT%H:%M:%SZ"):
        try:
            return datetime.strptime(texte, forme).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def importer_avis(chemin: Path, *, essai: bool = False, auteur=None, demarche=None,
                  service=None, **options) -> Rapport:  # fmt: skip
    """Import a JDMA CSV export; every answer goes to `demarche` or `service` if given."""
    return executer(ImportAvisJdma(demarche=demarche, service=service), Path(chemin),
                    essai=essai, auteur=auteur, **options)  # fmt: skip
