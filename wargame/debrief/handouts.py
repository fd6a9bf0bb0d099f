"""Handouts for before class: one briefing sheet per seat (the situation, its own briefing, its
public and secret objectives, its figures and relations, and every move with what it costs) and a
sheet for the facilitator (every state's objectives, the scripted events and when they fire, the
Security Council, the seed). A seat's sheet holds only that seat's secrets."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..rules import STANDARD
from ..scenario import Scenario
from ..setup import new_game
from ..state import GameState
from .report_html import bullets, page, table
from .words import TREATY_WORDS, Words, number, rung_words

FIGURES = ("military", "economy", "stability", "reputation")


@dataclass(frozen=True)
class MoveLine:
    family: str
    label: str
    what: str
    costs: str
    risks: str
    when: str


def move_lines() -> tuple[MoveLine, ...]:
    """Every move of the standard rules with its help, families in the order players see them."""
    return tuple(
        MoveLine(f.title, m.label, m.help.what, m.help.costs, m.help.risks, m.help.when)
        for f in STANDARD.families
        for m in f.moves
    )


def handouts_html(scenario: Scenario, seats: tuple[str, ...] | None = None) -> str:
    """The facilitator's sheet, then one sheet per seat (all seats unless `seats` names some)."""
    state = new_game(scenario, scenario.seed)
    words = Words(scenario)
    body = facilitator_sheet(scenario, state, words)
    for seat in seats or scenario.state_ids:
        body += seat_sheet(scenario, state, seat, words)
    return page(f"Handouts: {scenario.title}", body)


def seat_sheet(scenario: Scenario, state: GameState, seat: str, words: Words) -> list[str]:
    spec = scenario.state(seat)
    country = state.country(seat)
    status = [spec.regime]
    if spec.great_power:
        status.append("great power")
    if spec.nuclear:
        status.append("nuclear-armed")
    out = [
        f'<h1 class="break">{escape(spec.name)}: briefing</h1>',
        f"<p><b>{escape(scenario.title)}</b>. For the team leading {escape(spec.name)} only. "
        f"{scenario.turns} turns, each standing for {escape(scenario.turn_length)}.</p>",
        "<h2>The situation</h2>",
        *_paragraphs(scenario.briefing),
        f"<h2>Your brief ({escape(', '.join(status))})</h2>",
        *_paragraphs(spec.briefing),
        "<h2>Your objectives</h2>",
        table(
            ("Objective", "Points", "Known to"),
            (
                (
                    escape(o.text),
                    str(o.points),
                    "<i>you alone (secret)</i>" if o.secret else "everyone",
                )
                for o in spec.objectives
            ),
            "100%",
        ),
        '<p class="note">Score = points for objectives met + 10 for each treaty still in force at '
        "the end \u2212 15 for each obligation broken.</p>",
        "<h2>Your figures at the start</h2>",
        table(
            [f.capitalize() for f in FIGURES],
            [[number(getattr(country, f)) for f in FIGURES]],
        ),
        "<h3>Relations (\u2212100 hostile to +100 close)</h3>",
        table(
            ("State", "Relations", "Your trade going there"),
            (
                (
                    escape(words.name(other)),
                    number(state.relation(seat, other), 0),
                    f"{number(state.trade_share(seat, other) * 100, 0)}%",
                )
                for other in scenario.state_ids
                if other != seat
            ),
        ),
        "<h3>Treaties you are party to</h3>",
        bullets(
            escape(
                f"{TREATY_WORDS.get(t.kind, t.kind)} with "
                f"{words.names_of([m for m in t.members if m != seat])}"
            )
            for t in state.active_treaties(member=seat)
        ),
        '<h2 class="break">Your moves and what they cost</h2>',
        '<p class="note">Each turn you may give up to the number of actions shown in the game; '
        "messages and answers are free.</p>",
        *_moves(),
    ]
    return out


def facilitator_sheet(scenario: Scenario, state: GameState, words: Words) -> list[str]:
    council = scenario.organizations.security_council
    out = [
        f"<h1>{escape(scenario.title)}: the facilitator's sheet</h1>",
        "<p><b>Holds every state's secret objectives: keep it away from the players.</b></p>",
        f"<p>{escape(scenario.summary)}</p>",
        f"<p>{scenario.turns} turns of {escape(scenario.turn_length)} each; the crisis starts at "
        f"{escape(rung_words(state.escalation))} with global tension {number(state.tension, 0)} "
        f"of 100. Seed {scenario.seed} (the same seed and orders replay a session exactly).</p>",
        "<h2>The states</h2>",
        table(
            ("State", "Regime", "Doctrine", *[f.capitalize() for f in FIGURES]),
            (
                (
                    escape(s.name),
                    escape(s.regime + (", nuclear" if s.nuclear else "")),
                    escape(s.doctrine),
                    *(number(getattr(state.country(s.id), f)) for f in FIGURES),
                )
                for s in scenario.states
            ),
            "100%",
        ),
        "<h2>Every state's objectives</h2>",
    ]
    for s in scenario.states:
        out.append(f"<h3>{escape(s.name)}</h3>")
        out.append(
            bullets(
                f"{escape(o.text)} ({o.points} points)" + (" <i>secret</i>" if o.secret else "")
                for o in s.objectives
            )
        )
    out.append("<h2>Scripted events</h2>")
    out.append(
        bullets(
            f"<b>{escape(i.title)}</b> ({escape(trigger_words(i.when))}): {escape(i.text)}"
            for i in scenario.injects
        )
    )
    if council is not None:
        out.append("<h2>The Security Council</h2>")
        out.append(
            "<p>Permanent members (each can veto): "
            f"{escape(words.names_of(council.permanent))}. Elected members led by players: "
            f"{escape(words.names_of(council.elected) or 'none')}. Others: "
            f"{escape(words.names_of([b.id for b in council.bystanders]) or 'none')}.</p>"
        )
    if scenario.populations:
        out.append("<h2>Populations at risk</h2>")
        out.append(
            bullets(
                escape(
                    f"{p.name} in {words.name(p.in_state)}: {number(p.people, 0)} people, "
                    f"{number(p.threat * 100)}% killed per turn if unprotected, from turn "
                    f"{p.active_from}"
                )
                for p in scenario.populations
            )
        )
    out.append("<h2>Treaties in force at the start</h2>")
    out.append(
        bullets(
            escape(f"{TREATY_WORDS.get(t.kind, t.kind)}: {words.names_of(t.members)}")
            for t in state.treaties
        )
    )
    return out


def _moves() -> list[str]:
    out = []
    lines = move_lines()
    for family in dict.fromkeys(m.family for m in lines):
        out.append(f"<h3>{escape(family)}</h3>")
        out.append(
            table(
                ("Move", "What it does", "Costs", "Risks"),
                (
                    (
                        f"<b>{escape(m.label)}</b>",
                        escape(m.what) + f'<br><span class="note">{escape(m.when)}</span>',
                        escape(m.costs),
                        escape(m.risks),
                    )
                    for m in lines
                    if m.family == family
                ),
                "100%",
            )
        )
    return out


def trigger_words(when) -> str:  # noqa: ANN001 - a scenario Trigger
    if when.manual:
        return "only when you fire it, from the white cell"
    parts = []
    if when.turn is not None:
        parts.append(f"turn {when.turn}")
    if when.tension_at_least is not None:
        parts.append(f"when tension reaches {number(when.tension_at_least, 0)}")
    if when.escalation_at_least is not None:
        parts.append(f"when the crisis reaches {when.escalation_at_least.replace('_', ' ')}")
    if when.deaths_at_least is not None:
        parts.append(f"when {number(when.deaths_at_least, 0)} people have been killed")
    if when.council_vote is not None:
        result = "" if when.council_vote == "any" else f" is {when.council_vote}"
        parts.append(f"when a Security Council draft{result or ' is voted on'}")
    if when.sanctions is not None:
        step = "move" if when.sanctions == "any" else f"are {when.sanctions}"
        parts.append(f"when sanctions {step}")
    return ", or ".join(parts)


def _paragraphs(text: str) -> list[str]:
    return [f"<p>{escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip()]
