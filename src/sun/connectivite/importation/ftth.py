"""ARCEP quarterly FttH observatory (« Le marché du haut et très haut débit fixe —
déploiements », `AAAAtN-obs-hd-thd-deploiement[-vf].xlsx`), sheet `Communes`: the header row
is found by its `Code commune` cell (row 5 in the editions seen, never assumed), then one
column per quarter (`T4 2017` …) of FttH-connectable premises. Each edition keeps its whole
series (ARCEP revises past quarters): one CommuneFtth and one DeploiementFtth per quarter."""

from datetime import date

from sun.connectivite.importation.champs import booleen, entier, texte
from sun.connectivite.importation.detection import trimestres
from sun.connectivite.importation.forme import REFUSEE, Forme, lire, masse_supprimer
from sun.connectivite.models import CommuneFtth, DeploiementFtth, Genre
from sun.core.imports import Rapport, masse

URL = "https://www.data.gouv.fr/datasets/le-marche-du-haut-et-tres-haut-debit-fixe-deploiements"
FEUILLE, MARQUEUR = "Communes", "Code commune"
DRAPEAUX = {"commune_rurale": "Commune rurale", "commune_montagne": "Commune de montagne",
            "zone_tres_dense": "Zone très dense"}  # fmt: skip
CHAMPS = ("siren_epci", "locaux_estimes", *DRAPEAUX)


class FormeFtth(Forme):
    genre = Genre.FTTH
    modele = CommuneFtth
    champs = CHAMPS
    colonnes = ("Code commune",)
    colonne_code = "Code commune"
    colonne_departement = "Code département"
    source = "Arcep, observatoire du haut et très haut débit fixe : déploiements (feuille Communes)"
    source_url = URL

    def preparer_colonnes(self, colonnes: list[str]) -> None:
        self.trimestres = trimestres(colonnes)
        self.estimation = next(
            (c for c in colonnes if c.casefold().startswith("meilleure estimation des locaux")), ""
        )

    def convertir(self, numero: int, ligne: dict, rapport: Rapport) -> dict | None:
        valeurs = {"siren_epci": texte(ligne, "Siren EPCI")[:9]}
        valeurs["locaux_estimes"] = None
        if self.estimation:
            valeurs["locaux_estimes"] = lire(rapport, numero, ligne, self.estimation, entier)
        for champ, colonne in DRAPEAUX.items():
            valeurs[champ] = lire(rapport, numero, ligne, colonne, booleen)
        serie = {}
        for colonne, trimestre in self.trimestres.items():
            serie[trimestre] = lire(rapport, numero, ligne, colonne, entier)
        if REFUSEE in valeurs.values() or REFUSEE in serie.values():
            return None
        valeurs["serie"] = {t: n for t, n in serie.items() if n is not None}
        return valeurs

    def empreinte(self, valeurs: dict) -> tuple:
        return tuple(valeurs[c] for c in CHAMPS)

    def fusionner(self, a: dict, b: dict) -> dict:
        """Arrondissements of one city: premises and connectable premises added up quarter by
        quarter (the flags of the first one kept)."""
        fusion = super().fusionner({k: v for k, v in a.items() if k != "serie"}, b)
        serie = dict(a["serie"])
        for trimestre, n in b["serie"].items():
            serie[trimestre] = serie.get(trimestre, 0) + n
        return {**fusion, "serie": serie}

    def ecrire(self, edition_id: int, lignes: list[dict]) -> dict[str, str]:
        codes = sorted({ligne["code_insee"] for ligne in lignes})
        communes, series = {}, {}
        for lot in masse.par_lots(codes, 2000):
            for pk, code, *valeurs in CommuneFtth.objects.filter(
                edition_id=edition_id, code_insee__in=lot
            ).values_list("pk", "code_insee", *CHAMPS):
                communes[code] = (pk, tuple(valeurs))
            for pk, code, trimestre, n in DeploiementFtth.objects.filter(
                edition_id=edition_id, code_insee__in=lot
            ).values_list("pk", "code_insee", "trimestre", "locaux_raccordables"):
                series.setdefault(code, {})[trimestre] = (pk, n)
        statuts: dict[str, str] = {}
        a_creer, a_modifier, points, points_modifies, points_absents = [], [], [], [], []
        for ligne in lignes:
            code, serie = ligne["code_insee"], ligne.pop("serie")
            actuelle, avant = communes.get(code), series.get(code, {})
            changee = actuelle is None or actuelle[1] != self.empreinte(ligne)
            if actuelle is None:
                a_creer.append({"edition_id": edition_id, **ligne})
            elif changee:
                a_modifier.append(CommuneFtth(pk=actuelle[0], edition_id=edition_id, **ligne))
            for trimestre, n in serie.items():
                connu = avant.get(trimestre)
                if connu is None:
                    points.append(_point(edition_id, code, trimestre, n))
                elif connu[1] != n:
                    points_modifies.append(DeploiementFtth(pk=connu[0], locaux_raccordables=n))
            absents = [pk for t, (pk, _) in avant.items() if t not in serie]
            points_absents += absents
            if actuelle is None:
                statuts[code] = "n"
            else:
                statuts[code] = "m" if _change(changee, serie, avant) else "i"
        masse.inserer_lignes(CommuneFtth, a_creer)
        masse.mettre_a_jour(a_modifier, CHAMPS)
        masse.inserer_lignes(DeploiementFtth, points)
        masse.mettre_a_jour(points_modifies, ["locaux_raccordables"])
        masse_supprimer(DeploiementFtth, points_absents)
        self.points = getattr(self, "points", 0) + len(points) + len(points_modifies)
        return statuts

    def supprimer(self, edition_id: int, pks: list[int], cles: set[str]) -> None:
        masse_supprimer(CommuneFtth, pks)
        for lot in masse.par_lots(sorted(cles), 900):
            DeploiementFtth.objects.filter(edition_id=edition_id, code_insee__in=lot).delete()


def _change(commune_changee: bool, serie: dict, avant: dict) -> bool:
    if commune_changee or serie.keys() != avant.keys():
        return True
    return any(avant[t][1] != n for t, n in serie.items())


def _point(edition_id: int, code: str, trimestre: date, n: int) -> dict:
    return {"edition_id": edition_id, "code_insee": code, "trimestre": trimestre,
            "locaux_raccordables": n}  # fmt: skip
