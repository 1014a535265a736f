"""The questionnaire's path, one question per screen, decided on the server: signed tokens
carry the answer in progress (its number and the step: no person), the desk tablet's set-up,
and the context a page gives the questionnaire.

Steps: « clarte », « aides », then for each administration channel tried « joint:<canal> »
and, when reached, « qualite:<canal> », then « commentaire ». Each answer is written once
(services): an old link, opened again with the Back button of a desk tablet, shows an empty
question and cannot change what the previous person answered."""

from dataclasses import dataclass

from django.core import signing

from sun.qualite.satisfaction import questionnaire as q

SEL_ETAPE = "sun.qualite.avis.etape"
SEL_CONTEXTE = "sun.qualite.avis.contexte"
SEL_BORNE = "sun.qualite.avis.borne"
DUREE_ETAPE_S = 3600  # a step link lives an hour
DUREE_ETAPE_BORNE_S = 15 * 60  # at a desk, a quarter of an hour
DUREE_CONTEXTE_S = 6 * 3600  # the step-1 form
DUREE_BORNE_S = 366 * 24 * 3600  # a tablet's link: a year, then the agent makes a new one
FIN = "fin"


class JetonInvalide(ValueError):
    pass


def parcours(avis) -> list[str]:
    """Every step of this answer after step 1, given what it already says."""
    etapes = ["clarte", "aides"]
    for canal in q.CODES_ADMINISTRATION:
        if canal in (avis.contact_tried or []):
            etapes.append(f"joint:{canal}")
            if (avis.contact_reached or {}).get(canal) is True:
                etapes.append(f"qualite:{canal}")
    return [*etapes, "commentaire"]


def etape_suivante(avis, etape: str) -> str:
    """The step after `etape` (« fin » after the last)."""
    etapes = parcours(avis)
    if etape not in etapes:
        return FIN
    rang = etapes.index(etape)
    return etapes[rang + 1] if rang + 1 < len(etapes) else FIN


def numero(avis, etape: str) -> tuple[int, int]:
    """(this screen's number, number of screens), step 1 included."""
    etapes = parcours(avis)
    return (etapes.index(etape) + 2 if etape in etapes else len(etapes) + 1), len(etapes) + 1


def jeton_etape(avis_pk: int, etape: str, borne: str = "") -> str:
    return signing.dumps({"a": avis_pk, "e": etape, "b": borne}, salt=SEL_ETAPE)


@dataclass(frozen=True)
class Etape:
    avis_pk: int
    etape: str
    borne: str  # the tablet's token, or ""


def lire_etape(jeton: str) -> Etape:
    try:
        contenu = signing.loads(jeton, salt=SEL_ETAPE, max_age=DUREE_ETAPE_S)
        etape = Etape(int(contenu["a"]), str(contenu["e"]), str(contenu.get("b") or ""))
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise JetonInvalide("Ce lien du questionnaire a expiré ou n'est pas valable.") from exc
    if etape.borne:
        # At a desk the link lives shorter; read again with its own limit.
        try:
            signing.loads(jeton, salt=SEL_ETAPE, max_age=DUREE_ETAPE_BORNE_S)
        except signing.SignatureExpired as exc:
            raise JetonInvalide("Ce lien du questionnaire a expiré.") from exc
    return etape


def jeton_contexte(contexte: dict) -> str:
    return signing.dumps(contexte, salt=SEL_CONTEXTE)


def lire_contexte(jeton: str) -> dict:
    try:
        contenu = signing.loads(jeton or "", salt=SEL_CONTEXTE, max_age=DUREE_CONTEXTE_S)
    except signing.BadSignature as exc:
        raise JetonInvalide(
            "Le questionnaire a expiré : rechargez la page et recommencez."
        ) from exc
    if not isinstance(contenu, dict):
        raise JetonInvalide("Le questionnaire a expiré : rechargez la page et recommencez.")
    return contenu


def jeton_borne(*, service: str = "", lieu: str = "", demarche: str = "",
                canal: str = "guichet") -> str:  # fmt: skip
    """The signed set-up of a desk tablet (a service's code or a place's id, and a channel)."""
    return signing.dumps({"s": service, "l": lieu, "d": demarche, "c": canal}, salt=SEL_BORNE,
                         compress=True)  # fmt: skip


def lire_borne(jeton: str) -> dict:
    try:
        contenu = signing.loads(jeton, salt=SEL_BORNE, max_age=DUREE_BORNE_S)
    except signing.BadSignature as exc:
        raise JetonInvalide(
            "Ce lien de tablette n'est pas valable ou a plus d'un an : demandez-en un nouveau "
            "à l'espace agents."
        ) from exc
    if not isinstance(contenu, dict):
        raise JetonInvalide("Ce lien de tablette n'est pas valable.")
    return contenu
