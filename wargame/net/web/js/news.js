// The news: what happened in a turn, as the seat saw it, each item with "Why?" (the numbers
// behind it: modifiers, the probability and the roll). Earlier turns stay one choice away.

import { h, newId, put } from "./dom.js";
import { namedNumber } from "./words.js";

export function drawNews(el, game, shownTurn, onTurnChosen) {
  // the news after each turn; before the first, only the facilitator's news, if any
  const turns = game.views.map((v, i) => i).filter((i) => i > 0 || game.views[i].events.length);
  if (!turns.length) {
    put(
      el,
      h("h2", {}, "News"),
      h("p", {}, "Nothing has happened yet: the news of each turn appears here once it is resolved."),
    );
    return;
  }
  const latest = turns[turns.length - 1];
  const turn = turns.includes(shownTurn) ? shownTurn : latest;
  const events = game.views[turn].events;
  const name = (i) => (i === 0 ? "before turn 1" : `turn ${i}`);
  const pick = newId("news-turn");
  const chooser = h(
    "p",
    { class: "news-turn" },
    h("label", { for: pick }, "Show the news of "),
    h(
      "select",
      { id: pick, onchange: (e) => onTurnChosen(Number(e.target.value)) },
      turns.map((i) =>
        h("option", { value: String(i), selected: i === turn }, `${name(i)}${i === latest ? " (latest)" : ""}`),
      ),
    ),
  );
  put(
    el,
    h("h2", {}, `News of ${name(turn)}`),
    chooser,
    events.length
      ? h("ol", { class: "news" }, events.map((e) => newsItem(e, game)))
      : h("p", {}, "Nothing you could see happened this turn."),
  );
}

const MESSAGES = new Set(["MessageSent", "StatementMade"]); // words, not outcomes: no "Why?"

export function newsItem(event, game) {
  const own = event.visible_to !== null && event.visible_to !== undefined;
  const why = event.numbers.length
    ? event.numbers.map(([name, value]) => namedNumber(name, value))
    : ["No dice or modifiers were involved: this followed directly from the orders."];
  const others = own ? event.visible_to.filter((id) => id !== game.seat).map((id) => game.name(id)) : [];
  return h(
    "li",
    { class: own ? "event private" : "event" },
    own ? h("span", { class: "tag" }, privacy(event, others)) : null,
    h("p", { class: "event-text" }, event.text),
    MESSAGES.has(event.kind)
      ? null
      : h(
          "details",
          { class: "why" },
          h("summary", {}, "Why?"),
          h("ul", { class: "numbers" }, why.map((line) => h("li", {}, line))),
        ),
  );
}

function privacy(event, others) {
  if (!event.visible_to.length) return "Private";
  return others.length ? `Private: you and ${others.join(", ")}` : "Only you";
}
