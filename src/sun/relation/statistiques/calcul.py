"""The statistics of the register for a selection (filters), computed once per version of the
register and catalogue (`sun.core.calculs_versionnes`): volumes by channel, démarche, service
and month; processing times p50 / p90 by démarche and service; shares of incomplete requests
and of requests decided in time; implicit decisions; the figures shown to users."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Max

from sun.core.calculs_versionnes import calcul_versionne
from sun.core.versions import empreinte
from sun.relation.models import CanalDemande, Demarche, ServiceInstructeur
from sun.relation.statistiques.filtres import Filtres
from sun.relation.statistiques.observes import tableau_delais_observes
from sun.relation.statistiques.percentiles import par_groupe, percentile
from sun.relation.statistiques.queries import statistiques
from sun.relation.statistiques.tableaux import (
    NON_AFFICHE,
    SEUIL,
    Ligne,
    Tableau,
    ligne_de_part,
    masque,
    masquer,
    part,
)
from sun.relation.versions import CATALOGUE, REGISTRE

SOURCE = "Registre des demandes (SUN), hors démonstration"


@dataclass
class Statistiques:
    total: int
    demonstration: int
    trop_peu: bool
    date_donnees: date | None  # the latest receipt in the selection
    calcule_le: date
    tableaux: dict[str, Tableau] = field(default_factory=dict)


def libelles() -> tuple[dict[int, str], dict[int, str]]:
    services = dict(ServiceInstructeur.objects.values_list("pk", "nom"))
    demarches = dict(Demarche.objects.values_list("pk", "titre"))
    return services, demarches


def _volumes(code, titre, comptes: dict, noms: dict, entete: str) -> Tableau:
    lignes = sorted(
        (Ligne(str(k), noms.get(k, str(k)), n) for k, n in comptes.items()),
        key=lambda ligne: (-ligne.valeur, ligne.libelle),
    )
    masquer(lignes)
    return Tableau(
        code,
        titre,
        [entete, "Demandes"],
        [[ligne.libelle, ligne.affichee] for ligne in lignes],
        lignes,
    )


def _par_mois(qs) -> Tableau:
    comptes = {cle[0]: n for cle, n in qs.compter_par_mois().items() if cle[0]}
    lignes = [Ligne(m.strftime("%Y-%m"), m.strftime("%m/%Y"), comptes[m]) for m in sorted(comptes)]
    masquer(lignes)
    return Tableau(
        "mois",
        "Demandes reçues par mois",
        ["Mois de réception", "Demandes"],
        [[ligne.cle, ligne.affichee] for ligne in lignes],
        lignes,
    )


def _delais(code, titre, qs, champ: str, noms: dict, entete: str) -> Tableau:
    groupes = par_groupe(qs.histogramme_delais(champ))
    tableau = Tableau(
        code,
        titre,
        [entete, "Demandes décidées", "Médiane (jours)", "9 sur 10 décidées en (jours)"],
        unite_graphique="jours (médiane)",
        note=f"De la réception à la décision. Moins de {SEUIL} demandes décidées : "
        "délais non affichés.",
    )
    rangees = []
    for cle, histo in groupes.items():
        n = sum(histo.values())
        p50, p90 = percentile(histo, 50), percentile(histo, 90)
        rangees.append((noms.get(cle, str(cle)), n, p50, p90, str(cle)))
    for libelle, n, p50, p90, cle in sorted(rangees, key=lambda r: r[0]):
        cache = n < SEUIL
        tableau.lignes.append(
            [
                libelle,
                masque(n),
                NON_AFFICHE if cache else round(p50, 1),
                NON_AFFICHE if cache else round(p90, 1),
            ]
        )
        tableau.graphique.append(Ligne(cle, libelle, 0 if cache else round(p50), masquee=cache))
    return tableau


def _parts(qs, champ: str, noms: dict, entete: str, aujourd_hui: date) -> list[Tableau]:
    comptes = qs.indicateurs_par(champ, aujourd_hui)
    ordre = sorted(comptes, key=lambda k: noms.get(k, str(k)))
    ensemble = {
        c: sum(v.get(c, 0) for v in comptes.values())
        for c in (
            "demandes",
            "incompletes",
            "avec_delai",
            "dans_les_temps",
            "implicites_ouvertes",
            "decidees_apres",
        )
    }
    rangs = [("Ensemble", "", ensemble)] + [
        (noms.get(k, str(k)), str(k), comptes[k]) for k in ordre
    ]
    incompletes = Tableau(
        "incompletes",
        "Part des demandes incomplètes (pièces demandées au moins une fois)",
        [entete, "Demandes", "Incomplètes", "Part (%)"],
        unite_graphique="%",
    )
    temps = Tableau(
        "dans_les_temps",
        "Part des demandes décidées dans le délai légal (ou annoncé)",
        [entete, "Décidées (avec un délai)", "Dans le délai", "Part (%)"],
        unite_graphique="%",
        note="Décidée au plus tard le jour où naîtrait la décision implicite ou, sans "
        "décision implicite, dans le délai annoncé.",
    )
    implicites = Tableau(
        "implicites",
        "Décisions implicites",
        [
            entete,
            "En cours, décision implicite déjà née",
            "Décidées après la date de la décision implicite",
        ],
        note=f"Au {aujourd_hui:%d/%m/%Y} : demandes encore ouvertes dont la décision implicite "
        "(acceptation ou rejet) est née faute de réponse, et demandes décidées "
        "explicitement après cette date.",
    )
    for libelle, cle, c in rangs:
        p = part(c["incompletes"], c["demandes"])
        incompletes.lignes.append([libelle, masque(c["demandes"]), masque(c["incompletes"]), p])
        p2 = part(c["dans_les_temps"], c["avec_delai"])
        temps.lignes.append([libelle, masque(c["avec_delai"]), masque(c["dans_les_temps"]), p2])
        implicites.lignes.append(
            [libelle, masque(c["implicites_ouvertes"]), masque(c["decidees_apres"])]
        )
        if cle:
            incompletes.graphique.append(ligne_de_part(cle, libelle, p))
            temps.graphique.append(ligne_de_part(cle, libelle, p2))
            implicites.graphique.append(Ligne(cle, libelle, c["implicites_ouvertes"]))
    masquer(implicites.graphique)
    implicites.unite_graphique = "demandes en cours dont la décision implicite est née"
    return [incompletes, temps, implicites]


def calculer(filtres: Filtres, aujourd_hui: date) -> Statistiques:
    """Every table of the statistics page for `filtres` (not cached: see `obtenir`)."""
    services, demarches = libelles()
    base = filtres.appliquer(statistiques())
    qs = base.reelles()
    total = qs.count()
    demonstration = base.filter(demonstration=True).count()
    resultat = Statistiques(
        total=total,
        demonstration=demonstration,
        trop_peu=0 < total < SEUIL,
        calcule_le=aujourd_hui,
        date_donnees=qs.aggregate(d=Max("recue_le"))["d"],
    )
    if not total or resultat.trop_peu:
        return resultat
    canaux = dict(CanalDemande.choices)
    par_demarche = qs.compter_par("demarche_id")
    tableaux = [
        _volumes("canal", "Demandes par canal", qs.compter_par("canal"), canaux, "Canal"),
        _volumes("demarche", "Demandes par démarche", par_demarche, demarches, "Démarche"),
        _volumes(
            "service", "Demandes par service", qs.compter_par("service_id"), services, "Service"
        ),
        _par_mois(qs),
        _delais(
            "delais_demarche",
            "Délai de traitement par démarche",
            qs,
            "demarche_id",
            demarches,
            "Démarche",
        ),
        _delais(
            "delais_service",
            "Délai de traitement par service",
            qs,
            "service_id",
            services,
            "Service",
        ),
        *_parts(qs, "service_id", services, "Service", aujourd_hui),
        tableau_delais_observes(sorted(par_demarche), demarches, aujourd_hui),
    ]
    resultat.tableaux = {t.code: t for t in tableaux}
    return resultat


def obtenir(filtres: Filtres, aujourd_hui: date) -> Statistiques:
    """`calculer`, kept in the cache until the register or the catalogue changes."""
    version = empreinte([REGISTRE, CATALOGUE], aujourd_hui)
    return calcul_versionne(
        f"relation-statistiques:{filtres.cle()}", version, lambda: calculer(filtres, aujourd_hui)
    )
