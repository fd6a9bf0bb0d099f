// Building the page: elements from plain data, never from HTML strings, so a player's text
// (a message, a proposal's note) is always shown as text and can never become markup.

const SVG_NS = "http://www.w3.org/2000/svg";

function fill(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.setAttribute("class", value);
    else if (key === "text") el.textContent = value;
    else if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key in el && !el.namespaceURI?.endsWith("svg") && typeof value !== "string") {
      el[key] = value; // properties such as checked, disabled, value
    } else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** h("button", {class: "primary", onclick: f}, "Submit") */
export function h(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** The same for SVG elements. */
export function s(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

/** Replace an element's content. */
export function put(el, ...children) {
  el.replaceChildren();
  fill(el, {}, children);
  return el;
}

let announcer = null;

/** Say something to screen-reader users (and show it briefly to everyone). */
export function announce(text) {
  announcer ??= $("#announcer");
  if (!announcer) return;
  announcer.textContent = "";
  // a fresh text node after a tick, so the same words twice are read twice
  setTimeout(() => {
    announcer.textContent = text;
  }, 30);
}

let uid = 0;
/** An id for label/field pairs. */
export function newId(prefix = "f") {
  uid += 1;
  return `${prefix}-${uid}`;
}
