"""A class on many computers: a host that owns the session, and clients that play one seat each.

- `protocol`: the messages (pydantic models), their limits and version; docs/PROTOCOL.md.
- `host`: the game side of the host (seats, codes, tokens, orders, deadline, resolution), with
  no sockets, so it is tested directly.
- `server`: the transport, Starlette and uvicorn over WebSocket, on a thread of its own.
- `client`, `seat`, `decode`: a seat's client, what it knows of the game, and views rebuilt
  from the data it receives.
- `codes`, `keys`, `tokens`: join codes and seat tokens, on the host and on the client.
- `serving`: `wargame serve`, many classes from PostgreSQL, one process at a time holding each
  class's lease, taking over the classes of a process that died (docs/DEPLOYMENT.md).
- `web_client`, `web/`: the browser client, served at the host's address; `guide`: what the host
  works out for a client that runs no engine (the orders it may give, its objectives met now).

No Qt here: the desktop app wraps these in ui/host_window.py and ui/remote_presenter.py.
"""
