"""The doctrines' styles of play: how readily each reaches for each kind of tool, and how hard it
holds to the issues it is pressed on. A state's doctrine is its own secret: others' views show
every other state as a realist (view.py `UNKNOWN_DOCTRINE`), so a seat reckoning how another
would judge reads it with the realist's style."""

from __future__ import annotations

DOCTRINES = ("hawk", "dove", "realist", "institutionalist")

# how readily each doctrine reaches for each kind of tool (0..1), and how much it values the issues
# it is pressed on (resolve: a multiplier on the worth of not giving in)
STYLE = {
    "hawk": {
        "force": 0.8,
        "sanction": 0.6,
        "talk": 0.2,
        "institutions": 0.2,
        "honour": 0.75,
        "concede": 0.2,
        "resolve": 1.2,
    },
    "dove": {
        "force": 0.05,
        "sanction": 0.2,
        "talk": 0.9,
        "institutions": 0.6,
        "honour": 0.45,
        "concede": 0.6,
        "resolve": 0.6,
    },
    "realist": {
        "force": 0.4,
        "sanction": 0.55,
        "talk": 0.4,
        "institutions": 0.3,
        "honour": 0.6,
        "concede": 0.4,
        "resolve": 1.0,
    },
    "institutionalist": {
        "force": 0.15,
        "sanction": 0.5,
        "talk": 0.6,
        "institutions": 0.9,
        "honour": 0.8,
        "concede": 0.45,
        "resolve": 0.9,
    },
}
