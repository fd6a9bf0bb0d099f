// Where the seat stands: its objectives (met or not now, as the host worked them out from the
// seat's view), its score if the game ended now, the crisis's escalation and tension, every
// state's figures (others' military only as the seat's estimate) and the treaties in force.

import { h, put } from "./dom.js";
import { INDICATORS, OUTCOME_WORDS, capitalised, number, signed } from "./words.js";

const TREATY_WORDS = {
  alliance: "alliance",
  defense_pact: "defense pact",
  non_aggression: "non-aggression pact",
  basing: "basing agreement",
  intelligence_sharing: "intelligence sharing",
  joint_exercises: "joint exercises",
  arms_control: "arms control treaty",
  ceasefire: "ceasefire",
  peace: "peace agreement",
};

export function treatyWords(kind) {
  return TREATY_WORDS[kind] || String(kind).replaceAll("_", " ");
}

export function drawObjectives(el, game) {
  const guide = game.currentGuide;
  const own = game.scenario.states.find((s) => s.id === game.seat);
  const rows = guide ? guide.objectives : own.objectives.map((o) => ({ ...o, met: null }));
  const list = h(
    "ul",
    { class: "objectives" },
    rows.map((o) =>
      h(
        "li",
        { class: o.met === null ? "objective" : o.met ? "objective met" : "objective unmet" },
        h(
          "span",
          { class: "badge" },
          o.met === null ? "" : o.met ? "\u2714 Met now" : "\u2718 Not met now",
        ),
        h("span", { class: "objective-text" }, o.text),
        h(
          "span",
          { class: "points" },
          `${o.points} points`,
          o.secret ? h("span", { class: "secret" }, " \u00b7 secret: only you know it") : null,
        ),
      ),
    ),
  );
  const standing = guide
    ? h(
        "p",
        { class: "standing" },
        `If the game ended now: ${guide.standing.objective_points} of ${guide.standing.possible_points} `,
        `objective points, ${signed(guide.standing.obligation_points)} for treaties kept and broken: `,
        h("strong", {}, `${guide.standing.total} points, ${OUTCOME_WORDS[guide.standing.outcome] || guide.standing.outcome}`),
        ".",
      )
    : null;
  // points alone do not give the outcome: the rule that would decide it, from the host
  const why = guide?.standing.why ? h("p", { class: "standing-why" }, guide.standing.why) : null;
  put(el, h("h2", {}, "Your objectives"), list, standing, why);
}

export function drawCrisis(el, game) {
  const state = game.state;
  const ladder = game.guide?.ladder ?? [];
  const rung = ladder[state.escalation] ?? `rung ${state.escalation}`;
  put(
    el,
    h("h2", {}, "The crisis"),
    h(
      "p",
      {},
      "Escalation: ",
      h("strong", {}, capitalised(rung)),
      ladder.length ? ` (rung ${state.escalation + 1} of ${ladder.length})` : "",
    ),
    ladder.length
      ? h(
          "ol",
          { class: "ladder", "aria-label": "The escalation ladder, lowest first" },
          ladder.map((words, i) =>
            h(
              "li",
              {
                class: i === state.escalation ? "now" : i < state.escalation ? "passed" : "",
                "aria-current": i === state.escalation ? "step" : null,
              },
              capitalised(words),
              i === state.escalation ? h("span", { class: "here" }, " \u25c0 now") : null,
            ),
          ),
        )
      : null,
    h(
      "p",
      {},
      h("label", { for: "tension-meter" }, "Global tension: "),
      h("meter", {
        id: "tension-meter",
        min: "0",
        max: "100",
        low: "34",
        high: "67",
        optimum: "0",
        value: String(state.tension),
      }),
      ` ${number(state.tension, 0)} of 100`,
    ),
  );
}

export function drawIndicators(el, game) {
  const state = game.state;
  const before = game.views.length > 1 ? game.views[game.views.length - 2].state : null;
  const ids = game.scenario.states.map((s) => s.id);
  const order = [game.seat, ...ids.filter((id) => id !== game.seat)];
  const n = ids.length;
  const rel = (a, b) => state.relations[ids.indexOf(a) * n + ids.indexOf(b)];
  const country = (st, id) => st.countries.find((c) => c.id === id);
  const rows = order.map((id) => {
    const mine = id === game.seat;
    const now = country(state, id);
    const then = before ? country(before, id) : null;
    return h(
      "tr",
      { class: mine ? "mine" : "" },
      h("th", { scope: "row" }, game.name(id), mine ? " (you)" : ""),
      INDICATORS.map(([key]) => {
        const change = then ? now[key] - then[key] : 0;
        const estimate = key === "military" && !mine;
        return h(
          "td",
          { class: "num" },
          estimate ? h("abbr", { title: "your estimate" }, "\u2248") : null,
          number(now[key], 0),
          Math.abs(change) >= 0.5 ? h("span", { class: "change" }, ` (${signed(change)})`) : null,
        );
      }),
      h("td", { class: "num" }, mine ? "\u2014" : signed(rel(game.seat, id))),
    );
  });
  const treaties = state.treaties.filter((t) => t.status === "active");
  put(
    el,
    h("h2", {}, "States"),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "indicators" },
        h(
          "caption",
          {},
          "Figures now (change since last turn). \u2248 marks others' military: your estimate.",
        ),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "State"),
            INDICATORS.map(([, label]) => h("th", { scope: "col", class: "num" }, label)),
            h("th", { scope: "col", class: "num" }, "Relations with you"),
          ),
        ),
        h("tbody", {}, rows),
      ),
    ),
    h("h3", {}, "Treaties in force"),
    treaties.length
      ? h(
          "ul",
          { class: "plain" },
          treaties.map((t) =>
            h(
              "li",
              {},
              `${capitalised(treatyWords(t.kind))}: ${t.members.map((m) => game.name(m)).join(", ")}`,
            ),
          ),
        )
      : h("p", {}, "None."),
  );
}
