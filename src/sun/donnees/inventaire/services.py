"""Writes of the internal inventory: an entry the département keeps (origine « saisie ») is
created, edited and deleted here; an entry of SUN's own processing (origine « sun ») is kept by
`synchronisation`, and only the fields SUN cannot know are completed here (`CHAMPS_SUN_LIBRES`).
Every check gives a French message per field; nothing is written when one fails."""

from django.db import transaction

from sun.donnees.models import (
    BaseLegale,
    EntreeInventaire,
    JeuDeDonnees,
    MotifFermeture,
    Nature,
    OrigineEntree,
    Ouverture,
    RegleConservation,
    StatutJeu,
)
from sun.donnees.referentiel import Frequence

APPLICATION = "SUN"

# The fields of a SUN-kept entry a person completes: who is responsible for it, the
# application as the département names it, its owning service, the retention rule of the
# tableau de gestion, and the security measures the département adds (hosting, backups…).
CHAMPS_SUN_LIBRES = ("service", "referent", "application", "regle", "mesures_complementaires")
# Complementary measures are kept after this line of `mesures_securite` (SUN rewrites what
# comes before it at each synchronisation).

CHAMPS_TEXTE = ("nom", "description", "service", "referent", "application", "finalite",
                "champs", "motif_detail", "categories_donnees", "donnees_sensibles",
                "categories_personnes", "destinataires", "transferts_hors_ue",
                "duree_conservation", "mesures_securite")  # fmt: skip
OBLIGATOIRES = {"nom": "Donnez un nom.", "service": "Indiquez le service propriétaire.",
                "finalite": "Indiquez la finalité."}  # fmt: skip
ARTICLE_30 = {
    "categories_donnees": "Indiquez les catégories de données personnelles.",
    "categories_personnes": "Indiquez les catégories de personnes concernées.",
    "base_legale": "Choisissez la base légale du traitement (RGPD, article 6).",
    "destinataires": "Indiquez les destinataires des données.",
    "duree_conservation": "Indiquez les durées de conservation.",
    "mesures_securite": "Décrivez les mesures de sécurité.",
}
CHOIX = {"nature": Nature, "ouverture": Ouverture, "frequence": Frequence,
         "base_legale": BaseLegale, "motif_fermeture": MotifFermeture}  # fmt: skip


class RefusInventaire(ValueError):
    """`erreurs`: {field: French message}; `message`: the sentence to show above the form."""

    def __init__(self, erreurs: dict[str, str]):
        self.erreurs = erreurs
        self.message = "L'entrée n'a pas été enregistrée : " + " ".join(erreurs.values())
        super().__init__(self.message)


def verifier(d: dict) -> dict[str, str]:
    """The errors of an entry's values (an empty dict: it may be written)."""
    erreurs: dict[str, str] = {}
    for champ, message in OBLIGATOIRES.items():
        if not str(d.get(champ) or "").strip():
            erreurs[champ] = message
    for champ, choix in CHOIX.items():
        valeur = d.get(champ) or ""
        if valeur and valeur not in choix.values:
            erreurs[champ] = f"Valeur inconnue : « {valeur} »."
    if d.get("donnees_personnelles"):
        for champ, message in ARTICLE_30.items():
            if not str(d.get(champ) or "").strip():
                erreurs.setdefault(champ, message)
    ouverture = d.get("ouverture") or Ouverture.A_OUVRIR
    if ouverture in (Ouverture.RESTREINT, Ouverture.FERME):
        if not d.get("motif_fermeture"):
            erreurs.setdefault("motif_fermeture", "Une donnée non ouverte doit dire pourquoi : "
                               "choisissez le motif de non-ouverture.")  # fmt: skip
        elif d["motif_fermeture"] == MotifFermeture.AUTRE and not d.get("motif_detail"):
            erreurs.setdefault("motif_detail", "Précisez le motif de non-ouverture.")
    jeu = d.get("jeu")
    if jeu is not None:
        if ouverture != Ouverture.OUVERT:
            erreurs.setdefault("jeu", "Seule une donnée ouverte se rattache à un jeu publié.")
        elif not isinstance(jeu, JeuDeDonnees) or jeu.statut != StatutJeu.PUBLIE:
            erreurs.setdefault("jeu", "Choisissez un jeu publié du catalogue.")
    regle = d.get("regle")
    if regle is not None and not isinstance(regle, RegleConservation):
        erreurs.setdefault("regle", "Choisissez une règle du tableau de gestion.")
    return erreurs


def _valeurs(d: dict) -> dict:
    v = {c: str(d.get(c) or "").strip() for c in CHAMPS_TEXTE}
    v.update({c: d.get(c) or "" for c in CHOIX})
    v["nature"] = v["nature"] or Nature.JEU
    v["ouverture"] = v["ouverture"] or Ouverture.A_OUVRIR
    v["frequence"] = v["frequence"] or Frequence.INCONNUE
    v["donnees_personnelles"] = bool(d.get("donnees_personnelles"))
    if v["ouverture"] not in (Ouverture.RESTREINT, Ouverture.FERME):
        v["motif_fermeture"], v["motif_detail"] = "", ""
    v["jeu"], v["regle"] = d.get("jeu"), d.get("regle")
    return v


@transaction.atomic
def creer_entree(d: dict, par=None) -> EntreeInventaire:
    erreurs = verifier(d)
    if erreurs:
        raise RefusInventaire(erreurs)
    return EntreeInventaire.objects.create(origine=OrigineEntree.SAISIE, modifie_par=par,
                                           **_valeurs(d))  # fmt: skip


def _exiger_saisie(entree: EntreeInventaire, quoi: str) -> None:
    if entree.origine != OrigineEntree.SAISIE:
        raise RefusInventaire({"origine": f"Cette entrée est tenue à jour par SUN : on ne peut "
                               f"pas la {quoi}."})  # fmt: skip


@transaction.atomic
def modifier_entree(entree: EntreeInventaire, d: dict, par=None) -> EntreeInventaire:
    _exiger_saisie(entree, "modifier ainsi (seuls ses champs libres se complètent)")
    erreurs = verifier(d)
    if erreurs:
        raise RefusInventaire(erreurs)
    for champ, valeur in _valeurs(d).items():
        setattr(entree, champ, valeur)
    entree.modifie_par = par
    entree.save()
    return entree


@transaction.atomic
def supprimer_entree(entree: EntreeInventaire, par=None) -> None:
    _exiger_saisie(entree, "supprimer (elle disparaît quand SUN cesse ce traitement)")
    entree.delete()


@transaction.atomic
def completer_entree_sun(entree: EntreeInventaire, d: dict, par=None) -> EntreeInventaire:
    """Complete the free fields of a SUN-kept entry (CHAMPS_SUN_LIBRES); the others are SUN's."""
    if entree.origine != OrigineEntree.SUN:
        raise RefusInventaire({"origine": "Cette entrée n'est pas tenue à jour par SUN."})
    erreurs = {}
    if not str(d.get("service") or "").strip():
        erreurs["service"] = OBLIGATOIRES["service"]
    regle = d.get("regle")
    if regle is not None and not isinstance(regle, RegleConservation):
        erreurs["regle"] = "Choisissez une règle du tableau de gestion."
    if erreurs:
        raise RefusInventaire(erreurs)
    entree.service = d["service"].strip()
    entree.referent = str(d.get("referent") or "").strip()
    entree.application = str(d.get("application") or "").strip()
    entree.regle = regle
    entree.mesures_complementaires = str(d.get("mesures_complementaires") or "").strip()
    entree.modifie_par = par
    entree.save()
    return entree
