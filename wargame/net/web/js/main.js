// The browser client of a Crisis Wargame class: join a seat, then play it from its view.
// Everything the page shows comes from the host (docs/PROTOCOL.md): the seat's views, and the
// host's guide to each turn (objectives met now, the legal orders and every move's help).

import { Connection } from "./connection.js";
import { $, announce, h, put } from "./dom.js";
import { drawDebrief, drawResults } from "./end.js";
import { SeatGame } from "./game.js";
import { loadSeats, prefill, readForm } from "./join.js";
import { drawMap } from "./map.js";
import { drawNews } from "./news.js";
import { OrdersPanel } from "./orders.js";
import { drawCrisis, drawIndicators, drawObjectives } from "./situation.js";
import { forgetSeat, keepSeat, lastSeat } from "./storage.js";
import { Tabs } from "./tabs.js";
import { drawTalks, refreshProposals } from "./talks.js";
import { clock, duration, listing } from "./words.js";

const CONNECTION_WORDS = {
  connecting: "Connecting\u2026",
  connected: "\u25cf Connected",
  reconnecting: "\u25cb Connection lost: reconnecting by itself\u2026",
};

const app = {
  game: null,
  connection: null,
  tabs: null,
  orders: null,
  newsTurn: null,
  lastTurnShown: null,
};

// --- joining ------------------------------------------------------------------------------------

function showJoin(problem) {
  $("#join-screen").hidden = false;
  $("#rejoin-screen").hidden = true;
  $("#game-screen").hidden = true;
  $("#submit-bar").hidden = true;
  document.title = "Crisis Wargame: join your class";
  $("#join-error").textContent = problem || "";
  const wanted = prefill();
  if (wanted.code) $("#code").value = wanted.code;
  loadSeats(wanted.seat).then(() => {
    if (problem) $("#code").focus();
  });
}

function join(seat, code, token, name) {
  app.game = new SeatGame(seat);
  app.orders = null;
  app.newsTurn = null;
  app.lastTurnShown = null;
  app.connection = new Connection(
    { seat, code, token },
    {
      onMessage: received,
      onState: (state, detail) => {
        $("#connection").textContent = detail ? `${CONNECTION_WORDS[state]} (${detail})` : CONNECTION_WORDS[state];
        $("#connection").dataset.state = state;
        drawSubmitBar();
      },
      onRefused: refused,
      onToken: (t) => keepSeat(seat, t, name),
    },
  );
  app.connection.start();
}

function refused(error) {
  forgetSeat();
  app.game = null;
  showJoin(`The host did not let this browser in: ${error.message}.`);
}

// --- messages from the host -----------------------------------------------------------------------

function received(message) {
  const game = app.game;
  const what = game.apply(message);
  if (what === null) return;
  if (message.type === "rejected") {
    announce("Your orders were not accepted: see why in Orders.");
    app.tabs.show("orders");
  } else if (message.type === "update") {
    announce(
      game.withdrawn
        ? "The facilitator changed the game: the orders you handed in no longer stand. Check them and submit again."
        : "The facilitator changed the game: see the news.",
    );
  } else if (message.type === "ack" && game.queueHandedIn()) {
    announce("Your orders are handed in.");
  } else if (message.type === "game_over") {
    app.connection.endWhenClosed(); // the debrief may follow; after that, nothing will
  } else if (message.type === "debrief") {
    app.connection.stop();
    $("#connection").textContent = "The game is over.";
  }
  draw(what);
}

function draw(what) {
  const game = app.game;
  if (!game.joined) return;
  if (what === "status") {
    drawTop();
    drawSubmitBar();
    return;
  }
  if (what === "queue") {
    app.orders?.drawQueue();
    drawSubmitBar();
    refreshTalksPanel();
    return;
  }
  showGame();
  drawTop();
  drawSituation();
  drawBriefing();
  drawNewsPanel();
  if (!app.orders) app.orders = new OrdersPanel($("#panel-orders"), game, { changed: queueChanged });
  app.orders.draw();
  drawTalksPanel();
  if (game.finished) {
    drawResults($("#panel-results"), game);
    drawDebrief($("#panel-debrief"), game);
  }
  const playing = !game.finished;
  app.tabs.offer("results", !playing);
  app.tabs.offer("debrief", !playing);
  app.tabs.offer("orders", playing);
  app.tabs.offer("talks", playing);
  drawSubmitBar();
  chooseTab();
}

function queueChanged() {
  app.orders.drawQueue();
  refreshTalksPanel();
  drawSubmitBar();
}

/** The tab to show on joining, at a new turn and at the end. */
function chooseTab() {
  const game = app.game;
  const key = `${game.turn}/${game.finished}`;
  if (app.lastTurnShown === key) return;
  const first = app.lastTurnShown === null;
  app.lastTurnShown = key;
  // on joining, the focus goes to the screen's tabs (the join form it was on is gone)
  if (game.finished) {
    app.tabs.show("results", first);
    announce("The game is over: your results are shown.");
  } else if (game.views.length === 1) {
    app.tabs.show("briefing", first);
  } else {
    app.newsTurn = null;
    drawNewsPanel();
    app.tabs.show("news", first);
    if (!first) announce(`Turn ${game.turn} has begun. The news of turn ${game.turn - 1} is shown.`);
  }
}

// --- the parts of the game screen ---------------------------------------------------------

function showGame() {
  $("#join-screen").hidden = true;
  $("#rejoin-screen").hidden = true;
  $("#game-screen").hidden = false;
}

function drawTop() {
  const game = app.game;
  const me = game.name(game.seat);
  document.title = `${me}: ${game.title} (Crisis Wargame)`;
  $("#game-title").textContent = `${game.title} \u00b7 you lead ${me}`;
  $("#turn-info").textContent = game.finished
    ? `Game over after ${game.views.length - 1} turns`
    : `Turn ${game.turn} of ${game.turns} (${game.scenario.turn_length} each)`;
  drawDeadline();
}

function drawDeadline() {
  const el = $("#deadline");
  const game = app.game;
  const left = game && !game.finished ? game.secondsLeft() : null;
  const paused = Boolean(game && !game.finished && game.deadline?.paused);
  el.hidden = left === null && !paused;
  if (paused) {
    const time = left === null ? "" : ` (${clock(left)} left in the turn)`;
    el.textContent = `Paused by the facilitator${time}`;
    el.removeAttribute("aria-label");
    el.classList.remove("soon");
    return;
  }
  if (left === null) return;
  const then =
    game.deadline.atDeadline === "computer" ? "then the computer plays for states without orders" : "then states without orders pass";
  el.textContent = `Turn closes in ${clock(left)}: ${then}`;
  el.setAttribute("aria-label", `The turn closes in ${duration(left)}; ${then}.`);
  el.classList.toggle("soon", left <= 60);
  if (left <= 60 && left > 0 && game.warned !== game.turn) {
    game.warned = game.turn; // once a turn
    announce("One minute left in this turn.");
  }
}

function drawSubmitBar() {
  const game = app.game;
  const bar = $("#submit-bar");
  if (!game || !game.joined || game.finished) {
    bar.hidden = true;
    return;
  }
  bar.hidden = false;
  const guide = game.currentGuide;
  const max = guide ? guide.max_actions : 4;
  const count = game.queue.length;
  const handedIn = game.queueHandedIn();
  $("#queue-summary").textContent =
    `${count} order${count === 1 ? "" : "s"} \u00b7 ${game.actionsUsed()} of ${max} actions \u00b7 ` +
    (handedIn ? "\u2714 handed in" : game.submitted !== null ? "\u26a0 changed, not handed in" : "not handed in yet");
  const waiting = game.seats.filter((s) => !s.handed_in && s.seat !== game.seat).map((s) => s.name);
  $("#waiting").textContent = waiting.length ? `Still deciding: ${listing(waiting)}` : "Every other state has handed in.";
  const submit = $("#submit");
  const online = app.connection?.connected;
  submit.disabled = !online || game.awaitingAck || handedIn;
  submit.textContent = !online
    ? "Waiting for the connection\u2026"
    : game.awaitingAck
      ? "Handing in\u2026"
      : handedIn
      ? "Handed in \u2714"
      : game.submitted !== null
        ? "Submit again"
        : "Submit orders";
  $("#review").textContent = `Review orders (${count})`;
}

function drawSituation() {
  const game = app.game;
  drawMap($("#map"), game);
  drawObjectives($("#objectives"), game);
  drawCrisis($("#crisis"), game);
  drawIndicators($("#indicators"), game);
}

function drawBriefing() {
  const game = app.game;
  const scenario = game.scenario;
  const own = scenario.states.find((s) => s.id === game.seat);
  const paragraphs = (text) => text.split(/\n\s*\n/).map((p) => h("p", {}, p.trim()));
  const objectives = h("div");
  drawObjectives(objectives, game);
  put(
    $("#panel-briefing"),
    h("h2", {}, scenario.title),
    h("p", { class: "summary" }, scenario.summary),
    h("h3", {}, "The situation (everyone knows this)"),
    paragraphs(scenario.briefing),
    h("h3", {}, `Your briefing: ${own.name} (only you know this)`),
    paragraphs(own.briefing),
    objectives,
    h("p", { class: "hint" }, `Each turn stands for ${scenario.turn_length}; the game lasts ${scenario.turns} turns. Everyone's orders are carried out at the same time.`),
  );
}

function drawNewsPanel() {
  drawNews($("#panel-news"), app.game, app.newsTurn, (turn) => {
    app.newsTurn = turn;
    drawNewsPanel();
    $("#panel-news select")?.focus();
  });
}

function drawTalksPanel() {
  if (app.game && !app.game.finished) drawTalks($("#panel-talks"), app.game, { changed: queueChanged });
}

/** After the list of orders changed: only the answers offered change (what is being typed stays). */
function refreshTalksPanel() {
  if (app.game && !app.game.finished) refreshProposals($("#panel-talks"), app.game, { changed: queueChanged });
}

// --- handing in ---------------------------------------------------------------------------------

function submit() {
  const game = app.game;
  if (!game.queue.length) {
    const dialog = $("#confirm-empty");
    dialog.returnValue = "";
    dialog.showModal();
    return;
  }
  send();
}

function send() {
  const game = app.game;
  if (app.connection.send(game.submission())) {
    drawSubmitBar();
  } else {
    announce("Not connected: your orders are kept here; submit again once reconnected.");
  }
}

// --- start ----------------------------------------------------------------------------------------

function boot() {
  $("#address").textContent = location.host;
  app.tabs = new Tabs($("#tabs"), () => {});
  $("#join-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const form = readForm();
    if (form.problem) {
      $("#join-error").textContent = form.problem;
      form.focus?.focus();
      return;
    }
    $("#join-error").textContent = "";
    join(form.seat, form.code, null, form.name);
  });
  $("#submit").addEventListener("click", submit);
  $("#review").addEventListener("click", () => app.tabs.show("orders", true));
  $("#confirm-empty").addEventListener("close", () => {
    if ($("#confirm-empty").returnValue === "pass") send();
  });
  $("#other-seat").addEventListener("click", () => {
    app.connection?.stop();
    forgetSeat();
    showJoin();
  });
  setInterval(() => app.game?.joined && drawDeadline(), 1000);

  const kept = lastSeat();
  const wanted = prefill();
  if (kept && (!wanted.seat || wanted.seat === kept.seat)) {
    $("#join-screen").hidden = true;
    $("#rejoin-screen").hidden = false;
    $("#rejoin-text").textContent = `This browser played ${kept.name || kept.seat} here: coming back into that seat\u2026`;
    join(kept.seat, wanted.code, kept.token, kept.name);
  } else {
    showJoin();
  }
}

boot();
