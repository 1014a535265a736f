"""The workflow of a request: which status may follow which, and why not (in French).

Démarches Simplifiées' states: déposée (en construction) → en instruction → acceptée,
refusée or classée sans suite; a decided request can be re-opened (repasser en instruction).
SUN adds « incomplète : pièces demandées » (L114-5): it is entered by asking for pieces and
left when they arrive (back to instruction) or by closing the request without follow-up.
"""

from sun.relation.models import Statut

S = Statut
TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.EN_CONSTRUCTION: (S.EN_INSTRUCTION, S.INCOMPLET, S.SANS_SUITE),
    S.EN_INSTRUCTION: (S.INCOMPLET, S.ACCEPTE, S.REFUSE, S.SANS_SUITE),
    S.INCOMPLET: (S.EN_INSTRUCTION, S.SANS_SUITE),
    S.ACCEPTE: (S.EN_INSTRUCTION,),
    S.REFUSE: (S.EN_INSTRUCTION,),
    S.SANS_SUITE: (S.EN_INSTRUCTION,),
}

_POURQUOI = {
    (S.INCOMPLET, S.ACCEPTE): "Une demande incomplète ne peut pas être acceptée : enregistrez "
    "d'abord la réception des pièces manquantes, puis instruisez-la.",
    (S.INCOMPLET, S.REFUSE): "Une demande incomplète ne peut pas être refusée en l'état : "
    "enregistrez la réception des pièces, ou classez-la sans suite si elles ne sont pas venues.",
    (S.EN_CONSTRUCTION, S.ACCEPTE): "La demande doit d'abord passer en instruction.",
    (S.EN_CONSTRUCTION, S.REFUSE): "La demande doit d'abord passer en instruction.",
}


class TransitionInterdite(ValueError):
    pass


def verifier_transition(de: str, vers: str) -> None:
    if de == vers:
        raise TransitionInterdite(f"La demande est déjà « {Statut(de).label} ».")
    if vers not in TRANSITIONS.get(de, ()):
        raise TransitionInterdite(_POURQUOI.get((de, vers)) or (
            f"Une demande « {Statut(de).label} » ne peut pas passer à « {Statut(vers).label} »."))  # fmt: skip


def suivants(statut: str) -> list[Statut]:
    """The statuses a request may go to next (for the buttons shown to the instructeur).
    « Incomplet » is reached by asking for pieces, « en instruction » from it by receiving
    them: both have their own form."""
    return [Statut(s) for s in TRANSITIONS.get(statut, ())
            if not (s == S.INCOMPLET or (statut == S.INCOMPLET and s == S.EN_INSTRUCTION))]  # fmt: skip
