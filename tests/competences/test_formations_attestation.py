"""The training certificate: its number given once to a present participant and kept, the
PDF (it starts with %PDF and carries the number), the HTML's contents, who may read it."""

import re
import zlib
from datetime import timedelta

import pytest
from django.utils import timezone

from sun.competences import permissions
from sun.competences.erreurs import Refus
from sun.competences.formations import attestation, services
from sun.competences.services import ma_personne
from sun.comptes.roles import Role
from tests.competences.factories import InscriptionFactory

pytestmark = pytest.mark.django_db


def _decompresse(pdf: bytes) -> bytes:
    """The PDF with its compressed streams inflated (the title sits in an object stream)."""
    morceaux = [pdf]
    for m in re.finditer(rb"stream\r?\n", pdf):
        try:
            morceaux.append(zlib.decompressobj().decompress(pdf[m.end() :]))
        except zlib.error:
            continue
    return b"".join(morceaux)


def _presente(**kwargs):
    return InscriptionFactory(statut="present", session__debut=timezone.now() - timedelta(days=3),
                              session__titre="Rédiger un document accessible", **kwargs)  # fmt: skip


def test_numero_donne_une_fois_et_garde():
    i = _presente()
    numero = services.delivrer_attestation(i)
    assert numero == f"ATT-{timezone.localdate().year}-{i.pk:06d}"
    assert (
        services.delivrer_attestation(i, maintenant=timezone.now() + timedelta(days=400)) == numero
    )


@pytest.mark.parametrize("statut", ["inscrit", "absent", "annule"])
def test_pas_d_attestation_sans_presence(statut):
    i = InscriptionFactory(statut=statut, session__debut=timezone.now() - timedelta(days=3))
    with pytest.raises(Refus, match="qu'aux personnes présentes"):
        services.delivrer_attestation(i)
    i.refresh_from_db()
    assert i.attestation == ""


def test_pdf_et_html_portent_le_numero():
    i = _presente(personne__nom="Rivière", personne__prenom="Lou")
    services.delivrer_attestation(i)
    i.refresh_from_db()
    texte = attestation.html(i)
    assert texte.count(f"N° {i.attestation}") == 1
    assert "Lou Rivière" in texte and "Rédiger un document accessible" in texte
    assert "4.1" in texte  # the CRCN competences worked
    assert "démonstration" not in texte
    contenu = attestation.pdf(i)
    assert contenu.startswith(b"%PDF")
    assert i.attestation.encode() in _decompresse(contenu)  # the document's title
    assert attestation.nom_du_fichier(i) == f"attestation-{i.attestation.lower()}.pdf"


def test_attestation_de_demonstration_etiquetee():
    i = _presente(session__demonstration=True)
    services.delivrer_attestation(i)
    i.refresh_from_db()
    assert "Document de démonstration" in attestation.html(i)


def test_qui_lit_une_attestation(utilisateur_avec_role):
    agent = utilisateur_avec_role(Role.AGENT)
    i = _presente(personne=ma_personne(agent))
    autre = _presente()
    assert permissions.peut_lire_attestation(agent, i)
    assert not permissions.peut_lire_attestation(agent, autre)
    assert permissions.peut_lire_attestation(utilisateur_avec_role(Role.FORMATION), autre)
    assert not permissions.peut_lire_attestation(utilisateur_avec_role(Role.PILOTE), i)
    assert not permissions.est_la_personne(agent, None)
