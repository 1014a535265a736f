"""The open dataset of connectivity (sun.donnees.declarations): per commune of the département,
the fibre, the wired speeds, the closure of the copper network and the mobile coverage, from
the newest REAL edition of each file (a demonstration edition is never written)."""

from datetime import date

from django.conf import settings

from sun.core.versions import empreinte
from sun.donnees.declarations import JeuDeclare, RessourceDeclaree, declarer, fichier_csv
from sun.territoire.version import VERSION as TERRITOIRE

ENTETE = ["code_insee", "commune", "locaux", "locaux_fibre", "part_fibre", "locaux_thd30",
          "part_thd30", "date_edition_ma_connexion_internet", "cuivre_lot",
          "cuivre_fermeture_commerciale", "cuivre_fermeture_technique", "cuivre_source",
          "mobile_4g_bonne_couverture_population_min", "mobile_4g_bonne_couverture_population_max",
          "mobile_operateurs_4g", "date_edition_mobile"]  # fmt: skip


def version() -> str:
    from sun.connectivite.versions import DONNEES

    return empreinte([DONNEES, TERRITOIRE], settings.SUN_DEPARTEMENT)


def _part(nombre, total) -> str:
    return "" if nombre is None or not total else f"{100 * nombre / total:.1f}"


def _iso(jour: date | None) -> str:
    return jour.isoformat() if jour else ""


def _lignes_reelles(genre: str, codes: list[str]):
    from sun.connectivite.queries import MODELE_DU_GENRE, edition_courante

    edition = edition_courante(genre, reelles=True)
    if edition is None:
        return None, {}
    lignes = MODELE_DU_GENRE[genre].objects.filter(edition=edition, code_insee__in=codes)
    return edition, lignes


def lignes():
    from sun.connectivite.models import Genre
    from sun.connectivite.queries import cuivre_par_commune
    from sun.territoire.models import Commune

    communes = list(Commune.objects.filter(departement__code=settings.SUN_DEPARTEMENT)
                    .order_by("code_insee").values_list("code_insee", "nom"))  # fmt: skip
    codes = [c for c, _ in communes]
    edition_fixe, fixes = _lignes_reelles(Genre.MCI_MEILLEURE_TECHNO, codes)
    fixes = {l.code_insee: l for l in fixes}
    edition_debit, debits = _lignes_reelles(Genre.MCI_DEBIT_FILAIRE, codes)
    debits = {l.code_insee: l for l in debits}
    edition_mobile, mobiles = _lignes_reelles(Genre.MOBILE, codes)
    mobile_4g: dict[str, list] = {}
    for ligne in mobiles or []:
        if ligne.techno.upper() == "4G":
            mobile_4g.setdefault(ligne.code_insee, []).append(ligne)
    cuivres = cuivre_par_commune(codes, reelles=True)
    for code, nom in communes:
        fixe, debit = fixes.get(code), debits.get(code)
        locaux = fixe.nbr if fixe else (debit.nbr if debit else None)
        fibre = getattr(fixe, "elig_ftth", None) if fixe else None
        thd30 = getattr(debit, "elig_thd30", None) if debit else None
        cuivre = (cuivres.get(code) or [None])[0]
        couverts = [m.pop_bc + m.pop_tbc for m in mobile_4g.get(code, [])]
        edition = edition_fixe or edition_debit
        yield [code, nom, "" if locaux is None else locaux, "" if fibre is None else fibre,
               _part(fibre, locaux), "" if thd30 is None else thd30, _part(thd30, locaux),
               _iso(edition.date_edition) if edition and (fixe or debit) else "",
               cuivre.lot if cuivre else "", _iso(cuivre.date_fc) if cuivre else "",
               _iso(cuivre.date_ft) if cuivre else "", cuivre.edition.source if cuivre else "",
               f"{min(couverts):.1f}" if couverts else "", f"{max(couverts):.1f}" if couverts else "",
               len(couverts) if couverts else "",
               _iso(edition_mobile.date_edition) if edition_mobile and couverts else ""]  # fmt: skip


declarer(JeuDeclare(
    code="connectivite.communes", slug="connectivite-communes",
    titre="Connectivité des communes : fibre, cuivre, mobile",
    description=(
        "Pour chaque commune du département : locaux (logements et locaux professionnels) et "
        "part de ceux dont la meilleure technologie est la fibre jusqu'au logement, part des "
        "locaux éligibles à 30 Mbit/s ou plus en filaire (Arcep, « Ma connexion internet »), "
        "calendrier de fermeture du réseau cuivre (lot, fermetures commerciale et technique), "
        "et part de la population en bonne ou très bonne couverture 4G selon l'opérateur le "
        "moins et le mieux couvrant (Arcep, « Mon réseau mobile »). Chaque bloc porte la date "
        "de son édition ; aucune édition de démonstration."
    ),
    themes=("institutions", "economie"), frequence="quarterly", maille="Communale",
    mots_cles=("connectivité", "fibre", "très haut débit", "cuivre", "couverture mobile"),
    ressources=(RessourceDeclaree("csv", "Connectivité par commune (CSV)", "csv",
                                  fichier_csv(ENTETE, lignes), version),),
))  # fmt: skip
