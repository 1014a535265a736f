"""Where the person is, from what they typed: a postcode first, an INSEE code only if no
commune has that postcode, « Laquelle ? » for a shared postcode, former communes leading to
their commune at their own position, exact names before names that merely begin the same.

The expectations are computed from the territory data loaded for the tests (every shared
postcode of several départements), not written by hand."""

import math
from collections import defaultdict

import pytest

from sun.core.text import normaliser_recherche
from sun.territoire.index_communes import index_communes
from sun.territoire.models import Commune, SubdivisionCommune
from sun.territoire.positions import PositionIntrouvable, resoudre

pytestmark = pytest.mark.django_db

DEPARTEMENTS = ["11", "15", "51", "13"]


def _km(a, b) -> float:
    dlat = math.radians(b[0] - a[0])
    dlon = math.radians(b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return 6371 * math.hypot(dlat, dlon)


def _communes_par_code_postal() -> dict[str, set[str]]:
    par_code: dict[str, set[str]] = defaultdict(set)
    for code_insee, codes in Commune.objects.values_list("code_insee", "codes_postaux"):
        for code in codes:
            par_code[code].add(code_insee)
    return par_code


def test_11140_est_le_code_postal_d_axat_pas_le_code_insee_de_ferrals():
    with pytest.raises(PositionIntrouvable) as erreur:
        resoudre("11140")
    assert erreur.value.choix and str(erreur.value).endswith("Laquelle ?")
    noms = [c.nom for c in erreur.value.suggestions]
    assert "Axat" in noms and "Ferrals-les-Corbières" not in noms
    assert len(noms) == len(_communes_par_code_postal()["11140"])


@pytest.mark.parametrize("departement", DEPARTEMENTS)
def test_chaque_code_postal_partage_demande_laquelle_et_chaque_choix_y_mene(departement):
    par_code = _communes_par_code_postal()
    codes = sorted({code for code in par_code if code.startswith(departement[:2])})
    partages = [code for code in codes if len(par_code[code]) > 1]
    assert partages, "le département devrait avoir des codes postaux partagés"
    for code in codes:
        attendues = par_code[code]
        if len(attendues) == 1:
            assert resoudre(code).commune.code_insee == next(iter(attendues)), code
            continue
        with pytest.raises(PositionIntrouvable) as erreur:
            resoudre(code)
        assert erreur.value.choix, code
        proposees = [c.code_insee for c in erreur.value.suggestions]
        assert sorted(proposees) == sorted(attendues), code
        # What the choice link sends back (« nom code postal ») leads to that commune.
        for commune in erreur.value.suggestions:
            if commune.latitude is None:  # Cantal communes without outline nor town hall
                with pytest.raises(PositionIntrouvable, match="pas de position connue"):
                    resoudre(f"{commune.nom} {code}")
                continue
            assert resoudre(f"{commune.nom} {code}").commune.code_insee == commune.code_insee


@pytest.mark.parametrize("departement", DEPARTEMENTS)
def test_un_code_insee_qui_n_est_pas_un_code_postal_mene_a_sa_commune(departement):
    par_code = _communes_par_code_postal()
    communes = Commune.objects.filter(departement__code=departement).exclude(latitude=None)
    verifiees = 0
    for code_insee in communes.values_list("code_insee", flat=True):
        if code_insee not in par_code:
            assert resoudre(code_insee).commune.code_insee == code_insee
            verifiees += 1
    assert verifiees > 10


def test_les_anciennes_communes_de_l_aude_menent_a_leur_commune_a_leur_place():
    anciennes = SubdivisionCommune.objects.filter(commune__departement__code="11")
    assert anciennes.count() >= 9
    for ancienne in anciennes.select_related("commune"):
        position = resoudre(ancienne.nom)
        assert position.commune == ancienne.commune, ancienne.nom
        assert _km((position.latitude, position.longitude),
                   (ancienne.latitude, ancienne.longitude)) < 0.1, ancienne.nom  # fmt: skip
        assert ancienne.nom in position.libelle
        # Its INSEE code too.
        assert resoudre(ancienne.code_insee).commune == ancienne.commune


def test_fa_est_a_fa_pas_a_laroque_de_fa():
    position = resoudre("Fa")
    fa = SubdivisionCommune.objects.get(nom="Fa", commune__departement__code="11")
    assert position.commune == fa.commune
    laroque = Commune.objects.get(nom="Laroque-de-Fa")
    assert _km((position.latitude, position.longitude), (laroque.latitude, laroque.longitude)) > 20


def test_le_nom_exact_passe_avant_les_noms_qui_commencent_pareil():
    noms = {normaliser_recherche(n) for n in Commune.objects.values_list("nom", flat=True)}
    courts = sorted(n for n in noms if any(m.startswith(n + " ") for m in noms))
    assert len(courts) >= 10
    for nom in courts:
        resultats = index_communes().chercher(nom).tranche(0, 50)
        assert normaliser_recherche(resultats[0].commune.nom) == nom and resultats[0].rang == 0
        premier_autre = next((i for i, t in enumerate(resultats) if t.rang > 0), len(resultats))
        assert all(t.rang > 0 for t in resultats[premier_autre:]), nom
    assert resoudre("Narbonne").commune.code_insee == "11262"


def test_le_departement_configure_l_emporte_a_egalite():
    # Montlaur: communes of Aveyron and Haute-Garonne, a former commune of the Aude.
    position = resoudre("Montlaur")
    assert position.commune.departement.code == "11"


def test_l_index_suit_les_changements_du_territoire():
    index = index_communes()
    commune = Commune.objects.get(code_insee="11206")
    commune.nom = "Limoux-Renommée"
    commune.save()
    assert index_communes() is not index
    assert index_communes().chercher("limoux renommee").tranche(0, 1)[0].commune.pk == commune.pk


@pytest.mark.parametrize(
    ("code_postal", "commune"), [("13001", "Marseille"), ("75001", "Paris"), ("69003", "Lyon")]
)
def test_les_codes_postaux_des_arrondissements_sont_ceux_de_la_commune(code_postal, commune):
    # 13001 is also Aix-en-Provence's INSEE code: the postcode wins.
    assert resoudre(code_postal).commune.nom == commune


def test_chaque_processus_du_serveur_prepare_son_index_au_demarrage():
    from sun import gunicorn_conf
    from sun.territoire import index_communes as module

    module._index.oublier()
    gunicorn_conf.post_worker_init(worker=None)
    construit = module._index.index
    assert construit is not None and len(construit.lignes) == Commune.objects.count()


def test_le_libelle_d_une_ancienne_commune_elide_le_de():
    position = resoudre("Saint-Just-de-Bélengard")
    assert position.libelle.startswith("Saint-Just-de-Bélengard (commune associée d'Escueillens")
