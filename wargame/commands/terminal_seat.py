"""A person's seat in `wargame play` and `wargame resume`: a turn at the terminal, for a student.

Each turn the seat sees its briefing (on the first turn, or with `brief`), its objectives (met
or not, right now), its figures and what its intelligence says about the others, the news of
last turn with the numbers behind each event, and the moves of the rules grouped by family. A
move has a stable number and a command name (`21` or `threaten-sanctions`), the same every
turn and in every scenario; choosing one asks for its details one at a time, offering only the
legal choices, in words. Tab completes commands and choices where the terminal has readline.

With several people at one terminal, the screen is cleared and the keyboard handed over between
them, so no one sees another state's secrets. When input does not come from a terminal (a script,
a test), nothing is cleared, nobody is asked to confirm, and an empty line submits: scripted play
keeps working line by line.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..debrief.words import Words, listing, named_number, number
from ..legality import check_orders, legal_orders
from ..match import Match, OrdersRejected
from ..moves import Move, Order
from ..rules import STANDARD
from ..rules.diplomacy import SendMessage
from ..scoring import condition_met
from ..state import GameState
from ..view import SeatView
from ..wording import FIELD_LABELS

CLEAR = "\033[2J\033[H"  # clear the terminal and go home: sent only to a real terminal
INDICATORS = ("military", "economy", "stability", "reputation")
HELP = """\
Commands (Tab completes them):
  NUMBER or NAME     choose a move, e.g. 21 or threaten-sanctions
  message            write to other states (free)
  orders             this turn's orders so far     remove N   take order N out
  done               hand in this turn's orders (an empty line does too)
  pass               hand in no orders this turn
  moves / moves all  the moves you can make now / every move, with why not
  brief, objectives, figures, news, why N           read again
  quit               stop here (a saved session can be resumed)"""


class StopPlaying(Exception):
    """The player asked to stop (or input ended)."""


@dataclass
class Console:
    """Where a seat reads and writes. `interactive`: a person at a real terminal."""

    read: Callable[[str], str] = input
    write: Callable[[str], None] = print
    interactive: bool = False
    clear: Callable[[], None] = lambda: None
    width: int = 100
    complete: Callable[[Sequence[str]], None] = lambda words: None  # what Tab may complete

    def say(self, text: str = "", indent: str = "", hang: str = "") -> None:
        """Write text wrapped to the terminal's width; `hang` indents its wrapped lines more."""
        if not text:
            self.write("")
            return
        for paragraph in text.split("\n"):
            self.write(
                textwrap.fill(
                    paragraph,
                    width=max(40, self.width),
                    initial_indent=indent,
                    subsequent_indent=indent + hang,
                )
                if paragraph
                else ""
            )

    def ask(self, prompt: str, words: Sequence[str] = ()) -> str:
        self.complete(words)
        try:
            return self.read(prompt).strip()
        except EOFError:
            raise StopPlaying("no more input") from None


def terminal_console() -> Console:
    """The console of the terminal the program runs in, with readline completion if present."""
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    width = min(shutil.get_terminal_size((100, 24)).columns - 1, 110)
    console = Console(interactive=interactive, width=width)
    if not interactive:
        return console

    def clear() -> None:  # straight to the terminal: output filters would strip the codes
        real = sys.__stdout__
        if real is not None:
            real.write(CLEAR)
            real.flush()

    console.clear = clear
    try:
        import readline  # not on every platform (Windows): then no completion
    except ImportError:
        return console
    choices: list[str] = []

    def completer(text: str, state: int) -> str | None:
        found = [w for w in choices if w.lower().startswith(text.lower())]
        return found[state] if state < len(found) else None

    def complete(words: Sequence[str]) -> None:
        choices[:] = list(words)

    readline.set_completer_delims(" \t,")
    readline.set_completer(completer)
    readline.parse_and_bind("tab: complete")
    console.complete = complete
    return console


# --- the moves, numbered once for all --------------------------------------------------------


@dataclass(frozen=True)
class MoveEntry:
    number: int
    command: str
    move: Move
    family: str


def command_name(kind: str) -> str:
    """ThreatenSanctions -> threaten-sanctions."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", kind).lower()


def move_entries() -> list[MoveEntry]:
    """Every move of the rules, in the rules' order, numbered in blocks of ten per family
    (diplomacy 1-9, agreements 11-19, sanctions 21-29...): the same each turn and in every
    scenario, and a move added to one family renumbers no other."""
    families = STANDARD.families
    block = 10 if all(len(f.moves) < 10 for f in families) else 100
    return [
        MoveEntry(i * block + j, command_name(move.kind), move, family.title)
        for i, family in enumerate(families)
        for j, move in enumerate(family.moves, 1)
    ]


def order_fields(cls: type[Order]) -> list[str]:
    names = [f.name for f in dataclasses.fields(cls) if f.name != "actor"]
    preferred = cls.move.field_order
    return [n for n in preferred if n in names] if preferred else names


FIELD_WORDS = {
    **FIELD_LABELS,
    "public": "Public statement or private message",
    "status": "Your stand",
}


# --- one seat's turn -------------------------------------------------------------------------


class TerminalSeat:
    """Asks one person for one seat's orders each turn."""

    def __init__(self, match: Match, seat: str, console: Console):
        self.match = match
        self.seat = seat
        self.console = console
        self.name = match.scenario.state(seat).name
        self.entries = move_entries()
        self._briefed = False
        self._queue: list[Order] = []
        self._view: SeatView | None = None
        self._legal: list[Order] = []

    # --- the turn ---------------------------------------------------------------------------

    def play_turn(self, hand_over: bool) -> None:
        """Show the seat its situation, ask for orders, submit them once the engine accepts."""
        c = self.console
        if hand_over and c.interactive:
            self._hand_over()
        self._view = self.match.view(self.seat)
        s = self._view.state
        self._legal = legal_orders(s, self.seat)
        self._queue = []
        c.say(f"\n== {self.name}, turn {s.turn} of {s.scenario.turns}: choose orders ==")
        if not self._briefed:
            self.show_briefing()
            self._briefed = True
        self.show_news()
        self.show_situation()
        self.show_objectives()
        self.show_moves()
        c.say("Type a move's number or name, `help` for commands, an empty line to hand in.")
        while not self._command(c.ask(f"{self.name}> ", self._completions())):
            pass
        if hand_over and c.interactive:
            c.clear()
            c.say(f"{self.name}'s orders are in and hidden.")

    def _hand_over(self) -> None:
        c = self.console
        c.clear()
        c.say(f"Pass the keyboard to {self.name}.")
        c.say(f"Nobody else should look at the screen while {self.name}'s player chooses orders.")
        c.ask(f"Press Enter when {self.name}'s player is at the keyboard. ")
        c.clear()

    def _command(self, line: str) -> bool:
        """Run one line typed at the prompt; True once the orders are handed in."""
        c = self.console
        word, _, rest = line.partition(" ")
        word, rest = word.lower(), rest.strip()
        if word in ("", "done", "submit"):
            if not self._queue and c.interactive and word == "":
                answer = c.ask("No orders queued. Hand in no orders this turn? [y/N] ")
                if answer.lower() not in ("y", "yes"):
                    return False
            return self._submit()
        if word == "pass":
            self._queue = []
            return self._submit()
        if word == "quit":
            raise StopPlaying("stopped at the player's request")
        if word == "help":
            c.say(HELP)
        elif word == "brief":
            self.show_briefing()
        elif word == "objectives":
            self.show_objectives()
        elif word in ("figures", "status"):
            self.show_situation()
        elif word == "news":
            self.show_news()
        elif word == "why":
            self.show_why(rest)
        elif word == "moves":
            self.show_moves(every=rest == "all")
        elif word in ("orders", "list", "queue"):
            self.show_queue()
        elif word == "remove":
            self._remove(rest)
        elif word == "clear":
            self._queue = []
            c.say("  All queued orders removed.")
        else:
            entry = self._entry(word if word != "message" else "send-message")
            if entry is None:
                c.say(f"  `{line}` is not a command or a move; type `help` or `moves`.")
            else:
                self._choose(entry)
        return False

    def _submit(self) -> bool:
        try:
            self.match.submit(self.seat, tuple(self._queue))  # checks the set as a whole
        except OrdersRejected as exc:
            self.console.say(f"  Not accepted: {exc}")
            return False
        count = len(self._queue)
        self.console.say(
            f"  {self.name} hands in {count} order{'s' if count != 1 else ''}."
            if count
            else f"  {self.name} hands in no orders this turn."
        )
        return True

    # --- what the seat sees -----------------------------------------------------------------

    @property
    def state(self) -> GameState:
        assert self._view is not None
        return self._view.state

    @property
    def words(self) -> Words:
        return Words(self.state.scenario)

    def show_briefing(self) -> None:
        spec = self.state.scenario.state(self.seat)
        c = self.console
        c.say(f"\nYour briefing ({self.name}, {spec.regime}):")
        c.say(_reflow(spec.briefing), indent="  ")
        c.say("\nThe situation, as everyone knows it:")
        c.say(_reflow(self.state.scenario.briefing), indent="  ")

    def show_situation(self) -> None:
        s, c, w = self.state, self.console, self.words
        me = s.country(self.seat)
        c.say(
            f"\nEscalation: {s.rung_name.replace('_', ' ')} \u00b7 tension {s.tension:.0f} of 100"
        )
        c.say("Your figures: " + " \u00b7 ".join(f"{a} {getattr(me, a):.0f}" for a in INDICATORS))
        treaties = [
            f"{t.kind.replace('_', ' ')} with {w.names_of([m for m in t.members if m != self.seat])}"
            for t in s.active_treaties(member=self.seat)
        ]
        c.say("Your treaties: " + ("; ".join(treaties) if treaties else "none"))
        others = [x for x in s.countries if x.id != self.seat]
        width = max(len(w.name(x.id)) for x in others) if others else 5
        c.say(
            f"{'Other states':<{width}}  military\u2248  economy  stability  reputation  relations"
        )
        for x in others:
            c.write(
                f"{w.name(x.id):<{width}}  {x.military:>9.0f}  {x.economy:>7.0f}  "
                f"{x.stability:>9.0f}  {x.reputation:>10.0f}  {s.relation(self.seat, x.id):>+9.0f}"
            )
        c.say("(\u2248 military figures are your intelligence's estimates; the rest is public)")

    def show_objectives(self) -> None:
        s, c = self.state, self.console
        spec = s.scenario.state(self.seat)
        c.say("\nYour objectives (as things stand now):")
        if not spec.objectives:
            c.say("  none in this scenario")
        for o in spec.objectives:
            mark = "\u2713 met    " if condition_met(s, self.seat, o) else "\u2717 not met"
            secret = " (secret: only you know)" if o.secret else ""
            c.say(
                f"{mark} {_reflow(o.text)} \u2014 {o.points} points{secret}", "  ", "            "
            )

    def show_news(self) -> None:
        assert self._view is not None
        c, w = self.console, self.words
        events = list(self._view.events)
        if not events:
            return
        c.say(f"\nWhat happened last turn (turn {self.state.turn - 1}):")
        for i, e in enumerate(events, 1):
            private = "" if e.visible_to is None else " (private)"
            c.say(f"news: {e.text}{private}", indent="  ", hang="      ")
            if e.numbers:
                numbers = "; ".join(named_number(w.ids_to_names(k), v) for k, v in e.numbers[:6])
                more = f" \u2026 (why {i})" if len(e.numbers) > 6 else ""
                c.say(f"numbers: {numbers}{more}", indent="        ", hang="         ")

    def show_why(self, which: str) -> None:
        assert self._view is not None
        events = list(self._view.events)
        try:
            event = events[int(which) - 1]
        except (ValueError, IndexError):
            self.console.say(f"  give an event's number from 1 to {len(events)}: why 2")
            return
        self.console.say(f"  {event.text}")
        for line in event.why().splitlines():
            self.console.say(self.words.ids_to_names(line), indent="    ")

    def show_moves(self, every: bool = False) -> None:
        c = self.console
        possible = {type(o) for o in self._legal} | {SendMessage}
        family = ""
        hidden = []
        c.say("\nYour moves this turn (number or name; * = free, uses no action):")
        for entry in self.entries:
            available = entry.move.order in possible
            if not available and not every:
                hidden.append(str(entry.number))
                continue
            if entry.family != family:
                family = entry.family
                c.say(f"  {family}")
            free = "*" if not entry.move.costs_action else " "
            note = "" if available else f"  \u2014 {self._why_not(entry)}"
            c.say(f"   {entry.number:>3}{free} {entry.command:<28} {entry.move.label}{note}")
        if hidden:
            c.say(f"Not possible now: {', '.join(hidden)} (`moves all` says why)", "  ", "    ")

    def show_queue(self) -> None:
        c, w = self.console, self.words
        if not self._queue:
            c.say("  No orders queued yet.")
            return
        reasons = check_orders(self.state, self.seat, self._queue)
        used = sum(1 for o in self._queue if o.costs_action)
        c.say(f"  This turn's orders ({used} of 4 actions used; messages and answers are free):")
        for i, (o, r) in enumerate(zip(self._queue, reasons, strict=True), 1):
            c.say(f"   {i}. {w.order(o, self.state)}" + (f"  \u26a0 {r}" if r else ""))

    # --- choosing a move --------------------------------------------------------------------

    def _entry(self, word: str) -> MoveEntry | None:
        if word.isdigit():
            return next((e for e in self.entries if e.number == int(word)), None)
        return next((e for e in self.entries if e.command == word), None)

    def _why_not(self, entry: MoveEntry) -> str:
        return entry.move.help.when or "not possible now"

    def _completions(self) -> list[str]:
        commands = ["help", "done", "pass", "orders", "remove", "moves", "brief", "objectives"]
        commands += ["figures", "news", "why", "message", "quit"]
        return commands + [e.command for e in self.entries]

    def _choose(self, entry: MoveEntry) -> None:
        c = self.console
        cls = entry.move.order
        if cls is SendMessage:
            order = self._message()
        else:
            candidates = [o for o in self._legal if type(o) is cls]
            if not candidates:
                c.say(f"  {entry.move.label}: not possible now. {self._why_not(entry)}")
                return
            c.say(f"  {entry.move.label}: {entry.move.help.what}")
            order = self._form(entry, candidates)
        if order is None:
            c.say("  Cancelled.")
            return
        reason = check_orders(self.state, self.seat, [*self._queue, order])[-1]
        if reason:
            c.say(f"  Not added: {reason}")
            return
        self._queue.append(order)
        c.say(f"  Added: {self.words.order(order, self.state)}")
        self.show_queue()

    def _form(self, entry: MoveEntry, candidates: list[Order]) -> Order | None:
        """One field at a time; choice fields offer the values of the legal orders that agree
        with the choices made so far, so the result is always a legal order."""
        cls = entry.move.order
        chosen: dict[str, Any] = {}
        matching = list(candidates)
        for name in order_fields(cls):
            widget = entry.move.free_fields.get(name, "choice")
            values = []
            for o in matching:
                value = getattr(o, name)
                for item in value if widget == "states" else (value,):
                    if item not in values:
                        values.append(item)
            if values in ([None], [""], [()], []):
                continue
            label = FIELD_WORDS.get(name, name.replace("_", " ").capitalize())
            if widget == "choice":
                value = self._pick(label, name, values, matching[0])
                if value is _CANCEL:
                    return None
                chosen[name] = value
                matching = [o for o in matching if getattr(o, name) == value]
            elif widget == "states":
                value = self._pick_states(label, values, getattr(matching[0], name))
                if value is _CANCEL:
                    return None
                chosen[name] = value
            else:
                value = self._free(label, widget, getattr(matching[0], name))
                if value is _CANCEL:
                    return None
                chosen[name] = value
        free = {k: v for k, v in chosen.items() if entry.move.free_fields.get(k)}
        return dataclasses.replace(matching[0], **free)

    def _word(self, example: Order, field: str, value: Any) -> str:
        """A value of a field in words: a name, a kind of treaty, what a record is."""
        issues = {
            getattr(i, "id", None): i for i in getattr(self.state.scenario, "issues", ()) or ()
        }
        if field == "issue" and value in issues:
            return str(getattr(issues[value], "name", value))
        if field == "status":
            issue = issues.get(getattr(example, "issue", None))
            outcome = (getattr(issue, "outcomes", None) or {}).get(value, "")
            return f"{value}: {outcome}" if outcome else str(value)
        probe = dataclasses.replace(example, **{field: value})
        return self.words._value(probe, field, value, self.state)

    def _pick(self, label: str, field: str, values: list[Any], example: Order) -> Any:
        c = self.console
        names = [self._word(example, field, v) for v in values]
        if len(values) == 1:
            c.say(f"  {label}: {names[0]} (the only choice)")
            return values[0]
        c.say(f"  {label}:")
        for i, n in enumerate(names, 1):
            c.say(f"    {i}. {n}")
        while True:
            answer = c.ask(f"  {label} [1-{len(values)}, Enter = 1, `cancel`]: ", names)
            if answer.lower() == "cancel":
                return _CANCEL
            if not answer:
                return values[0]
            index = _index_of(answer, names)
            if index is not None:
                return values[index]
            c.say(f"    please give a number from 1 to {len(values)} or the start of a name")

    def _pick_states(self, label: str, values: list[str], default: Any) -> Any:
        c, w = self.console, self.words
        names = [w.name(v) for v in values]
        c.say(f"  {label}: " + "  ".join(f"{i}. {n}" for i, n in enumerate(names, 1)))
        shown = listing([w.name(v) for v in default or ()]) or "none"
        while True:
            answer = c.ask(
                f"  {label} (numbers or names, commas between; Enter = {shown}): ", names
            )
            if answer.lower() == "cancel":
                return _CANCEL
            if not answer:
                return tuple(default or ())
            picked = [_index_of(part.strip(), names) for part in answer.split(",")]
            if all(p is not None for p in picked):
                return tuple(values[p] for p in picked if p is not None)
            c.say("    please give numbers or names from the list, separated by commas")

    def _free(self, label: str, widget: str, default: Any) -> Any:
        c = self.console
        while True:
            shown = "" if default in (None, "") else f", Enter = {_show(default, widget)}"
            answer = c.ask(f"  {label}{shown}: ")
            if answer.lower() == "cancel":
                return _CANCEL
            if not answer:
                return default if default is not None else ""
            if widget == "text":
                return answer
            try:
                value = float(answer.rstrip("%"))
            except ValueError:
                c.say("    please give a number")
                continue
            return value / 100 if widget == "fraction" else value

    def _message(self) -> Order | None:
        c, w = self.console, self.words
        others = [x for x in self.state.ids if x != self.seat]
        to = self._pick_states("To", others, ())
        if to is _CANCEL or not to:
            return None
        text = c.ask("  Message (one line; `cancel` to stop): ")
        if not text or text.lower() == "cancel":
            return None
        public = c.ask("  Public statement, seen by every state? [y/N] ").lower() in ("y", "yes")
        c.say(f"  To {w.names_of(to)}{' (public)' if public else ''}.")
        return SendMessage(self.seat, to=tuple(to), text=text, public=public)

    def _remove(self, which: str) -> None:
        try:
            del self._queue[int(which) - 1]
        except (ValueError, IndexError):
            self.console.say(f"  give an order's number from 1 to {len(self._queue)}: remove 1")
            return
        self.show_queue()


_CANCEL = object()


def _index_of(answer: str, names: Sequence[str]) -> int | None:
    if answer.isdigit():
        n = int(answer)
        return n - 1 if 1 <= n <= len(names) else None
    lowered = answer.lower()
    exact = [i for i, n in enumerate(names) if n.lower() == lowered]
    if exact:
        return exact[0]
    starts = [i for i, n in enumerate(names) if n.lower().startswith(lowered)]
    return starts[0] if len(starts) == 1 else None


def _show(value: Any, widget: str) -> str:
    if widget == "fraction" and isinstance(value, float):
        return f"{value * 100:.0f}%"
    if isinstance(value, float):
        return number(value)
    return str(value)


def _reflow(text: str) -> str:
    return "\n".join(" ".join(block.split()) for block in text.strip().split("\n\n"))
