"""Indicators of the wing suivi (declared with sun.core.indicators.declarer): the elected
officials' training (CGCT L3123-10 to L3123-14)."""

from sun.competences.suivi import calculs
from sun.core.indicators import Indicateur, Niveau, declarer

declarer(Indicateur(
    code="competences.elus_formes",
    libelle="Élus formés dans l'année",
    unite="élus",
    niveaux=(Niveau.DEPARTEMENT,),
    calcul=calculs.elus_formes,
    source=calculs.SOURCE_ELUS,
    description="Conseillers départementaux présents à au moins une session commencée dans "
                "l'année (suivis avec leur consentement ; un élu qui l'a retiré reste compté "
                "anonymement). Un nombre de 1 à 4 n'est pas affiché ; les sessions de "
                "démonstration ne comptent jamais.",
    sens="hausse",
    par_periode=True,
))  # fmt: skip

declarer(Indicateur(
    code="competences.part_elus_formes",
    libelle="Part des élus suivis formés dans l'année",
    unite="%",
    niveaux=(Niveau.DEPARTEMENT,),
    calcul=calculs.part_elus_formes,
    source=calculs.SOURCE_ELUS,
    description="Élus suivis (avec leur consentement) présents à au moins une session dans "
                "l'année, rapportés aux élus suivis. Non affichée sous 5 élus.",
    sens="hausse",
    par_periode=True,
))  # fmt: skip
