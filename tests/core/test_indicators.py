import pytest

from sun.core import indicators
from sun.core.indicators import (
    Indicateur,
    IndicateurInconnu,
    Niveau,
    NiveauNonCalcule,
    TerritoireInconnu,
    Valeur,
)

pytestmark = pytest.mark.django_db


def test_indicateurs_du_territoire_declares_a_chaque_niveau():
    for code in ("territoire.population", "territoire.communes", "territoire.epci"):
        assert set(indicators.obtenir(code).niveaux) == set(Niveau) - {
            Niveau.SERVICE,
            Niveau.DIRECTION,
        }


def test_valeurs_coherentes_entre_niveaux():
    from sun.territoire.models import Commune

    population = indicators.obtenir("territoire.population")
    carcassonne = Commune.objects.get(code_insee="11069")
    commune = population.calculer(Niveau.COMMUNE, "11069")
    epci = population.calculer(Niveau.EPCI, carcassonne.epci.code_siren)
    departement = population.calculer("departement", "11")
    assert commune.valeur == 46031
    assert commune.valeur < epci.valeur < departement.valeur == 370260
    assert departement.date is not None
    assert indicators.obtenir("territoire.epci").calculer(Niveau.DEPARTEMENT, "11").valeur == 10
    assert (
        indicators.obtenir("territoire.communes")
        .calculer(Niveau.EPCI, carcassonne.epci.code_siren)
        .valeur
        > 1
    )


def test_erreurs_du_registre():
    with pytest.raises(IndicateurInconnu):
        indicators.obtenir("nexiste.pas")
    with pytest.raises(TerritoireInconnu):
        indicators.obtenir("territoire.population").calculer(Niveau.DEPARTEMENT, "99")
    seul = Indicateur(
        code="test.departement_seul",
        libelle="Test",
        unite="u",
        niveaux=(Niveau.DEPARTEMENT,),
        calcul=lambda niveau, code: Valeur(1, None, "test"),
        source="test",
    )
    with pytest.raises(NiveauNonCalcule, match="niveaux possibles : departement"):
        seul.calculer(Niveau.COMMUNE, "11069")


def test_double_declaration_refusee():
    premier = Indicateur(
        code="test.doublon",
        libelle="A",
        unite="u",
        niveaux=(Niveau.COMMUNE,),
        calcul=lambda n, c: Valeur(1, None, "s"),
        source="s",
    )
    indicators.declarer(premier)
    assert indicators.declarer(premier) is premier
    with pytest.raises(ValueError, match="deux fois"):
        indicators.declarer(
            Indicateur(
                code="test.doublon", libelle="B", unite="u", niveaux=(), calcul=len, source="s"
            )
        )
