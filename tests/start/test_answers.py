"""Answers checked as they are typed, by the loader's own rules."""
from __future__ import annotations

from restitution.start import answers as a


def test_uscc_is_checked_with_its_check_digit():
    assert a.uscc("91440300MA5G7K2Q1G") is None
    assert "check digit" in a.uscc("91440300MA5G7K2Q1A")
    assert "18 characters" in a.uscc("9144030")


def test_an_empty_answer_is_a_skip():
    assert a.optional(a.uscc)("") is None
    assert a.optional(a.date)("  ") is None
    assert a.optional(a.date)("5 June") == "write the date as YYYY-MM-DD, e.g. 2026-06-05"


def test_amounts_dates_and_cards():
    assert a.amount("17,500.00") is None
    assert a.amount("0") == "the amount must be more than 0"
    assert a.amount("1.005") == "at most 2 decimal places"
    assert a.date("2026-02-30") is not None
    assert a.last4("4242") is None and a.last4("4242 4242") is not None


def test_evidence_files_stay_in_the_case_folder(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    check = a.evidence_file(tmp_path)
    assert check("a.pdf") is None
    assert "not found" in check("b.pdf")
    assert "outside the case folder" in check("../x.pdf")


def test_the_medium_follows_the_file_type():
    assert a.medium_of("e/contract.PDF") == "file"
    assert a.medium_of("e/unboxing.mp4") == "video"
    assert a.medium_of("e/call.m4a") == "audio"
    assert a.medium_of("e/spec.docx") == "other"
