"""The directory of referents as CSV (one line per active referent)."""

from sun.competences.models import Referent
from sun.competences.referents import annuaire
from sun.core.tableur import ecrivain_csv

COLONNES = ["Direction", "Sigle", "Prénom", "Nom", "Périmètre", "Adresse électronique",
            "Téléphone", "Questions traitées", "Démonstration"]  # fmt: skip


def lignes() -> list[list[str]]:
    return [[r.direction.nom, r.direction.sigle, r.personne.prenom, r.personne.nom,
             r.perimetre, r.courriel, r.telephone, " ; ".join(annuaire.questions(r)),
             "oui" if r.direction.demonstration else "non"]
            for r in Referent.objects.pour_annuaire()]  # fmt: skip


def ecrire_csv(fichier) -> None:
    ecrivain = ecrivain_csv(fichier, delimiter=";")
    ecrivain.writerow(COLONNES)
    ecrivain.writerows(lignes())
