"""`sun parc empreinte`, `sun parc facteurs lister`, and the wing's indicators (source with
the factor edition, a date, no value without the data they need)."""

from datetime import date

import pytest
from django.utils import timezone

from sun.cli import main
from sun.cli.sortie import DONNEES, OK
from sun.core.indicators import Niveau, obtenir
from sun.parc.referentiel import TypeEquipement
from tests.parc.empreinte.outils import equipements
from tests.parc.factories import EquipementFactory, SiteFactory

pytestmark = pytest.mark.django_db


def test_sun_parc_empreinte(capsys, tmp_path):
    equipements(3, 2020, prix_acquisition=800)
    assert main(["parc", "empreinte", "--annee", "2022"]) == OK
    sortie = capsys.readouterr().out
    assert "Empreinte du parc en 2022 — facteurs ADEME–Arcep 2022" in sortie
    assert "Ordinateur portable : 116,3 kg (3)" in sortie  # 3 × (185.4 / 5 + 1.7)
    assert "Durées de vie prévues : Ordinateur fixe 6 ans" in sortie
    fichier = tmp_path / "e.csv"
    assert main(["parc", "empreinte", "--annee", "2022", "--csv", str(fichier)]) == OK
    contenu = fichier.read_text(encoding="utf-8")
    assert contenu.startswith("# Empreinte du parc informatique, 2013–2022")
    assert "2022;portable;Direction des systèmes d'information;3;" in contenu


def test_une_edition_inconnue(capsys):
    assert main(["parc", "empreinte", "--edition", "ademe-1999"]) == DONNEES
    assert "Édition de facteurs inconnue « ademe-1999 »" in capsys.readouterr().err


def test_sun_parc_facteurs_lister(capsys):
    assert main(["parc", "facteurs", "lister"]) == OK
    sortie = capsys.readouterr().out
    assert "ademe-arcep-2022 (choisie : SUN_PARC_FACTEURS) : ADEME–Arcep 2022" in sortie
    assert "boavizta-2.5.0 : Boavizta (boaviztapi), version 2.5.0 ; 5 types avec facteur" in sortie
    assert "sans facteur : imprimante, serveur, videoprojecteur, autre" in sortie


def test_indicateurs_sans_parc():
    for code in ("parc.empreinte_totale", "parc.empreinte_par_agent",
                 "parc.part_au_dela_duree_vie"):  # fmt: skip
        valeur = obtenir(code).calculer(Niveau.DEPARTEMENT, "11")
        assert valeur.valeur is None
        assert "ADEME–Arcep 2022" in valeur.source


def test_indicateurs_du_parc():
    annee = timezone.localdate().year
    site = SiteFactory(nom="Direction des finances", effectif=10)
    equipements(4, annee - 2, site=site)  # within their 5 years
    equipements(1, annee - 9, site=site)  # beyond
    equipements(2, annee - 1, TypeEquipement.IMPRIMANTE, site=site)  # no factor: apart
    EquipementFactory(demonstration=True, date_acquisition=date(annee - 1, 1, 1))
    totale = obtenir("parc.empreinte_totale").calculer(Niveau.DEPARTEMENT, "11")
    attendu = 4 * (185.4 / 5 + 1.7) + 1.7
    assert totale.valeur == round(attendu / 1000, 2)
    assert "2 équipements sans facteur non comptés" in totale.note
    assert "1 équipement de démonstration non compté" in totale.note
    assert totale.date is not None
    par_agent = obtenir("parc.empreinte_par_agent").calculer(Niveau.DEPARTEMENT, "11")
    assert par_agent.valeur == round(attendu / 10, 1)
    part = obtenir("parc.part_au_dela_duree_vie").calculer(Niveau.DEPARTEMENT, "11")
    assert part.valeur == round(100 * 1 / 7, 1)


def test_par_agent_sans_effectif():
    equipements(2, 2020, site=SiteFactory(nom="Sans effectif"))
    valeur = obtenir("parc.empreinte_par_agent").calculer(Niveau.DEPARTEMENT, "11")
    assert valeur.valeur is None and "Effectif" in valeur.note
