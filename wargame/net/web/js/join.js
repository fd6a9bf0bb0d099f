// The join screen: the class's address (this page's own), the states people play (from the
// host's public list, without codes), and the seat code. A link may carry the seat and code
// after a "#" (http://HOST:PORT/#seat=aurelia&code=K7QX-M2TB): the browser never sends that
// part to the network.

import { $, h, newId, put } from "./dom.js";

const CODE_LENGTH = 8;

export function prefill() {
  const params = new URLSearchParams(location.hash.slice(1));
  return { seat: params.get("seat"), code: params.get("code") };
}

/** Fill the list of seats from the host; resolves to the classes found. */
export async function loadSeats(chosenSeat) {
  const box = $("#seat-choice");
  let classes;
  try {
    const answer = await fetch("/api/class", { cache: "no-store" });
    classes = (await answer.json()).classes;
  } catch {
    put(box, h("p", { class: "problem", role: "alert" }, "The class cannot be reached. Check the Wi-Fi, then reload this page."));
    return [];
  }
  if (!classes.length) {
    put(box, h("p", { class: "problem" }, "No class is running here yet. Wait for the facilitator, then reload this page."));
    return [];
  }
  put(
    box,
    classes.map((cls) => {
      const legend = newId("class");
      return h(
        "fieldset",
        { class: "seats", "aria-labelledby": legend },
        h("legend", { id: legend }, classes.length > 1 ? `Your state in \u201c${cls.title}\u201d` : `Your state in ${cls.title}`),
        cls.seats.map((seat) => {
          const id = newId("seat");
          const computer = seat.played_by === "computer";
          return h(
            "span",
            { class: computer ? "seat computer" : "seat" },
            h("input", {
              type: "radio",
              name: "seat",
              id,
              value: seat.seat,
              "data-name": seat.name,
              disabled: computer,
              checked: seat.seat === chosenSeat && !computer,
            }),
            h("label", { for: id }, seat.name, computer ? h("span", { class: "note" }, " (the computer plays it)") : null),
          );
        }),
      );
    }),
  );
  return classes;
}

/** The seat and code the form holds, or a reason they cannot be used. */
export function readForm() {
  const chosen = document.querySelector("input[name=seat]:checked");
  const code = $("#code").value.toUpperCase().replace(/[\s-]/g, "");
  if (!chosen) return { problem: "Choose your state first.", focus: document.querySelector("input[name=seat]:not([disabled])") };
  if (code.length !== CODE_LENGTH) {
    return { problem: `A seat code has ${CODE_LENGTH} letters and digits, such as K7QX-M2TB.`, focus: $("#code") };
  }
  return { seat: chosen.value, name: chosen.dataset.name, code: `${code.slice(0, 4)}-${code.slice(4)}` };
}
