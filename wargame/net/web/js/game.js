// What the page knows of its seat's game, kept from the host's messages (the browser twin of
// wargame/net/seat.py): the seat's views, the host's guide to the turn, the orders being drafted
// and those the host holds, who has handed in, the deadline, and at the end the debrief.

import { draft, keepDraft } from "./storage.js";

export class SeatGame {
  constructor(seat) {
    this.seat = seat;
    this.title = "";
    this.turn = 0;
    this.turns = 0;
    this.finished = false;
    this.views = [];
    this.guide = null;
    this.seats = [];
    this.deadline = null; // {at, secondsLeft, atDeadline, received}
    this.submitted = null; // the orders the host holds for this turn, or null
    this.queue = []; // the orders being drafted: [{order, words}]
    this.refusals = []; // why the last submission was refused
    this.stateHash = null;
    this.withdrawn = false; // the facilitator's change made the handed-in orders impossible
    this.debrief = null;
    this.sent = new Map(); // submission id -> {turn, orders}
    this.nextId = 1;
  }

  get joined() {
    return this.views.length > 0;
  }

  /** The view to play from: the latest. */
  get view() {
    return this.views[this.views.length - 1];
  }

  get scenario() {
    return this.view.scenario;
  }

  get state() {
    return this.view.state;
  }

  /** The guide, when it is the one for the turn on show. */
  get currentGuide() {
    return this.guide && this.guide.turn === this.state.turn ? this.guide : null;
  }

  name(id) {
    const spec = this.scenario.states.find((s) => s.id === id);
    return spec ? spec.name : id;
  }

  get awaitingAck() {
    for (const sent of this.sent.values()) if (sent.turn === this.turn) return true;
    return false;
  }

  /** Apply one message from the host; returns which parts of the page need drawing again. */
  apply(m) {
    switch (m.type) {
      case "welcome":
        this.seat = m.seat;
        this.title = m.title;
        this.turn = m.turn;
        this.turns = m.turns;
        this.finished = m.finished;
        this.views = m.views;
        this.seats = m.seats;
        this.setDeadline(m.deadline);
        this.submitted = m.submitted;
        this.sent.clear();
        this.queue = this.restoredQueue();
        return "all";
      case "turn":
        this.views.push(m.view);
        this.turn = m.turn;
        this.finished = m.finished;
        this.setDeadline(m.deadline);
        this.submitted = null;
        this.withdrawn = false;
        this.refusals = [];
        this.sent.clear();
        this.queue = [];
        keepDraft(this.seat, this.turn, []);
        return "all";
      case "update": // the facilitator changed the game during the turn
        this.views[this.views.length - 1] = m.view;
        this.submitted = m.submitted;
        this.withdrawn = Boolean(m.withdrawn);
        return "all";
      case "guide":
        this.guide = m;
        this.queue = this.queue.map((item) => ({ ...item, words: this.words(item.order) }));
        return "guide";
      case "status":
        this.seats = m.seats;
        this.setDeadline(m.deadline);
        return "status";
      case "ack": {
        const sent = this.sent.get(m.id);
        this.sent.delete(m.id);
        if (sent && sent.turn === this.turn) {
          this.submitted = sent.orders;
          this.refusals = [];
        }
        return "queue";
      }
      case "rejected":
        this.sent.delete(m.id);
        this.refusals = m.reasons;
        return "queue";
      case "game_over":
        this.finished = true;
        this.stateHash = m.state_hash;
        return "all";
      case "debrief":
        this.debrief = m.report;
        return "all";
      default:
        return null; // pong, and messages of a newer host this page does not know
    }
  }

  setDeadline(deadline) {
    this.deadline = deadline
      ? {
          at: deadline.at,
          secondsLeft: deadline.seconds_left,
          atDeadline: deadline.at_deadline,
          paused: Boolean(deadline.paused), // the facilitator paused the game: no countdown
          limited: deadline.limited !== false, // false: no time limit (sent while paused)
          received: performance.now(),
        }
      : null;
  }

  /** Seconds left before the turn closes, counted down from what the host said. */
  secondsLeft() {
    if (!this.deadline || !this.deadline.limited) return null;
    if (this.deadline.paused) return this.deadline.secondsLeft;
    const passed = (performance.now() - this.deadline.received) / 1000;
    return Math.max(0, this.deadline.secondsLeft - passed);
  }

  // --- the orders being drafted ----------------------------------------------------------

  add(order) {
    this.queue.push({ order, words: this.words(order) });
    this.keep();
  }

  remove(index) {
    this.queue.splice(index, 1);
    this.keep();
  }

  keep() {
    keepDraft(
      this.seat,
      this.turn,
      this.queue.map((item) => item.order),
    );
  }

  /** Actions the queue spends (messages and answers are free). */
  actionsUsed() {
    return this.queue.filter((item) => this.costsAction(item.order)).length;
  }

  costsAction(order) {
    if (order.kind === "SendMessage") return false;
    const move = this.move(order.kind);
    return move ? move.costs_action : true;
  }

  move(kind) {
    const guide = this.currentGuide;
    if (!guide) return null;
    for (const family of guide.families) {
      for (const move of family.moves) if (move.kind === kind) return move;
    }
    return null;
  }

  /** The submit message for the queue (remembered until the host answers). */
  submission() {
    const orders = this.queue.map((item) => item.order);
    const id = this.nextId;
    this.nextId += 1;
    this.sent.set(id, { turn: this.turn, orders });
    return { type: "submit", id, turn: this.turn, orders };
  }

  /** Whether the queue is what the host already holds. */
  queueHandedIn() {
    if (this.submitted === null) return false;
    return same(
      this.submitted,
      this.queue.map((item) => item.order),
    );
  }

  restoredQueue() {
    const kept = draft(this.seat, this.turn);
    const orders = kept ?? this.submitted ?? [];
    return orders.map((order) => ({ order, words: this.words(order) }));
  }

  /** One line for an order: the move's label and its fields in words. */
  words(order) {
    const move = this.move(order.kind);
    if (order.kind === "SendMessage") {
      const to = order.to.map((id) => this.name(id)).join(", ");
      const what = order.public ? "Public statement to" : "Private message to";
      const text = order.text.length > 80 ? `${order.text.slice(0, 79)}\u2026` : order.text;
      return `${what} ${to}: \u201c${text}\u201d`;
    }
    const found = move?.candidates.find((c) => sameChoices(c.order, order, move));
    const fields = move ? move.fields : Object.keys(order).map((name) => ({ name, widget: "choice" }));
    const parts = [];
    for (const field of fields) {
      const value = order[field.name];
      if (field.name === "kind" || field.name === "actor" || empty(value)) continue;
      const offered = found ? found.order[field.name] : undefined;
      if (field.widget === "choice" && found && same(offered, value) && found.words[field.name]) {
        parts.push(found.words[field.name]);
      } else if (field.widget === "choice" || !(value === 0 && offered === 0)) {
        parts.push(this.valueWords(field.name, value));
      }
    }
    const label = move ? move.label : order.kind;
    return parts.length ? `${label}: ${parts.join(", ")}` : label;
  }

  /** A value in words when the host's words for it are not at hand (a term the student set). */
  valueWords(field, value) {
    if (Array.isArray(value)) return value.map((v) => this.name(v)).join(", ");
    if (field === "verification" && typeof value === "number") {
      return `verification ${Math.round(value * 100)}%`;
    }
    if (typeof value === "number") return `${field.replaceAll("_", " ")} ${value}`;
    if (typeof value === "boolean") return value ? "Yes" : "No";
    if (typeof value === "string" && this.scenario.states.some((s) => s.id === value)) {
      return this.name(value);
    }
    const text = String(value);
    return text.length > 60 ? `${text.slice(0, 59)}\u2026` : text;
  }
}

function sameChoices(candidate, order, move) {
  return move.fields.every(
    (f) =>
      f.widget !== "choice" || JSON.stringify(candidate[f.name]) === JSON.stringify(order[f.name]),
  );
}

function empty(value) {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length);
}

export function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
