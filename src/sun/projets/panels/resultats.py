"""The results of a consultation: counts per answer and per member type, masked (as every
figure about people) while fewer than `SEUIL_PERSONNES` members answered; the comments,
without names, only from that threshold on. A member type with fewer answers than the
threshold has its row masked, and so have the other types then (else a subtraction from the
whole would give it back)."""

from dataclasses import dataclass, field

from django.utils import timezone

from sun.core.indicators import NON_AFFICHE, SEUIL_PERSONNES
from sun.projets.models import Avis, MembrePanel


@dataclass
class Ligne:
    libelle: str
    total: int | str
    cellules: list = field(default_factory=list)  # one count (or NON_AFFICHE) per answer


@dataclass
class Resultats:
    total: int
    masque: bool
    reponses: list[str]  # the labels of the answers, in order
    lignes: list[Ligne]
    commentaires: list[str]
    date: object
    message: str = ""


def _compter(avis: list, reponses) -> list[int]:
    return [sum(1 for a in avis if a.reponse == r) for r in reponses]


def resultats(consultation) -> Resultats:
    avis = list(Avis.objects.filter(consultation=consultation).order_by("le", "pk"))
    reponses = list(Avis.Reponse.values)
    libelles = [Avis.Reponse(r).label for r in reponses]
    total = len(avis)
    aujourd_hui = timezone.localdate()
    if total < SEUIL_PERSONNES:
        message = (f"Résultats non affichés : {'moins de ' + str(SEUIL_PERSONNES) if total else 'aucune'} "
                   f"réponse{'s' if total else ''} reçue{'s' if total else ''} pour l'instant ; "
                   f"les résultats s'affichent à partir de {SEUIL_PERSONNES} réponses, sans "
                   "aucun nom.")  # fmt: skip
        return Resultats(total, True, libelles, [], [], aujourd_hui, message)
    lignes = [Ligne("Ensemble des membres", total, _compter(avis, reponses))]
    par_type = [(libelle, [a for a in avis if a.type_membre == valeur])
                for valeur, libelle in MembrePanel.Type.choices]  # fmt: skip
    par_type = [(libelle, du_type) for libelle, du_type in par_type if du_type]
    # One small group masked would be found again by subtraction: then every type is masked.
    detail = all(len(du_type) >= SEUIL_PERSONNES for _l, du_type in par_type)
    for libelle, du_type in par_type:
        if detail:
            lignes.append(Ligne(libelle, len(du_type), _compter(du_type, reponses)))
        else:
            lignes.append(Ligne(libelle, NON_AFFICHE, [NON_AFFICHE] * len(reponses)))
    commentaires = [a.commentaire for a in avis if a.commentaire]
    return Resultats(total, False, libelles, lignes, commentaires, aujourd_hui)
