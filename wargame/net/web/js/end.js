// The end of the game: the seat's result (its objectives met or missed, with the turn that decided
// each, and its score), then its debrief: what happened turn by turn as the seat saw it, with
// "Why?" for every outcome, its own figures over the game, and questions for the class discussion.
// All of it comes from the host (the seat's after-action report); the page only lays it out.

import { h, put } from "./dom.js";
import { newsItem } from "./news.js";
import { INDICATORS, OUTCOME_WORDS, capitalised, number, signed } from "./words.js";

export function drawResults(el, game) {
  const report = game.debrief;
  const mine = report?.outcomes.find((o) => o.seat === game.seat) ?? null;
  const guide = game.guide;
  const parts = [h("h2", {}, "The game is over")];
  parts.push(
    h(
      "p",
      {},
      `${game.title}: ${report ? report.turns_played : game.views.length - 1} of ${game.turns} turns played.`,
    ),
  );
  if (mine) {
    parts.push(
      h(
        "p",
        { class: `result ${mine.outcome}` },
        "Your result: ",
        h("strong", {}, `${OUTCOME_WORDS[mine.outcome] || mine.outcome}, ${mine.total} points`),
        ` (${mine.objective_points} of ${mine.possible_points} objective points, ${signed(mine.obligation_points)} for treaties kept and broken).`,
      ),
      // points alone do not tell outcomes apart: the rule that decided it, from the host
      mine.why ? h("p", { class: "outcome-why" }, `Why ${(OUTCOME_WORDS[mine.outcome] || mine.outcome).toLowerCase()}: ${mine.why}`) : null,
      h(
        "div",
        { class: "table-wrap" },
        h(
          "table",
          { class: "final-objectives" },
          h("caption", {}, "Your objectives at the end"),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, "Objective"),
              h("th", { scope: "col", class: "num" }, "Points"),
              h("th", { scope: "col" }, "Result"),
            ),
          ),
          h(
            "tbody",
            {},
            mine.objectives.map((o) =>
              h(
                "tr",
                { class: o.met ? "met" : "unmet" },
                h("td", {}, o.text, o.secret ? h("span", { class: "secret" }, " (secret)") : null),
                h("td", { class: "num" }, String(o.points)),
                h(
                  "td",
                  {},
                  o.met ? "\u2714 Met" : "\u2718 Missed",
                  o.decided_turn ? ` (settled on turn ${o.decided_turn})` : " (as at the start)",
                ),
              ),
            ),
          ),
        ),
      ),
    );
  } else if (guide) {
    parts.push(
      h("p", { class: "result" }, `Your result: ${OUTCOME_WORDS[guide.standing.outcome] || guide.standing.outcome}, ${guide.standing.total} points.`),
    );
  } else {
    parts.push(h("p", {}, "Your results are on their way from the host\u2026"));
  }
  if (game.stateHash) {
    parts.push(
      h(
        "p",
        { class: "fingerprint" },
        "Fingerprint of the final state (the facilitator's is the same): ",
        h("code", { id: "state-hash" }, game.stateHash),
      ),
    );
  }
  if (report && report.seed !== null) {
    parts.push(h("p", {}, `The game's seed, secret until now: ${report.seed}. The same seed and orders replay it exactly.`));
  }
  put(el, ...parts);
}

export function drawDebrief(el, game) {
  const report = game.debrief;
  if (!report) {
    put(el, h("h2", {}, "Debrief"), h("p", {}, "The debrief is on its way from the host\u2026"));
    return;
  }
  const ladder = report.charts.rungs;
  const rung = (i) => capitalised(ladder[i] ?? `rung ${i}`);
  put(
    el,
    h("h2", {}, `Debrief for ${report.reader}`),
    h("p", {}, report.summary),
    h("h3", {}, "Questions for the discussion"),
    // a question about the whole crisis (turn 0) names no turn
    h("ol", { class: "questions" }, report.questions.map((q) => h("li", {}, q.text, ...(q.turn ? [" ", h("span", { class: "tag" }, `(turn ${q.turn})`)] : [])))),
    h("h3", {}, "Turn by turn"),
    h(
      "ol",
      { class: "timeline" },
      report.timeline.map((story) =>
        h(
          "li",
          {},
          h(
            "h4",
            {},
            `Turn ${story.turn}: ${rung(story.rung_before)} \u2192 ${rung(story.rung_after)}, tension ${number(story.tension_before, 0)} \u2192 ${number(story.tension_after, 0)}`,
          ),
          story.seats.flatMap((seat) =>
            seat.decisions.map((d) =>
              h(
                "div",
                { class: d.applied ? "decision" : "decision void" },
                h("p", {}, h("strong", {}, "Your order: "), d.text, d.applied ? "" : ` \u2014 void: ${d.void_reason}`),
                d.led_to.length ? h("ul", { class: "news" }, d.led_to.map((e) => eventLine(e, game))) : null,
              ),
            ),
          ),
          story.also.length ? h("ul", { class: "news" }, story.also.map((e) => eventLine(e, game))) : null,
        ),
      ),
    ),
    figures(report, game),
  );
}

function eventLine(line, game) {
  // the report's event lines carry their "why" already in words
  const item = newsItem({ kind: line.kind, text: line.text, numbers: [], visible_to: line.public ? null : [] }, game);
  const list = item.querySelector(".numbers");
  list?.replaceChildren(...(line.why.length ? line.why : ["No dice or modifiers were involved."]).map((w) => h("li", {}, w)));
  return item;
}

function figures(report, game) {
  const name = game.name(game.seat);
  const turns = report.charts.turns;
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "figures" },
      h("caption", {}, `${name}'s figures after each turn (turn 0: the start)`),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Turn"), INDICATORS.map(([, label]) => h("th", { scope: "col", class: "num" }, label)), h("th", { scope: "col", class: "num" }, "Tension"))),
      h(
        "tbody",
        {},
        turns.map((t, i) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, String(t)),
            INDICATORS.map(([key]) => h("td", { class: "num" }, number(report.charts.indicators[key]?.[name]?.[i] ?? NaN, 0))),
            h("td", { class: "num" }, number(report.charts.tension[i], 0)),
          ),
        ),
      ),
    ),
  );
}
