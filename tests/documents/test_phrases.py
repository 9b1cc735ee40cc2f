"""The order and the payments worded the same way in every document (documents/_phrases.py)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from factories import make_case, web_shop_consumer

from restitution import documents
from restitution.document import document_text
from restitution.documents._phrases import order_number_kind
from restitution.pipeline.render import render_document

DATE = dt.date(2026, 11, 30)


def texts(case, lang):
    return {key: document_text(render_document(case, key, lang, DATE)) for key in documents.applicable(case, DATE)}


def test_what_the_order_number_is():
    assert order_number_kind(make_case()) == "purchase_order"  # a company orders by its own number
    shop = web_shop_consumer()
    assert order_number_kind(shop) == "web_shop"
    resale = dataclasses.replace(shop, order=dataclasses.replace(shop.order, for_resale=True))
    assert order_number_kind(resale) == "purchase_order"
    no_shop = dataclasses.replace(shop, supplier=dataclasses.replace(shop.supplier, storefront=None))
    assert order_number_kind(no_shop) == "order"
    on_alibaba = dataclasses.replace(shop, order=dataclasses.replace(shop.order, platform="alibaba"))
    assert order_number_kind(on_alibaba) == "order"


def test_a_web_shop_order_is_never_called_a_purchase_order():
    case = web_shop_consumer()
    zh, en = texts(case, "zh"), texts(case, "en")
    assert {"power_of_attorney", "demand_letter", "chargeback_letter", "samr_complaint"} <= set(zh)
    for key in zh:
        assert "采购订单号" not in zh[key] and "purchase order WS" not in en[key], key
        assert "purchase order no." not in en[key], key
    assert "网店订单号" in zh["demand_letter"] and "web-shop order no. WS-AU-1029" in en["demand_letter"]
    assert "网店订单号WS-AU-1029" in zh["samr_complaint"] and "网店订单号：WS-AU-1029" in zh["chargeback_letter"]
    company = texts(make_case(), "zh")
    assert "采购订单号：PO-2026-118" in company["demand_letter"]


def test_one_payment_is_not_worded_as_several():
    """"先后于", "各笔付款", "逐笔折算" of a case paid once."""
    case = web_shop_consumer()
    zh, en = texts(case, "zh"), texts(case, "en")
    for key, t in zh.items():
        for several in ("先后于", "各笔付款", "逐笔", "每笔款项", "合计折合"):
            assert several not in t, (key, several)
    for key, t in en.items():
        assert not re.search(r"\beach (payment|of)", t), key
    assert re.search("自(委托人|我方)付款之日起至实际返还之日止", zh["demand_letter"])
    assert re.search(r"from the date of (our client|the Buyer)'s payment until repayment", en["demand_letter"])
    assert "投诉举报人于2026年9月14日以" in zh["samr_complaint"]
