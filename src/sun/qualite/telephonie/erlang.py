"""Queueing formulas of the staffing aid: Erlang B, Erlang C (M/M/n) and Erlang A (M/M/n+M,
Palm's model with exponential patience, as in Garnett, Mandelbaum & Reiman 2002). Pure
functions of floats, no Django.

Units: `a` is the offered load in erlangs (arrival rate × mean handling time), `n` the number
of agents, `duree` the mean handling time and `t`, `patience` durations in the same unit
(seconds in SUN). Every probability is computed with recurrences that neither overflow nor lose
precision for hundreds of agents (no factorial, no power of `a`).
"""

import math

# Beyond this many agents no search goes on: the load is absurd for one queue.
AGENTS_MAX = 2000


def erlang_b(a: float, n: int) -> float:
    """Blocking probability of M/M/n/n (Erlang's loss formula), by the stable recurrence
    B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1))."""
    if a < 0 or n < 0:
        raise ValueError("charge et nombre d'agents doivent être positifs")
    b = 1.0
    for k in range(1, n + 1):
        b = a * b / (k + a * b)
    return b


def erlang_c(a: float, n: int) -> float:
    """Probability that a call waits in M/M/n (Erlang C): n·B / (n − a·(1 − B)); 1 when the
    agents cannot keep up (a ≥ n: the queue grows without end)."""
    if n <= 0 or a >= n:
        return 1.0
    if a == 0:
        return 0.0
    b = erlang_b(a, n)
    return n * b / (n - a * (1 - b))


def niveau_service(a: float, n: int, duree: float, t: float) -> float:
    """Share of calls answered within `t` in M/M/n: 1 − C·exp(−(n − a)·t / duree)."""
    if n <= 0 or a >= n:
        return 0.0
    return 1.0 - erlang_c(a, n) * math.exp(-(n - a) * t / duree)


def attente_moyenne(a: float, n: int, duree: float) -> float:
    """Average speed of answer (mean wait of all calls) in M/M/n: C·duree / (n − a)."""
    if n <= 0 or a >= n:
        return math.inf
    return erlang_c(a, n) * duree / (n - a)


def agents_erlang_c(a: float, duree: float, cible: float, t: float) -> int:
    """The fewest agents for which at least `cible` (0–1) of the calls are answered within
    `t` in M/M/n."""
    if a <= 0:
        return 0
    n = max(1, math.floor(a) + 1)
    while niveau_service(a, n, duree, t) < cible:
        n += 1
        if n > AGENTS_MAX:
            raise ValueError("objectif inatteignable avec un nombre raisonnable d'agents")
    return n


# --- Erlang A -------------------------------------------------------------------------------

PRECISION = 1e-12


def _etats(a: float, n: int, duree: float, patience: float) -> list[float]:
    """Stationary probabilities of the number of calls in M/M/n+M (birth rate λ, death rate
    min(k, n)·μ + max(k − n, 0)·θ), in logarithms then normalised, truncated where the tail is
    below PRECISION (the chain is stable for any n since callers abandon)."""
    lam, mu, theta = a / duree, 1 / duree, 1 / patience
    logs, haut, k = [0.0], 0.0, 0
    while True:
        k += 1
        deces = min(k, n) * mu + max(k - n, 0) * theta
        logs.append(logs[-1] + math.log(lam) - math.log(deces))
        haut = max(haut, logs[-1])
        if k > n and k > a and logs[-1] - haut < math.log(PRECISION):
            break
    poids = [math.exp(v - haut) for v in logs]
    total = sum(poids)
    return [p / total for p in poids]


def erlang_a(a: float, n: int, duree: float, patience: float, t: float) -> dict[str, float]:
    """Erlang A (M/M/n+M): Poisson arrivals, exponential handling times of mean `duree`,
    exponential patience of mean `patience`. Returns the probability of waiting (`attente`),
    of abandoning (`abandon`, θ·E[queue] / λ), and the share of all calls answered within `t`
    (`dans_le_delai`; a caller who abandons counts as not answered).

    The last one: a caller who finds k ≥ n calls in the system has i = k − n calls ahead in
    the queue; the line ahead moves at rate n·μ + i·θ (an agent frees, or one of them gives up)
    and he gives up himself at rate θ. This small absorbing chain is solved by
    uniformisation (Poisson weights of its jumps), which is exact to PRECISION."""
    if n <= 0:
        return {"attente": 1.0, "abandon": 1.0, "dans_le_delai": 0.0}
    if a <= 0:
        return {"attente": 0.0, "abandon": 0.0, "dans_le_delai": 1.0}
    pi = _etats(a, n, duree, patience)
    lam, mu, theta = a / duree, 1 / duree, 1 / patience
    attente = sum(pi[n:])
    file = sum((k - n) * p for k, p in enumerate(pi) if k > n)
    abandon = theta * file / lam
    servis_sans_attendre = 1.0 - attente
    # Position in the queue on arrival (PASTA): i = k − n for k ≥ n.
    depart = pi[n:]
    taux = [n * mu + i * theta for i in range(len(depart))]  # the line ahead moves
    uniforme = taux[-1] + theta
    sortie = [(r + theta) / uniforme for r in taux]  # chance a jump is a real move
    x = uniforme * t
    if x == 0:
        return {"attente": attente, "abandon": abandon, "dans_le_delai": servis_sans_attendre}
    # Σ_j Poisson(j; x) · P(served within j jumps), P(served within j) built jump by jump.
    vecteur, servis, cumul_servis = list(depart), 0.0, 0.0
    log_poids, cumul_poids, j = -x, 0.0, 0
    while True:
        poids = math.exp(log_poids)
        cumul_servis += poids * servis
        cumul_poids += poids
        if (j > x and 1 - cumul_poids < PRECISION) or j > x + 40 * math.sqrt(x) + 100:
            break
        suivant = [v * (1 - s) for v, s in zip(vecteur, sortie, strict=True)]
        servis += vecteur[0] * (n * mu) / uniforme
        for i in range(1, len(vecteur)):
            suivant[i - 1] += vecteur[i] * taux[i] / uniforme
        vecteur = suivant
        j += 1
        log_poids += math.log(x) - math.log(j)
    return {
        "attente": attente,
        "abandon": abandon,
        "dans_le_delai": servis_sans_attendre + cumul_servis,
    }


def agents_erlang_a(a: float, duree: float, patience: float, cible: float, t: float | None) -> int:
    """The fewest agents for which, in M/M/n+M, at least `cible` (0–1) of the calls are
    answered (t None: not abandoned) or answered within `t`."""
    if a <= 0:
        return 0
    n = 1
    while True:
        r = erlang_a(a, n, duree, patience, t or 0.0)
        atteint = (1 - r["abandon"]) if t is None else r["dans_le_delai"]
        if atteint >= cible:
            return n
        n += 1
        if n > AGENTS_MAX:
            raise ValueError("objectif inatteignable avec un nombre raisonnable d'agents")
