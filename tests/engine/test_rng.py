"""The session's random generator is SplitMix64 exactly as published, and its sub-streams are stable.

Reference outputs (not computed by this project):

- Rosetta Code, task "Pseudo-random numbers/Splitmix64"
  (https://rosettacode.org/wiki/Pseudo-random_numbers/Splitmix64): the first five outputs for
  seed 1234567, and the counts of floor(next_float() * 5) over 100,000 draws from seed 987654321.
- Apache Commons RNG, SplitMix64Test.testReferenceCode
  (commons-rng-core/src/test/java/org/apache/commons/rng/core/source64/SplitMix64Test.java):
  40 outputs for seed 0x1a2b3c4d5e6f7531 taken from Vigna's reference C code, splitmix64.c
  (https://prng.di.unimi.it/splitmix64.c; Steele, Lea & Flood, "Fast splittable pseudorandom
  number generators", OOPSLA 2014).

The float conversion is the one Vigna recommends on https://prng.di.unimi.it/ ("Generating
uniform doubles in the unit interval"): `(x >> 11) * 0x1.0p-53`, the top 53 bits of an output
scaled into [0, 1), so that all 2**53 values are equally likely.
"""

from __future__ import annotations

import hashlib
from collections import Counter

import pytest

from wargame.rng import Rng, derive_seed

ROSETTA_SEED = 1234567
ROSETTA_FIRST_FIVE = [
    6457827717110365317,
    3203168211198807973,
    9817491932198370423,
    4593380528125082431,
    16408922859458223821,
]
ROSETTA_FLOAT_SEED = 987654321
ROSETTA_FLOAT_COUNTS = {0: 20027, 1: 19892, 2: 20073, 3: 19978, 4: 20030}

COMMONS_RNG_SEED = 0x1A2B3C4D5E6F7531
COMMONS_RNG_SEQUENCE = [
    0x4141302768C9E9D0,
    0x64DF48C4EAB51B1A,
    0x4E723B53DBD901B3,
    0xEAD8394409DD6454,
    0x3EF60E485B412A0A,
    0xB2A23AEE63AECF38,
    0x6CC3B8933C4FA332,
    0x9C9E75E031E6FCCB,
    0x0FDDFFB161C9F30F,
    0x2D1D75D4E75C12A3,
    0xCDCF9D2DDE66DA2E,
    0x278BA7D1D142CFEC,
    0x4CA423E66072E606,
    0x8F2C3C46EBC70BB7,
    0xC9DEF3B1EEAE3E21,
    0x8E06670CD3E98BCE,
    0x2326DEE7DD34747F,
    0x3C8FFF64392BB3C1,
    0xFC6AA1EBE7916578,
    0x3191FB6113694E70,
    0x3453605F6544DAC6,
    0x86CF93E5CDF81801,
    0x0D764D7E59F724DF,
    0xAE1DFB943EBF8659,
    0x012DE1BABB3C4104,
    0xA5A818B8FC5AA503,
    0xB124EA2B701F4993,
    0x18E0374933D8C782,
    0x2AF8DF668D68AD55,
    0x76E56F59DAA06243,
    0xF58C016F0F01E30F,
    0x8EEAFA41683DBBF4,
    0x7BF121347C06677F,
    0x4FD0C88D25DB5CCB,
    0x99AF3BE9EBE0A272,
    0x94F2B33B74D0BDCB,
    0x24B5D9D7A00A3140,
    0x79D983D781A34A3C,
    0x582E4A84D595F5EC,
    0x7316FE8B0F606D20,
]


def outputs(seed: int, n: int) -> list[int]:
    rng = Rng(seed)
    return [rng._next() for _ in range(n)]


def test_the_first_outputs_for_seed_1234567_are_rosetta_codes():
    assert outputs(ROSETTA_SEED, 5) == ROSETTA_FIRST_FIVE


def test_forty_outputs_match_the_reference_c_code_as_published_by_commons_rng():
    assert outputs(COMMONS_RNG_SEED, 40) == COMMONS_RNG_SEQUENCE


def test_random_is_the_top_53_bits_of_each_output():
    rng = Rng(COMMONS_RNG_SEED)
    floats = [rng.random() for _ in COMMONS_RNG_SEQUENCE]
    assert floats == [(x >> 11) * 2.0**-53 for x in COMMONS_RNG_SEQUENCE]
    assert all(0.0 <= f < 1.0 for f in floats)


def test_floats_from_seed_987654321_fall_into_fifths_as_rosetta_code_counts():
    rng = Rng(ROSETTA_FLOAT_SEED)
    counts = Counter(int(rng.random() * 5) for _ in range(100_000))
    assert counts == ROSETTA_FLOAT_COUNTS


def test_seeds_are_taken_modulo_2_to_the_64():
    assert outputs(-1, 3) == outputs(2**64 - 1, 3)
    assert outputs(2**64 + ROSETTA_SEED, 5) == ROSETTA_FIRST_FIVE


# --- derived seeds: saved sessions replay from them, so they must never change ---------------


@pytest.mark.parametrize(
    ("seed", "labels", "expected"),
    [
        (7, ("turn", 3), 1983020245097401522),
        (0, (), 9523843951405948789),
        (1816, ("calibrate", 0), 17516764468006399010),
        (42, ("seat", 1, "aurelia"), 8865943539548672841),
    ],
)
def test_derived_seeds_are_pinned(seed, labels, expected):
    assert derive_seed(seed, *labels) == expected


def test_a_derived_seed_is_the_64_bit_blake2b_of_the_labels():
    text = b"7:seat:2:borduria"
    digest = hashlib.blake2b(text, digest_size=8).digest()
    assert derive_seed(7, "seat", 2, "borduria") == int.from_bytes(digest, "big")


def test_turn_and_seat_streams_start_from_their_derived_seeds_and_differ():
    turn, seat = Rng.for_turn(7, 3), Rng.for_seat(7, 3, "aurelia")
    assert [turn._next() for _ in range(4)] == outputs(derive_seed(7, "turn", 3), 4)
    assert [seat._next() for _ in range(4)] == outputs(derive_seed(7, "seat", 3, "aurelia"), 4)
    streams = [
        Rng.for_turn(7, 3),
        Rng.for_turn(7, 4),
        Rng.for_turn(8, 3),
        Rng.for_seat(7, 3, "aurelia"),
        Rng.for_seat(7, 3, "borduria"),
    ]
    assert len({rng._next() for rng in streams}) == len(streams)


# --- the helpers built on the stream --------------------------------------------------------


def test_below_stays_in_range_is_deterministic_and_reaches_every_value():
    for n in (1, 2, 6, 7, 100):
        a, b = Rng(99), Rng(99)
        draws = [a.below(n) for _ in range(2000)]
        assert draws == [b.below(n) for _ in range(2000)]
        assert set(draws) == set(range(n))


def test_below_rejects_an_empty_range():
    for n in (0, -3):
        with pytest.raises(ValueError, match="positive"):
            Rng(1).below(n)


def test_choice_picks_from_the_items_in_a_repeatable_way():
    items = ("hawk", "dove", "institutionalist")
    a, b = Rng(5), Rng(5)
    picks = [a.choice(items) for _ in range(300)]
    assert picks == [b.choice(items) for _ in range(300)]
    assert set(picks) == set(items)
    with pytest.raises(ValueError):
        Rng(5).choice(())


def test_roll_returns_the_die_and_whether_it_beat_the_chance():
    rng, twin = Rng(11), Rng(11)
    for probability in (0.0, 0.25, 0.5, 1.0):
        for _ in range(200):
            success, die = rng.roll(probability)
            assert die == twin.random()
            assert 0.0 <= die < 1.0
            assert success is (die < probability)
    assert not any(Rng(3).roll(0.0)[0] for _ in range(100))
    always = Rng(3)
    assert all(always.roll(1.0)[0] for _ in range(100))


def test_uniform_scales_random_into_the_interval():
    rng, twin = Rng(8), Rng(8)
    for _ in range(100):
        value = rng.uniform(-2.0, 3.0)
        assert value == -2.0 + 5.0 * twin.random()
        assert -2.0 <= value < 3.0
