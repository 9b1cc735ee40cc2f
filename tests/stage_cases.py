"""The same case at each stage of its history, as case-file text through the loader.

new, reported, opened (a suspect detained), refused, settled with partial payment,
settled and paid in full: `stage_case(name)`. Import as ``from stage_cases import stage_case``."""
from __future__ import annotations

from pathlib import Path

from restitution.case import loads_case
from restitution.case.model import Case

VALID = Path(__file__).resolve().parent / "data" / "valid"
# The full example of the format without its settlement: a mainland seller, a wire and a Visa payment.
_BASE = (VALID / "case.yaml").read_text(encoding="utf-8")
_BASE = _BASE[:_BASE.index("\nsettlement:")] + "\n" + _BASE[_BASE.index("\nevidence:"):]

REPORT = """  police_report:
    filed_on: 2026-09-01
    authority_zh: 深圳市公安局宝安区分局经济犯罪侦查大队
    authority: Economic Crime Investigation Brigade, Bao'an Branch, Shenzhen Public Security Bureau
    receipt_no: "深公宝（经）受案〔2026〕0412号"
"""
OPENED = """    opened_on: 2026-09-15
    case_no: "深公宝（经）立〔2026〕2087号"
"""
SUSPECT = """  suspects:
    - name_zh: 张三
      name: Zhang San
      id_no: "11010519491231002X"
      role: legal_representative
      measure: criminal_detention
      measure_on: 2026-09-25
"""
REFUSED = """    refused_on: 2026-11-14
    refusal_received_on: 2026-11-16
"""
SETTLEMENT = """settlement:
  agreed_amount: 20000.00
  currency: USD
  schedule:
    - due: 2026-10-15
      amount: 10000.00
    - due: 2026-12-15
      amount: 10000.00
  received:
    - date: 2026-10-14
      amount: 10000.00
      reference: "MT103 2026101400123"
{more}  leniency_requested: true
  payers:
    - name: Zhang Si
      name_zh: 张四
      relation: brother of Zhang San
      relation_zh: 张三之弟
      id_no: "110105195001010012"
      address_zh: 深圳市宝安区示例路9号
      phone: "+86 139 0000 1111"
      role: guarantor
"""
PAID = """    - date: 2026-11-10
      amount: 10000.00
      reference: "MT103 2026111000456"
"""

STAGES = ("new", "reported", "opened", "refused", "settled_partial", "settled_paid")


def stage_text(name: str) -> str:
    history = {
        "new": "",
        "reported": REPORT,
        "opened": REPORT + OPENED + SUSPECT,
        "refused": REPORT + REFUSED,
        "settled_partial": REPORT + OPENED + SUSPECT,
        "settled_paid": REPORT + OPENED + SUSPECT,
    }[name]
    text = _BASE
    if name.startswith("settled"):
        text += SETTLEMENT.format(more=PAID if name == "settled_paid" else "")
    if history:
        text += "proceedings:\n" + history
    return text


def stage_case(name: str) -> Case:
    return loads_case(stage_text(name), "case.yaml", VALID, check_files=False)
