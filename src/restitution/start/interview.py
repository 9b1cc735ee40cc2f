"""The interview of `restitution init`: the story in plain words, as a case file's answers.

It asks, in the order a victim tells it: who you are, the lawyer acting for
you, the seller, the order, each payment, what happened, the evidence. Each
question names the key it fills and says where to find the answer. Every
answer can be skipped (Enter): an optional one is left out, a required one
becomes a `Missing` key the written file asks to be filled in.

Trade-off: the questions talk to an `Ask` function, not to the terminal, so
the same interview runs in the terminal (`start.terminal`, prompt_toolkit)
and in tests from a list of answers; the terminal test then only has to show
that the prompts reach a real pseudo-terminal.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from restitution.case.model import EVIDENCE_KINDS
from restitution.start import answers as a
from restitution.start.casefile import Draft, Missing

REGIONS = ("mainland", "hong_kong", "other")
METHODS = ("wire", "card", "alipay", "wechat_pay", "trade_assurance", "letter_of_credit", "paypal", "other")
NETWORKS = ("visa", "mastercard", "amex", "unionpay", "discover", "jcb")
OUTCOMES = ("not_delivered", "junk_delivered", "not_as_described", "counterfeit", "partial_delivery")
PLATFORMS = ("alibaba", "other")

USCC_HELP = ("The seller's unified social credit code (统一社会信用代码), 18 characters. It is printed on its "
             "business licence (营业执照) and shown in the National Enterprise Credit Information Publicity "
             "System (国家企业信用信息公示系统, www.gsxt.gov.cn): search the Chinese company name.")
CARD_HELP = ("A payment by Visa, Mastercard or another card is a card payment, also when you paid at the "
             "platform's checkout (Alibaba.com's Trade Assurance order page): answer card, then yes to "
             "'through the platform'. That keeps the chargeback open: a card payment recorded as "
             "trade_assurance loses the chargeback letter.")


class Ask(Protocol):
    def __call__(self, question: str, *, help: str = "", check: a.Check | None = None,
                 choices: tuple[str, ...] = (), default: str = "") -> str: ...


class Interview:
    def __init__(self, ask: Ask, base_dir: Path, say=print):
        self.ask, self.base_dir, self.say = ask, base_dir, say
        self.draft = Draft()

    # ------------------------------------------------------------ asking one thing

    def text(self, question: str, help: str = "", check: a.Check | None = None, choices: tuple[str, ...] = (),
             default: str = "") -> str:
        return self.ask(question, help=help, check=a.optional(check) if check else None, choices=choices,
                        default=default).strip()

    def put(self, node: dict, key: str, value: Any, *, required: str = "") -> None:
        """Set `key` when answered; a skipped required answer is `Missing(required)`."""
        if value not in ("", None):
            node[key] = value
        elif required:
            node[key] = Missing(required)

    def yes_no(self, question: str, help: str = "") -> bool | None:
        return a.yes(self.text(question + " (y/n)", help, a.one_of(("y", "n", "yes", "no"))))

    def date(self, question: str, help: str = "") -> dt.date | None:
        t = self.text(question + " (YYYY-MM-DD)", help, a.date)
        return dt.date.fromisoformat(t) if t else None

    def money(self, question: str, help: str = "") -> Decimal | None:
        t = self.text(question, help, a.amount)
        return Decimal(t.replace(",", "")).quantize(Decimal("0.01")) if t else None

    # ------------------------------------------------------------ the story

    def run(self) -> Draft:
        tree = self.draft.tree
        tree["schema"] = 1
        tree["case"] = {}
        self.client()
        self.agent()
        self.supplier()
        self.order()
        self.payments()
        self.outcome()
        self.claim()
        self.evidence()
        self.case_info(tree["case"])
        return self.draft

    def case_info(self, case: dict) -> None:
        name = self.draft.tree["client"].get("name")
        year = dt.date.today().year
        initials = "".join(w[0] for w in str(name).split()[:3] if w[:1].isalnum()).upper() if isinstance(name, str) else ""
        suggestion = f"{initials or 'CASE'}-{year}-001"
        self.put(case, "id", self.text("A short name for this case, used in file names", "Letters, digits, . _ -",
                                       a.case_id, default=suggestion), required="letters, digits, . _ -")
        case["opened"] = dt.date.today()

    def client(self) -> None:
        self.say("\n1. About you (the buyer who was defrauded)")
        c: dict[str, Any] = {}
        self.draft.tree["client"] = c
        kind = self.text("Are you a company or an individual?", "company or individual", a.one_of(("company", "individual")),
                         ("company", "individual"))
        self.put(c, "kind", kind, required="company or individual")
        self.put(c, "name", self.text("Your full legal name (a company's registered name)"), required="full legal name")
        self.put(c, "country", self.text("Country (two letters, e.g. US, GB, DE)", check=a.country).upper(),
                 required="ISO country code, e.g. US")
        self.put(c, "address", self.text("Your address"), required="postal address")
        what = "Company registration number" if kind != "individual" else "Passport number"
        self.put(c, "registration_no", self.text(what, "Printed on your certificate of incorporation (or passport)"))
        if kind != "individual":
            rep = self.text("Who signs for the company? (full name)")
            if rep:
                c["representative"] = {"name": rep}
                self.put(c["representative"], "title", self.text("That person's title, e.g. Director"),
                         required="the signatory's title")
        self.put(c, "email", self.text("Your e-mail"))
        self.put(c, "phone", self.text("Your phone, with country code"))

    def agent(self) -> None:
        self.say("\n2. A lawyer in China acting for you (needed for the power of attorney)")
        if not self.yes_no("Is a PRC lawyer acting for you, or will one?"):
            return
        g: dict[str, Any] = {}
        self.draft.tree["agent"] = g
        self.put(g, "name", self.text("The lawyer's name in Latin letters"), required="the lawyer's name")
        self.put(g, "name_zh", self.text("The lawyer's name in Chinese"))
        self.put(g, "firm", self.text("The law firm, in English"))
        self.put(g, "firm_zh", self.text("The law firm, in Chinese (律师事务所)"))
        self.put(g, "license_no", self.text("The lawyer's licence number (律师执业证号, 17 digits)"))
        self.put(g, "phone", self.text("The lawyer's phone"))
        self.put(g, "email", self.text("The lawyer's e-mail"))

    def supplier(self) -> None:
        self.say("\n3. The seller")
        s: dict[str, Any] = {}
        self.draft.tree["supplier"] = s
        self.put(s, "name", self.text("The name the seller traded under"), required="the seller's name")
        self.put(s, "name_zh", self.text("Its registered Chinese name (e.g. 深圳市…有限公司)",
                                         "On the business licence, the contract's seal or its storefront"))
        region = self.text("Where is it registered: mainland, hong_kong or other?",
                           "mainland China, Hong Kong, or elsewhere", a.one_of(REGIONS), REGIONS)
        self.put(s, "region", region, required="mainland, hong_kong or other")
        if region == "mainland":
            self.put(s, "uscc", self.text("Its unified social credit code (USCC)", USCC_HELP, a.uscc).upper(),
                     required="18-character USCC, from the business licence or www.gsxt.gov.cn")
            self.draft.notes["supplier.uscc"] = "统一社会信用代码: business licence or www.gsxt.gov.cn"
            for key, what in (("province_zh", "province (省)"), ("city_zh", "city (市)"),
                              ("district_zh", "district or county (区/县)")):
                self.put(s, key, self.text(f"Its registered {what}, in Chinese",
                                           "From its registered address; the district decides which police "
                                           "bureau takes the report"), required=f"registered {what} in Chinese")
            self.put(s, "address_zh", self.text("Its registered address, in Chinese"))
        elif region == "hong_kong":
            self.put(s, "hk_company_no", self.text("Its Hong Kong company number (Companies Registry)"),
                     required="Companies Registry number")
            self.put(s, "address", self.text("Its address"), required="the registered address")
        self.put(s, "storefront", self.text("Its storefront web address, if any"))

    def order(self) -> None:
        self.say("\n4. The order")
        o: dict[str, Any] = {}
        self.draft.tree["order"] = o
        self.put(o, "number", self.text("Your order or contract number"))
        platform = self.text("Was it ordered on Alibaba.com? (alibaba or other)", choices=PLATFORMS,
                             check=a.one_of(PLATFORMS))
        self.put(o, "platform", platform)
        if platform == "alibaba":
            self.put(o, "platform_order_id", self.text("The platform's order number"))
        self.put(o, "date", self.date("Date of the order"), required="YYYY-MM-DD")
        self.put(o, "currency", self.text("Currency of the order (e.g. USD)", check=a.currency).upper(),
                 required="ISO 4217 code, e.g. USD")
        what = self.text("What did you order? (one line)")
        if what:
            o["goods"] = [{"description": what}]
        self.put(o, "total", self.money("Order total (figures only)"), required="the order total")
        ta = self.yes_no("Was it a Trade Assurance order?")
        if ta is not None:
            o["trade_assurance"] = ta

    def payments(self) -> None:
        self.say("\n5. Your payments (one at a time)")
        self.say("   " + CARD_HELP)
        pays: list[dict[str, Any]] = []
        self.draft.tree["payments"] = pays
        self.draft.headers["payments"] = [
            "A card payment, also one at the platform's checkout, is method: card with via_platform: true;",
            "a bank transfer is method: wire. Only card payments open the chargeback route."]
        currency = self.draft.tree["order"].get("currency")
        while True:
            p: dict[str, Any] = {}
            self.put(p, "date", self.date("Date of the payment"), required="YYYY-MM-DD")
            self.put(p, "amount", self.money("Amount paid (figures only)"), required="the amount")
            self.put(p, "currency", self.text("Currency", check=a.currency,
                                              default=currency if isinstance(currency, str) else "").upper(),
                     required="ISO 4217 code")
            method = self.text("How did you pay? " + "/".join(METHODS), CARD_HELP, a.one_of(METHODS), METHODS)
            self.put(p, "method", method, required="wire, card, alipay, …")
            if method == "card":
                card: dict[str, Any] = {}
                self.put(card, "network", self.text("Card network: " + "/".join(NETWORKS), check=a.one_of(NETWORKS),
                                                    choices=NETWORKS), required="visa, mastercard, …")
                self.put(card, "last4", self.text("Last 4 digits of the card", check=a.last4), required="4 digits")
                self.put(card, "issuer", self.text("The bank that issued the card"))
                p["card"] = card
                via = self.yes_no("Did you pay through the platform's checkout?")
                if via is not None:
                    p["via_platform"] = via
            elif method in ("wire", "other"):
                self.put(p, "reference", self.text("The bank's reference of the transfer"))
                self.put(p, "to_account", self.text("The account number you paid into"))
            pays.append(p)
            if not self.yes_no("Another payment?"):
                break

    def outcome(self) -> None:
        self.say("\n6. What happened")
        o: dict[str, Any] = {}
        self.draft.tree["outcome"] = o
        kind = self.text("What went wrong? " + "/".join(OUTCOMES),
                         "nothing arrived, junk arrived, not as described, counterfeit, part delivered",
                         a.one_of(OUTCOMES), OUTCOMES)
        self.put(o, "kind", kind, required="not_delivered, junk_delivered, …")
        if kind and kind != "not_delivered":
            self.put(o, "delivered_on", self.date("When did the goods arrive?"))
        self.put(o, "last_contact", self.date("When did the seller last answer you?"))
        gone = self.yes_no("Has the seller stopped answering?")
        if gone is not None:
            o["seller_unreachable"] = gone
        self.put(o, "summary", self.text("In two or three sentences, what happened?"))
        ind: dict[str, Any] = {}
        for key, question in (("vanished_after_payment", "Did the seller disappear once you had paid?"),
                              ("personal_email_used", "Did the seller write from a personal e-mail (gmail, qq.com…)?"),
                              ("refused_escrow", "Did the seller refuse Trade Assurance or escrow?")):
            answer = self.yes_no(question)
            if answer is not None:
                ind[key] = answer
        if ind:
            self.draft.tree["indicators"] = ind

    def claim(self) -> None:
        self.say("\n7. Your claim")
        claim: dict[str, Any] = {}
        currency = self.draft.tree["order"].get("currency")
        if isinstance(currency, str) and currency and currency != "CNY":
            r = self.text(f"The loss in RMB (the police need it): how many RMB for one {currency}? (e.g. 7.10)",
                          "The People's Bank of China central parity rate (人民币汇率中间价) of a recent day", a.rate)
            if r:
                claim["cny_rate"] = Decimal(r)
                self.put(claim, "cny_rate_date", self.date("The date of that rate"))
                self.put(claim, "cny_rate_source", self.text("Its source", default="PBOC central parity"))
        account = self.text("Where is the money to be paid back? The account number (the demand letter names it)")
        if account:
            refund: dict[str, Any] = {}
            name = self.draft.tree["client"].get("name")
            self.put(refund, "holder", name if isinstance(name, str) else "")
            self.put(refund, "bank", self.text("The bank of that account"), required="the bank")
            refund["account"] = account
            self.put(refund, "swift", self.text("Its SWIFT/BIC code"))
            claim["refund_account"] = refund
        if claim:
            self.draft.tree["claim"] = claim

    def evidence(self) -> None:
        self.say("\n8. Your evidence (files next to the case file; Enter on an empty path to finish)")
        items: list[dict[str, Any]] = []
        while True:
            path = self.text("Path of an evidence file, relative to the case file", check=a.evidence_file(self.base_dir))
            if not path:
                break
            e: dict[str, Any] = {}
            self.put(e, "kind", self.text("What is it? " + "/".join(EVIDENCE_KINDS), check=a.one_of(EVIDENCE_KINDS),
                                          choices=EVIDENCE_KINDS, default="other"), required="a checklist kind")
            self.put(e, "title", self.text("A short title"), required="a title")
            self.put(e, "date", self.date("Its date"))
            e["file"] = path
            medium = a.medium_of(path)
            if medium != "file":
                e["medium"] = medium
                self.draft.notes[f"evidence[{len(items)}].medium"] = "cannot be bound: provided separately (另行提交)"
            self.put(e, "purpose", self.text("What does it prove?"))
            items.append(e)
        sample = self.text("A physical item you can hand over (a sample of the goods)? Describe it, or Enter")
        if sample:
            items.append({"kind": "other", "title": sample, "medium": "physical"})
        if items:
            self.draft.tree["evidence"] = items
