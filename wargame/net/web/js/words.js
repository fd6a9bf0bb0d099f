// Numbers and names for people, as the desktop app and the debrief write them.

const SHARE = /chance|probability|share|\broll\b|verification/i;

/** 1,234 or 12.5 or 0.32: never 0.30000000000000004. */
export function number(value, decimals = 1) {
  if (!Number.isFinite(value)) return String(value);
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded.toLocaleString("en-GB", { maximumFractionDigits: decimals });
}

export function percent(share) {
  const pct = share * 100;
  if (pct !== 0 && Math.abs(pct) < 1) return `${number(pct, 1)}%`;
  return `${number(pct, 0)}%`;
}

export function signed(value, decimals = 0) {
  const text = number(value, decimals);
  if (text === "0" || text.startsWith("-")) return text.replace("-", "\u2212");
  return `+${text}`;
}

/** One number behind an event, for "Why?": "chance of yes: 95%", "deaths: 3,840". */
export function namedNumber(name, value) {
  if (SHARE.test(name) && value >= 0 && value <= 1) return `${name}: ${percent(value)}`;
  const abs = Math.abs(value);
  const decimals = abs >= 100 ? 0 : abs < 1 ? 2 : 1;
  return `${name}: ${number(value, decimals)}`;
}

export function listing(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function capitalised(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** "3:05" for 185 seconds; "1 h 02 min" past an hour. */
export function clock(seconds) {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  if (h) return `${h} h ${String(m).padStart(2, "0")} min`;
  return `${m}:${rest}`;
}

/** A seconds count in words for screen readers: "3 minutes 5 seconds". */
export function duration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  const parts = [];
  if (m) parts.push(`${m} minute${m === 1 ? "" : "s"}`);
  if (s % 60 || !m) parts.push(`${s % 60} second${s % 60 === 1 ? "" : "s"}`);
  return parts.join(" ");
}

export const OUTCOME_WORDS = {
  victory: "Victory",
  compromise: "Compromise",
  stalemate: "Stalemate",
  defeat: "Defeat",
};

export const INDICATORS = [
  ["military", "Military"],
  ["economy", "Economy"],
  ["stability", "Stability"],
  ["reputation", "Reputation"],
];
