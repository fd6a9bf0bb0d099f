"""Join codes, tokens and the protocol's messages."""

from __future__ import annotations

import json

import pytest

from wargame.net.codes import ALPHABET, codes_match, new_code, normalize_code, token_digest
from wargame.net.keys import ClassKeys, KeysError
from wargame.net.protocol import (
    MAX_CLIENT_MESSAGE_BYTES,
    MAX_ORDERS_PER_SUBMISSION,
    Ack,
    ProtocolError,
    Submit,
    encode,
    parse_client_message,
    parse_host_message,
)


def test_codes_are_long_random_and_unambiguous():
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in codes:
        raw = code.replace("-", "")
        assert len(raw) == 8 and set(raw) <= set(ALPHABET)
    assert not set("01IOL") & set(ALPHABET)


def test_codes_match_however_they_are_typed():
    assert codes_match("K7QX-M2TB", " k7qx m2tb ")
    assert normalize_code("k7qxm2tb") == "K7QX-M2TB"
    assert not codes_match("K7QX-M2TB", "K7QX-M2TC")


def test_each_seat_of_a_class_gets_its_own_code(tmp_path):
    keys = ClassKeys.fresh(tuple(f"s{i}" for i in range(12)), tmp_path / "k")
    assert len(set(keys.codes.values())) == 12
    token = keys.issue_token("s1")
    assert keys.tokens["s1"] == token_digest(token) and keys.token_fits("s1", token)
    assert not keys.token_fits("s2", token)


def test_a_damaged_keys_file_is_refused_with_its_name(tmp_path):
    path = tmp_path / "class.wargame-class"
    path.write_text("{not json")
    with pytest.raises(KeysError, match="class.wargame-class"):
        ClassKeys.load_or_create(path, ("a",))


@pytest.mark.parametrize(
    "text, code",
    [
        ("not json", "malformed"),
        ("[1, 2]", "malformed"),
        ('{"type": "launch"}', "malformed"),
        ('{"type": "hello", "protocol": 1, "seat": "Aurelia!"}', "malformed"),
        ('{"type": "hello", "protocol": 1, "seat": "a", "extra": 1}', "malformed"),
        ('{"type": "submit", "id": -1, "turn": 1, "orders": []}', "malformed"),
        ("[" * 100_000 + "]" * 100_000, "malformed"),
        (b"\x00binary", "malformed"),
        ("x" * (MAX_CLIENT_MESSAGE_BYTES + 1), "too_big"),
    ],
)
def test_what_is_not_a_message_is_refused_with_a_code(text, code):
    with pytest.raises(ProtocolError) as error:
        parse_client_message(text)
    assert error.value.code == code


def test_a_submission_holds_a_bounded_number_of_orders():
    orders = [{"kind": "SendMessage"}] * (MAX_ORDERS_PER_SUBMISSION + 1)
    with pytest.raises(ProtocolError):
        parse_client_message(json.dumps({"type": "submit", "id": 1, "turn": 1, "orders": orders}))
    ok = parse_client_message(json.dumps({"type": "submit", "id": 1, "turn": 1, "orders": []}))
    assert ok == Submit(id=1, turn=1, orders=[])


def test_host_messages_survive_encoding():
    assert parse_host_message(encode(Ack(id=3, turn=2, orders=1))) == Ack(id=3, turn=2, orders=1)
