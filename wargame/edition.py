"""The edition of the rules: which rules a saved session was played under.

Bump RULES_EDITION whenever a change alters what a given scenario, seed and orders produce (an
outcome, an event, a computer player's decision or a state hash). Sessions record the edition
they were played under; `verify` and `resume` can check a session only under the same edition,
and say so plainly instead of reporting every turn as a mismatch.
"""

from __future__ import annotations

# 2: issues at stake, demands, the Council as it works, regional tension and archived records
# 3: states back force and stand firm in proportion to their backing; the look-ahead counts the
#    issues at stake and keeps its instinct's answers to calls, force and coercion
# 4: the look-ahead keeps its instinct's strikes in a confrontation already under way
# 5: the look-ahead keeps its instinct's threats of sanctions and adds none; no computer state
#    joins sanctions on a state it is sworn to defend or for a demand it would lose by; sanctions
#    that carry out an ultimatum press its demand; targets' resolve retuned (RESOLVE_SCALE,
#    REACTANCE, DECISIVENESS)
# 6: a computer sender weighs its prospects and presses no demand it reckons hopeless
#    (sanctions.py HOPELESS); targets' resolve retuned (RESOLVE_SCALE 0.6)
# 7: a regional organization's calls on a state weigh on the Council once (its latest), however
#    often it is asked
# 8: an ultimatum backed by sanctions is weighed as every threat of sanctions is (case 4.22);
#    amber_coast: Varro's own pact membership is worth 0.75 to it (0.3)
# 9: a demand its leaders hold non-negotiable is worth 3 times more to a computer target (6), and
#    computer senders press demands they reckon at 0.15 or more (0.2)
RULES_EDITION = 9


def edition_of(meta: dict[str, str]) -> int | None:
    """The edition a session's header names; None for files saved before editions were recorded
    (they are replayed, and a difference is reported turn by turn)."""
    value = meta.get("rules_edition")
    if value is None:
        return None
    return int(value) if value.isdigit() else 0
