"""Chinese amounts in words (大写), per 支付结算办法 attachment 1.

Conventions chosen where the rules allow two forms:

- 整 follows 元 when the amount ends at 元, never 角 or 分
  (人民币壹仟肆佰零玖元伍角, not ...伍角整).
- When the units digit is 0 and 角 is not, one 零 is written after 元
  (壹仟陆佰捌拾元零叁角贰分, 壹拾万柒仟元零伍角叁分); the zero inside the
  integer part is then not repeated before 柒仟.
- When 角 is 0 and 分 is not, 零 is always written (壹万陆仟肆佰零玖元零贰分).
- A run of zeros inside the integer part takes one 零, including across an
  empty 万 group (100,000,001 → 壹亿零壹元整); trailing zeros take none.
- 拾 always has its digit, also at the start (壹拾万).
- An amount under one 元 starts at its first non-zero unit (人民币伍分).
"""
from __future__ import annotations

from decimal import Decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACES = ("", "拾", "佰", "仟")  # within a group of four digits

# 亿 (10^8) applied to a number that may itself contain 万 gives 万亿 and
# covers every amount below 10^16, beyond any claim this toolkit handles.
LIMIT = 10**16


def _group(n: int) -> str:
    """1..9999 in words; inner zero runs take one 零, trailing zeros none."""
    out: list[str] = []
    pending_zero = False
    for place in range(3, -1, -1):
        d = (n // 10**place) % 10
        if d == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(DIGITS[d] + _PLACES[place])
    return "".join(out)


def _integer(n: int) -> str:
    """1..LIMIT-1 in words, without a currency unit."""
    for size, unit in ((10**8, "亿"), (10**4, "万")):
        if n >= size:
            high, low = divmod(n, size)
            words = _integer(high) + unit
            if low:
                # A lower part shorter than its full width means a gap of zeros.
                if low < size // 10:
                    words += "零"
                words += _integer(low)
            return words
    return _group(n)


def daxie(amount: Decimal | int, prefix: str = "人民币") -> str:
    """`amount` in 大写 with 元/角/分, led by `prefix` with no gap.

    Raises ValueError for a float, a negative amount, more than two decimal
    places, or an amount of 10^16 or more.
    """
    if isinstance(amount, bool) or not isinstance(amount, (Decimal, int)):
        raise ValueError(f"amount must be a Decimal or int, not {type(amount).__name__}")
    value = Decimal(amount)
    if not value.is_finite() or value < 0:
        raise ValueError(f"amount {value} must be a non-negative number")
    if value != value.quantize(Decimal("0.01")):
        raise ValueError(f"amount {value} has more than two decimal places")
    cents = int(value.quantize(Decimal("0.01")) * 100)
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    if yuan >= LIMIT:
        raise ValueError(f"amount {value} is too large for 大写 (limit 10^16)")

    if yuan == 0 and rest == 0:
        return prefix + "零元整"
    words = ""
    if yuan:
        words = _integer(yuan) + "元"
        if rest == 0:
            return prefix + words + "整"
        if jiao == 0 or yuan % 10 == 0:
            words += "零"
    if jiao:
        words += DIGITS[jiao] + "角"
    if fen:
        words += DIGITS[fen] + "分"
    return prefix + words
