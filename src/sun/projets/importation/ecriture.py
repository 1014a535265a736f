"""The writes of the GLPI ticket import, called by the importer inside the pipeline's
transaction: the typology seeded with the new categories, then the tickets synchronised by
their number (a ticket already imported only gets its status and close date updated: its
type, nature, tool and direction stay as qualified in SUN)."""

from sun.core.imports import Rapport, synchroniser
from sun.core.text import plier
from sun.core.versions import donnees_ecrites
from sun.projets.importation.champs import nature_de_categorie
from sun.projets.models import Demande, TypeDemande

GLPI = Demande.Source.GLPI


def types_manquants(categories: set[str], types: dict[str, TypeDemande]) -> list[TypeDemande]:
    """Create (in bulk) a type of origin GLPI for each category the typology lacks; `types`
    ({folded label: type}) is completed."""
    nouveaux = {}
    for categorie in sorted(categories):
        cle = plier(categorie)
        if cle and cle not in types and cle not in nouveaux:
            nouveaux[cle] = TypeDemande(libelle=categorie, source=TypeDemande.Source.GLPI,
                                        nature=nature_de_categorie(categorie))  # fmt: skip
    if nouveaux:
        donnees_ecrites(TypeDemande)
        TypeDemande.objects.bulk_create(nouveaux.values())
        for t in TypeDemande.objects.filter(libelle__in=[t.libelle for t in nouveaux.values()]):
            types[plier(t.libelle)] = t
    return list(nouveaux.values())


def ecrire_tickets(valeurs: list[dict], existants: set[str], types: dict, rapport: Rapport):
    """Synchronise the tickets (key: their GLPI number) and count the changes."""
    voulus = {}
    for v in valeurs:
        ref = v["reference_externe"]
        if ref in existants:
            voulus[ref] = {"statut": v["statut"], "close_le": v["close_le"]}
            continue
        type_ = types.get(plier(v["categorie"])) if v["categorie"] else None
        nature = (type_.nature if type_ is not None and type_.nature else "") or v["nature"]
        voulus[ref] = {
            "titre": v["titre"], "nature": nature, "type": type_, "statut": v["statut"],
            "creee_le": v["creee_le"], "close_le": v["close_le"], "source": GLPI,
            "description": v["description"],
        }  # fmt: skip
    diff = synchroniser(Demande.objects.filter(source=GLPI), "reference_externe", voulus)
    diff.noter(rapport, nom=lambda d: f"ticket {getattr(d, 'reference_externe', d)}")
