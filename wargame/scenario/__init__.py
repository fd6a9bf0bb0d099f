"""Scenarios: the schema of a crisis's starting point, and loading it from YAML."""

from .loader import Problem, ScenarioError, load_scenario, parse_scenario, parse_scenario_text
from .schema import ESCALATION_RUNGS, TREATY_KINDS, Scenario

__all__ = [
    "ESCALATION_RUNGS",
    "TREATY_KINDS",
    "Problem",
    "Scenario",
    "ScenarioError",
    "load_scenario",
    "parse_scenario",
    "parse_scenario_text",
]
