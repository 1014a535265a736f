"""Indicators of the wing « catalogue » (registered through sun.donnees.indicators), at the
level of the département the catalogue serves, dated today: datasets published, share of the
resources valid against their declared schema, datasets past their update frequency. The
catalogue never holds demonstration content (SUN-produced files leave it out, agents deposit
real files), so nothing is left out of these counts."""

from django.utils import timezone

from sun.core.indicators import Indicateur, Niveau, Valeur, declarer
from sun.donnees.catalogue.qualite import a_jour
from sun.donnees.catalogue.queries import avec_versions
from sun.donnees.models import JeuDeDonnees, StatutJeu, StatutValidation

SOURCE = "Catalogue des données de SUN"
NIVEAUX = (Niveau.DEPARTEMENT,)


def _publies():
    return JeuDeDonnees.objects.filter(statut=StatutJeu.PUBLIE)


def jeux_publies(niveau: Niveau, code: str) -> Valeur:
    return Valeur(_publies().count(), timezone.localdate(), SOURCE)


def part_valides(niveau: Niveau, code: str) -> Valeur:
    """Among the resources of published datasets whose latest published version was checked
    against a schema: the share that conforms."""
    versions = [r.publiee for j in avec_versions(_publies()) for r in j.ressources_liste
                if r.publiee is not None and r.publiee.schema_id]  # fmt: skip
    if not versions:
        return Valeur(None, timezone.localdate(), SOURCE,
                      "Aucune ressource publiée ne déclare de schéma.")  # fmt: skip
    valides = sum(v.statut_validation == StatutValidation.VALIDE for v in versions)
    return Valeur(round(100 * valides / len(versions), 1), timezone.localdate(), SOURCE,
                  f"{valides} ressource(s) conforme(s) sur {len(versions)} déclarant un schéma.")  # fmt: skip


def jeux_en_retard(niveau: Niveau, code: str) -> Valeur:
    maintenant = timezone.now()
    jeux = list(_publies().only("frequence", "modifie_le"))
    suivis = [j for j in jeux if a_jour(j, maintenant) is not None]
    retard = sum(a_jour(j, maintenant) is False for j in suivis)
    return Valeur(retard, timezone.localdate(), SOURCE,
                  f"Sur {len(suivis)} jeu(x) publié(s) ayant une fréquence de mise à jour "
                  "régulière.")  # fmt: skip


declarer(Indicateur(
    code="donnees.jeux_publies", libelle="Jeux de données publiés", unite="jeux de données",
    niveaux=NIVEAUX, calcul=jeux_publies, source=SOURCE, sens="hausse",
    description="Jeux de données publiés au catalogue des données ouvertes (hors brouillons et "
                "jeux retirés), qu'ils soient produits par SUN ou déposés par les agents.",
))  # fmt: skip
declarer(Indicateur(
    code="donnees.part_valides",
    libelle="Part des ressources publiées conformes à leur schéma national", unite="%",
    niveaux=NIVEAUX, calcul=part_valides, source=SOURCE, sens="hausse",
    description="Parmi les ressources des jeux publiés dont la dernière version publiée a été "
                "contrôlée contre un schéma de schema.data.gouv.fr : la part conforme.",
))  # fmt: skip
declarer(Indicateur(
    code="donnees.jeux_en_retard",
    libelle="Jeux de données en retard sur leur fréquence de mise à jour",
    unite="jeux de données", niveaux=NIVEAUX, calcul=jeux_en_retard, source=SOURCE,
    sens="baisse",
    description="Jeux publiés dont les données n'ont pas changé depuis plus longtemps que leur "
                "fréquence déclarée ne le permet (par exemple 366 jours pour une fréquence "
                "annuelle). Les jeux ponctuels, irréguliers ou de fréquence inconnue ne comptent "
                "pas.",
))  # fmt: skip
