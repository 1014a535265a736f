"""Public tracking of a request: a tracking code and one piece of proof (the postal code or the
name given), no account.

No enumeration: an unknown code, a known code with a wrong proof and a malformed code get the
same answer (None) after the same work — the same two queries, the proof compared with
`hmac.compare_digest` against both expected values, whatever happened before.
"""

import hmac
import re
import secrets
from dataclasses import dataclass, field
from datetime import date

from sun.core.text import plier
from sun.relation.models import Demande, DemandePieces
from sun.relation.registre.code_suivi import normaliser_code

_CODE_IMPOSSIBLE = "#########"  # never a tracking code (not in the alphabet)
_NON_CHIFFRES = re.compile(r"\D+")


@dataclass
class PiecesAttendues:
    pieces: list[str]
    demandees_le: date
    a_fournir_avant: date


@dataclass
class EtatDemande:
    code_suivi: str
    demarche: str
    statut: str  # as shown (`get_statut_display`)
    ouverte: bool
    recue_le: date
    regime: str
    date_decision_implicite: date | None
    reclamable_le: date | None
    decidee_le: date | None
    service: str
    service_telephone: str
    service_courriel: str
    pieces: list[PiecesAttendues] = field(default_factory=list)


def _preuve(texte: str) -> str:
    """A postal code keeps its digits (« 11 000 » → « 11000 »); a name is folded (case,
    accents, spaces)."""
    texte = (texte or "").strip()
    chiffres = _NON_CHIFFRES.sub("", texte)
    if len(chiffres) == 5 and not re.search(r"[^\d\s]", texte):
        return chiffres
    return plier(texte)


def _egal(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def retrouver(code_saisi: str, preuve: str) -> EtatDemande | None:
    """The state of the request whose code and proof match, else None (same work either
    way)."""
    code = normaliser_code(code_saisi) or _CODE_IMPOSSIBLE
    demande = (Demande.objects.select_related("usager", "demarche", "service")
               .filter(code_suivi=code).first())  # fmt: skip
    usager = demande.usager if demande is not None else None
    # An empty expected value never matches: a random stand-in is compared instead.
    leurre = secrets.token_hex(8)
    code_postal = (usager.code_postal if usager else "") or leurre
    nom = (usager.cle_nom or plier(usager.nom) if usager else "") or leurre
    donnee = _preuve(preuve) or secrets.token_hex(8)
    bon_code_postal = _egal(donnee, code_postal)
    bon_nom = _egal(donnee, nom)
    trouvee = demande is not None and (bon_code_postal | bon_nom)
    pieces = list(DemandePieces.objects.filter(demande_id=demande.pk if trouvee else -1,
                                               recues_le=None))  # fmt: skip
    if not trouvee:
        return None
    s = demande.service
    return EtatDemande(
        code_suivi=demande.code_suivi, demarche=demande.demarche.titre,
        statut=demande.get_statut_display(), ouverte=demande.ouverte,
        recue_le=demande.recue_le, regime=demande.regime,
        date_decision_implicite=demande.date_decision_implicite if demande.ouverte else None,
        reclamable_le=demande.reclamable_le if demande.ouverte else None,
        decidee_le=demande.decidee_le, service=s.nom, service_telephone=s.telephone,
        service_courriel=s.courriel,
        pieces=[PiecesAttendues(p.pieces, p.demandees_le, p.a_fournir_avant) for p in pieces],
    )  # fmt: skip


def demande_deposee(pk, slug: str) -> Demande | None:
    """The request `pk` of the démarche `slug`, for the receipt page of its deposit (the link
    carries a signed, short-lived token)."""
    if not isinstance(pk, int):
        return None
    return (Demande.objects.select_related("demarche", "service", "usager")
            .filter(pk=pk, demarche__slug=slug).first())  # fmt: skip
