"""How the case's own text enters a document: translated, verbatim, or worded by the toolkit.

Three kinds of case text reach a Chinese document, and each is handled once, here:

- **Free text** with a `_zh` twin (facts, summaries, exhibit titles): the twin
  is printed; without one, the English behind the 【待译】 marker, and the
  field is listed as untranslated. The twin's words for the two parties are
  then put in the document's own terms (`PartyTerms`), and its punctuation is
  made full-width where it touches Chinese (`formatting.punctuation`).
- **What is never translated** (names, foreign addresses, bank names: the
  model declares these keys `verbatim`): the `_zh` twin when the case gives
  one, else the original as written, never marked. A foreign buyer's address
  is the address a police unit writes to, and a person's name is not a
  translation job.
- **Fixed vocabulary**: units of quantity and the standard sources of evidence
  are keys of the catalogues (``units.*``, ``sources.*``), so the toolkit words
  them in every language; the payment methods, card networks, outcomes and
  roles were catalogue words already.

One name per party per document: each template declares its terms for the
client and the supplier (``{% set terms = party_terms(client="报案人", supplier="被报案人") %}``);
in the case text of that document, every word the catalogue lists for a party
(``parties.words.*``: 买方, 供应商, the supplier…) is replaced by the
document's term; English documents likewise ("the supplier" is "the reported
party" in the police report). The rule fits in one sentence, which is why
mapping was chosen over a warning: a lawyer who wrote 供应商 in a fact means the
supplier, and the police report calls the supplier 被报案人. The cost is a word
used for someone else: "其他买家" (other victims) is left alone, but a sentence
about another buyer that says 买方 would be renamed; the case text should then
name that person. Names (the verbatim keys) are never rewritten.
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup

from restitution.case.keys import KEY
from restitution.case.model import EVIDENCE_SOURCES, Exhibit
from restitution.errors import TemplateError
from restitution.language import get as get_language
from restitution.language.catalogue import Catalogue
from restitution.pipeline.templating import MD, UNTRANSLATED, _state, _words, escape_md
from restitution.records import record
from restitution.translation.fields import TextField

_SEPARATORS = re.compile(r"\s*[、,，]\s*")
_NOT_THIS_PARTY = "".join(f"(?<!{w})" for w in ("其他", "其它", "其余", "另一", "多名", "多位", "众多", "部分",
                                                  "其他的", "其它的", "另", "各"))


@record
class PartyTerms:
    """A document's words for the two parties, and the pattern of the other words for them."""

    client: str
    supplier: str
    pattern: re.Pattern[str] | None
    owners: dict[str, str]  # a word of the case text (lowercase) -> "client" or "supplier"

    def apply(self, text: str) -> str:
        """`text` with each party word in this document's term (English keeps a capital)."""
        if self.pattern is None:
            return text

        def sub(m: re.Match[str]) -> str:
            word = m.group(0)
            term = self.client if self.owners[word.lower()] == "client" else self.supplier
            if word[:1].isupper() and term[:1].islower():
                term = term[:1].upper() + term[1:]
            return term

        return self.pattern.sub(sub, text)


def party_words(words: Catalogue) -> dict[str, str]:
    """Every word the catalogue lists for a party, with the party it names."""
    out: dict[str, str] = {}
    for party in ("client", "supplier"):
        for word in _SEPARATORS.split(words(f"parties.words.{party}")):
            if word:
                out[word.lower()] = party
    if words.language.traditional:
        # Case text of a Hong Kong document may be written in Simplified characters.
        out.update({w: p for w, p in _simplified_words(words).items() if w not in out})
    return out


def _simplified_words(words: Catalogue) -> dict[str, str]:
    simplified = words.other("zh")
    return {w.lower(): p for p in ("client", "supplier")
            for w in _SEPARATORS.split(simplified(f"parties.words.{p}")) if w}


def words_pattern(owners: dict[str, str], latin: bool) -> re.Pattern[str] | None:
    """The party words as one pattern, longest first (被报案人 before 报案人)."""
    if not owners:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(owners, key=len, reverse=True))
    if latin:
        return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)
    # 其他买家, 另一卖家, 多名买家: other people of the same kind, not this case's party.
    return re.compile(f"{_NOT_THIS_PARTY}(?:{alternatives})")


def party_terms(words: Catalogue, client: str | None = None, supplier: str | None = None) -> PartyTerms:
    """The terms a document declares (or the catalogue's default ones), ready to apply."""
    client = client or words("parties.term.client")
    supplier = supplier or words("parties.term.supplier")
    owners = party_words(words)
    return PartyTerms(client, supplier, words_pattern(owners, not words.language.chinese), owners)


def found_party_words(text: str, words: Catalogue, allowed: tuple[str, ...]) -> list[str]:
    """The party words in `text` other than `allowed` (a document's own terms), longest first."""
    owners = party_words(words)
    pattern = words_pattern(owners, not words.language.chinese)
    if pattern is None:
        return []
    allowed_lower = {a.lower() for a in allowed}
    return [m.group(0) for m in pattern.finditer(text) if m.group(0).lower() not in allowed_lower]


# ------------------------------------------------------------------ verbatim keys


_VERBATIM: dict[tuple[type, str], bool] = {}


def is_verbatim(cls: type, name: str) -> bool:
    """Whether the model declares key `name` of `cls` printed as written when untranslated."""
    if (cls, name) not in _VERBATIM:
        fields = dataclasses.fields(cls) if dataclasses.is_dataclass(cls) else ()
        spec = next((f.metadata.get(KEY) for f in fields if f.name == name), None)
        _VERBATIM[(cls, name)] = bool(getattr(spec, "verbatim", False))
    return _VERBATIM[(cls, name)]


# ------------------------------------------------------------------ fixed vocabulary

# The spellings of a unit in case files, by catalogue key (``units.*``).
_UNIT_SPELLINGS = {
    "piece": "pcs pc piece pieces unit units ea each item items nos no",
    "set": "set sets", "lot": "lot lots", "carton": "carton cartons ctn ctns",
    "box": "box boxes bx", "case": "case cases", "pair": "pair pairs pr prs",
    "dozen": "dozen dozens dz doz", "roll": "roll rolls", "bag": "bag bags",
    "bottle": "bottle bottles", "pallet": "pallet pallets plt plts", "sheet": "sheet sheets",
    "kg": "kg kgs kilogram kilograms kilo kilos", "g": "g gram grams",
    "ton": "t ton tons tonne tonnes mt", "m": "m meter meters metre metres",
    "m2": "m2 m² sqm sq.m square_meter square_meters square_metre square_metres",
    "m3": "m3 m³ cbm cubic_meter cubic_meters cubic_metre cubic_metres",
    "litre": "l litre litres liter liters", "container": "container containers",
}
_UNITS = {spelling: key for key, spellings in _UNIT_SPELLINGS.items() for spelling in spellings.split()}


def unit_key(unit: str) -> str | None:
    """The catalogue key of a unit as a case writes it ("PCS.", "pieces" -> "piece"), or None."""
    spelling = "_".join(unit.strip().lower().rstrip(".").split())
    return _UNITS.get(spelling)


def measure_word(description_zh: str | None, words: Catalogue) -> str:
    """The measure word of a counted unit (pcs) for goods named `description_zh`: by the
    head noun, which ends a Chinese name (LED面板灯 -> 盏, 跑步机 -> 台), else ``units.piece`` (件)."""
    default = words("units.piece")
    if not description_zh:
        return default
    name = re.sub(r"[（(][^）)]*[）)]", "", description_zh)
    # The name before any specification ("LED面板灯 600x600毫米", "LED面板灯40W").
    head = re.sub(r"[\x21-\x7e×]+$", "", re.split(r"[\s,，、;；/]", name.strip(), maxsplit=1)[0])
    if words.language.traditional:  # the catalogue is converted; so is the name
        from restitution.formatting import to_traditional

        head = to_traditional(head)
    table = _measure_words(words("units.measure_words"))
    for length in (3, 2, 1):
        word = table.get(head[-length:]) if len(head) >= length else None
        if word:
            return word
    return default


@lru_cache(maxsize=8)
def _measure_words(table: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for group in re.split(r"[;；]", table):
        word, _, nouns = group.partition("：") if "：" in group else group.partition(":")
        for noun in _SEPARATORS.split(nouns.strip()):
            if noun and word.strip():
                out[noun] = word.strip()
    return out


def source_key(source: str | None) -> str | None:
    """The catalogue key of an exhibit's source when the case gives one of the keyed sources."""
    return source if source in EVIDENCE_SOURCES else None


def keyed_source(source: str, words: Catalogue, terms: PartyTerms) -> str:
    """An exhibit's keyed source worded in the catalogue, with the document's party terms."""
    return words(f"sources.{source}", client=terms.client, supplier=terms.supplier)


# ------------------------------------------------------------------ the template filters


@pass_context
def f_tr(ctx: Any, obj: Any, field: str) -> Any:
    """The field in the document's language (module docstring): in Chinese, the `_zh`
    twin in the document's party terms; without one, a verbatim key as written, else
    the English behind the untranslated marker."""
    state = _state(ctx)
    if obj is None:
        raise TemplateError(f"tr({field!r}) was given an empty value")
    english = getattr(obj, field)
    verbatim = is_verbatim(type(obj), field)
    if not get_language(state.lang).chinese:
        return english if verbatim or not isinstance(english, str) else _story(ctx, _terms(ctx).apply(english))
    twin = getattr(obj, f"{field}_zh", None)
    if verbatim or not english:  # never translated, or no English to translate: not listed
        return (twin if verbatim else _story(ctx, _terms(ctx).apply(twin))) if twin else english
    # every field printed here is recorded, translated or not (translation/fields.py lists them)
    path = f"{state.paths.get(id(obj), '')}.{field}".lstrip(".")
    text = state.printed.setdefault(path, TextField(path, english, twin or None))
    if twin:
        return _story(ctx, _terms(ctx).apply(twin))
    return MD(f"{UNTRANSLATED}[{escape_md(english)}](<untranslated:{text.twin}>)")


def _story(ctx: Any, text: str) -> str:
    """`text` with each self-styled officer (rules/people.py) called what the records allow:
    "被报案人董事Kevin Ho" becomes "自称为被报案人董事的Kevin Ho", "Kevin Ho, the reported
    party's director" becomes "Kevin Ho, who claimed to be the reported party's director"."""
    from restitution.rules.people import self_styled

    state, words = _state(ctx), _words(ctx)
    for s in self_styled(state.case):
        title = words(f"parties.title.{s.title}")
        for name in {n for n in (s.contact.name, s.contact.name_zh) if n}:
            if words.language.chinese:
                term = re.escape(_terms(ctx).supplier)
                variants = {title}
                if words.language.opencc is not None:  # a Hong Kong text may be typed in either script
                    from restitution.formatting import to_traditional  # OpenCC's 60 ms only then

                    variants.add(to_traditional(title))
                titles = "|".join(re.escape(t) for t in variants)
                pattern = rf"(?:{term})?(?:{titles}){re.escape(name)}"
                whose = _terms(ctx).supplier
            else:  # "Tony Wang, the supplier's sales manager" or "The supplier's sales manager, Tony Wang"
                owner = r"((?:the|your) [^,.;]*?'s|its|their|your)"
                pattern = (rf"{re.escape(name)}, {owner} {re.escape(title)}\b"
                           rf"|\b{owner} {re.escape(title)},? {re.escape(name)}\b")
                whose = None

            def swap(m: re.Match[str], name: str = name, whose: str | None = whose) -> str:
                if whose is None:  # the owner as found, lower-cased where it opened the sentence
                    found = m.group(1) or m.group(2)
                    whose = found[0].lower() + found[1:]
                return words("parties.self_styled_in_text", name=name, title=title, whose=whose)

            text = re.sub(pattern, swap, text, flags=0 if words.language.chinese else re.IGNORECASE)
    return text


def _terms(ctx: Any) -> PartyTerms:
    state = _state(ctx)
    if state.terms is None:
        state.terms = party_terms(_words(ctx))
    return state.terms


@pass_context
def g_party_terms(ctx: Any, client: str, supplier: str) -> str:
    """The document's terms for the parties: ``{% set terms = party_terms(client="报案人", supplier="被报案人") %}``."""
    _state(ctx).terms = party_terms(_words(ctx), client, supplier)
    return ""


@pass_context
def f_unit(ctx: Any, line: Any) -> Any:
    """A goods line's unit: in Chinese its `unit_zh`, else the catalogue's word (件 for pcs)."""
    words = _words(ctx)
    key = unit_key(line.unit) if line.unit else None
    if not words.language.chinese or line.unit_zh or key is None:
        return f_tr(ctx, line, "unit")
    if key == "piece":  # a counted unit: the measure word of these goods
        return measure_word(line.description_zh, words)
    return words(f"units.{key}")


@pass_context
def f_source(ctx: Any, exhibit: Exhibit) -> Any:
    """An exhibit's source: a keyed source worded by the catalogue, else the case's text."""
    words = _words(ctx)
    key = source_key(exhibit.source)
    if key is None or (words.language.chinese and exhibit.source_zh):
        return f_tr(ctx, exhibit, "source")
    return keyed_source(key, words, _terms(ctx))


@pass_context
def f_in_terms(ctx: Any, text: Any) -> Any:
    """Toolkit text (a catalogue sentence the context worded) with the parties in the document's terms."""
    if not isinstance(text, str) or not _words(ctx).language.chinese:
        return text
    # Markup (a macro's output) stays trusted: party words hold no Markdown.
    return type(text)(_terms(ctx).apply(str(text))) if isinstance(text, Markup) else _terms(ctx).apply(text)


@pass_context
def g_loss_cny(ctx: Any) -> Any:
    """The case's loss in RMB (rules/loss.py): the one figure every document prints."""
    from restitution.rules.loss import loss_in_cny

    return loss_in_cny(_state(ctx).case)


@pass_context
def g_in_cny(ctx: Any, amount: Any, currency: str) -> Any:
    """Another amount of the case in RMB, by the same rules as the loss (rules/loss.py)."""
    from restitution.rules.loss import amount_in_cny

    return amount_in_cny(_state(ctx).case, amount, currency)


@pass_context
def g_order_number(ctx: Any) -> Any:
    """What the order's number is called: 采购订单号, 网店订单号 or 订单号 (documents/_phrases.py)."""
    from restitution.documents._phrases import order_number_kind

    return _words(ctx)("order.number." + order_number_kind(_state(ctx).case))


FILTERS = {"tr": f_tr, "unit": f_unit, "source": f_source, "in_terms": f_in_terms}
GLOBALS = {"party_terms": g_party_terms, "loss_cny": g_loss_cny, "in_cny": g_in_cny,
           "order_number": g_order_number}
