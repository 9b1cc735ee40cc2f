"""Names the registers hold: a supplier's former names and the registered trademarks of counterfeit goods.

Two keys of the case file (``supplier.former_names``, ``outcome.trademarks``),
declared like those of model.py (keys.py says how) and kept apart so that
model.py stays under its size. Both exist because a receiver checks a name
against a register: a police unit, a regulator or a card issuer reading a
contract or a card descriptor under an old company name must be told it is
the same legal person (企业名称变更 keeps the USCC); a market regulator
acting on Trademark Law (2019) Art. 57(3) acts for a mark registered in
China, which it looks up by its registration number.

Trade-off: the registration number is checked for its shape only (digits,
or G and the number of an international registration extended to China),
not against the CNIPA register, which the toolkit never reaches (no
network); the SAMR report prints it as the case gives it, and says the
registration is to be verified when the case gives none (crosscheck.py
warns).
"""
from __future__ import annotations

import datetime as dt

from restitution.case import keys
from restitution.case.keys import section
from restitution.records import record


@record(kw_only=True)
@section("Former name")
class FormerName:
    """A name the supplier was registered under before a change of name (same USCC)."""

    name_zh: str | None = keys.line("The former registered Chinese name, as the registration record shows; "
                                    "name_zh or name is required.", added=True)
    name: str | None = keys.line("The former name in Latin letters, as contracts, invoices or a card "
                                 "descriptor carried it.", added=True, verbatim=True)
    changed_on: dt.date | None = keys.date("Date the registered name changed from this one.", added=True)


@record(kw_only=True)
@section("Registered trademark")
class RegisteredMark:
    """A trademark registered in China that the counterfeit goods bear (商标法 Art. 57(3))."""

    mark: str = keys.line('The mark as registered, e.g. the word mark "Vorstahl".', required=True, added=True,
                          verbatim=True)
    registration_no: str | None = keys.key(
        "trademark_no", "Its registration number in China, from the CNIPA register: digits (e.g. 12345678), "
        "or G and the number of an international registration extended to China.", added=True)
    owner: str | None = keys.line("The registrant (商标注册人), as the register names it.", added=True,
                                  verbatim=True)
    owner_zh: str | None = keys.zh("owner", added=True)

    @property
    def international(self) -> bool:
        """An international (Madrid) registration extended to China: printed as such."""
        return bool(self.registration_no and self.registration_no.startswith("G"))
