"""The report as one HTML document, printable in black and white: marks and words rather than
colour alone, grey rules, page breaks before the long sections. The same text becomes the PDF
(the GUI lays it out with Qt's rich text, which reads this subset of HTML and CSS) and the HTML
file. Charts are images the caller makes; `images` maps each of CHARTS to an <img> source."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

from ..scoring import SCORE_RULE
from .affairs import describe_vote_tally
from .outcomes import decided_words
from .report import Report
from .timeline import EventLine, TurnStory
from .words import number, rung_words, signed

# chart key -> caption
CHARTS = {
    "tension": "Global tension (0\u2013100) and the escalation rung after each turn",
    "military": "Military capability",
    "economy": "Economy (GDP index)",
    "stability": "Domestic stability",
    "reputation": "Reputation",
}
STYLE = """
body { font-family: 'DejaVu Serif', Georgia, serif; font-size: 10pt; color: #000; }
h1 { font-size: 19pt; margin-bottom: 2pt; }
h2 { font-size: 14pt; margin-top: 14pt; border-bottom: 1px solid #000; }
h3 { font-size: 11.5pt; margin-top: 10pt; margin-bottom: 2pt; }
p { margin-top: 2pt; margin-bottom: 4pt; }
table { border-collapse: collapse; margin-bottom: 6pt; }
th { background-color: #e6e6e6; text-align: left; font-weight: bold; }
th, td { border: 1px solid #777; padding: 3px; vertical-align: top; }
.note { font-size: 8.5pt; color: #333; }
.why { font-size: 8.5pt; color: #333; font-style: italic; }
.secret { font-style: italic; }
.break { page-break-before: always; }
li { margin-bottom: 2pt; }
"""
IMAGE_WIDTH = 640  # pixels at 96 per inch: the text width of an A4 page with 2 cm margins
MET, MISSED = "\u2714 met", "\u2718 missed"


def page(title: str, body: Iterable[str]) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def table(headers: Iterable[str], rows: Iterable[Iterable[str]], widths: str = "") -> str:
    """An HTML table; cells are HTML already (escape text before)."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    width = f' width="{widths}"' if widths else ""
    return f'<table border="1" cellspacing="0" cellpadding="3"{width}><tr>{head}</tr>{body}</table>'


def bullets(items: Iterable[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    inner = "".join(f"<li>{i}</li>" for i in items)
    return f"<{tag}>{inner}</{tag}>" if inner else "<p>None.</p>"


def report_html(report: Report, images: Mapping[str, str]) -> str:
    r = report
    who = (
        "For the facilitator: this report holds every state's secrets. Do not hand it to players."
        if r.seat is None
        else f"For {r.reader}: only what {r.reader} saw during the game, and its own objectives."
    )
    seed = (
        f"Seed {r.seed} (the same seed and orders replay this session exactly)."
        if r.seed is not None
        else ""
    )
    body = [
        f"<h1>After-action report: {escape(r.title)}</h1>",
        f"<p><b>{escape(who)}</b></p>",
        f"<p>{escape(r.summary)} One turn stands for {escape(r.turn_length)}. {escape(seed)}</p>",
        table(
            ("State", "Played by"),
            ((escape(s.name), escape(s.played_by)) for s in r.seats),
        ),
        *_scores(r),
        '<h2 class="break">Charts</h2>',
        *_charts(r, images),
        '<h2 class="break">Questions for discussion</h2>',
        questions_section(r),
        "<h2>The escalation path</h2>",
        escalation_section(r),
        *affairs_section(r),
        '<h2 class="break">Turn by turn</h2>',
        '<p class="note">Each decision with what became of it; under it, the events it led to '
        "with the numbers behind them. Computer players' reasons are in italics.</p>",
        *(line for story in r.timeline for line in _turn(story)),
    ]
    return page(f"After-action report: {r.title}", body)


def _scores(r: Report) -> list[str]:
    out = ["<h2>Scores and objectives</h2>"]
    rows = []
    for o in sorted(r.outcomes, key=lambda o: -o.total):
        rows.append(
            (
                f"<b>{escape(o.name)}</b>",
                escape(o.outcome.capitalize()),
                f"{o.objective_points} of {o.possible_points}",
                signed(o.obligation_points, 0),
                f"<b>{o.total}</b>",
            )
        )
    out.append(table(("State", "Outcome", "Objectives", "Obligations", "Total"), rows))
    out.append(f'<p class="note">{escape(SCORE_RULE)}</p>')
    for o in r.outcomes:
        out.append(f"<h3>{escape(o.name)}</h3>")
        out.append(f"<p><b>{escape(o.outcome.capitalize())}.</b> {escape(o.why)}</p>")
        out.append(
            table(
                ("", "Objective", "Points", "Decided"),
                (
                    (
                        MET if line.met else MISSED,
                        escape(line.text)
                        + (' <span class="secret">(secret)</span>' if line.secret else ""),
                        str(line.points),
                        escape(decided_words(line)),
                    )
                    for line in o.objectives
                ),
                "100%",
            )
        )
    return out


def _charts(r: Report, images: Mapping[str, str]) -> list[str]:
    out = []
    if r.charts.estimated:
        out.append(
            '<p class="note">Other states\' military figures are the estimates '
            f"{escape(r.reader)} had, not the true figures.</p>"
        )
    for key, caption in CHARTS.items():
        src = images.get(key)
        if src:
            out.append(
                f'<p><img src="{escape(src)}" width="{IMAGE_WIDTH}" alt="{escape(caption)}"><br>'
            )
            out.append(f'<span class="note">{escape(caption)}</span></p>')
    return out


def questions_section(r: Report) -> str:
    return bullets((escape(q.text) for q in r.questions), ordered=True)


def escalation_section(r: Report) -> str:
    if not r.affairs.escalation:
        return "<p>The crisis stayed on the rung where it began.</p>"
    return bullets(
        f"Turn {s.turn}: {escape(s.rung_from)} \u2192 <b>{escape(s.rung_to)}</b>"
        for s in r.affairs.escalation
    )


def affairs_section(r: Report) -> list[str]:
    """The Security Council, sanctions, treaties, wars, populations and scripted events."""
    a = r.affairs
    out = ['<h2 class="break">The Security Council</h2>'] if a.council_seated else []
    if a.council_seated and not a.council:
        out.append("<p>No draft resolution was tabled.</p>")
    for c in a.council:
        voted = f"voted on turn {c.voted_turn}" if c.voted_turn else "not yet voted on"
        out.append(
            f"<h3>{escape(c.title)}</h3><p>Tabled on turn {c.tabled_turn}, {voted}: "
            f"<b>{escape(c.status)}</b> ({escape(describe_vote_tally(c))}).</p>"
        )
        if c.votes:
            out.append(
                table(
                    ("Member", "Vote", "Reason"),
                    (
                        (
                            escape(v.member) + (" (permanent)" if v.permanent else ""),
                            escape(v.vote),
                            f'<span class="why">{escape(v.reason)}</span>',
                        )
                        for v in c.votes
                    ),
                    "100%",
                )
            )
    out.append("<h2>Sanctions, from threat to end</h2>")
    out.append(
        bullets(f"<b>{escape(s.title)}</b>: {escape('; '.join(s.steps))}" for s in a.sanctions)
    )
    out.append("<h2>Treaties: made, tested, kept and broken</h2>")
    out.append(
        table(
            ("Treaty", "Made", "Tested", "Fate"),
            (
                (
                    escape(t.title),
                    escape(t.made),
                    "<br>".join(escape(x) for x in t.tests) or "not called upon",
                    ("" if t.kept else "\u2718 ") + escape(t.fate),
                )
                for t in a.treaties
            ),
            "100%",
        )
    )
    out.append("<h2>Wars</h2>")
    out.append(bullets(escape(w) for w in a.wars) if a.wars else "<p>No war broke out.</p>")
    if a.populations:
        out.append("<h2>Populations at risk</h2>")
        out.append(bullets(escape(p) for p in a.populations))
    out.append("<h2>Scripted events and interventions</h2>")
    out.append(bullets(escape(i) for i in a.injects))
    return out


def _turn(story: TurnStory) -> list[str]:
    moved = (
        f"{rung_words(story.rung_before)} \u2192 {rung_words(story.rung_after)}"
        if story.rung_after != story.rung_before
        else rung_words(story.rung_after)
    )
    out = [
        f"<h3>Turn {story.turn}: {escape(moved)}, tension {number(story.tension_before, 0)} "
        f"\u2192 {number(story.tension_after, 0)}</h3>"
    ]
    for seat in story.seats:
        items = []
        for d in seat.decisions:
            line = f"{escape(d.text)}"
            if not d.applied:
                line += f" \u2014 <b>void</b>: {escape(d.void_reason)}"
            if d.why:
                line += f'<br><span class="why">Why: {escape(d.why)}</span>'
            if d.led_to:
                line += bullets(_event(e) for e in d.led_to)
            items.append(line)
        items += [f'<span class="why">{escape(n)}</span>' for n in seat.notes]
        out.append(
            f'<p><b>{escape(seat.name)}</b> <span class="note">({escape(seat.played_by)})</span></p>'
        )
        out.append(bullets(items) if items else "<p>No orders.</p>")
    if story.also:
        out.append("<p><b>Also this turn</b></p>")
        out.append(bullets(_event(e) for e in story.also))
    return out


def _event(e: EventLine) -> str:
    text = escape(e.text)
    if not e.public:
        text += ' <span class="note">(private)</span>'
    if e.why:
        text += f'<br><span class="note">{escape("; ".join(e.why))}</span>'
    return text
