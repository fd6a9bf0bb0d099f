"""Player-facing words: every event text and every computer reason is built from display names,
never raw ids, and free of the known grammar slips ("a intelligence sharing", "a non
aggression", "United States's").

`scan` is the checker; the last test plays three games of every shipped scenario and scans every
event text and every computer reason they produced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest

from wargame.match import Match
from wargame.scenario import Scenario
from wargame.scenario.library import bundled_names, load_bundled

GRAMMAR_SLIPS = (
    re.compile(r"\ba [aeiou]\w*", re.IGNORECASE),  # "a intelligence sharing"
    re.compile(r"\bnon aggression\b", re.IGNORECASE),  # the word has a hyphen
    re.compile(r"\bdraft to peacekeeping\b", re.IGNORECASE),
    re.compile(r"\b(States|Islands|Emirates|Nations)'s\b"),  # "United States's"
    re.compile(r"\bvetoed by [a-z_]+\b"),  # a vote cast by an id
)
RECORD_IDS = re.compile(r"\(id [a-z]?\d+\)|\bid [a-z]\d+\b")  # "(id s1)", "treaty t3"
EXCEPTIONS = ("a unanimous", "a uni", "a one-", "a use", "a user", "a euro")


def ids_of(scenario: Scenario) -> set[str]:
    """Every id a text might leak: states, bystanders, populations, organizations, treaties,
    issues."""
    ids = set(scenario.state_ids)
    council = scenario.organizations.security_council
    if council is not None:
        ids |= {b.id for b in council.bystanders}
    ids |= {p.id for p in scenario.populations}
    ids |= {o.id for o in scenario.organizations.regional}
    ids |= {t.id for t in scenario.treaties}
    ids |= {getattr(i, "id", "") for i in getattr(scenario, "issues", ()) or ()}
    ids.discard("")
    return ids


def scan(texts: Iterable[str], scenario: Scenario) -> list[str]:
    """Each text that shows an id instead of a name, or a known grammar slip, with why."""
    names = [s.name for s in scenario.states] + [p.name for p in scenario.populations]
    names += [getattr(i, "name", "") for i in getattr(scenario, "issues", ()) or ()]
    # the scenario's own words: an id that is also a word of them ("killings") is no leak
    names += [o.text for s in scenario.states for o in s.objectives]
    named = set(re.findall(r"[a-z0-9_]+", " ".join(names).lower()))
    ids = ids_of(scenario) - named  # an id that is also a word of a name ("strait") is no leak
    found = []
    for text in texts:
        words = set(re.findall(r"\b[a-z][a-z0-9_]*\b", text))
        leaked = sorted(words & ids)
        if leaked:
            found.append(f"ids {leaked}: {text}")
        if RECORD_IDS.search(text):
            found.append(f"a record's id: {text}")
        for slip in GRAMMAR_SLIPS:
            hit = slip.search(text)
            if hit and not any(hit.group(0).lower().startswith(e) for e in EXCEPTIONS):
                found.append(f"grammar ({hit.group(0)!r}): {text}")
    return found


def test_the_scan_finds_ids_and_slips(tutorial):
    bad = [
        "The draft was vetoed by borduria.",
        "Aurelia and Borduria signed a intelligence sharing agreement.",
        "Aurelia proposed a non aggression pact to Borduria (id p1).",
        "The United States's fleet sailed.",
    ]
    assert len(scan(bad, tutorial)) >= len(bad)
    good = ["Aurelia and Borduria signed an intelligence-sharing agreement."]
    assert scan(good, tutorial) == []


def _texts(match: Match) -> list[str]:
    from wargame.debrief.words import Words

    words = Words(match.scenario)
    out = []
    for record in match.history:
        out += [e.text for e in record.events]
        for why in record.reasons.values():
            out += [words.reason(line) for line in why]
    return out


@pytest.mark.parametrize("name", bundled_names())
def test_played_games_speak_in_names_and_good_grammar(name):
    from wargame.ai import make_player

    scenario = load_bundled(name)
    problems = []
    for seed in range(3):
        players = {s: make_player("easy") for s in scenario.state_ids}
        match = Match(scenario, seed, players)
        match.play_out()
        problems += scan(_texts(match), scenario)
    assert not problems, "\n".join(sorted(set(problems))[:40])
