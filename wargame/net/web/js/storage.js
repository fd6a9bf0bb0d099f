// What the page keeps in this browser: the seat token (to come back into the seat after a
// dropped Wi-Fi, a closed lid or a reload, without the code) and the orders being drafted.
// Nothing else: the game itself always comes from the host.

const PREFIX = "crisis-wargame";

function read(key) {
  try {
    const text = localStorage.getItem(`${PREFIX}:${key}`);
    return text === null ? null : JSON.parse(text);
  } catch {
    return null; // storage disabled (private mode) or a value from another version
  }
}

function write(key, value) {
  try {
    if (value === null) localStorage.removeItem(`${PREFIX}:${key}`);
    else localStorage.setItem(`${PREFIX}:${key}`, JSON.stringify(value));
  } catch {
    // storage full or disabled: the page still works, it only forgets on reload
  }
}

/** The seat this browser last joined at this host: {seat, token, name} or null. */
export function lastSeat() {
  const found = read(`seat:${location.host}`);
  return found && typeof found.seat === "string" && typeof found.token === "string" ? found : null;
}

export function keepSeat(seat, token, name) {
  write(`seat:${location.host}`, { seat, token, name });
}

export function forgetSeat() {
  write(`seat:${location.host}`, null);
}

/** Orders being drafted for a turn, so a reload does not lose them. */
export function draft(seat, turn) {
  const found = read(`draft:${location.host}:${seat}`);
  return found && found.turn === turn && Array.isArray(found.orders) ? found.orders : null;
}

export function keepDraft(seat, turn, orders) {
  write(`draft:${location.host}:${seat}`, orders.length ? { turn, orders } : null);
}
