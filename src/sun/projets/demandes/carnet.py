"""The backlog of the tools as rows (the CSV export and `sun projets carnet` share them): the
open évolutions ranked per tool by `DemandeQuerySet.carnet`."""

from django.utils import timezone

COLONNES = ("Outil", "N°", "Titre", "Type", "Direction", "Soutiens", "Statut",
            "Créée le", "Âge (jours)", "Score", "Démonstration")  # fmt: skip
A_ESTIMER = "à estimer"


def age_jours(demande, maintenant=None) -> int:
    """Whole days since the request was created."""
    return max(((maintenant or timezone.now()) - demande.creee_le).days, 0)


def texte_score(demande) -> str:
    return A_ESTIMER if demande.score is None else f"{demande.score:.2f}".replace(".", ",")


def lignes(demandes) -> list[tuple]:
    """One row of COLONNES per request of the backlog queryset `demandes`."""
    maintenant = timezone.now()
    return [(
        d.outil.nom if d.outil else "(sans outil)", d.pk, d.titre,
        d.type.libelle if d.type else "", d.direction.nom if d.direction else "",
        getattr(d, "nb_soutiens", 0), d.get_statut_display(),
        timezone.localtime(d.creee_le).strftime("%d/%m/%Y"), age_jours(d, maintenant),
        texte_score(d), "oui" if d.demonstration else "non",
    ) for d in demandes]  # fmt: skip
