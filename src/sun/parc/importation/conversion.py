"""One row of an inventory file (already mapped to the target's field names) → the values of
an equipment, or None when it is refused, every fault of the row reported with its reason in
French. Pure apart from the report: the tables, communes and duplicates are read before."""

from collections import Counter
from dataclasses import dataclass, field

from sun.core.imports import Rapport
from sun.core.text import nettoyer, plier
from sun.parc.cycle_vie import DemandeSortie, RefusCycleVie, verifier_dates, verifier_sortie
from sun.parc.importation.modele import PREFIXE_EXEMPLE
from sun.parc.importation.tables import Table
from sun.parc.importation.valeurs import (
    ValeurInvalide,
    ajouter_mois,
    dernier_segment,
    lire_date,
    lire_duree_mois,
    lire_prix,
    numero,
)
from sun.parc.referentiel import (
    CATEGORIE_DU_TYPE,
    Achat,
    Destination,
    Etat,
    Proprietaire,
    TypeEquipement,
    Voie,
)
from sun.parc.services import cle_de

DATES = ("date_acquisition", "date_achat", "date_livraison", "date_mise_en_service",
         "debut_garantie", "date_fin_garantie", "date_reforme", "date_sortie")  # fmt: skip
TEXTES = {"nom": 200, "fabricant": 120, "modele": 200, "source_id": 40, "commentaire": 5000}
LONGUEUR_NUMERO = 115  # the key « inv:… » holds in 120 characters
CORRESPONDANCES = "à faire correspondre dans l'espace agents (Parc › Importer › Correspondances)"
ACHATS = {plier(a.value): a.value for a in Achat} | {plier(a.label): a.value for a in Achat} | {
    "reconditionne": Achat.RECONDITIONNE, "reemploi": Achat.RECONDITIONNE,
    "occasion": Achat.RECONDITIONNE, "neuve": Achat.NEUF}  # fmt: skip
PROPRIETAIRES = {plier(p.value): p.value for p in Proprietaire} | {
    plier(p.label): p.value for p in Proprietaire} | {"departement": Proprietaire.DEPARTEMENT,
    "college": Proprietaire.COLLEGE, "eple": Proprietaire.COLLEGE}  # fmt: skip
VOIES = {plier(v.value): v.value for v in Voie} | {plier(v.label.split(" (")[0]): v.value
                                                   for v in Voie}  # fmt: skip


@dataclass
class Contexte:
    """What converting a row needs, read once before the first row."""

    source: str
    lus: set[str]  # target fields the file gives
    statuts: Table
    types: Table
    types_en_autre: bool = False
    formats: dict[str, str] = field(default_factory=dict)
    communes_par_code: dict[str, int] = field(default_factory=dict)
    communes_par_nom: dict[str, list[int]] = field(default_factory=dict)
    commune_defaut: int | None = None
    site_depuis: str = "entite"
    doublons: dict[str, list[int]] = field(default_factory=dict)
    statuts_inconnus: Counter = field(default_factory=Counter)
    types_inconnus: Counter = field(default_factory=Counter)
    types_autre: Counter = field(default_factory=Counter)
    reformes_sans_date: int = 0


def _texte(valeur) -> str:
    """`nettoyer`, with a fast path for the plain ASCII cells it leaves unchanged."""
    if (isinstance(valeur, str) and valeur.isascii() and valeur.isprintable() and "`" not in valeur
            and "  " not in valeur and valeur == valeur.strip()):  # fmt: skip
        return valeur
    return nettoyer(valeur)


class Memoire(dict):
    """`_texte` of the cells that repeat from row to row (status, type, maker, model)."""

    def __missing__(self, valeur):
        if len(self) > 50_000:
            self.clear()
        texte = self[valeur] = _texte(valeur)
        return texte


REPETES = ("fabricant", "modele")


class Convertisseur:
    def __init__(self, contexte: Contexte):
        self.c = contexte
        lus = contexte.lus
        # What this file gives, once for all its rows.
        self.dates_lues = [(d, contexte.formats.get(d, "")) for d in DATES if d in lus]
        self.textes_lus = [(t, n) for t, n in TEXTES.items() if t in lus and t not in REPETES]
        self.repetes_lus = [(t, TEXTES[t]) for t in REPETES if t in lus]
        self.memoire = Memoire()
        self.avec_acquisition = bool({"date_acquisition", "date_achat", "date_livraison"} & lus)

    def convertir(self, numero_ligne: int, ligne: dict, rapport: Rapport) -> dict | None:
        c, fautes = self.c, []
        refuser = fautes.append

        cle, inventaire, serie = self._cle(numero_ligne, ligne, rapport, refuser)
        if inventaire.upper().startswith(PREFIXE_EXEMPLE):
            refuser(("numero_inventaire", inventaire, "ligne d'exemple du modèle : remplacez-la "
                     "par un de vos équipements, ou supprimez-la"))  # fmt: skip
        if cle and cle in c.doublons:
            quoi = "numéro d'inventaire" if inventaire else "numéro de série"
            autres = ", ".join(str(n) for n in c.doublons[cle] if n != numero_ligne)
            refuser(("numero_inventaire" if inventaire else "numero_serie", inventaire or serie,
                     f"{quoi} en double dans le fichier (aussi ligne {autres}) : toutes ses "
                     "lignes sont refusées"))  # fmt: skip
        etat, voie, statut = self._etat(ligne, refuser)
        type_, type_source = self._type(numero_ligne, ligne, rapport, refuser)
        dates = {}
        for champ, format_ in self.dates_lues:
            try:
                dates[champ] = lire_date(ligne.get(champ) or "", format_)
            except ValeurInvalide as exc:
                refuser((champ, ligne.get(champ), str(exc)))
        valeurs = {"source": c.source, "cle": cle, "numero_inventaire": inventaire,
                   "numero_serie": serie, "etat": etat, "statut_source": statut,
                   "type": type_, "type_source": type_source}  # fmt: skip
        acquisition = (dates.get("date_acquisition") or dates.get("date_achat")
                       or dates.get("date_livraison"))  # fmt: skip
        if self.avec_acquisition:
            valeurs["date_acquisition"] = acquisition
        if "date_mise_en_service" in c.lus:
            valeurs["date_mise_en_service"] = dates.get("date_mise_en_service")
        self._garantie(ligne, dates, valeurs, refuser)
        self._prix(ligne, valeurs, refuser)
        self._enumerations(ligne, valeurs, refuser)
        for champ, longueur in self.textes_lus:
            valeurs[champ] = _texte(ligne.get(champ) or "")[:longueur]
        for champ, longueur in self.repetes_lus:
            valeurs[champ] = self.memoire[ligne.get(champ) or ""][:longueur]
        sortie = self._dates_de_vie(etat, voie, statut, ligne, acquisition, dates, valeurs, refuser)
        valeurs["_site"] = self._site(ligne)
        self._commune(numero_ligne, ligne, valeurs, rapport)
        if fautes:
            for champ, valeur, raison in fautes:
                rapport.refuser(numero_ligne, champ, valeur, raison)
            return None
        if etat == Etat.REFORME and valeurs.get("date_reforme") is None:
            c.reformes_sans_date += 1
        valeurs["categorie_deee"] = CATEGORIE_DU_TYPE.get(type_, "hors_champ")
        valeurs["_numero"], valeurs["_sortie"] = numero_ligne, sortie
        return valeurs

    # --- the parts of a row -----------------------------------------------------------------------
    def _cle(self, numero_ligne, ligne, rapport, refuser):
        inventaire, bouche_trou_i = numero(ligne.get("numero_inventaire") or "")
        serie, bouche_trou_s = numero(ligne.get("numero_serie") or "")
        for champ, oui in (("numero_inventaire", bouche_trou_i), ("numero_serie", bouche_trou_s)):
            if oui:
                rapport.avertir(numero_ligne, champ, ligne.get(champ),
                                "valeur par défaut du fabricant, lue comme vide")  # fmt: skip
        for champ, valeur in (("numero_inventaire", inventaire), ("numero_serie", serie)):
            if len(valeur) > LONGUEUR_NUMERO:
                refuser(
                    (champ, valeur[:50], f"numéro trop long ({LONGUEUR_NUMERO} caractères au plus)")
                )
                return "", inventaire, serie
        try:
            return cle_de(inventaire, serie), inventaire, serie
        except RefusCycleVie:
            refuser(("numero_inventaire", "", "ni numéro d'inventaire ni numéro de série : "
                    "l'équipement ne peut pas être reconnu d'un import à l'autre"))  # fmt: skip
            return "", inventaire, serie

    def _etat(self, ligne, refuser):
        statut = self.memoire[ligne.get("etat") or ""][:120]
        trouve = self.c.statuts.trouver(statut)
        if trouve is None:
            self.c.statuts_inconnus[statut] += 1
            refuser(
                ("etat", statut, f"statut inconnu : « {statut or '(vide)'} » {CORRESPONDANCES}")
            )
            return Etat.EN_SERVICE, "", statut
        return trouve[0], trouve[1], statut

    def _type(self, numero_ligne, ligne, rapport, refuser):
        type_source = self.memoire[ligne.get("type") or ""][:120]
        trouve = self.c.types.trouver(type_source)
        if trouve is not None:
            return trouve, type_source
        if self.c.types_en_autre:
            self.c.types_autre[type_source] += 1
            rapport.avertir(numero_ligne, "type", type_source,
                            "type inconnu classé en « autre » (choix du coordinateur)")  # fmt: skip
            return TypeEquipement.AUTRE, type_source
        self.c.types_inconnus[type_source] += 1
        refuser(("type", type_source, f"type inconnu : « {type_source or '(vide)'} » "
                f"{CORRESPONDANCES}, ou importez avec « classer les types inconnus en "
                "« autre » » (--types-inconnus autre)"))  # fmt: skip
        return TypeEquipement.AUTRE, type_source

    def _garantie(self, ligne, dates, valeurs, refuser):
        lus = self.c.lus
        if not ({"date_fin_garantie", "duree_garantie"} & lus):
            return
        fin = dates.get("date_fin_garantie")
        if fin is None and "duree_garantie" in lus:
            try:
                mois = lire_duree_mois(ligne.get("duree_garantie") or "")
            except ValeurInvalide as exc:
                refuser(("duree_garantie", ligne.get("duree_garantie"), str(exc)))
                mois = None
            depart = (dates.get("debut_garantie") or dates.get("date_livraison")
                      or dates.get("date_achat") or dates.get("date_acquisition"))  # fmt: skip
            if mois and mois > 0 and depart:
                fin = ajouter_mois(depart, mois)
        valeurs["date_fin_garantie"] = fin

    def _prix(self, ligne, valeurs, refuser):
        if "prix_acquisition" not in self.c.lus:
            return
        brut = ligne.get("prix_acquisition") or ""
        try:
            prix = lire_prix(brut)
        except ValeurInvalide as exc:
            refuser(("prix_acquisition", brut, str(exc)))
            return
        if prix is not None and prix < 0:
            refuser(("prix_acquisition", brut, f"prix négatif : « {brut} » (un prix d'acquisition "
                    "est positif ou nul)"))  # fmt: skip
        valeurs["prix_acquisition"] = prix

    def _enumerations(self, ligne, valeurs, refuser):
        for champ, table, defaut, attendu in (
            ("achat", ACHATS, Achat.NEUF, "neuf ou reconditionné"),
            ("proprietaire", PROPRIETAIRES, Proprietaire.DEPARTEMENT, "departement, college ou autre"),
        ):  # fmt: skip
            if champ not in self.c.lus:
                continue
            brut = nettoyer(ligne.get(champ))
            valeur = table.get(plier(brut)) if brut else defaut
            if valeur is None:
                refuser((champ, brut, f"valeur inconnue (attendu : {attendu})"))
            valeurs[champ] = valeur or defaut

    def _dates_de_vie(self, etat, voie, statut, ligne, acquisition, dates, valeurs, refuser):
        """The decommissioning date and, for an item that left, its exit (route, date)."""
        reforme = dates.get("date_reforme")
        if etat not in (Etat.REFORME, Etat.SORTI):
            valeurs["date_reforme"] = None
            return None
        valeurs["date_reforme"] = reforme
        if etat == Etat.REFORME:
            try:
                verifier_dates(acquisition, reforme)
            except RefusCycleVie as exc:
                refuser((exc.champ or "date_reforme", reforme, exc.message))
            return None
        brute = nettoyer(ligne.get("voie_sortie"))
        voie = voie or VOIES.get(plier(brute), "")
        if brute and not VOIES.get(plier(brute)):
            refuser(("voie_sortie", brute, "voie de sortie inconnue (reemploi, reutilisation, don, "
                    "recyclage ou destruction)"))  # fmt: skip
        jour = dates.get("date_sortie") or reforme
        if not voie:
            refuser(("voie_sortie", statut, f"sortie sans voie : le statut « {statut} » dit que "
                    "l'équipement a quitté le parc sans dire comment (réemploi, réutilisation, don,"
                    f" recyclage ou destruction) ; donnez sa voie {CORRESPONDANCES}"))  # fmt: skip
            return None
        if jour is None:
            refuser(("date_reforme", statut, f"sortie sans date : le statut « {statut} » dit que "
                    "l'équipement a quitté le parc, mais le fichier ne donne pas sa date de "
                    "réforme (colonne « Date de réforme » de GLPI, ou date_sortie)"))  # fmt: skip
            return None
        valeurs["date_reforme"] = reforme = reforme or jour
        demande = DemandeSortie(date=jour, voie=voie, destinataire="source",
                                destination=(Destination.DON_ASSOCIATION if voie == Voie.DON
                                             else Destination.PRESTATAIRE),
                                justification=f"Import {self.c.source} : statut « {statut} »")  # fmt: skip
        try:
            verifier_sortie(demande, acquisition, reforme)
        except RefusCycleVie as exc:
            refuser((exc.champ or "date_reforme", jour, exc.message))
            return None
        return voie, jour, demande.justification

    def _site(self, ligne) -> str:
        lus = self.c.lus
        if "site" in lus and (site := dernier_segment(ligne.get("site") or "")):
            return site[:200]
        ordre = ("lieu", "entite") if self.c.site_depuis == "lieu" else ("entite", "lieu")
        for champ in ordre:
            if champ in lus and (site := dernier_segment(ligne.get(champ) or "")):
                return site[:200]
        return ""

    def _commune(self, numero_ligne, ligne, valeurs, rapport) -> None:
        c = self.c
        if "commune" not in c.lus:
            if c.commune_defaut is not None:
                valeurs["commune_id"] = c.commune_defaut
            return
        brut = nettoyer(ligne.get("commune"))
        if not brut:
            valeurs["commune_id"] = c.commune_defaut
            return
        pk = c.communes_par_code.get(brut.upper().zfill(5) if brut.isdigit() else brut.upper())
        if pk is None:
            candidates = c.communes_par_nom.get(plier(brut), [])
            pk = candidates[0] if len(candidates) == 1 else None
        if pk is None:
            rapport.avertir(numero_ligne, "commune", brut, "commune introuvable ou homonyme (donnez "
                            "son code INSEE) : laissée vide")  # fmt: skip
        valeurs["commune_id"] = pk if pk is not None else c.commune_defaut
