"""The `indicators` block of the case file: what separates fraud from an ordinary contract dispute.

Declared like the classes of model.py (keys.py says how); it lives apart so
that model.py stays within its size. Flags say that something is so; the two
parts added here say WHAT it was, because the police report and the
application for reconsideration must state it as a fact, with its date, and
a unit of 经侦 reads a bare flag as the buyer's opinion:

- ``forgery``: the forged paper the seller showed (what it was called, what it
  claimed, the day it was shown) when the paper itself is not an exhibit
  (an exhibit that is the forged paper is marked ``evidence[].forged``);
- ``address_finding`` / ``address_finding_zh``: what is at the supplier's
  address (a stall let to another trader, an empty office), printed in place
  of the hedge "it does not operate at its address".

Trade-off: the same facts may also be told in ``facts[]`` as free text; the
documents never mine that text for them (a sentence worded otherwise would be
missed, or a passing word mistaken for a finding). A fact that reads like one
of these without the key gets a located warning naming the key
(rules/conduct.py ``undeclared``), so the choice stays the user's.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from restitution.case import keys
from restitution.case.keys import section
from restitution.records import record

# authorisation: a brand's authorisation (the seller poses as its authorised distributor);
# authenticity: a certificate that the goods are genuine; other: any other paper, by its title.
ForgeryKind = Literal["authorisation", "authenticity", "other"]


@record(kw_only=True)
@section("Forgery")
class Forgery:
    """The forged paper the seller showed, when it is not itself an exhibit (then mark the exhibit ``forged``)."""

    kind: ForgeryKind = keys.choice(
        "What the paper claimed: authorisation (that the seller is the brand's authorised distributor), "
        "authenticity (that the goods are genuine) or other.", default="other")
    title: str = keys.line("What the paper was called, e.g. authorised distributor certificate.", required=True)
    title_zh: str | None = keys.zh("title")
    shown_on: dt.date | None = keys.date("Date the seller showed or sent it.")


@record(kw_only=True)
@section("Indicators")
class Indicators:
    """Facts that separate fraud from an ordinary contract dispute."""

    vanished_after_payment: bool = keys.flag("The seller disappeared after payment.")
    fake_address: bool = keys.flag("The registered or stated address is false.")
    recently_registered: bool = keys.flag("The company was registered shortly before the order.")
    registered_capital_cny: Decimal | None = keys.money("Registered capital in CNY.", allow_zero=True)
    personal_email_used: bool = keys.flag("The seller used a personal e-mail address.")
    shipped_junk: bool = keys.flag("Worthless goods were shipped to simulate performance.")
    refused_escrow: bool = keys.flag("The seller refused payment through escrow or Trade Assurance.")
    forged_documents: bool = keys.flag("The seller used forged documents.", added=True)
    partial_performance: bool = keys.flag("The seller performed in part (a sign of an ordinary dispute).", added=True)
    continued_negotiation: bool = keys.flag("The seller still negotiates (a sign of an ordinary dispute).", added=True)
    forgery: Forgery | None = keys.part(
        "The forged paper: what it was called, what it claimed, when it was shown; requires forged_documents: true.",
        added=True)
    address_finding: str | None = keys.text(
        "What is at the supplier's address, as found (e.g. the stall is let to another trader); "
        "requires fake_address: true.", added=True)
    address_finding_zh: str | None = keys.zh("address_finding", added=True)
