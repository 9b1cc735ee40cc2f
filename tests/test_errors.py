"""The safe-text helpers of errors.py: nothing a user wrote drives the terminal or leaks a number."""
from __future__ import annotations

from restitution.errors import CaseError, ErrorList, Location, looks_sensitive, mask, printable, redact, shown


def test_printable_escapes_controls_and_invisible_characters_keeps_letters():
    assert printable("a\x1b[31mb\x9b\x07") == "a\\x1b[31mb\\x9b\\x07"
    assert printable("x\u202ey\u200ez\ufeff") == "x\\u202ey\\u200ez\\ufeff"
    assert printable("深圳 ‎Łódź «x» 😀") == "深圳 \\u200eŁódź «x» 😀"
    assert printable("line\nnext", keep="\n") == "line\nnext" and printable("a\nb") == "a\\x0ab"
    assert printable("abcdef", 4) == "abc…"
    assert printable(printable("\x1b")) == printable("\x1b")  # idempotent: the net can run twice


def test_personal_numbers_are_masked_other_values_shown():
    for secret in ("4111 1111 1111 1111", "DE89370400440532013000", "P9X41Q77Z", "440111198801011234",
                   "+86 138 0000 0000", "jane@x.example", "000123456789"):
        assert looks_sensitive(secret), secret
        assert secret not in shown(secret)
    for plain in ("05/06/2026", "2026-06-02", "USD 25000", "25000.005", "FEXB-US33", "CR-123", "not_deliverd",
                  "NW-2026-0042", "Northwind Trading LLC"):
        assert not looks_sensitive(plain), plain
        assert shown(plain) == f'"{plain}"'
    assert mask("DE89 3704 0044 0532 0130 00") == "…3000" and mask("123") == "…"
    assert shown("a@b.example", address_ok=True) == '"a@b.example"'


def test_redact_masks_every_number_like_word_of_an_excerpt():
    assert redact(": P9X41Q77Z 𠀀 Market St 4401111") == ": … 𠀀 Market St …"
    assert redact("jane@x.example, Glory 𠀀 Tech") == "…, Glory 𠀀 Tech"


def test_every_error_line_is_escaped_whoever_built_the_message():
    err = CaseError("charset \x1b]0;pwned\x07 here\nsecond", Location("f\x1b[2J.yaml", 3, "a.b"))
    assert str(err) == "f\\x1b[2J.yaml:3 a.b: charset \\x1b]0;pwned\\x07 here\nsecond"
    assert "\x1b" not in "".join(ErrorList([err]).lines())
