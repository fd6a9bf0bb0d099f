// Negotiation: messages (private to chosen states, or public statements), the proposals addressed
// to the seat with their answers, the seat's own proposals, and a form to propose an agreement.
// Messages and proposals are orders like any other: they travel when the turn is resolved.

import { announce, h, newId, put } from "./dom.js";
import { moveForm } from "./orders.js";
import { treatyWords } from "./situation.js";
import { capitalised, listing, percent } from "./words.js";

const MESSAGE_KINDS = new Set(["MessageSent", "StatementMade"]);

export function drawTalks(el, game, on) {
  const guide = game.currentGuide;
  put(
    el,
    h("h2", {}, "Negotiation"),
    h(
      "p",
      { class: "hint" },
      "Messages and proposals are delivered when the turn is resolved, together with everyone's orders.",
    ),
    h("div", { class: "talks-layout" }, h("div", {}, composer(game, guide, on), proposals(game, guide, on)), history(game)),
    proposeForm(game, guide, on),
  );
}

function composer(game, guide, on) {
  if (!guide || !guide.message_to.length) return null;
  const textId = newId("message");
  const publicId = newId("public");
  const problem = h("p", { class: "problem", role: "alert" });
  const chosen = new Set();
  const legend = newId("to");
  const form = h(
    "form",
    {
      class: "composer",
      "aria-labelledby": "composer-heading",
      onsubmit: (e) => {
        e.preventDefault();
        const text = form.querySelector("textarea").value.trim();
        const isPublic = form.querySelector(`#${publicId}`).checked;
        const to = guide.message_to.filter((id) => chosen.has(id));
        if (!to.length) problem.textContent = "Choose who receives it.";
        else if (!text) problem.textContent = "Write the message.";
        else {
          const order = { kind: "SendMessage", actor: game.seat, to, text, public: isPublic };
          game.add(order);
          announce(`Added to this turn's orders: ${game.words(order)}`);
          form.reset();
          chosen.clear();
          problem.textContent = "";
          on.changed();
        }
      },
    },
    h("h3", { id: "composer-heading" }, "Send a message"),
    h(
      "fieldset",
      { class: "field states", "aria-labelledby": legend },
      h("legend", { id: legend }, "To"),
      h("div", { class: "options" }, guide.message_to.map((id) => {
        const boxId = newId("to");
        return h(
          "span",
          { class: "check" },
          h("input", {
            type: "checkbox",
            id: boxId,
            value: id,
            onchange: (e) => (e.target.checked ? chosen.add(id) : chosen.delete(id)),
          }),
          h("label", { for: boxId }, game.name(id)),
        );
      })),
    ),
    h(
      "p",
      { class: "field" },
      h("label", { for: textId }, "Message"),
      h("textarea", { id: textId, rows: "3", maxlength: String(guide.max_message_chars) }),
    ),
    h(
      "p",
      { class: "check" },
      h("input", { type: "checkbox", id: publicId }),
      h("label", { for: publicId }, " Public statement: every state reads it (otherwise only those you chose)"),
    ),
    problem,
    h("button", { type: "submit", class: "primary" }, "Add message to this turn's orders"),
  );
  return form;
}

/** Draw the proposals again (answers offered or already in the list), leaving the rest. */
export function refreshProposals(el, game, on) {
  const section = el.querySelector("#proposals");
  if (section) section.replaceWith(proposals(game, game.currentGuide, on));
}

function proposals(game, guide, on) {
  const state = game.state;
  const toMe = state.proposals.filter((p) => p.status === "open" && p.recipients.includes(game.seat));
  const mine = state.proposals.filter((p) => p.proposer === game.seat);
  const answer = guide?.families.flatMap((f) => f.moves).find((m) => m.kind === "AnswerProposal");
  const terms = (p) =>
    `${capitalised(treatyWords(p.kind))}${p.cap !== null && p.verification !== null ? ` (cap ${p.cap}, verification ${percent(p.verification)})` : ""}`;
  const answerButton = (p, accept) => {
    const candidate = answer?.candidates.find((c) => c.order.proposal === p.id && c.order.accept === accept);
    if (!candidate) return null;
    const queued = game.queue.some((item) => item.order.kind === "AnswerProposal" && item.order.proposal === p.id);
    return h(
      "button",
      {
        type: "button",
        class: accept ? "primary small" : "small",
        disabled: queued,
        onclick: () => {
          game.add({ ...candidate.order });
          announce(`Added: ${game.words(candidate.order)}`);
          on.changed();
        },
      },
      accept ? "Accept" : "Reject",
    );
  };
  return h(
    "section",
    { id: "proposals", "aria-labelledby": "proposals-heading" },
    h("h3", { id: "proposals-heading" }, "Proposals"),
    toMe.length
      ? h(
          "ul",
          { class: "proposals" },
          toMe.map((p) =>
            h(
              "li",
              {},
              h("strong", {}, game.name(p.proposer)),
              ` proposes a ${terms(p).toLowerCase()} to ${listing(p.recipients.map((r) => (r === game.seat ? "you" : game.name(r))))}`,
              p.note ? h("q", { class: "note" }, p.note) : null,
              " ",
              answerButton(p, true),
              " ",
              answerButton(p, false),
            ),
          ),
        )
      : h("p", {}, "No proposal is waiting for your answer."),
    mine.length
      ? h(
          "ul",
          { class: "proposals mine" },
          mine.map((p) =>
            h(
              "li",
              {},
              `You proposed (turn ${p.turn}): ${terms(p)} to ${p.recipients.map((r) => game.name(r)).join(", ")}: `,
              h("strong", {}, p.status),
              p.accepted_by.length ? `; accepted by ${p.accepted_by.map((r) => game.name(r)).join(", ")}` : "",
            ),
          ),
        )
      : null,
  );
}

function history(game) {
  const items = [];
  game.views.forEach((view, turn) => {
    for (const e of view.events) if (MESSAGE_KINDS.has(e.kind)) items.push([turn, e]);
  });
  return h(
    "section",
    { class: "history", "aria-labelledby": "history-heading" },
    h("h3", { id: "history-heading" }, "Messages so far"),
    items.length
      ? h(
          "ol",
          { class: "messages" },
          items.reverse().map(([turn, e]) =>
            h(
              "li",
              { class: e.kind === "StatementMade" ? "public" : "private" },
              h("span", { class: "tag" }, `Turn ${turn} \u00b7 ${e.kind === "StatementMade" ? "public" : "private"}`),
              h("p", {}, e.text),
            ),
          ),
        )
      : h("p", {}, "No messages yet."),
  );
}

function proposeForm(game, guide, on) {
  const move = guide?.families.flatMap((f) => f.moves).find((m) => m.kind === "ProposeAgreement");
  if (!move) return null;
  return h(
    "section",
    { class: "propose" },
    moveForm(
      move,
      game,
      (order) => {
        if (game.costsAction(order) && game.actionsUsed() >= guide.max_actions) {
          return `You have used all ${guide.max_actions} actions of this turn: remove one first.`;
        }
        game.add(order);
        announce(`Added: ${game.words(order)}`);
        on.changed();
        return null;
      },
      { addLabel: "Add this proposal to this turn's orders" },
    ),
  );
}
