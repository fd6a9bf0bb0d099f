// The connection to the host (docs/PROTOCOL.md): hello, then messages both ways, and coming back
// by itself after a dropped Wi-Fi, a closed lid or a host restart, with the seat token.

const PROTOCOL = 1;
const FIRST_PAUSE = 500; // ms before the first reconnection; doubled each time...
const LONGEST_PAUSE = 10000; // ...up to this
const PING_EVERY = 15000; // a browser cannot send WebSocket pings: the protocol's own ping
const PONG_WITHIN = 10000; // no answer by then: the connection is dead (a laptop slept)
const RETRY_ERRORS = new Set(["closing", "seat_taken"]);

export class Connection {
  /**
   * @param {{seat: string, code: string|null, token: string|null}} seat
   * @param {{onMessage: Function, onState: Function, onRefused: Function, onToken: Function}} on
   */
  constructor(seat, on) {
    this.seat = seat.seat;
    this.code = seat.code || null;
    this.token = seat.token || null;
    this.on = on;
    this.ws = null;
    this.stopped = false;
    this.failures = 0;
    this.timer = null;
    this.pinger = null;
    this.lastHeard = 0;
    this.pingId = 0;
    this.comeBackNow = () => this.wake();
    window.addEventListener("online", this.comeBackNow);
    document.addEventListener("visibilitychange", this.comeBackNow);
  }

  start() {
    this.stopped = false;
    this.open();
  }

  /** Stop for good (the game is over, the seat was left or refused). */
  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.pinger);
    window.removeEventListener("online", this.comeBackNow);
    document.removeEventListener("visibilitychange", this.comeBackNow);
    if (this.ws) this.ws.close(1000);
    this.ws = null;
  }

  /** The game is over: when this connection closes, do not come back. */
  endWhenClosed() {
    this.ending = true;
  }

  /** Send a message; false when not connected (nothing is queued). */
  send(message) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  get connected() {
    return Boolean(this.ws && this.ws.readyState === WebSocket.OPEN);
  }

  // --- private -----------------------------------------------------------------------------

  open() {
    clearTimeout(this.timer);
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    let ws;
    try {
      ws = new WebSocket(`${scheme}://${location.host}/ws`);
    } catch {
      this.again();
      return;
    }
    this.ws = ws;
    this.on.onState(this.failures ? "reconnecting" : "connecting");
    let joined = false;
    ws.onopen = () => {
      this.lastHeard = Date.now();
      ws.send(
        JSON.stringify({
          type: "hello",
          protocol: PROTOCOL,
          seat: this.seat,
          code: this.code,
          token: this.token,
          client: "web browser",
          guide: true,
        }),
      );
      clearInterval(this.pinger);
      this.pinger = setInterval(() => this.ping(), PING_EVERY);
    };
    ws.onmessage = (event) => {
      this.lastHeard = Date.now();
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return; // not this protocol: ignore, as for a message of a newer host
      }
      if (message.type === "welcome") {
        joined = true;
        this.failures = 0;
        this.token = message.token;
        this.on.onToken(message.token);
        this.on.onState("connected");
      } else if (message.type === "error") {
        this.refused(message);
        return;
      }
      this.on.onMessage(message);
    };
    ws.onclose = () => {
      clearInterval(this.pinger);
      if (this.ws === ws) this.ws = null;
      if (this.ending) this.stop();
      if (this.stopped) return;
      if (!joined) this.failures += 1;
      this.again();
    };
  }

  refused(error) {
    if (error.code === "bad_token" && this.code) {
      this.token = null; // the host forgot it (new codes): the code still opens the seat
      return;
    }
    if (error.retry || RETRY_ERRORS.has(error.code)) {
      this.on.onState("reconnecting", error.message);
      return;
    }
    this.stop();
    this.on.onRefused(error);
  }

  again() {
    if (this.stopped) return;
    this.on.onState("reconnecting");
    const pause = Math.min(LONGEST_PAUSE, FIRST_PAUSE * 2 ** Math.min(this.failures, 6));
    // spread a class's reconnections so they do not all come back at the same instant
    this.timer = setTimeout(() => this.open(), pause * (0.8 + Math.random() * 0.4));
  }

  ping() {
    if (!this.connected) return;
    if (Date.now() - this.lastHeard > PING_EVERY + PONG_WITHIN) {
      this.ws.close(); // nothing heard since the last ping: a dead connection
      return;
    }
    this.pingId = (this.pingId + 1) % 2 ** 31;
    this.send({ type: "ping", id: this.pingId });
  }

  /** The network came back or the page is shown again: check at once, retry at once. */
  wake() {
    if (this.stopped || document.visibilityState === "hidden") return;
    if (this.connected) {
      const asked = Date.now();
      this.send({ type: "ping", id: 0 });
      setTimeout(() => {
        if (this.connected && this.lastHeard < asked) this.ws.close();
      }, PONG_WITHIN / 2);
    } else if (!this.ws) {
      this.failures = 0;
      this.open();
    }
  }
}
