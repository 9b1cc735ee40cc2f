"""Formatting functions the templates use as filters (domain.md §G).

Every function is pure and takes the document language: "en", "zh"
(Simplified) or "zh-Hant" (Traditional, Hong Kong). Bad input raises
ValueError naming only the offending value; the template layer turns that
into a located error.
"""
from .chinese import corner_quotes, to_traditional
from .dates import format_date
from .daxie import daxie
from .names import country_name, currency_name, join_list
from .punctuation import chinese_punctuation
from .numbers import format_money, format_number
from .words import amount_in_words, number_to_words

__all__ = [
    "amount_in_words",
    "chinese_punctuation",
    "corner_quotes",
    "country_name",
    "currency_name",
    "daxie",
    "format_date",
    "format_money",
    "format_number",
    "join_list",
    "number_to_words",
    "to_traditional",
]
