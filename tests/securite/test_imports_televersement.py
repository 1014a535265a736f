"""Issue 14: the upload limit of the agent space's import forms (places, activities, fragility
index). A 1 GB upload is refused from its announced length before a byte of it is read; a file
that grows past the limit while it arrives stops the upload at once. Either way: a 413 page in
French, nothing queued, nothing imported, no temporary file left, little memory."""

import tracemalloc

import pytest

from sun.comptes.roles import Role
from sun.core.models import JournalImport
from sun.core.taches.models import Tache
from tests.outils import texte

pytestmark = pytest.mark.django_db
FORMULAIRES = ["/espace/lieux/importer/", "/espace/activites/importer/",
               "/espace/couverture/fragilite/importer/"]  # fmt: skip
LIMITE = "Fichier trop volumineux"
FRONTIERE = "frontiere-sun-14"


class Corps:
    """A multipart body produced as it is read, never held whole: a field, then a file of
    `taille` bytes. Counts what the server read of it."""

    def __init__(self, taille: int):
        self.entete = (
            f'--{FRONTIERE}\r\nContent-Disposition: form-data; name="source"\r\n\r\nHub\r\n'
            f'--{FRONTIERE}\r\nContent-Disposition: form-data; name="fichier"; '
            f'filename="lieux.csv"\r\nContent-Type: text/csv\r\n\r\nnom,commune\r\n'
        ).encode()
        self.fin = f"\r\n--{FRONTIERE}--\r\n".encode()
        self.taille = taille
        self.longueur = len(self.entete) + taille + len(self.fin)
        self.lus = 0

    def read(self, n: int = -1) -> bytes:
        reste = self.longueur - self.lus
        n = reste if n is None or n < 0 else min(n, reste)
        debut, fin = self.lus, self.lus + n
        self.lus = fin
        a, b = len(self.entete), len(self.entete) + self.taille
        morceau = self.entete[debut : min(fin, a)] if debut < a else b""
        if max(debut, a) < min(fin, b):
            morceau += b"x" * (min(fin, b) - max(debut, a))
        if fin > b:
            morceau += self.fin[max(debut, b) - b : fin - b]
        return morceau

    def readline(self, limite: int = -1) -> bytes:
        return self.read(limite)


def envoyer(client, url: str, corps: Corps, longueur: int | None = None):
    return client.generic(
        "POST", url, b"",
        CONTENT_TYPE=f"multipart/form-data; boundary={FRONTIERE}",
        CONTENT_LENGTH=str(corps.longueur if longueur is None else longueur),
        **{"wsgi.input": corps},
    )  # fmt: skip


@pytest.fixture
def agent(client, utilisateur_avec_role, settings, tmp_path):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    client.force_login(utilisateur_avec_role(Role.AGENT))
    return client


def rien_ne_s_est_passe(tmp_path):
    assert not Tache.objects.exists()
    assert not JournalImport.objects.exclude(genre="territoire").exists()
    assert not list(tmp_path.iterdir())  # no temporary file of the upload left


@pytest.mark.parametrize("url", FORMULAIRES)
def test_un_gigaoctet_refuse_sans_etre_lu(agent, url, tmp_path):
    corps = Corps(1 << 30)
    tracemalloc.start()
    try:
        reponse = envoyer(agent, url, corps)
        _, pic = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert reponse.status_code == 413
    page = texte(reponse)
    assert LIMITE in page and "1024 Mo" in page and "200 Mo au plus" in page
    assert corps.lus == 0
    assert pic < 200 << 20
    rien_ne_s_est_passe(tmp_path)


@pytest.mark.parametrize("url", FORMULAIRES)
def test_fichier_qui_depasse_en_arrivant(agent, url, settings, tmp_path):
    """The announced length is within the margin, the file is not: counted and stopped."""
    settings.SUN_IMPORT_TAILLE_MAX = 1 << 20
    corps = Corps(3 << 20)
    reponse = envoyer(agent, url, corps)
    assert reponse.status_code == 413 and LIMITE in texte(reponse)
    assert "<h1>Fichier trop volumineux</h1>" in reponse.content.decode()
    assert corps.lus < 2 << 20  # stopped soon after the limit, the rest never read
    rien_ne_s_est_passe(tmp_path)


def test_longueur_qui_ment(agent, settings, tmp_path):
    """A body longer than its announced length: Django reads no further than the length, and
    what it reads is counted."""
    settings.SUN_IMPORT_TAILLE_MAX = 1 << 20
    corps = Corps(10 << 20)
    reponse = envoyer(agent, FORMULAIRES[0], corps, longueur=5 << 20)
    assert reponse.status_code == 413 and LIMITE in texte(reponse)
    assert corps.lus < 2 << 20
    rien_ne_s_est_passe(tmp_path)


def test_petit_fichier_accepte(agent, tmp_path):
    """Under the limit, the form gets the file as before (here: unknown columns)."""
    corps = Corps(100)
    page = texte(envoyer(agent, FORMULAIRES[0], corps))
    assert LIMITE not in page and "Colonnes non reconnues" in page
