"""Design points of the shipped scenarios that keep a state from winning by others' doing
(docs/CALIBRATION.md, "Outcome balance")."""

from wargame.ai.heuristic import STYLE, _Mind
from wargame.enums import TreatyKind
from wargame.rng import Rng
from wargame.scenario.library import load_bundled
from wargame.setup import new_game
from wargame.state import Proposal


def test_iron_pass_zarovias_gas_is_not_bought_by_tovras_railway_alone():
    """Serenne's first objective is the gas Zarovia throttles. When the squeeze was worth less
    to Zarovia than Tovra's railway, the two traded them on the first turn of every crisis and
    Serenne won 84% of its crises at normal whatever it did; Zarovia now loses by that trade,
    and gains by it only with something more in the balance."""
    state = new_game(load_bundled("iron_pass.yaml"))
    zarovia = _Mind(state, "zarovia", STYLE[state.scenario.state("zarovia").doctrine], Rng(1))
    gas_for_rail = Proposal(
        "p1",
        "tovra",
        ("zarovia",),
        TreatyKind.DEAL,
        1,
        demand_issue="gas_flow",
        demand_status="restored",
        offer_issue="rail_corridor",
        offer_status="open",
    )
    net, gets, gives = zarovia.deal_balance(gas_for_rail)
    assert net < 0, (net, gets, gives)
    sweetened = gas_for_rail._replace(payment=round(-net * 140 / 100 + 1, 1))
    assert zarovia.deal_balance(sweetened)[0] > 0
