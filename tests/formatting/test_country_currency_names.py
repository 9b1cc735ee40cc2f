"""Country and currency names, and joined lists."""
import pytest

from restitution.formatting import country_name, currency_name, join_list


@pytest.mark.parametrize(
    "code,en,zh,hant",
    [
        ("US", "United States", "美国", "美國"),
        ("CN", "China", "中国", "中國"),
        ("NO", "Norway", "挪威", "挪威"),
        ("GB", "United Kingdom", "英国", "英國"),
        ("DE", "Germany", "德国", "德國"),
        ("HK", "Hong Kong SAR, China", "中国香港特别行政区", "中國香港特別行政區"),
        ("TW", "Taiwan", "中国台湾", "中國台灣"),
        ("us", "United States", "美国", "美國"),
    ],
)
def test_country_name(code, en, zh, hant):
    assert country_name(code, "en") == en
    assert country_name(code, "zh") == zh
    assert country_name(code, "zh-Hant") == hant


@pytest.mark.parametrize("bad", ["XX", "USA", "150", "EU", "ZZ", "", None])
def test_country_name_rejects(bad):
    with pytest.raises(ValueError):
        country_name(bad, "en")


@pytest.mark.parametrize(
    "code,en,zh,hant",
    [
        ("USD", "US dollars", "美元", "美元"),
        ("EUR", "euros", "欧元", "歐元"),
        ("GBP", "British pounds", "英镑", "英鎊"),
        ("HKD", "Hong Kong dollars", "港元", "港元"),
        ("JPY", "Japanese yen", "日元", "日圓"),
        ("CNY", "Chinese yuan", "人民币", "人民幣"),
    ],
)
def test_currency_name(code, en, zh, hant):
    assert currency_name(code, "en") == en
    assert currency_name(code, "zh") == zh
    assert currency_name(code, "zh-Hant") == hant


@pytest.mark.parametrize("bad", ["XYZ", "usd", ""])
def test_currency_name_rejects(bad):
    with pytest.raises(ValueError):
        currency_name(bad, "en")


@pytest.mark.parametrize(
    "items,en,zh",
    [
        ([], "", ""),
        (["invoice"], "invoice", "invoice"),
        (["a", "b"], "a and b", "a和b"),
        (["a", "b", "c"], "a, b and c", "a、b和c"),
        (["发票", "提单", "聊天记录", "转账凭证"], "发票, 提单, 聊天记录 and 转账凭证", "发票、提单、聊天记录和转账凭证"),
    ],
)
def test_join_list(items, en, zh):
    assert join_list(items, "en") == en
    assert join_list(items, "zh") == zh
    assert join_list(items, "zh-Hant") == zh


def test_join_list_takes_any_iterable():
    assert join_list((n for n in (1, 2, 3)), "en") == "1, 2 and 3"
