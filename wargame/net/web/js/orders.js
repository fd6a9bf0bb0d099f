// Orders: every move of the rules, family by family, offered only with the targets and terms
// that are legal now (the host's guide lists them: the page never works out the rules), each with
// what it does, costs and risks; a form that can only produce one of those orders (free fields,
// such as a proposal's parties and terms, are checked by the host when the orders are handed in);
// and this turn's list of orders.

import { announce, h, newId, put } from "./dom.js";
import { capitalised } from "./words.js";

const key = (value) => JSON.stringify(value ?? null);

export class OrdersPanel {
  /**
   * @param {HTMLElement} el
   * @param {import("./game.js").SeatGame} game
   * @param {{changed: Function}} on  called after the queue changed
   */
  constructor(el, game, on) {
    this.el = el;
    this.game = game;
    this.on = on;
    this.kind = null; // the move whose form is open
    this.showAll = false;
    this.turn = null;
    this.queueEl = h("section", { class: "queue", "aria-labelledby": "queue-heading" });
    this.catalogueEl = h("section", { class: "catalogue", "aria-labelledby": "catalogue-heading" });
    this.formEl = h("section", { class: "order-form", "aria-live": "off" });
    put(el, h("div", { class: "orders-layout" }, h("div", { class: "orders-left" }, this.queueEl, this.catalogueEl), this.formEl));
  }

  /** Draw everything again (a new turn, a new guide). */
  draw() {
    const guide = this.game.currentGuide;
    if (this.turn !== this.game.turn) {
      this.turn = this.game.turn;
      this.kind = null;
    }
    this.drawQueue();
    if (!guide) {
      put(this.catalogueEl, h("p", { class: "waiting" }, "Waiting for the host's list of orders\u2026"));
      put(this.formEl);
      return;
    }
    this.drawCatalogue(guide);
    this.drawForm();
  }

  drawQueue() {
    const game = this.game;
    const guide = game.currentGuide;
    const max = guide ? guide.max_actions : 4;
    const refusals = new Map(game.refusals.filter((r) => r.index !== null).map((r) => [r.index, r.reason]));
    const general = game.refusals.filter((r) => r.index === null).map((r) => r.reason);
    const handedIn = game.queueHandedIn();
    put(
      this.queueEl,
      h("h2", { id: "queue-heading" }, `Your orders for turn ${game.turn}`),
      h(
        "p",
        { class: handedIn ? "handed-in yes" : "handed-in no" },
        handedIn
          ? "\u2714 Handed in: the facilitator's computer has these orders. You may still change them until the turn is resolved."
          : game.submitted !== null
            ? "\u26a0 Changed since you handed them in: submit again, or the earlier ones stand."
            : "\u25cb Not handed in yet.",
      ),
      general.length ? h("p", { class: "refused", role: "alert" }, `Not accepted: ${general.join("; ")}`) : null,
      game.withdrawn && !handedIn
        ? h(
            "p",
            { class: "refused" },
            "The facilitator changed the game: the orders you had handed in no longer stand. Check them and submit again.",
          )
        : null,
      game.queue.length
        ? h(
            "ol",
            { class: "queued" },
            game.queue.map((item, i) =>
              h(
                "li",
                { class: refusals.has(i) ? "refused-item" : "" },
                h("span", { class: "order-words" }, item.words),
                game.costsAction(item.order) ? null : h("span", { class: "free" }, " (free)"),
                refusals.has(i) ? h("span", { class: "refused", role: "alert" }, ` Not accepted: ${refusals.get(i)}`) : null,
                h(
                  "button",
                  {
                    type: "button",
                    class: "small",
                    "aria-label": `Remove: ${item.words}`,
                    onclick: () => {
                      game.remove(i);
                      announce(`Removed: ${item.words}`);
                      this.on.changed();
                    },
                  },
                  "Remove",
                ),
              ),
            ),
          )
        : h("p", {}, "No orders yet. Choose a move below, or hand in no orders to let this turn pass."),
      h("p", { class: "actions-used" }, `${game.actionsUsed()} of ${max} actions used (messages and answers are free).`),
    );
  }

  drawCatalogue(guide) {
    const toggleId = newId("all-moves");
    const families = guide.families
      .map((family) => {
        const moves = family.moves.filter((m) => this.showAll || m.candidates.length);
        if (!moves.length) return null;
        return h(
          "li",
          { class: "family" },
          h("h4", {}, family.title),
          h(
            "ul",
            { class: "moves" },
            moves.map((move) =>
              h(
                "li",
                {},
                h(
                  "button",
                  {
                    type: "button",
                    class: move.candidates.length ? "move" : "move unavailable",
                    "data-kind": move.kind,
                    "aria-pressed": String(this.kind === move.kind),
                    onclick: () => this.open(move.kind),
                  },
                  move.label,
                  move.costs_action ? "" : " (free)",
                  move.candidates.length ? "" : h("span", { class: "not-now" }, " \u2014 not possible now"),
                ),
              ),
            ),
          ),
        );
      })
      .filter(Boolean);
    put(
      this.catalogueEl,
      h("h3", { id: "catalogue-heading" }, "Give an order"),
      h(
        "p",
        { class: "show-all" },
        h("input", {
          type: "checkbox",
          id: toggleId,
          checked: this.showAll,
          onchange: (e) => {
            this.showAll = e.target.checked;
            this.drawCatalogue(guide);
            document.getElementById(toggleId)?.focus();
          },
        }),
        h("label", { for: toggleId }, " Also list the moves not possible now"),
      ),
      h("ul", { class: "families" }, families),
    );
  }

  open(kind) {
    this.kind = kind;
    for (const b of this.catalogueEl.querySelectorAll("button.move")) {
      b.setAttribute("aria-pressed", String(b.dataset.kind === kind));
    }
    this.drawForm();
    const heading = this.formEl.querySelector("h3");
    heading?.focus();
    heading?.scrollIntoView({ block: "nearest" });
  }

  drawForm() {
    const move = this.kind ? this.game.move(this.kind) : null;
    if (!move) {
      put(this.formEl, h("p", { class: "hint" }, "Choose a move to see what it does, costs and risks, and to give it."));
      return;
    }
    put(this.formEl, moveForm(move, this.game, (order) => this.add(order)));
  }

  add(order) {
    const game = this.game;
    const guide = game.currentGuide;
    const words = game.words(order);
    if (game.queue.some((item) => key(item.order) === key(order))) {
      return "This order is already in your list.";
    }
    if (game.costsAction(order) && game.actionsUsed() >= guide.max_actions) {
      return `You have used all ${guide.max_actions} actions of this turn: remove one first.`;
    }
    game.add(order);
    announce(`Added: ${words}. ${game.actionsUsed()} of ${guide.max_actions} actions used.`);
    this.on.changed();
    return null;
  }
}

/** The help and the form of one move; `add(order)` returns a reason when it cannot be added. */
export function moveForm(move, game, add, options = {}) {
  const headingId = newId("move");
  const chosen = {};
  const fieldsEl = h("div", { class: "fields" });
  const problem = h("p", { class: "problem", role: "alert" });

  const matching = (upto) => {
    let out = move.candidates;
    for (const f of move.fields) {
      if (f.name === upto) break;
      if (f.widget === "choice" && f.name in chosen) out = out.filter((c) => key(c.order[f.name]) === chosen[f.name]);
    }
    return out;
  };
  const values = (field) => {
    const found = new Map(); // key -> [value, words]
    for (const c of matching(field.name)) {
      const value = c.order[field.name];
      const items = field.widget === "states" && Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (!found.has(key(item))) {
          const none = item === null || item === "" ? "(none)" : String(item);
          const words = c.details?.[field.name] ?? c.words[field.name] ?? none;
          found.set(key(item), [item, field.widget === "states" ? game.name(item) : words]);
        }
      }
    }
    return [...found.values()];
  };
  const shown = (field) => {
    const vs = values(field);
    return vs.length > 0 && !(vs.length === 1 && (vs[0][0] === null || vs[0][0] === ""));
  };
  const firstValue = (field) => matching(field.name)[0]?.order[field.name];

  const row = (field, index) => {
    const id = newId("field");
    if (field.widget === "choice") {
      const vs = values(field);
      if (!(field.name in chosen) || !vs.some(([v]) => key(v) === chosen[field.name])) {
        chosen[field.name] = key(vs[0][0]);
      }
      const select = h(
        "select",
        {
          id,
          onchange: (e) => {
            chosen[field.name] = e.target.value;
            redraw(index + 1);
          },
        },
        vs.map(([v, words]) => h("option", { value: key(v), selected: key(v) === chosen[field.name] }, capitalised(words))),
      );
      return h("p", { class: "field", "data-field": field.name }, h("label", { for: id }, field.label), select);
    }
    if (field.widget === "states") {
      const vs = values(field);
      const start = new Set((Array.isArray(firstValue(field)) ? firstValue(field) : []).map(String));
      if (!Array.isArray(chosen[field.name])) chosen[field.name] = [...start];
      const legend = newId("legend");
      return h(
        "fieldset",
        { class: "field states", "aria-labelledby": legend, "data-field": field.name },
        h("legend", { id: legend }, field.label),
        h("div", { class: "options" }, vs.map(([v, words]) => {
          const boxId = newId("state");
          return h(
            "span",
            { class: "check" },
            h("input", {
              type: "checkbox",
              id: boxId,
              value: v,
              checked: chosen[field.name].includes(v),
              onchange: (e) => {
                const set = new Set(chosen[field.name]);
                if (e.target.checked) set.add(v);
                else set.delete(v);
                chosen[field.name] = vs.map(([x]) => x).filter((x) => set.has(x));
              },
            }),
            h("label", { for: boxId }, words),
          );
        })),
      );
    }
    const start = firstValue(field);
    if (!(field.name in chosen)) {
      chosen[field.name] = field.widget === "fraction" && typeof start === "number" ? Math.round(start * 100) : start ?? "";
    }
    const attrs = {
      id,
      value: String(chosen[field.name] ?? ""),
      oninput: (e) => {
        chosen[field.name] = e.target.value;
      },
    };
    let input;
    if (field.widget === "number") input = h("input", { ...attrs, type: "number", step: "any", min: "0", inputmode: "decimal" });
    else if (field.widget === "fraction") {
      input = h("span", { class: "percent" }, h("input", { ...attrs, type: "number", min: "0", max: "100", step: "1", inputmode: "numeric" }), " %");
    } else input = h("textarea", { ...attrs, rows: "2", maxlength: String(game.currentGuide?.max_message_chars ?? 2000) }, String(chosen[field.name] ?? ""));
    return h("p", { class: "field", "data-field": field.name }, h("label", { for: id }, field.label), input);
  };

  const rows = [];
  const redraw = (from) => {
    for (const el of rows.splice(from)) el.remove();
    for (let i = from; i < move.fields.length; i += 1) {
      const field = move.fields[i];
      const el = shown(field) ? row(field, i) : h("span", { hidden: true });
      if (!shown(field)) delete chosen[field.name];
      rows.push(el);
      fieldsEl.append(el);
    }
  };

  const make = () => {
    const base = matching(null)[0];
    if (!base) return [null, "No order of this kind fits these choices."];
    const order = { ...base.order };
    for (const f of move.fields) {
      if (f.widget === "choice" || !(f.name in chosen) || !shown(f)) continue;
      const value = chosen[f.name];
      if (f.widget === "states") {
        if (!value.length) return [null, `${f.label}: choose at least one state.`];
        order[f.name] = value;
      } else if (f.widget === "number" || f.widget === "fraction") {
        const n = Number(value);
        if (value === "" || !Number.isFinite(n)) return [null, `${f.label}: give a number.`];
        order[f.name] = f.widget === "fraction" ? n / 100 : n;
      } else order[f.name] = String(value);
    }
    return [order, null];
  };

  const available = move.candidates.length > 0;
  if (available) redraw(0);
  const help = move.help;
  return h(
    "div",
    { class: "move-form" },
    h("h3", { id: headingId, tabindex: "-1" }, move.label, move.costs_action ? "" : " (free)"),
    h(
      "dl",
      { class: "help" },
      h("dt", {}, "What it does"),
      h("dd", {}, help.what),
      h("dt", {}, "Costs"),
      h("dd", {}, help.costs),
      h("dt", {}, "Risks"),
      h("dd", {}, help.risks),
      h("dt", {}, "When"),
      h("dd", {}, help.when),
    ),
    available
      ? h(
          "form",
          {
            "aria-labelledby": headingId,
            onsubmit: (e) => {
              e.preventDefault();
              const [order, why] = make();
              const refused = why ?? add(order);
              problem.textContent = refused ?? "";
              if (!refused && options.after) options.after();
            },
          },
          fieldsEl,
          problem,
          h("button", { type: "submit", class: "primary" }, options.addLabel ?? "Add to this turn's orders"),
        )
      : h("p", { class: "unavailable-reason" }, move.unavailable),
  );
}
