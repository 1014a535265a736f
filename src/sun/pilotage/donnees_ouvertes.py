"""The open datasets of the plan (sun.donnees.declarations), never with demonstration values:

- the indicator values, in the national schema `etalab/schema-impact-service-public-numerique`
  0.5.0: the values stored for the plan's public indicators (results and targets), and today's
  value of every indicator of SUN's registry computed for the whole département;
- the progress of the plan's actions (status, pilot services, dates, linked indicators); the
  pilots' names are never written, only the services or partners that pilot."""

from datetime import date, datetime

from django.conf import settings
from django.utils import timezone

from sun.core import indicators as registre
from sun.core.versions import empreinte
from sun.donnees.declarations import JeuDeclare, RessourceDeclaree, declarer, fichier_csv
from sun.pilotage.versions import PLAN

SCHEMA_IMPACT = ("etalab/schema-impact-service-public-numerique", "0.5.0")
ENTETE_IMPACT = ["administration_rattachement", "nom_service_public_numerique", "indicateur",
                 "valeur", "unite_mesure", "est_cible", "type_indicateur", "frequence_monitoring",
                 "date", "est_periode", "date_debut", "est_automatise", "source_collecte",
                 "denom_insee", "code_insee", "dataviz_wish", "commentaires"]  # fmt: skip
SERVICE_REGISTRE = "SUN, plateforme du schéma des usages du numérique"
# The schema's `denom_insee` per level of calculation (an EPCI or a service has none).
DENOM_INSEE = {registre.Niveau.COMMUNE: "COM", registre.Niveau.DEPARTEMENT: "DEP"}


def _administration() -> str:
    """SUN_NOM_ORGANISATION, else « Département de l'Aude » (its name from the territory)."""
    if settings.SUN_NOM_ORGANISATION:
        return settings.SUN_NOM_ORGANISATION
    from sun.territoire.queries import departement_configure

    departement = departement_configure()
    return f"Département {departement.nom_avec_de}" if departement else \
        f"Département {settings.SUN_DEPARTEMENT}"  # fmt: skip


def _nombre(valeur: float) -> str:
    return str(int(valeur)) if float(valeur).is_integer() else repr(float(valeur))


def _booleen(valeur: bool) -> str:
    return "true" if valeur else "false"


def _jour(quand) -> date:
    return quand.date() if isinstance(quand, datetime) else quand


def _unite(unite: str) -> str:
    # The schema: « lorsqu'il s'agit d'un comptage, indiquer 'unité' ».
    return unite.strip() or "unité"


# --- the indicator values -------------------------------------------------------------------
def _toutes_les_versions() -> list:
    """Every version of SUN's data: a value of the registry may read any of them."""
    from sun.connectivite import versions as connectivite
    from sun.inclusion import versions as inclusion
    from sun.relation import versions as relation
    from sun.territoire.version import VERSION as TERRITOIRE

    return [PLAN, TERRITOIRE, inclusion.REGISTRE, inclusion.ACTIVITES, inclusion.RESEAU,
            inclusion.ANALYSES, relation.CATALOGUE, relation.REGISTRE, connectivite.DONNEES,
            connectivite.SIGNALEMENTS]  # fmt: skip


def version_indicateurs() -> str:
    # Registry values are computed today: the day is part of what the file says.
    return empreinte(_toutes_les_versions(), timezone.localdate(), settings.SUN_DEPARTEMENT,
                     settings.SUN_NOM_ORGANISATION)  # fmt: skip


def _lignes_du_plan():
    from sun.pilotage.avancement import plan_courant
    from sun.pilotage.models import ValeurIndicateur

    plan = plan_courant()
    if plan is None:
        return
    valeurs = (ValeurIndicateur.objects.filter(indicateur__plan=plan, indicateur__public=True,
                                               demonstration=False)
               .select_related("indicateur").order_by("indicateur__code", "date"))  # fmt: skip
    for v in valeurs:
        i = v.indicateur
        denom = DENOM_INSEE.get(i.niveau, "") if i.niveau else "DEP"
        code = (i.territoire or settings.SUN_DEPARTEMENT) if denom else ""
        automatise = bool(i.calcul)
        source = (f"calcul automatique par SUN ({i.calcul}) ; {v.source}" if automatise
                  else f"saisie dans SUN ; {v.source}")  # fmt: skip
        commentaire = " ".join(t for t in (v.note, v.commentaire) if t)
        for valeur, cible in ((v.resultat, False), (v.objectif, True)):
            if valeur is None:
                continue
            yield [_administration(), plan.titre, i.libelle, _nombre(valeur), _unite(i.unite),
                   _booleen(cible), "impact", "quotidienne" if automatise else "annuelle",
                   v.date.isoformat(), "false", "", _booleen(automatise), source, denom, code,
                   "linechart", commentaire]  # fmt: skip


def _lignes_du_registre():
    departement = settings.SUN_DEPARTEMENT
    for indicateur in registre.tous():
        if registre.Niveau.DEPARTEMENT not in indicateur.niveaux:
            continue
        try:
            valeur = indicateur.calculer(registre.Niveau.DEPARTEMENT, departement)
        except (registre.NiveauNonCalcule, registre.TerritoireInconnu, LookupError, ValueError):
            continue
        if valeur.valeur is None or valeur.date is None:
            continue
        commentaire = " ".join(t for t in (indicateur.description, valeur.note) if t)
        yield [_administration(), SERVICE_REGISTRE, indicateur.libelle, _nombre(valeur.valeur),
               _unite(indicateur.unite), "false", "usage", "quotidienne",
               _jour(valeur.date).isoformat(), "false", "", "true",
               f"calcul automatique par SUN ({indicateur.code}) ; {valeur.source}", "DEP",
               departement, "", commentaire]  # fmt: skip


def lignes_indicateurs():
    yield from _lignes_du_plan()
    yield from _lignes_du_registre()


# --- the progress of the plan ---------------------------------------------------------------
ENTETE_AVANCEMENT = ["plan", "code", "action", "action_parente", "axe", "orientation_code",
                     "orientation", "statut", "priorite", "services_pilotes", "partenaires",
                     "date_debut", "date_fin_prevue", "en_retard", "etapes_realisees", "etapes",
                     "indicateurs", "modifie_le"]  # fmt: skip


def version_avancement() -> str:
    return empreinte([PLAN], timezone.localdate())  # « en retard » depends on the day


def lignes_avancement():
    from sun.pilotage.avancement import plan_courant
    from sun.pilotage.queries import ORDRE_DES_ACTIONS
    from sun.pilotage.services import en_retard

    plan = plan_courant()
    if plan is None:
        return
    aujourd_hui = timezone.localdate()
    actions = (plan.actions.select_related("orientation__parent", "parent")
               .prefetch_related("etapes", "indicateurs").order_by(*ORDRE_DES_ACTIONS, "code"))  # fmt: skip
    for a in actions:
        etapes = list(a.etapes.all())
        axe = a.orientation.parent
        yield [plan.titre, a.code, a.titre, a.parent.code if a.parent else "",
               f"{axe.code}. {axe.titre}" if axe else "", a.orientation.code, a.orientation.titre,
               a.get_statut_display(), a.get_priorite_display(), "|".join(a.pilotes_services),
               "|".join(a.partenaires), a.date_debut.isoformat() if a.date_debut else "",
               a.date_fin_prevue.isoformat() if a.date_fin_prevue else "",
               _booleen(en_retard(a, aujourd_hui)), sum(e.realisee for e in etapes), len(etapes),
               "|".join(sorted(i.code for i in a.indicateurs.all())),
               timezone.localtime(a.modifie_le).date().isoformat()]  # fmt: skip


def couverture_plan() -> tuple[date | None, date | None]:
    from sun.pilotage.avancement import plan_courant

    plan = plan_courant()
    return (date(plan.debut, 1, 1), date(plan.fin, 12, 31)) if plan else (None, None)


declarer(JeuDeclare(
    code="pilotage.indicateurs", slug="indicateurs-schema-usages-numerique",
    titre="Indicateurs du schéma des usages du numérique",
    description=(
        "Valeurs des indicateurs au schéma national « Impact d'un service public numérique » "
        "(etalab/schema-impact-service-public-numerique, version 0.5.0) : résultats et cibles "
        "des indicateurs publics du schéma des usages du numérique, et valeur du jour de chaque "
        "indicateur que SUN calcule pour l'ensemble du département. Chaque valeur porte sa "
        "date, sa source et l'échelon géographique INSEE. Aucune valeur de démonstration."
    ),
    themes=("institutions",), frequence="daily", maille="Départementale",
    mots_cles=("indicateurs", "schéma des usages du numérique", "pilotage", "impact"),
    couverture=couverture_plan,
    ressources=(RessourceDeclaree("csv", "Valeurs des indicateurs (CSV, schéma national)", "csv",
                                  fichier_csv(ENTETE_IMPACT, lignes_indicateurs), version_indicateurs,
                                  SCHEMA_IMPACT),),
))  # fmt: skip

declarer(JeuDeclare(
    code="pilotage.avancement", slug="avancement-schema-usages-numerique",
    titre="Avancement des actions du schéma des usages du numérique",
    description=(
        "Les actions du schéma : axe, orientation, statut, priorité, services ou partenaires "
        "pilotes, dates de début et de fin prévue, retard (fin prévue dépassée ou action "
        "signalée en retard), étapes réalisées et indicateurs rattachés. Aucun nom de personne."
    ),
    themes=("institutions",), frequence="daily", maille="Départementale",
    mots_cles=("schéma des usages du numérique", "plan d'actions", "avancement", "pilotage"),
    couverture=couverture_plan,
    ressources=(RessourceDeclaree("csv", "Actions et avancement (CSV)", "csv",
                                  fichier_csv(ENTETE_AVANCEMENT, lignes_avancement),
                                  version_avancement),),
))  # fmt: skip
