"""Indicators of the wing formations (declared with sun.core.indicators.declarer): people
trained this year (agents and managers, per theme), hours and satisfaction. The calculations
are in sun.competences.suivi.calculs."""

from sun.competences import referentiel
from sun.competences.suivi import calculs
from sun.core.indicators import Indicateur, Niveau, declarer

_NIVEAUX = (Niveau.DEPARTEMENT, Niveau.DIRECTION)
_MASQUE = (" Un nombre de 1 à 4 personnes n'est pas affiché ; les sessions de démonstration ne "
           "comptent jamais.")  # fmt: skip

declarer(Indicateur(
    code="competences.agents_formes",
    libelle="Agents et encadrants formés dans l'année",
    unite="personnes",
    niveaux=_NIVEAUX,
    calcul=calculs.agents_formes,
    source=calculs.SOURCE,
    description="Agents et encadrants présents à au moins une session de formation commencée "
                "dans l'année (par défaut l'année en cours)." + _MASQUE,
    sens="hausse",
    par_periode=True,
))  # fmt: skip

for _code, _libelle in referentiel.THEMES:
    declarer(Indicateur(
        code=f"competences.formes_{_code}",
        libelle=f"Personnes formées dans l'année — {_libelle}",
        unite="personnes",
        niveaux=_NIVEAUX,
        calcul=calculs.formes_theme(_code),
        source=calculs.SOURCE,
        description=f"Agents, encadrants et élus présents à au moins une session du thème "
                    f"« {_libelle} » commencée dans l'année." + _MASQUE,
        sens="hausse",
        par_periode=True,
    ))  # fmt: skip

declarer(Indicateur(
    code="competences.heures_formation",
    libelle="Heures de formation suivies dans l'année",
    unite="heures",
    niveaux=_NIVEAUX,
    calcul=calculs.heures_formation,
    source=calculs.SOURCE,
    description="Somme, sur chaque présence, de la durée de la session (heures × personnes "
                "présentes). Non affiché si moins de 5 personnes ont été formées." + _MASQUE,
    sens="hausse",
    par_periode=True,
))  # fmt: skip

declarer(Indicateur(
    code="competences.satisfaction_formations",
    libelle="Utilité ressentie des formations (1 à 4)",
    unite="note moyenne sur 4",
    niveaux=_NIVEAUX,
    calcul=calculs.satisfaction_formations,
    source=calculs.SOURCE,
    description="Moyenne des réponses à « Cette formation vous sera-t-elle utile dans votre "
                "travail ? » (1 pas du tout, 4 tout à fait) ; non affichée sous 5 réponses.",
    sens="hausse",
    par_periode=True,
))  # fmt: skip
