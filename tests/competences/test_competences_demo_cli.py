"""`sun competences diagnostics`, `sun competences referents` and the demonstration content
of the wings diagnostic and referents (idempotent, never counted)."""

import csv

import pytest

from sun.cli import main
from sun.competences import referentiel
from sun.competences.demo import personnes_demo
from sun.competences.diagnostic.demo import creer_demo as diagnostics_demo
from sun.competences.models import Diagnostic, Personne, Referent
from sun.competences.referents import exports
from sun.competences.referents.demo import creer_demo as referents_demo
from sun.core.indicators import Niveau, obtenir
from tests.competences.factories import (
    DiagnosticFactory,
    DirectionFactory,
    PersonneFactory,
    ReferentFactory,
)

pytestmark = pytest.mark.django_db


def test_demo_diagnostics_idempotente_jamais_comptee():
    personnes_demo()
    lignes = diagnostics_demo()
    nombre = Diagnostic.objects.count()
    assert nombre > 0 and any("DÉMONSTRATION" in ligne for ligne in lignes)
    assert diagnostics_demo() and Diagnostic.objects.count() == nombre
    assert not Diagnostic.objects.filter(demonstration=False).exists()
    v = obtenir("competences.diagnostics_termines").calculer(Niveau.DEPARTEMENT, "departement")
    assert v.valeur is None and "démonstration" in v.note
    assert (
        obtenir("competences.niveau_crcn").calculer(Niveau.DEPARTEMENT, "departement").valeur
        is None
    )


def test_demo_referents_idempotente_jamais_comptee():
    personnes_demo()
    lignes = referents_demo()
    nombre = Referent.objects.count()
    assert nombre > 0 and any("DÉMONSTRATION" in ligne for ligne in lignes)
    assert referents_demo() and Referent.objects.count() == nombre
    assert Personne.objects.reels().count() == 0
    v = obtenir("competences.referents").calculer(Niveau.DEPARTEMENT, "departement")
    assert v.valeur == 0 and "démonstration" in v.note
    v = obtenir("competences.directions_avec_referent").calculer(Niveau.DEPARTEMENT,
                                                                 "departement")  # fmt: skip
    assert v.valeur is None


def test_cli_diagnostics(capsys):
    d = DirectionFactory(code="routes", nom="Direction des routes", sigle="")
    for _ in range(5):
        DiagnosticFactory(personne=PersonneFactory(direction=d),
                          reponses={c.code: 3 for c in referentiel.COMPETENCES},
                          termine_le="2026-01-05T10:00:00+01:00")  # fmt: skip
    DirectionFactory(code="culture", nom="Direction de la culture", sigle="")
    assert main(["competences", "diagnostics"]) == 0
    sortie = capsys.readouterr().out
    assert "Direction des routes : 5 personnes, niveau moyen 3" in sortie
    assert "Direction de la culture : non affiché" in sortie
    assert "Source" in sortie


def test_cli_referents_et_csv(capsys, tmp_path):
    ReferentFactory(direction=DirectionFactory(nom="Direction du numérique"),
                    perimetre="Applications métiers")  # fmt: skip
    DirectionFactory(nom="Direction de la culture", sigle="DCP")
    assert main(["competences", "referents"]) == 0
    sortie = capsys.readouterr().out
    assert (
        "Applications métiers" in sortie
        and "Direction de la culture (DCP) : pas de référent" in sortie
    )
    fichier = tmp_path / "referents.csv"
    assert main(["competences", "referents", "--csv", str(fichier)]) == 0
    with open(fichier, encoding="utf-8-sig", newline="") as f:
        lignes = list(csv.reader(f, delimiter=";"))
    assert lignes[0] == exports.COLONNES and len(lignes) == 2
