"""The rules, one module per mechanic family. Each module declares its moves (order type, legality,
candidates, effect, help) and its steps in a `FAMILY`; `STANDARD` is the game they make together,
families in the order players see them.
"""

from ..moves import Ruleset
from . import (
    agreements,
    alliances,
    arms_control,
    diplomacy,
    domestic,
    escalation,
    humanitarian,
    issues,
    military,
    organizations,
    sanctions,
    soft_power,
)

STANDARD = Ruleset(
    (
        diplomacy.FAMILY,
        agreements.FAMILY,
        sanctions.FAMILY,
        alliances.FAMILY,
        military.FAMILY,
        arms_control.FAMILY,
        organizations.FAMILY,
        humanitarian.FAMILY,
        soft_power.FAMILY,
        issues.FAMILY,
        domestic.FAMILY,
        escalation.FAMILY,
    )
)
