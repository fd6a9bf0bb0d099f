// The map, as SVG: the scenario's geography when it has one (regions, zones, sea lanes, rivers),
// the issues at stake and populations at risk, every state with a shape and a colour of its own,
// relations as lines whose style (not only colour) tells friend from foe, and wars. Every
// scenario part is read defensively: a scenario without geography draws states and lines only.

import { h, put, s } from "./dom.js";
import { listing, signed } from "./words.js";

const W = 1000;
const H = 640;
const PAD = 45;
// Okabe-Ito: distinct for every common kind of colour blindness
const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#555555"];
const SHAPES = ["circle", "square", "diamond", "triangle", "hexagon", "down", "pentagon", "star"];
const FRIENDLY = 30; // relations from which a line is drawn as friendly...
const HOSTILE = -30; // ...or hostile

const at = ([x, y]) => [PAD + clamp(x) * (W - 2 * PAD), PAD + clamp(y) * (H - 2 * PAD)];
const clamp = (v) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0.5);
const points = (list) =>
  (Array.isArray(list) ? list : [])
    .filter((p) => Array.isArray(p) && p.length === 2)
    .map((p) => at(p).join(","))
    .join(" ");

function shape(kind, x, y, r, attrs) {
  if (kind === "circle") return s("circle", { cx: x, cy: y, r, ...attrs });
  if (kind === "square") {
    return s("rect", { x: x - r * 0.85, y: y - r * 0.85, width: r * 1.7, height: r * 1.7, ...attrs });
  }
  const polygon = (sides, turn = -Math.PI / 2, scale = 1) =>
    Array.from({ length: sides }, (_, i) => {
      const a = turn + (2 * Math.PI * i) / sides;
      return `${x + r * scale * Math.cos(a)},${y + r * scale * Math.sin(a)}`;
    }).join(" ");
  const star = () =>
    Array.from({ length: 10 }, (_, i) => {
      const a = -Math.PI / 2 + (Math.PI * i) / 5;
      const rr = i % 2 ? r * 0.5 : r * 1.1;
      return `${x + rr * Math.cos(a)},${y + rr * Math.sin(a)}`;
    }).join(" ");
  const corners = {
    diamond: () => polygon(4, -Math.PI / 2, 1.1),
    triangle: () => polygon(3, -Math.PI / 2, 1.2),
    down: () => polygon(3, Math.PI / 2, 1.2),
    hexagon: () => polygon(6, 0, 1),
    pentagon: () => polygon(5, -Math.PI / 2, 1.05),
    star,
  };
  return s("polygon", { points: (corners[kind] || corners.hexagon)(), ...attrs });
}

/** Each state's colour and shape, in scenario order (the legend and the table use them too). */
export function stateStyles(scenario) {
  const out = {};
  scenario.states.forEach((spec, i) => {
    out[spec.id] = { colour: PALETTE[i % PALETTE.length], shape: SHAPES[i % SHAPES.length] };
  });
  return out;
}

export function drawMap(el, game) {
  const scenario = game.scenario;
  const state = game.state;
  const ids = scenario.states.map((st) => st.id);
  const n = ids.length;
  const where = Object.fromEntries(scenario.states.map((st) => [st.id, at(st.position || [0.5, 0.5])]));
  const styles = stateStyles(scenario);
  const relation = (a, b) => state.relations[ids.indexOf(a) * n + ids.indexOf(b)];
  const geo = scenario.geography && typeof scenario.geography === "object" ? scenario.geography : {};
  const described = [];

  const defs = s(
    "defs",
    {},
    s(
      "pattern",
      { id: "hatch", width: 10, height: 10, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      s("line", { x1: 0, y1: 0, x2: 0, y2: 10, class: "hatch-line" }),
    ),
  );
  const layers = { ground: s("g", {}), lines: s("g", {}), marks: s("g", {}), labels: s("g", {}) };
  const labels = []; // placed last, so that none hides another
  const obstacles = []; // the marks labels must not cover
  const label = ([x, y], text, cls, anchor = "middle") => {
    if (text) labels.push({ x, y, text: String(text), cls, anchor });
  };

  for (const region of list(geo.regions)) {
    layers.ground.append(s("polygon", { class: "region", points: points(region.area) }));
    label(centre(region.area), region.name, "region-name");
  }
  for (const zone of list(geo.zones)) {
    layers.ground.append(s("polygon", { class: "zone", points: points(zone.area) }));
    label(centre(zone.area), zone.name, "zone-name");
    described.push(`Zone: ${zone.name}.`);
  }
  for (const lane of list(geo.sea_lanes)) {
    layers.ground.append(s("polyline", { class: "sea-lane", points: points(lane.path) }));
    label(middle(lane.path), lane.name, "lane-name");
    described.push(`Sea lane: ${lane.name}.`);
  }
  for (const river of list(geo.rivers)) {
    layers.ground.append(s("polyline", { class: "river", points: points(river.path) }));
    label(middle(river.path), river.name, "river-name");
  }

  // relations: every pair with the seat, and strong feelings between the others
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const [a, b] = [ids[i], ids[j]];
      const value = relation(a, b);
      const mine = a === game.seat || b === game.seat;
      if (!mine && value > HOSTILE && value < FRIENDLY) continue;
      const kind = value >= FRIENDLY ? "friendly" : value <= HOSTILE ? "hostile" : "neutral";
      const [x1, y1] = where[a];
      const [x2, y2] = where[b];
      layers.lines.append(
        s("line", { x1, y1, x2, y2, class: `relation ${kind}${mine ? " mine" : ""}` }),
      );
      label([(x1 + x2) / 2, (y1 + y2) / 2], signed(value), `relation-value ${kind}`);
      described.push(`${game.name(a)} and ${game.name(b)}: relations ${signed(value)} (${kind}).`);
    }
  }
  for (const war of list(state.wars).filter((w) => w.ended_turn === null)) {
    for (const a of war.side_a) {
      for (const b of war.side_b) {
        if (!where[a] || !where[b]) continue;
        const [x1, y1] = where[a];
        const [x2, y2] = where[b];
        layers.lines.append(s("line", { x1, y1, x2, y2, class: "war" }));
        label([(x1 + x2) / 2, (y1 + y2) / 2 - 16], "\u2694 WAR", "war-label");
      }
    }
    described.push(`War: ${listing(war.side_a.map((x) => game.name(x)))} against ${listing(war.side_b.map((x) => game.name(x)))}.`);
  }

  // issues at stake and populations at risk
  const issueStates = Object.fromEntries(list(state.issues).map((i) => [i.id, i]));
  for (const issue of list(scenario.issues)) {
    if (!Array.isArray(issue.at)) continue;
    const [x, y] = at(issue.at);
    const now = issueStates[issue.id]?.status ?? issue.status;
    const words = issue.outcomes && typeof issue.outcomes === "object" ? issue.outcomes[now] : null;
    layers.marks.append(shape("diamond", x, y, 11, { class: "issue" }));
    obstacles.push([x - 12, y - 12, x + 12, y + 12]);
    label([x, y - 18], issue.name, "issue-name");
    described.push(`Issue at stake: ${issue.name}, now ${now}${words ? ` (${words})` : ""}.`);
  }
  const populations = Object.fromEntries(list(state.populations).map((p) => [p.id, p]));
  list(scenario.populations).forEach((spec, k) => {
    const home = where[spec.in_state];
    const record = populations[spec.id];
    if (!home || !record) return;
    const [x, y] = [home[0] + 34, home[1] - 30 - 14 * k];
    layers.marks.append(s("circle", { cx: x, cy: y, r: 7, class: "population" }));
    const deaths = record.deaths ? `, ${record.deaths.toLocaleString("en-GB")} dead` : "";
    label([x + 10, y + 4], `${spec.name}${deaths}`, "population-name", "start");
    described.push(`Population at risk: ${spec.name} in ${game.name(spec.in_state)}${deaths}.`);
  });

  for (const spec of scenario.states) {
    const [x, y] = where[spec.id];
    const mine = spec.id === game.seat;
    if (mine) layers.marks.append(s("circle", { cx: x, cy: y, r: 36, class: "you-ring" }));
    layers.marks.append(
      shape(styles[spec.id].shape, x, y, 25, { fill: styles[spec.id].colour, class: "state" }),
    );
    obstacles.push([x - 30, y - 30, x + 30, y + 30]);
    label([x, y + 58], mine ? `${spec.name} (you)` : spec.name, mine ? "state-name mine" : "state-name");
  }
  for (const placed of place(labels, obstacles)) {
    layers.labels.append(
      s("text", { x: placed.x, y: placed.y, class: `label ${placed.cls}`, "text-anchor": placed.anchor }, placed.text),
    );
  }

  const summary = `Map of ${scenario.title}. ${described.join(" ")}`;
  const svg = s(
    "svg",
    { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": summary, class: "map", focusable: "false" },
    defs,
    s("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }),
    layers.ground,
    layers.lines,
    layers.marks,
    layers.labels,
  );
  put(el, h("h2", {}, "Map"), svg, legend(scenario, styles), issues(scenario, state, game));
}

function legend(scenario, styles) {
  const sample = (cls) =>
    s("svg", { viewBox: "0 0 40 12", class: "legend-line", "aria-hidden": "true" }, s("line", { x1: 2, y1: 6, x2: 38, y2: 6, class: cls }));
  const mark = (spec) =>
    s("svg", { viewBox: "0 0 24 24", class: "legend-mark", "aria-hidden": "true" }, shape(styles[spec.id].shape, 12, 12, 8, { fill: styles[spec.id].colour, class: "state" }));
  return h(
    "ul",
    { class: "legend", "aria-label": "Map legend" },
    scenario.states.map((spec) => h("li", {}, mark(spec), spec.name)),
    h("li", {}, sample("relation friendly"), `Solid: friendly (${signed(FRIENDLY)} or more)`),
    h("li", {}, sample("relation hostile"), `Dashed: hostile (${signed(HOSTILE)} or less)`),
    h("li", {}, sample("relation neutral"), "Dotted: neither"),
    h("li", {}, sample("war"), "\u2694 War"),
  );
}

/** The issues at stake, with where each stands now, in words. */
function issues(scenario, state, game) {
  const found = list(scenario.issues);
  if (!found.length) return null;
  const now = Object.fromEntries(list(state.issues).map((i) => [i.id, i]));
  return h(
    "div",
    { class: "issues" },
    h("h3", {}, "Issues at stake"),
    h(
      "ul",
      { class: "plain" },
      found.map((issue) => {
        const status = now[issue.id]?.status ?? issue.status;
        const outcomes = issue.outcomes && typeof issue.outcomes === "object" ? issue.outcomes : {};
        const holder = issue.held_by ? ` (${game.name(issue.held_by)} decides)` : "";
        return h(
          "li",
          {},
          h("strong", {}, issue.name),
          holder,
          `: ${String(status).replaceAll("_", " ")}`,
          outcomes[status] ? ` \u2014 ${outcomes[status]}` : "",
        );
      }),
    ),
  );
}

function list(value) {
  return Array.isArray(value) ? value.filter((v) => v && typeof v === "object") : [];
}

function centre(area) {
  const pts = (Array.isArray(area) ? area : []).filter((p) => Array.isArray(p) && p.length === 2);
  if (!pts.length) return at([0.5, 0.5]);
  const [sx, sy] = pts.reduce(([a, b], [x, y]) => [a + x, b + y], [0, 0]);
  return at([sx / pts.length, sy / pts.length]);
}

function middle(path) {
  const pts = (Array.isArray(path) ? path : []).filter((p) => Array.isArray(p) && p.length === 2);
  return pts.length ? at(pts[Math.floor(pts.length / 2)]) : at([0.5, 0.5]);
}

// label sizes in map units (style.css sets the same), and which labels give way to which
const LABELS = [
  ["state-name", 30, 0],
  ["war-label", 26, 1],
  ["relation-value", 24, 2],
  ["issue-name", 22, 3],
  ["population-name", 22, 3],
  ["zone-name", 20, 4],
  ["lane-name", 20, 5],
  ["river-name", 20, 5],
  ["region-name", 20, 6],
];

/** Labels moved up or down, in order of importance, until none overlaps another; a minor one
 * (a region's or a lane's name) that finds no room is left out: the legend and the text
 * description still have it. */
function place(labels, obstacles) {
  const kind = (l) => LABELS.find(([cls]) => l.cls.split(" ").includes(cls)) ?? ["", 20, 9];
  const boxes = [...obstacles];
  const out = [];
  const sorted = [...labels].sort((a, b) => kind(a)[2] - kind(b)[2]);
  const fits = (box) => !boxes.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]);
  for (const l of sorted) {
    const [, size, rank] = kind(l);
    const width = l.text.length * size * 0.56;
    const boxAt = (x, y) => {
      const left = l.anchor === "start" ? x : x - width / 2;
      return [left, y - size * 0.85, left + width, y + size * 0.25];
    };
    let spot = null;
    for (const dy of [0, -1, 1, -2, 2, -3, 3, -4, 4]) {
      for (const dx of [0, -0.35, 0.35]) {
        const [x, y] = [l.x + dx * width, l.y + dy * size * 0.9];
        if (!spot && fits(boxAt(x, y))) spot = [x, y];
      }
    }
    if (!spot && rank <= 3) spot = [l.x, l.y]; // an important label is shown even if crowded
    if (spot) {
      boxes.push(boxAt(...spot));
      out.push({ ...l, x: spot[0], y: spot[1] });
    }
  }
  return out;
}
