"""A plan with actions for the calls wing's tests (the current plan: created last)."""

from tests.pilotage.factories import (
    ActionFactory,
    AxeFactory,
    OrientationDuPlanFactory,
    PlanFactory,
)


def plan_avec_actions(n: int = 2):
    plan = PlanFactory(debut=2025, fin=2030)
    orientation = OrientationDuPlanFactory(parent=AxeFactory(plan=plan))
    return plan, [ActionFactory(orientation=orientation) for _ in range(n)]
