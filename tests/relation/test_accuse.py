"""The acknowledgement of receipt (CRPA R112-5): its PDF holds every mention `accuse.mentions`
gives, with its article, for SVA, SVR, no implicit decision and an incomplete request; an
acknowledgement missing a mention is refused."""

import re
import shutil
import subprocess
from datetime import date

import pytest
from django.utils.html import escape

from sun.relation.registre import accuse
from sun.relation.registre.services import DemandeInvalide, demander_pieces, marquer_accuse_envoye
from tests.relation.factories import DemarcheFactory, ServiceFactory, demande

pytestmark = pytest.mark.django_db
AUJOURD_HUI = date(2024, 6, 1)


def _texte_pdf(contenu: bytes, tmp_path) -> str | None:
    """The text of a PDF (pypdf if installed, else poppler's pdftotext), or None."""
    try:
        import io

        from pypdf import PdfReader
    except ImportError:
        if not shutil.which("pdftotext"):
            return None
        chemin = tmp_path / "accuse.pdf"
        chemin.write_bytes(contenu)
        return subprocess.run(["pdftotext", "-layout", str(chemin), "-"], check=True,
                              capture_output=True, text=True).stdout  # fmt: skip
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(contenu)).pages)


def _aplatir(texte: str) -> str:
    return re.sub(r"\s+", " ", texte).strip()


def _document(d, tmp_path) -> str:
    """The acknowledgement's text: from the PDF when this server makes one, else the HTML."""
    try:
        contenu = accuse.pdf(d)
    except OSError:  # Pango missing: the HTML the PDF is made from
        contenu = None
    if contenu is not None:
        assert contenu.startswith(b"%PDF")
        texte = _texte_pdf(contenu, tmp_path)
        if texte is not None:
            return _aplatir(texte)
    return _aplatir(re.sub(r"<[^>]+>", " ", accuse.html(d)))


def _verifier(d, tmp_path, attendues: set[str]) -> str:
    mentions = accuse.mentions(d)
    assert {m.code for m in mentions} == attendues
    texte = _document(d, tmp_path)
    for m in mentions:
        assert _aplatir(m.titre) in texte, m.code
        # Each line of the mention (PDF text may break lines elsewhere; compare words).
        for ligne in m.texte.splitlines():
            assert _aplatir(ligne).replace("’", "'") in texte.replace("’", "'"), (m.code, ligne)
        assert _aplatir(m.article) in texte, m.code
    assert d.code_suivi in texte and d.usager.nom in texte
    assert accuse.mentions_manquantes(d) == []
    return texte


def test_sva(tmp_path):
    d = demande(DemarcheFactory(regime="sva"), recue_le=date(2023, 12, 29))
    texte = _verifier(d, tmp_path, {"reception", "service", "date_decision", "attestation"})
    assert "29/02/2024" in texte and "01/03/2024" in texte and "réputée acceptée" in texte


def test_svr(tmp_path):
    d = demande(DemarcheFactory(regime="svr", base_legale="CRPA L231-4 3°"),
                recue_le=date(2024, 1, 10))  # fmt: skip
    texte = _verifier(d, tmp_path, {"reception", "service", "date_decision", "recours"})
    assert "réputée rejetée" in texte and "Télérecours" in texte


def test_sans_decision_implicite(tmp_path):
    d = demande(DemarcheFactory(regime="aucun", base_legale=""), recue_le=date(2024, 1, 10))
    _verifier(d, tmp_path, {"reception", "service", "regime"})


def test_demande_incomplete(tmp_path):
    d = demande(DemarcheFactory(regime="sva"), recue_le=date(2024, 1, 10))
    d = demander_pieces(d, ["Avis d'imposition 2023", "Justificatif de domicile"],
                        a_fournir_avant=date(2024, 2, 20), le=date(2024, 1, 20),
                        aujourd_hui=AUJOURD_HUI)  # fmt: skip
    texte = _verifier(d, tmp_path, {"reception", "service", "date_decision", "attestation",
                                    "pieces"})  # fmt: skip
    assert "Avis d'imposition 2023" in texte and "20/02/2024" in texte
    assert "ne commencera à courir" in texte


def test_organisation_et_adresse_de_la_personne(tmp_path):
    from sun.relation.registre.services import Coordonnees, enregistrer_demande

    d = enregistrer_demande(DemarcheFactory(), canal="courrier", recue_le=date(2024, 1, 10),
                            coordonnees=Coordonnees(nom="Marie Curie", adresse="3 rue des Lilas",
                                                    code_postal="11000"),
                            aujourd_hui=AUJOURD_HUI)  # fmt: skip
    html = accuse.html(d)
    assert "3 rue des Lilas" in html and "Marie Curie" in html
    assert escape(accuse._organisation()) in html
    assert "size: A4" in html


def test_mention_manquante_refuse_l_envoi():
    service = ServiceFactory(code="sans-telephone", telephone="")
    d = demande(DemarcheFactory(service=service), recue_le=date(2024, 1, 10))
    assert accuse.mentions_manquantes(d) == ["le téléphone du service"]
    with pytest.raises(DemandeInvalide, match="R112-5"):
        marquer_accuse_envoye(d, moyen="courrier")
    with pytest.raises(DemandeInvalide, match="téléphone du service"):
        accuse.envoyer_par_courriel(d)
    d.refresh_from_db()
    assert d.accuse_envoye_le is None
