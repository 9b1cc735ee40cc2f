"""The 发函号 of a lawyer's letter: given by the case (agent.letter_no) or derived from the firm's
name, the year and the case's number, and printed in the running header in the script of the
letter's pages (a Hong Kong letter is in Traditional Chinese)."""
from __future__ import annotations

import datetime as dt
import re

from restitution.case.model import Case

_PLACE = re.compile(r"^(?:.{2,3}?[省市])?(?:.{2,3}?[市区县])?")


def derive_letter_no(firm_zh: str, case_id: str, year: int) -> str | None:
    """（2026）示律函字第0042号 from 示例律师事务所 and NW-2026-0042; None without a usable serial."""
    digits = re.findall(r"\d+", case_id)
    name = firm_zh.strip()
    stripped = _PLACE.sub("", name)
    if stripped.startswith("律师事务所") or not stripped:
        stripped = name
    if not digits or not stripped:
        return None
    serial = digits[-1][-4:].zfill(4)
    return f"（{year}）{stripped[0]}律函字第{serial}号"


def letter_number(case: Case, date: dt.date) -> tuple[str | None, bool]:
    """A 律师函's 发函号 and whether it was derived; (None, False) for a letter the client sends."""
    if case.claim.sender != "agent" or case.agent is None:
        return None, False
    if case.agent.letter_no:
        return case.agent.letter_no, False
    return derive_letter_no(case.agent.firm_zh or "", case.id, date.year), True


def zh_variant(case: Case) -> str:
    # Hong Kong reads Traditional Chinese (pitfall 10)
    return "zh-Hant" if case.supplier.region == "hong_kong" else "zh"


def running_reference(case: Case, date: dt.date) -> str | None:
    """The 发函号 of the running header, in the script of the letter's pages: a Hong Kong letter
    prints it in Traditional on its first page (the whole text is converted), so its later pages
    carry the same number, not a Simplified twin."""
    number = letter_number(case, date)[0]
    if number and zh_variant(case) == "zh-Hant":
        from restitution.formatting import to_traditional  # opencc only for a Hong Kong letter

        return to_traditional(number)
    return number
