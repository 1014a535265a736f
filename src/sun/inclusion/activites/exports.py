"""Activity records written back in La Coop's API format (`GET /api/v1/activites` items), so
that what came from La Coop goes back unchanged and what was entered in SUN can be shared."""

from sun.inclusion.models import Activite


def _instant(moment) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def vers_coop(activite: Activite) -> dict:
    identifiant = (
        activite.identifiant_source if activite.source == Activite.Source.COOP else str(activite.pk)
    )
    mediateur = activite.mediateur_coop_id or (
        str(activite.mediateur.coop_id)
        if activite.mediateur and activite.mediateur.coop_id
        else None
    )
    structure = activite.structure_coop_id or (str(activite.lieu_id) if activite.lieu_id else None)
    return {
        "type": "activite",
        "id": identifiant,
        "attributes": {
            "type": activite.type, "mediateur_id": mediateur,
            "accompagnements": activite.accompagnements, "date": activite.date.isoformat(),
            "duree": activite.duree, "type_lieu": activite.type_lieu, "structure_id": structure,
            "lieu_code_postal": activite.lieu_code_postal or None,
            "lieu_commune": activite.lieu_commune or None,
            "lieu_code_insee": activite.lieu_code_insee or None,
            "creation": _instant(activite.creation), "modification": _instant(activite.modification),
            "suppression": None, "autonomie": activite.autonomie or None,
            "oriente_vers_structure": activite.oriente_vers_structure,
            "structure_de_redirection": activite.structure_de_redirection or None,
            "materiel": activite.materiel, "thematiques": activite.thematiques, "tags": activite.tags,
            "precisions_demarche": activite.precisions_demarche or None,
            "titre_atelier": activite.titre_atelier or None,
            "niveau_atelier": activite.niveau_atelier or None,
        },
    }  # fmt: skip


def page_coop(activites) -> dict:
    """One page as La Coop's API returns it, with every activity given."""
    donnees = [vers_coop(a) for a in activites.select_related("mediateur").order_by("-creation")]
    return {
        "data": donnees, "links": {},
        "meta": {"total_count": len(donnees), "items_per_page": len(donnees), "total_pages": 1,
                 "has_next_page": False, "has_prev_page": False},
    }  # fmt: skip
