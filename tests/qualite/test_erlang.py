"""The queueing formulas of the staffing aid against published tables, textbook cases with
known answers, closed forms and monotonicity.

Sources of the published figures:
- Erlang B tables (e.g. ITU-T « Teletraffic Engineering Handbook », Iversen, table of the
  Erlang loss formula; any Erlang B table): 10 circuits carry 4.461 erlangs at 1 % blocking,
  5 circuits 1.361, 20 circuits 12.031, 40 circuits 29.007, 100 circuits 84.064, 1 circuit
  0.0101 erlang.
- Call Centre Helper, « Erlang C Formula – Made Simple With an Easy Worked Example »: 100 calls
  per half hour, 180 s handling time (A = 10 erlangs), target 80 % answered in 20 s: with 11
  agents the probability of waiting is 0.6821 and the service level 39 %; 14 agents are needed
  (service level 88.8 %).
- M/M/1 (Kleinrock, « Queueing Systems », vol. 1): P(wait) = ρ, W = ρ/(μ − λ),
  P(W > t) = ρ·e^{−(μ − λ)t}.
- M/M/n+M with patience mean equal to the handling time: the number in system is then
  M/M/∞, Poisson of mean a (Palm; Garnett, Mandelbaum & Reiman 2002).
"""

import math

import pytest

from sun.qualite.telephonie import erlang


@pytest.mark.parametrize(
    ("charge", "circuits"),
    [(1.361, 5), (4.461, 10), (12.031, 20), (29.007, 40), (84.064, 100), (0.0101, 1)],
)
def test_erlang_b_table_publiee_a_1_pour_cent(charge, circuits):
    assert erlang.erlang_b(charge, circuits) == pytest.approx(0.01, abs=2e-5)


def test_erlang_b_cas_simples_et_grands_nombres():
    assert erlang.erlang_b(1.0, 1) == pytest.approx(0.5)
    assert erlang.erlang_b(2.0, 2) == pytest.approx(0.4)  # (4/2) / (1 + 2 + 2)
    assert erlang.erlang_b(5.0, 0) == 1.0
    # 1,000 agents: no factorial overflows, the value stays a probability.
    b = erlang.erlang_b(950.0, 1000)
    assert 0 < b < 0.02
    with pytest.raises(ValueError):
        erlang.erlang_b(-1, 3)


def test_call_centre_helper_exemple_travaille():
    a = 100 * 180 / 1800
    assert a == 10
    assert erlang.erlang_c(a, 11) == pytest.approx(0.6821, abs=5e-5)
    assert erlang.niveau_service(a, 11, 180, 20) == pytest.approx(0.3896, abs=5e-4)
    assert erlang.agents_erlang_c(a, 180, 0.80, 20) == 14
    assert erlang.niveau_service(a, 13, 180, 20) < 0.80 <= erlang.niveau_service(a, 14, 180, 20)
    assert erlang.niveau_service(a, 14, 180, 20) == pytest.approx(0.888, abs=1e-3)


def test_mm1_formes_closes():
    lam, mu = 1 / 60, 1 / 40  # one call a minute, 40 s each: ρ = 2/3
    rho, duree = lam / mu, 40
    assert erlang.erlang_c(rho, 1) == pytest.approx(rho)
    assert erlang.attente_moyenne(rho, 1, duree) == pytest.approx(rho / (mu - lam))
    for t in (0, 10, 60):
        attendu = 1 - rho * math.exp(-(mu - lam) * t)
        assert erlang.niveau_service(rho, 1, duree, t) == pytest.approx(attendu)


def test_erlang_c_par_la_formule_directe():
    """The recurrence gives the textbook formula (factorials, exact for small numbers)."""
    a, n = 7.3, 10
    somme = sum(a**k / math.factorial(k) for k in range(n))
    terme = a**n / math.factorial(n) * n / (n - a)
    assert erlang.erlang_c(a, n) == pytest.approx(terme / (somme + terme), rel=1e-12)


def test_surcharge_et_charge_nulle():
    assert erlang.erlang_c(10, 10) == 1.0 and erlang.erlang_c(12, 10) == 1.0
    assert erlang.niveau_service(12, 10, 180, 20) == 0.0
    assert erlang.attente_moyenne(12, 10, 180) == math.inf
    assert erlang.erlang_c(0, 3) == 0.0 and erlang.agents_erlang_c(0, 180, 0.8, 20) == 0


def test_monotonie():
    a, duree = 8.0, 240
    niveaux = [erlang.niveau_service(a, n, duree, 20) for n in range(9, 20)]
    assert niveaux == sorted(niveaux) and niveaux[-1] > 0.99
    attentes = [erlang.erlang_c(a, n) for n in range(9, 20)]
    assert attentes == sorted(attentes, reverse=True)
    besoins = [erlang.agents_erlang_c(x, duree, 0.8, 20) for x in (1, 2, 4, 8, 16, 32)]
    assert besoins == sorted(besoins) and all(
        n > x for n, x in zip(besoins, (1, 2, 4, 8, 16, 32), strict=True)
    )
    # A stricter target or a shorter delay never needs fewer agents.
    assert erlang.agents_erlang_c(a, duree, 0.9, 20) >= erlang.agents_erlang_c(a, duree, 0.8, 20)
    assert erlang.agents_erlang_c(a, duree, 0.8, 10) >= erlang.agents_erlang_c(a, duree, 0.8, 30)


def test_erlang_a_patience_egale_duree_loi_de_poisson():
    a, n, duree = 3.0, 4, 100.0
    r = erlang.erlang_a(a, n, duree, duree, 0)
    poisson = [math.exp(-a) * a**k / math.factorial(k) for k in range(n)]
    assert r["attente"] == pytest.approx(1 - sum(poisson), abs=1e-10)
    assert r["dans_le_delai"] == pytest.approx(sum(poisson), abs=1e-10)  # t = 0: no wait
    # n = 1: P(abandon) = E[(N − 1)⁺] / a = (a − 1 + e^{−a}) / a.
    r1 = erlang.erlang_a(a, 1, duree, duree, 0)
    assert r1["abandon"] == pytest.approx((a - 1 + math.exp(-a)) / a, abs=1e-10)


def test_erlang_a_tend_vers_erlang_c_sans_abandon():
    r = erlang.erlang_a(10, 11, 180, 1e8, 20)
    assert r["attente"] == pytest.approx(erlang.erlang_c(10, 11), abs=1e-4)
    assert r["dans_le_delai"] == pytest.approx(erlang.niveau_service(10, 11, 180, 20), abs=1e-4)
    assert r["abandon"] < 1e-5


def test_erlang_a_tend_vers_erlang_b_sans_patience():
    """Callers who never wait: whoever finds every agent busy leaves, as in Erlang B."""
    r = erlang.erlang_a(6, 8, 200, 1e-4, 0)
    assert r["abandon"] == pytest.approx(erlang.erlang_b(6, 8), abs=1e-4)


def test_erlang_a_coherence_et_monotonie():
    a, duree, patience = 12.0, 240.0, 90.0
    r = erlang.erlang_a(a, 12, duree, patience, 20)
    # Stable even with no more agents than the load, since callers abandon.
    assert 0 < r["abandon"] < 1 and 0 < r["dans_le_delai"] < 1 - r["abandon"]
    delais = [erlang.erlang_a(a, 12, duree, patience, t)["dans_le_delai"] for t in (0, 10, 60, 600)]
    assert delais == sorted(delais)
    assert delais[-1] == pytest.approx(1 - r["abandon"], abs=1e-3)  # long delay: all served
    abandons = [erlang.erlang_a(a, n, duree, patience, 0)["abandon"] for n in range(8, 20)]
    assert abandons == sorted(abandons, reverse=True)
    plus_patients = erlang.erlang_a(a, 12, duree, 600, 0)["abandon"]
    assert plus_patients < r["abandon"]


def test_agents_erlang_a():
    a, duree, patience = 10.0, 180.0, 120.0
    n = erlang.agents_erlang_a(a, duree, patience, 0.85, None)
    assert 1 - erlang.erlang_a(a, n, duree, patience, 0)["abandon"] >= 0.85
    assert 1 - erlang.erlang_a(a, n - 1, duree, patience, 0)["abandon"] < 0.85
    m = erlang.agents_erlang_a(a, duree, patience, 0.80, 20)
    assert erlang.erlang_a(a, m, duree, patience, 20)["dans_le_delai"] >= 0.80
    assert erlang.erlang_a(a, m - 1, duree, patience, 20)["dans_le_delai"] < 0.80
    # With impatient callers, fewer agents than Erlang C reach 80 % in 20 s (abandons
    # shorten the queue), never more agents than Erlang C plus one.
    assert m <= erlang.agents_erlang_c(a, duree, 0.80, 20)
    assert erlang.agents_erlang_a(0, duree, patience, 0.8, 20) == 0
