"""Request signing against the documented algorithm, computed here independently."""

from __future__ import annotations

import hashlib
import hmac

from hypothesis import given
from hypothesis import strategies as st

from station.lazada.signing import encode_params, sign, signed_params


def reference_sign(path: str, params: dict[str, str], secret: str) -> str:
    # The platform's description, step by step: sort by name, concatenate name+value, path in front.
    message = path
    for name in sorted(params):
        message += name + params[name]
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest().upper()


def test_known_vector() -> None:
    params = {
        "app_key": "123456",
        "timestamp": "1517820392000",
        "sign_method": "sha256",
        "access_token": "test",
        "purchase_order_no_list": '["POJ1001","POJ1002"]',
    }
    expected = reference_sign("/jit/purchase_order/package", params, "helloworld")
    assert sign("/jit/purchase_order/package", params, "helloworld") == expected
    assert expected == expected.upper() and len(expected) == 64


def test_sign_ignores_the_sign_parameter_itself() -> None:
    params = {"a": "1", "b": "2"}
    assert sign("/x", {**params, "sign": "WHATEVER"}, "s") == sign("/x", params, "s")


def test_lists_travel_as_compact_json_and_empty_values_are_dropped() -> None:
    encoded = encode_params({"list": ["POJ1", "POJ2"], "flag": True, "none": None, "empty": "", "n": 5})
    assert encoded == {"list": '["POJ1","POJ2"]', "flag": "true", "n": "5"}


def test_signed_params_adds_system_parameters() -> None:
    full = signed_params("/p", {"x": 1}, app_key="k", app_secret="s", access_token="tok", timestamp_ms=42)
    assert full["app_key"] == "k" and full["timestamp"] == "42" and full["sign_method"] == "sha256"
    assert full["access_token"] == "tok"
    rest = {k: v for k, v in full.items() if k != "sign"}
    assert full["sign"] == reference_sign("/p", rest, "s")


@given(
    st.dictionaries(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12),
        st.text(min_size=1, max_size=30),
        max_size=8,
    ),
    st.text(min_size=1, max_size=40),
)
def test_sign_matches_reference_for_any_params(params: dict[str, str], secret: str) -> None:
    params.pop("sign", None)
    assert sign("/jit/purchase_order/query_list", params, secret) == reference_sign(
        "/jit/purchase_order/query_list", params, secret
    )
