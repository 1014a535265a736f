"""The optional regeneration of the Boavizta table: boaviztapi is never installed for the
tests; a fake package with the same call chain (archetype → DTO → mapper → compute_impacts)
stands in for it, computing with the formulas of NOTES-parc.md §6.2."""

import sys
import types

import pytest

from sun.cli import main
from sun.cli.sortie import USAGE
from sun.parc.empreinte import boavizta
from sun.parc.empreinte.facteurs import analyser

# Archetype values of boaviztapi 2.5.0 (data/archetypes/user_terminal.csv) and its measured
# manufacturing (kg CO2e, kg Sb eq., MJ).
ARCHETYPES = {
    "laptop-pro": (35040, (75, 50, 100), 181, 0.0086, 2410),
    "desktop-pro": (52560, (175, 100, 450), 277, 0.00852, 5110),
    "monitor-default": (57816, (55, 20, 100), 64.7, 0.0108, 1300),
    "smartphone-default": (21900, (1, 0.5, 3), 84, 0.00205, 1110),
    "tablet-default": (26280, (7.5, 5, 10), 75.9, 0.00375, 1000),
}
MIX_FRANCE, PE_FRANCE = 0.098, 11.289


class Appareil:
    def __init__(self, archetype):
        self.archetype = archetype


def _faux_boaviztapi() -> dict[str, types.ModuleType]:
    modules = {nom: types.ModuleType(nom) for nom in (
        "boaviztapi", "boaviztapi.data", "boaviztapi.data.archetype", "boaviztapi.dto",
        "boaviztapi.dto.device", "boaviztapi.dto.device.user_terminal", "boaviztapi.dto.usage",
        "boaviztapi.dto.usage.usage", "boaviztapi.compute",
        "boaviztapi.compute.impacts_computation")}  # fmt: skip

    def archetype(nom):
        if nom not in ARCHETYPES:
            return False
        heures, (p, bas, haut), *_ = ARCHETYPES[nom]
        return {"id_": nom, "USAGE": {"hours_life_time": {"default": heures},
                                      "avg_power": {"default": p, "min": bas, "max": haut},
                                      "use_time_ratio": {"default": 0.3}}}  # fmt: skip

    class Usage:
        def __init__(self, usage_location="EEE", **_):
            self.usage_location = usage_location

    class Terminal:
        def __init__(self, usage=None):
            self.usage = usage

    def mapper(dto, archetype=None):
        assert dto.usage.usage_location == "FRA"
        return Appareil(archetype)

    def compute_impacts(model, selected_criteria, duration):
        a = model.archetype
        nom = a["id_"]
        _h, (p, bas, haut), gwp, adpe, adpf = ARCHETYPES[nom]
        kwh = {k: w * duration * 0.3 / 1000 for k, w in (("v", p), ("min", bas), ("max", haut))}
        sortie = {
            "gwp": {"unit": "kgCO2eq", "embedded": {"value": gwp, "min": gwp, "max": gwp},
                    "use": {"value": round(kwh["v"] * MIX_FRANCE, 1),
                            "min": round(kwh["min"] * MIX_FRANCE, 2),
                            "max": round(kwh["max"] * MIX_FRANCE, 2)}},
            "adpe": {"embedded": {"value": adpe}, "use": "not implemented"},
            "adpf": {"embedded": {"value": adpf}, "use": "not implemented"},
            "pe": {"embedded": "not implemented", "use": {"value": round(kwh["v"] * PE_FRANCE)}},
        }  # fmt: skip
        return {c: sortie[c] for c in selected_criteria}

    modules["boaviztapi.data.archetype"].get_user_terminal_archetype = archetype
    terminaux = modules["boaviztapi.dto.device.user_terminal"]
    for classe in ("Laptop", "Desktop", "Monitor", "Smartphone", "Tablet"):
        setattr(terminaux, classe, type(classe, (Terminal,), {}))
    terminaux.mapper_user_terminal = mapper
    modules["boaviztapi.dto.usage.usage"].Usage = Usage
    modules["boaviztapi.compute.impacts_computation"].compute_impacts = compute_impacts
    return modules


@pytest.fixture
def faux_boaviztapi(monkeypatch):
    for nom, module in _faux_boaviztapi().items():
        monkeypatch.setitem(sys.modules, nom, module)


def test_regenerer_avec_boaviztapi(faux_boaviztapi, tmp_path):
    chemin, n = boavizta.regenerer(tmp_path / "boavizta.csv")
    assert n == 5 * 8
    types_ = analyser(chemin.read_text(encoding="utf-8"), chemin.name)
    portable = types_["portable"]
    assert portable.intrinseque["gwp"].valeur == 181
    assert portable.duree_de_vie_source == 4
    assert portable.usage_annuel["gwp"].valeur * 4 == pytest.approx(77, abs=0.5)
    assert portable.usage_annuel["gwp"].min * 4 == pytest.approx(51.5, abs=0.1)
    assert portable.intrinseque["adpf"].valeur == 2410
    assert types_["poste_fixe"].usage_annuel["gwp"].valeur * 6 == pytest.approx(270, rel=0.01)
    assert set(types_) == {"portable", "poste_fixe", "ecran", "smartphone", "tablette"}


def test_les_valeurs_regenerees_sont_celles_livrees(faux_boaviztapi, tmp_path):
    from sun.parc.empreinte.facteurs import charger_table

    chemin, _n = boavizta.regenerer(tmp_path / "boavizta.csv")
    regeneres = analyser(chemin.read_text(encoding="utf-8"), chemin.name)
    livres = charger_table("boavizta-2.5.0").types
    for t, f in livres.items():
        assert regeneres[t].intrinseque == f.intrinseque
        # boaviztapi rounds its results: the shipped figures are its rounded ones.
        assert regeneres[t].usage_annuel["gwp"].valeur == pytest.approx(
            f.usage_annuel["gwp"].valeur, rel=0.05)  # fmt: skip


def test_sans_boaviztapi_le_message_dit_comment_l_installer(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "boaviztapi", None)  # « import boaviztapi » fails
    with pytest.raises(boavizta.BoaviztaAbsent, match=r"pip install 'sun\[boavizta\]'"):
        boavizta.regenerer(tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()
    assert main(["parc", "facteurs", "regenerer", "--edition", "boavizta"]) == USAGE
    assert "pip install 'sun[boavizta]'" in capsys.readouterr().err


def test_boaviztapi_n_est_pas_importe_au_chargement():
    import importlib

    importlib.reload(boavizta)
    assert "boaviztapi" not in sys.modules or sys.modules["boaviztapi"] is None
