"""Complaints for the médiateur (orientation 11.3 « mettre en place un médiateur et analyser les
réclamations »): by typology, by typology and service concerned, month by month."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Max

from sun.core.calculs_versionnes import calcul_versionne
from sun.core.versions import empreinte
from sun.relation.models import Typologie
from sun.relation.statistiques.calcul import libelles
from sun.relation.statistiques.filtres import Filtres
from sun.relation.statistiques.queries import statistiques
from sun.relation.statistiques.tableaux import SEUIL, Ligne, Tableau, masquer
from sun.relation.versions import CATALOGUE, REGISTRE

SOURCE = "Registre des demandes (SUN), réclamations hors démonstration"
SANS = "Non précisé"


@dataclass
class Reclamations:
    total: int
    demonstration: int
    trop_peu: bool
    date_donnees: date | None
    tableaux: dict[str, Tableau] = field(default_factory=dict)


def _typologies(comptes: dict) -> list[tuple[str, str]]:
    presentes = {k for k in comptes}
    return [(v, l) for v, l in Typologie.choices if v in presentes] + (
        [("", SANS)] if "" in presentes else []
    )


def _matrice(
    code,
    titre,
    entete,
    comptes: dict,
    rangs: list[tuple[object, str]],
    typologies: list[tuple[str, str]],
) -> Tableau:
    """Rows `rangs`, one column per typology and a total; cells masked from 1 to 4, and a
    second cell of a row when one masked cell could be worked out from the row's total."""
    tableau = Tableau(
        code, titre, [entete, *[l for _, l in typologies], "Total"], unite_graphique="réclamations"
    )
    for cle, libelle in rangs:
        cellules = [Ligne(t, l, comptes.get((cle, t), 0)) for t, l in typologies]
        total = sum(c.valeur for c in cellules)
        masquer(cellules)
        total_ligne = masquer([Ligne("total", libelle, total)], additive=False)[0]
        tableau.lignes.append([libelle, *[c.affichee for c in cellules], total_ligne.affichee])
        tableau.graphique.append(total_ligne)
    return tableau


def calculer(filtres: Filtres) -> Reclamations:
    services, _ = libelles()
    base = statistiques().reclamations().recues_entre(filtres.du, filtres.au)
    if filtres.service:
        base = base.filter(service_concerne_id=filtres.service)
    qs = base.reelles()
    total = qs.count()
    resultat = Reclamations(
        total=total,
        demonstration=base.filter(demonstration=True).count(),
        trop_peu=0 < total < SEUIL,
        date_donnees=qs.aggregate(d=Max("recue_le"))["d"],
    )
    if not total or resultat.trop_peu:
        return resultat
    par_typologie = qs.compter_par("typologie")
    typologies = _typologies(par_typologie)
    lignes = [Ligne(t, l, par_typologie[t]) for t, l in typologies]
    masquer(lignes)
    par_type = Tableau(
        "reclamations_typologie",
        "Réclamations par type",
        ["Type", "Réclamations"],
        [[x.libelle, x.affichee] for x in lignes],
        lignes,
        unite_graphique="réclamations",
    )
    par_service = qs.compter_par("service_concerne_id", "typologie")
    ids = sorted({s for s, _ in par_service}, key=lambda s: (s is None, services.get(s, "")))
    rangs = [(s, services.get(s, SANS) if s is not None else SANS) for s in ids]
    par_mois = {(m, t): n for (m, t), n in qs.compter_par_mois("typologie").items() if m}
    mois = [(m, m.strftime("%m/%Y")) for m in sorted({m for m, _ in par_mois})]
    resultat.tableaux = {
        t.code: t
        for t in (
            par_type,
            _matrice(
                "reclamations_service",
                "Réclamations par service concerné et par type",
                "Service concerné",
                par_service,
                rangs,
                typologies,
            ),
            _matrice(
                "reclamations_mois",
                "Réclamations par mois et par type",
                "Mois de réception",
                par_mois,
                mois,
                typologies,
            ),
        )
    }
    return resultat


def obtenir(filtres: Filtres) -> Reclamations:
    version = empreinte([REGISTRE, CATALOGUE])
    return calcul_versionne(
        f"relation-reclamations:{filtres.cle()}", version, lambda: calculer(filtres)
    )
