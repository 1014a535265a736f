"""Donation pages: every identity on every page, the médiateur who sees only the donations
to the places of their structure (another's is a 404), and a donation followed in the pages
from the retired laptop to the place's public page."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from sun.parc.models import Don, Sortie
from tests.outils import texte
from tests.parc.dons.outils import comptes, don_a_l_etape, lieu_avec_structure, portable_reforme

pytestmark = pytest.mark.django_db


@pytest.fixture
def monde():
    lieu = lieu_avec_structure()
    return {"lieu": lieu, "comptes": comptes(lieu.structure),
            "don": don_a_l_etape(Don.Statut.PROPOSE, lieu=lieu)}  # fmt: skip


L = "connexion"
ATTENDU = {
    # identity: (list, new, the donation's page, its items)
    "anonyme": (L, L, L, L),
    "sans_role": (403, 403, 403, 403),
    "pilote": (403, 403, 403, 403),
    "instructeur": (403, 403, 403, 403),
    "commune": (403, 403, 403, 403),
    "partenaire": (403, 403, 403, 403),
    "agent": (200, 200, 200, 200),
    "mediateur": (200, 403, 200, 403),
    "autre_mediateur": (200, 403, 404, 404),
    "administrateur": (200, 200, 200, 200),
    "informatique": (200, 200, 200, 200),
}


def _verifier(reponse, attendu, quoi):
    if attendu == L:
        assert reponse.status_code == 302 and "/se-connecter/" in reponse["Location"], quoi
    else:
        assert reponse.status_code == attendu, quoi


@pytest.mark.parametrize("identite", list(ATTENDU))
def test_qui_ouvre_quoi(client, monde, identite):
    if identite != "anonyme":
        client.force_login(monde["comptes"][identite])
    pk = monde["don"].pk
    adresses = [reverse("espace:parc_dons"), reverse("espace:parc_don_nouveau"),
                reverse("espace:parc_don", args=[pk]),
                reverse("espace:parc_don_equipements", args=[pk])]  # fmt: skip
    for adresse, attendu in zip(adresses, ATTENDU[identite], strict=True):
        _verifier(client.get(adresse), attendu, (identite, adresse))


# identity: (accept, show on the place's page, the agreement) as POST / GET statuses
ACTIONS = {
    "anonyme": (L, L, L), "sans_role": (403, 403, 403), "agent": (403, 403, None),
    "mediateur": (403, 302, None), "autre_mediateur": (404, 404, 404),
    "pilote": (403, 403, 403), "informatique": (302, 302, None),
}  # fmt: skip


@pytest.mark.parametrize("identite", list(ACTIONS))
def test_qui_agit(client, monde, identite):
    if identite != "anonyme":
        client.force_login(monde["comptes"][identite])
    pk = monde["don"].pk
    accepter, visible, pdf = ACTIONS[identite]
    _verifier(client.post(reverse("espace:parc_don_accepter", args=[pk]), {
        "accepter-date_convention": "2025-03-01", "accepter-engagement_reemploi": "on"}),
        accepter, "accepter")  # fmt: skip
    _verifier(client.post(reverse("espace:parc_don_visibilite", args=[pk]),
                          {"visibilite-visible_sur_lieu": "on"}), visible, "visibilité")  # fmt: skip
    if pdf is not None:  # the PDF itself is checked once, in the next test
        _verifier(client.get(reverse("espace:parc_don_convention", args=[pk])), pdf, "pdf")
    don = Don.objects.get(pk=pk)
    assert (don.statut == Don.Statut.ACCEPTE) == (accepter == 302)
    assert don.visible_sur_lieu == (visible == 302)


def test_le_mediateur_ne_voit_que_les_dons_de_ses_lieux(client, monde):
    autre = don_a_l_etape(Don.Statut.PROPOSE, beneficiaire="Association Lointaine",
                          equipements=[portable_reforme("LOIN-1")])  # fmt: skip
    client.force_login(monde["comptes"]["mediateur"])
    page = texte(client.get(reverse("espace:parc_dons")))
    assert monde["don"].numero in page and autre.numero not in page
    assert "Proposer un don" not in page
    client.force_login(monde["comptes"]["autre_mediateur"])
    assert monde["don"].numero not in texte(client.get(reverse("espace:parc_dons")))


def _texte_pdf(contenu: bytes, tmp_path) -> str | None:
    try:
        import io

        from pypdf import PdfReader
    except ImportError:
        if not shutil.which("pdftotext"):
            return None
        chemin = tmp_path / "convention.pdf"
        chemin.write_bytes(contenu)
        return subprocess.run(["pdftotext", str(chemin), "-"], check=True, capture_output=True,
                              text=True).stdout  # fmt: skip
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(contenu)).pages)


def test_un_don_suivi_dans_les_pages(client, tmp_path):
    portable = portable_reforme("PORT-777")
    lieu = lieu_avec_structure("Atelier numérique du Bastion")
    monde = comptes(lieu.structure)
    client.force_login(monde["informatique"])
    assert "Atelier numérique du Bastion" in texte(
        client.get(reverse("espace:parc_don_nouveau"), {"q": "Bastion"})
    )
    # No place and no identifier: refused, nothing written.
    r = client.post(reverse("espace:parc_don_nouveau"), {"beneficiaire": "Asso X",
                    "base_legale": "L3212-2 11°", "etat_materiel": "bon"})  # fmt: skip
    assert r.status_code == 400 and "SIRET ou le numéro RNA" in texte(r)
    assert not Don.objects.exists()
    r = client.post(
        reverse("espace:parc_don_nouveau"),
        {"lieu": str(lieu.pk), "base_legale": "L3212-2 11°", "etat_materiel": "bon"},
    )
    don = Don.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("espace:parc_don_equipements",
                                                             args=[don.pk])  # fmt: skip
    equipements = reverse("espace:parc_don_equipements", args=[don.pk])
    assert "PC PORT-777" in texte(client.get(equipements, {"type": "portable"}))
    assert "PC PORT-777" not in texte(client.get(equipements, {"type": "ecran"}))
    assert client.post(equipements, {"action": "ajouter",
                                     "equipements": [portable.pk]}).status_code == 302  # fmt: skip
    assert client.post(reverse("espace:parc_don_accepter", args=[don.pk]), {
        "accepter-date_convention": "2025-03-01",
        "accepter-engagement_reemploi": "on"}).status_code == 302  # fmt: skip
    remise = reverse("espace:parc_don_remise", args=[don.pk])
    base = {"remettre-date_remise": "2025-03-15", "remettre-engagement_reemploi": "on",
            "remettre-pour_le_reemploi": "on", "remettre-valeur_unitaire": "50"}  # fmt: skip
    r = client.post(remise, base)
    assert r.status_code == 400 and "doivent être effacées avant la remise" in texte(r)
    effacement = {"remettre-effacement": "logiciel", "remettre-effacement_date": "2025-03-10",
                  "remettre-effacement_outil": "ShredOS"}  # fmt: skip
    r = client.post(remise, {**base, **effacement, "remettre-valeur_unitaire": "350"})
    assert r.status_code == 400 and "au plus 300 €" in texte(r)
    assert not Sortie.objects.exists()
    assert client.post(remise, {**base, **effacement}).status_code == 302
    assert Sortie.objects.get().equipement == portable
    # The agreement.
    pdf = client.get(reverse("espace:parc_don_convention", args=[don.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    contenu = _texte_pdf(pdf.content, tmp_path)
    if contenu is not None:
        plat = " ".join(contenu.split())
        for attendu in (don.numero, "L3212-2, 11°", "SN-PORT-777", "PORT-777", "ThinkPad T480",
                        "300 €", "Interdiction de revente", "Signature", "Effacement logiciel",
                        "s'engage", lieu.nom):  # fmt: skip
            assert attendu in plat, attendu
    # The place's page says nothing until the place chooses to show it.
    public = reverse("lieu_public", args=[lieu.pk])
    assert "Matériel reçu du Département" not in texte(client.get(public))
    client.force_login(monde["mediateur"])
    assert client.post(reverse("espace:parc_don_visibilite", args=[don.pk]), {
        "visibilite-visible_sur_lieu": "on"}).status_code == 302  # fmt: skip
    client.logout()
    page = texte(client.get(public))
    assert "Matériel reçu du Département" in page and "Ordinateur portable" in page
    assert "2025" in page and "SN-PORT-777" not in page
    # The proof, by the IT service.
    client.force_login(monde["informatique"])
    assert client.post(reverse("espace:parc_don_preuve", args=[don.pk]),
                       {"preuve-date_preuve": "2025-06-01"}).status_code == 302  # fmt: skip
    assert Sortie.objects.get().date_preuve is not None
    page = texte(client.get(reverse("espace:parc_don", args=[don.pk])))
    assert "<strong>Preuve du réemploi reçue</strong> — 01/06/2025" in page


def test_une_etape_hors_de_son_statut(client, monde):
    client.force_login(monde["comptes"]["informatique"])
    r = client.post(reverse("espace:parc_don_preuve", args=[monde["don"].pk]),
                    {"preuve-date_preuve": "2025-06-01"})  # fmt: skip
    assert r.status_code == 400 and "ne s'applique pas" in texte(r)
    assert (
        client.get(reverse("espace:parc_don_accepter", args=[monde["don"].pk])).status_code == 405
    )


def test_un_lieu_mal_forme_ou_inconnu(client, monde):
    client.force_login(monde["comptes"]["agent"])
    for valeur in ("pas-un-uuid", "00000000-0000-0000-0000-000000000000"):
        assert client.get(reverse("espace:parc_don_nouveau"), {"lieu": valeur}).status_code == 200
    r = client.post(reverse("espace:parc_don_nouveau"), {"lieu": "pas-un-uuid",
                    "beneficiaire": "Asso", "base_legale": "L3212-2 11°", "etat_materiel": "bon"})  # fmt: skip
    assert r.status_code == 400 and Don.objects.count() == 1
