"""Simplified → Hong Kong Traditional conversion."""
import pytest

from restitution.formatting import to_traditional


@pytest.mark.parametrize(
    "simplified,traditional",
    [
        ("人民币", "人民幣"),
        ("贰万陆仟亿", "貳萬陸仟億"),
        ("香港警务处", "香港警務處"),
        ("美元", "美元"),
        ("诈骗罪", "詐騙罪"),
        ("Exhibit 3 证据", "Exhibit 3 證據"),
        ("", ""),
    ],
)
def test_to_traditional(simplified, traditional):
    assert to_traditional(simplified) == traditional


def test_rejects_non_text():
    with pytest.raises(ValueError):
        to_traditional(None)


def test_legal_phrases_opencc_misreads_are_corrected():
    from restitution.formatting import to_traditional

    assert to_traditional("折合人民币") == "折合人民幣"
    assert to_traditional("报案人参考") == "報案人參考"


@pytest.mark.parametrize(
    "simplified,traditional",
    [
        # 并 "and" before 发送: not 併發 (a complication)
        ("并发送一份事后证实系伪造的验厂报告", "並發送一份事後證實係偽造的驗廠報告"),
        ("并发出通知", "並發出通知"),
        # 併 where it merges, and in 併發症 itself
        ("合并发票", "合併發票"),
        ("并发症", "併發症"),
        # 系 the copula of legal prose is 係
        ("系该公司法定代表人", "係該公司法定代表人"),
        ("本案系跨境", "本案係跨境"),
        ("经查系", "經查係"),
        # 系 of a system or lineage word stays; 繫 (to tie) stays as OpenCC writes it
        ("信息系统查询", "信息系統查詢"),
        ("系列产品", "系列產品"),
        ("直系亲属", "直系親屬"),
        ("关系人", "關係人"),
        ("联系", "聯繫"),
        ("系于", "繫於"),
    ],
)
def test_and_and_the_copula_in_context(simplified, traditional):
    assert to_traditional(simplified) == traditional


def test_glyph_standard_variants_print_in_their_common_traditional_form():
    # s2hk follows the glyph standard (户 温 兑 啓); a Hong Kong filing writes 戶 溫 兌 啟.
    assert to_traditional("收款账户户名及开户行") == "收款賬戶戶名及開戶行"
    assert to_traditional("保温瓶，兑换，敬启者") == "保溫瓶，兌換，敬啟者"


def test_kept_names_are_printed_exactly_as_written():
    text = "维港冠峰家品有限公司之董事"
    assert to_traditional(text) == "維港冠峯家品有限公司之董事"  # what OpenCC alone would print
    assert to_traditional("致維港冠峰家品有限公司：", keep=["維港冠峰家品有限公司"]) == "致維港冠峰家品有限公司："
    # the longest kept name wins where one contains another; empty names are ignored
    assert to_traditional("冠峰家品冠峰", keep=["冠峰", "冠峰家品", None, ""]) == "冠峰家品冠峰"


def test_corner_quotes():
    from restitution.formatting import corner_quotes

    assert corner_quotes("（以下简称“委托人”）") == "（以下简称「委托人」）"
    assert corner_quotes("“他说‘发货’了”") == "「他说『发货』了」"
    assert corner_quotes("O’Brien Trading") == "O’Brien Trading"  # an apostrophe, not a quote
    with pytest.raises(ValueError):
        corner_quotes(None)


def test_is_traditional_tells_a_name_typed_in_simplified():
    from restitution.formatting.chinese import is_traditional

    assert is_traditional("維港冠峰家品有限公司") and is_traditional("冠峰有限公司") and is_traditional("陳大文")
    assert not is_traditional("港珠贸易有限公司") and not is_traditional("黄志远")


def test_hong_kong_words_for_e_mail_replace_the_mainland_ones():
    # 郵箱 is a post box in Hong Kong: an e-mail address is 電郵地址, an e-mail account 電郵 (lawyer4 N11)
    assert to_traditional("电子邮箱：kelvin@example.com") == "電郵地址：kelvin@example.com"
    assert to_traditional("使用个人免费邮箱而非公司邮箱") == "使用個人免費電郵而非公司電郵"
    assert "郵箱" not in to_traditional("从客户邮箱导出")
