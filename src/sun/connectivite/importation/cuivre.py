"""Copper switch-off calendars per commune, two files:

- Orange's trajectory file (« fichier trajectoire », XLSX sheet `Communes` or CSV), uploaded
  by hand (Orange's site sits behind a browser check): `code_insee, lot, report_FC,
  fermeture_commerciale, fermeture_technique, fermeture_technique_initiale,
  annonce_ferm_commerciale…, eligibilite_ftth, nbr_log_refus_tiers, nb_log_blocage_eligibilite`,
  dates JJ/MM/AAAA (or Excel serials, or date cells);
- the government's copy (data.economie.gouv.fr `fermeture-reseau-cuivre`, `;`), mixed-case
  header with `output usager`, ISO dates, `lot` read as text.
"""

from sun.connectivite.importation.champs import booleen, decimal, entier, texte
from sun.connectivite.importation.dates import lire_date
from sun.connectivite.importation.forme import REFUSEE, Forme, lire
from sun.connectivite.models import CalendrierCuivre, Genre
from sun.core.imports import Rapport

CHAMPS = ("lot", "date_fc", "date_ft", "date_fc_initiale", "date_ft_initiale", "report_fc",
          "eligibilite_ftth", "nb_log_refus_tiers", "nb_log_blocage_eligibilite",
          "message_usager")  # fmt: skip
ORANGE = ["code_insee", "lot", "report_FC", "annonce_ferm_commerciale", "annonce_ferm_technique",
          "fermeture_technique_initiale", "fermeture_commerciale", "fermeture_technique",
          "prevision_completude_des_zapms_premierpm", "prevision_completude_des_zapms_dernierpm",
          "eligibilite_ftth", "nbr_log_refus_tiers", "nb_log_blocage_eligibilite"]  # fmt: skip
GOUV = ["code_insee", "nom_commune", "Code_postal", "departement", "region", "point_geo",
        "forme_geo", "fermeture_technique", "fermeture_commerciale", "commune_et_cp",
        "nom_departement", "lot", "output usager", "annee_fermeture_technique"]  # fmt: skip
URL_GOUV = "https://data.economie.gouv.fr/explore/dataset/fermeture-reseau-cuivre/"
URL_ORANGE = "https://www.orange.fr/"


def _date(rapport, numero, ligne, colonne):
    return lire(rapport, numero, ligne, colonne, lire_date) if colonne in ligne else None


def _part(valeur: str) -> float | None:
    """A share of premises eligible to FttH: 0–1, or a percentage (read as a share)."""
    nombre = decimal(valeur)
    if nombre is None:
        return None
    if nombre > 1.0:
        nombre /= 100
    if not 0 <= nombre <= 1.0:
        raise ValueError("part hors de 0 à 100 %")
    return round(nombre, 6)


def _fusionner_cuivre(a: dict, b: dict) -> dict:
    """Arrondissements of one city: the earliest dates (when the first residents are hit),
    the blocked dwellings added, the lots listed."""
    fusion = dict(a)
    for champ in ("date_fc", "date_ft", "date_fc_initiale", "date_ft_initiale"):
        dates = [d for d in (a[champ], b[champ]) if d is not None]
        fusion[champ] = min(dates) if dates else None
    for champ in ("nb_log_refus_tiers", "nb_log_blocage_eligibilite"):
        nombres = [n for n in (a[champ], b[champ]) if n is not None]
        fusion[champ] = sum(nombres) if nombres else None
    lots = sorted({lot for v in (a, b) for lot in v["lot"].split(", ") if lot})
    fusion["lot"] = ", ".join(lots)[:20]
    fusion["report_fc"] = (
        bool(a["report_fc"] or b["report_fc"])
        if (a["report_fc"] is not None or b["report_fc"] is not None)
        else None
    )
    fusion["eligibilite_ftth"] = None  # a share of one arrondissement says nothing of the city
    if a["message_usager"] != b["message_usager"]:
        fusion["message_usager"] = ""
    return fusion


class FormeCuivre(Forme):
    """What both copper files share: their rows, key columns and the merge of arrondissements."""

    modele = CalendrierCuivre
    champs = CHAMPS
    colonnes = ("code_insee", "lot", "fermeture_commerciale", "fermeture_technique")

    def fusionner(self, a: dict, b: dict) -> dict:
        return _fusionner_cuivre(a, b)


class FormeCuivreOrange(FormeCuivre):
    genre = Genre.CUIVRE_ORANGE
    source = "Orange, fichier trajectoire de fermeture du cuivre (feuille Communes)"
    source_url = URL_ORANGE

    def convertir(self, numero: int, ligne: dict, rapport: Rapport) -> dict | None:
        valeurs = {
            "lot": texte(ligne, "lot")[:20],
            "date_fc": _date(rapport, numero, ligne, "fermeture_commerciale"),
            "date_ft": _date(rapport, numero, ligne, "fermeture_technique"),
            "date_fc_initiale": _date(rapport, numero, ligne, "fermeture_commerciale_initiale"),
            "date_ft_initiale": _date(rapport, numero, ligne, "fermeture_technique_initiale"),
            "report_fc": lire(rapport, numero, ligne, "report_FC", booleen),
            "eligibilite_ftth": lire(rapport, numero, ligne, "eligibilite_ftth", _part),
            "nb_log_refus_tiers": lire(rapport, numero, ligne, "nbr_log_refus_tiers", entier),
            "nb_log_blocage_eligibilite": lire(
                rapport, numero, ligne, "nb_log_blocage_eligibilite", entier
            ),
            "message_usager": "",
        }
        if REFUSEE in valeurs.values():
            return None
        return valeurs


class FormeCuivreGouv(FormeCuivre):
    genre = Genre.CUIVRE_GOUV
    colonne_departement = "departement"
    source = "Ministère de l'Économie, fermeture du réseau cuivre (data.economie.gouv.fr)"
    source_url = URL_GOUV
    repetitions_identiques = True  # one line per postal code of a commune

    def convertir(self, numero: int, ligne: dict, rapport: Rapport) -> dict | None:
        valeurs = {
            "lot": texte(ligne, "lot")[:20],
            "date_fc": _date(rapport, numero, ligne, "fermeture_commerciale"),
            "date_ft": _date(rapport, numero, ligne, "fermeture_technique"),
            "date_fc_initiale": None, "date_ft_initiale": None, "report_fc": None,
            "eligibilite_ftth": None, "nb_log_refus_tiers": None,
            "nb_log_blocage_eligibilite": None,
            "message_usager": texte(ligne, "output usager")[:2000],
        }  # fmt: skip
        if REFUSEE in valeurs.values():
            return None
        return valeurs
