"""Issue 14: every reader of the import pipeline refuses a hostile file (deep nesting, a
million columns, a huge field or record, a zip bomb, a file over the size limit) quickly, in
French, and before it costs memory: nested JSON used to take memory quadratic in its depth
(ijson's paths), 40 KB of it a gigabyte.

Peak memory is measured in a child process (its own ru_maxrss), under an address-space limit
so that a regression fails with MemoryError instead of exhausting the machine."""

import io
import json
import subprocess
import sys
import textwrap
import zipfile

import pytest
from openpyxl import Workbook

from sun.cli import main
from sun.core.imports import FichierIllisible, ouvrir
from sun.core.models import JournalImport
from sun.inclusion.models import Lieu

PIC_MAX_MO = 200


def tableaux(profondeur: int) -> bytes:
    return b"[" + b"[" * profondeur + b"]" * profondeur + b"]"


def objets_et_tableaux(profondeur: int) -> bytes:
    """Objects and arrays in turn: `{"":[{"":[…]}]}`, two levels per 5 bytes."""
    return b"[" + b'{"":[' * (profondeur // 2) + b"]}" * (profondeur // 2) + b"]"


def sous_data(profondeur: int) -> bytes:
    return b'{"data": [' + b'{"a":' * profondeur + b"1" + b"}" * profondeur + b"]}"


def json_lines(profondeur: int) -> bytes:
    return b'{"nom": "A"}\n' + b'{"a":' * profondeur + b"1" + b"}" * profondeur + b"\n"


def million_de_colonnes(_) -> bytes:
    return ",".join(f"c{i}" for i in range(1_000_000)).encode() + b"\n1,2\n"


LECTURE = textwrap.dedent("""
    import json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
    import django; django.setup()
    from sun.core.imports import ImportImpossible, ouvrir
    avant = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        lecture = ouvrir(sys.argv[1])
        lues = sum(1 for _ in lecture.lignes)
        refus = None
    except ImportImpossible as exc:
        refus = str(exc)
    pic = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - avant) / 1024
    print(json.dumps({"refus": refus, "pic_mo": pic}))
""")


def lire_dans_un_processus(chemin) -> dict:
    resultat = subprocess.run(
        [sys.executable, "-c", LECTURE, str(chemin)], capture_output=True, text=True, timeout=300
    )
    assert resultat.returncode == 0, resultat.stderr[-2000:]
    return json.loads(resultat.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("fabrique", "attendu"),
    [(tableaux, "imbriquées sur plus de 64 niveaux"),
     (objets_et_tableaux, "imbriquées sur plus de 64 niveaux"),
     (sous_data, "imbriquées sur plus de 64 niveaux"),
     (json_lines, "imbriquées sur plus de 64 niveaux (ligne 2)"),
     (million_de_colonnes, "plus de 1000 colonnes (en-tête)")],
)  # fmt: skip
def test_fichier_hostile_refuse_sans_memoire(tmp_path, fabrique, attendu):
    chemin = tmp_path / "hostile.json"
    chemin.write_bytes(fabrique(100_000))
    assert 150_000 < chemin.stat().st_size < 10_000_000
    mesure = lire_dans_un_processus(chemin)
    assert mesure["refus"] is not None and attendu in mesure["refus"]
    assert mesure["pic_mo"] < PIC_MAX_MO


@pytest.mark.django_db
@pytest.mark.parametrize("fabrique", [tableaux, objets_et_tableaux, sous_data])
def test_json_imbrique_en_ligne_de_commande(tmp_path, capsys, fabrique):
    chemin = tmp_path / "lieux.json"
    chemin.write_bytes(fabrique(100_000))
    assert main(["lieux", "importer", str(chemin), "--source", "Hub"]) == 3
    erreur = capsys.readouterr().err
    assert "imbriquées sur plus de 64 niveaux" in erreur and "Rien n'a été enregistré" in erreur
    assert "Traceback" not in erreur
    assert not Lieu.objects.exists()
    assert JournalImport.objects.get(genre="lieux").statut == JournalImport.Statut.REFUSE


@pytest.mark.django_db
def test_million_de_colonnes_en_ligne_de_commande(tmp_path, capsys):
    chemin = tmp_path / "lieux.csv"
    chemin.write_bytes(million_de_colonnes(None))
    assert main(["lieux", "importer", str(chemin), "--source", "Hub"]) == 3
    erreur = capsys.readouterr().err
    assert "plus de 1000 colonnes" in erreur and "Traceback" not in erreur


def test_profondeur_ordinaire_acceptee(tmp_path):
    chemin = tmp_path / "ok.json"
    element = {"type": "Feature", "properties": {"nom": "A", "services": ["x", "y"]},
               "geometry": {"type": "Point", "coordinates": [2.1, 43.2]}}  # fmt: skip
    chemin.write_text(json.dumps({"type": "FeatureCollection", "meta": {"a": [[1]]},
                                  "features": [element, element]}))  # fmt: skip
    lignes = list(ouvrir(chemin).lignes)
    assert lignes[1] == (2, {"nom": "A", "services": ["x", "y"], "longitude": 2.1,
                             "latitude": 43.2})  # fmt: skip


def test_reglage_de_profondeur(tmp_path, settings):
    settings.SUN_IMPORT_PROFONDEUR_MAX = 3
    chemin = tmp_path / "a.json"
    chemin.write_text('[{"a": {"b": 1}}, {"a": {"b": [1]}}]')
    with pytest.raises(FichierIllisible, match="plus de 3 niveaux \\(élément 2\\)"):
        list(ouvrir(chemin).lignes)


def test_trop_de_cles_json(tmp_path, settings):
    settings.SUN_IMPORT_COLONNES_MAX = 5
    chemin = tmp_path / "a.json"
    chemin.write_text(json.dumps([{f"c{i}": i for i in range(6)}]))
    with pytest.raises(FichierIllisible, match="plus de 5 colonnes"):
        list(ouvrir(chemin).lignes)


def test_champ_trop_long(tmp_path, settings):
    settings.SUN_IMPORT_CHAMP_MAX = 1000
    (tmp_path / "a.csv").write_text("nom,commune\n" + "x" * 1001 + ",Limoux\n")
    with pytest.raises(FichierIllisible, match="plus de 1000 caractères \\(ligne 2\\)"):
        list(ouvrir(tmp_path / "a.csv").lignes)
    (tmp_path / "a.json").write_text(json.dumps([{"nom": "x" * 1001}]))
    with pytest.raises(FichierIllisible, match="plus de 1000 caractères \\(élément 1\\)"):
        list(ouvrir(tmp_path / "a.json").lignes)


def test_guillemet_jamais_refermee(tmp_path, settings):
    """An unclosed quote makes the rest of the file one value: refused past the field limit,
    not read whole into memory."""
    settings.SUN_IMPORT_CHAMP_MAX = 1000
    (tmp_path / "a.csv").write_text('nom,commune\n"Médiathèque,Limoux\n' + "a,b\n" * 2000)
    with pytest.raises(FichierIllisible, match="une valeur de plus de 1000 caractères"):
        list(ouvrir(tmp_path / "a.csv").lignes)


def test_enregistrement_trop_long(tmp_path, settings):
    """Short quoted values across lines still make one record: refused past 4 × the field
    limit (csv.reader would otherwise build a row of millions of values)."""
    settings.SUN_IMPORT_CHAMP_MAX = 1000
    (tmp_path / "a.csv").write_text("nom,commune\n" + '"a\n",' * 2000 + "b\n")
    with pytest.raises(FichierIllisible, match="enregistrement de plus de 4000 caractères"):
        list(ouvrir(tmp_path / "a.csv").lignes)


def test_fichier_trop_gros(tmp_path, settings, capsys):
    settings.SUN_IMPORT_TAILLE_MAX = 1000
    (tmp_path / "a.csv").write_text("nom,commune\n" + "Médiathèque,Limoux\n" * 100)
    with pytest.raises(FichierIllisible, match=r"Fichier trop volumineux .* 0,0 Mo au plus"):
        ouvrir(tmp_path / "a.csv")


def _classeur(colonnes: int = 3) -> bytes:
    classeur = Workbook()
    classeur.active.append([f"c{i}" for i in range(colonnes)])
    classeur.active.append(list(range(colonnes)))
    tampon = io.BytesIO()
    classeur.save(tampon)
    return tampon.getvalue()


def test_xlsx_bombe(tmp_path, settings):
    """A workbook that inflates a hundred times its size limit is refused before openpyxl."""
    settings.SUN_IMPORT_TAILLE_MAX = 1 << 20
    chemin = tmp_path / "bombe.xlsx"
    chemin.write_bytes(_classeur())
    with zipfile.ZipFile(chemin, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings2.xml", b"\x20" * (20 << 20))
    assert chemin.stat().st_size < 1 << 20
    with pytest.raises(FichierIllisible, match="Classeur XLSX refusé : il se décompresse en 20 Mo"):
        ouvrir(chemin)


def test_xlsx_trop_de_colonnes(tmp_path, settings):
    settings.SUN_IMPORT_COLONNES_MAX = 10
    (tmp_path / "a.xlsx").write_bytes(_classeur(11))
    with pytest.raises(FichierIllisible, match="11 colonnes \\(en-tête\\), 10 au plus"):
        ouvrir(tmp_path / "a.xlsx")
