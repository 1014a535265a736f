"""Helpers of the follow-up tests: people present in sessions of this year."""

from django.utils import timezone

from tests.competences.factories import InscriptionFactory, PersonneFactory, SessionFactory


def session_de_l_annee(**champs):
    # Started now: in this year and not after today, whatever the day the tests run.
    return SessionFactory(debut=timezone.now(), **champs)


def presents(nombre: int, session=None, direction=None, categorie="agent", satisfaction=None,
             **champs_session):  # fmt: skip
    session = session or session_de_l_annee(**champs_session)
    for _ in range(nombre):
        extra = {"direction": direction} if direction else {}
        p = PersonneFactory(categorie=categorie, **extra)
        InscriptionFactory(session=session, personne=p, statut="present",
                           satisfaction=satisfaction)  # fmt: skip
    return session
