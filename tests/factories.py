"""A complete case built directly from the model (no YAML), for tests of any module.

Import it as ``from factories import make_case`` (tests/ is on the test path)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal as D

from restitution.case import model as m


def make_case(**changes) -> m.Case:
    """A complete mainland case; keyword arguments replace top-level parts."""
    parts = dict(
        schema=1,
        case=m.CaseInfo(id="NW-2026-0042", opened=dt.date(2026, 11, 20)),
        client=m.Client(
            kind="company", name="Northwind Trading LLC", country="US",
            address="1200 Market St, Suite 400, San Francisco, CA 94103, USA",
            name_zh="北风贸易有限责任公司", registration_no="C4410021",
            representative=m.Representative(name="Jane Doe", title="Chief Executive Officer", title_zh="首席执行官"),
        ),
        agent=m.Agent(name="Li Ming", name_zh="李明", firm="Example & Partners Law Firm", firm_zh="示例律师事务所",
                      license_no="11101201910000000", address_zh="北京市朝阳区示例路1号", phone="+86 10 5555 0000"),
        supplier=m.Supplier(
            name="Shenzhen Glory Tech Co., Ltd.", region="mainland", name_zh="深圳市荣耀示例科技有限公司",
            uscc="91440300MA5G7K2Q1G", province_zh="广东省", city_zh="深圳市", district_zh="宝安区",
            address_zh="深圳市宝安区示例街道88号", legal_representative_zh="张三",
        ),
        order=m.Order(date=dt.date(2026, 6, 2), currency="USD", number="PO-2026-118", platform="alibaba",
                      total=D("25000.00"), trade_assurance=True,
                      goods=(m.GoodsLine("LED panel light 600x600 mm, 40 W", D(2000), "pcs", D("12.50"),
                                         description_zh="LED面板灯 600x600毫米 40瓦"),)),
        payments=(
            m.Payment(date=dt.date(2026, 6, 5), amount=D("7500.00"), currency="USD", method="wire",
                      reference="FT26156XYZ"),
            m.Payment(date=dt.date(2026, 7, 20), amount=D("17500.00"), currency="USD", method="card",
                      card=m.Card(network="visa", last4="4242", issuer="First Example Bank",
                                  statement_date=dt.date(2026, 8, 1)),
                      merchant_descriptor="GLORYTECH SZ"),
        ),
        outcome=m.Outcome(kind="not_delivered", last_contact=dt.date(2026, 8, 2), seller_unreachable=True,
                          summary="After the balance was paid the seller stopped answering."),
        claim=m.Claim(amount=D("25000.00"), currency="USD", cny_rate=D("7.10"),
                      cny_rate_date=dt.date(2026, 11, 20), cny_rate_source="PBOC central parity",
                      refund_account=m.BankAccount(account="000123456789", holder="Northwind Trading LLC",
                                                   bank="First Example Bank", swift="FEXBUS33")),
        facts=(m.Fact(dt.date(2026, 5, 28), "The supplier offered 2,000 LED panels.", "供应商报价2,000件LED面板灯。"),
               m.Fact(dt.date(2026, 6, 2), "The parties signed sales contract GT-0602.")),
        evidence=(m.Exhibit(kind="sales_contract", title="Sales contract GT-0602", number=1,
                            title_zh="销售合同GT-0602", date=dt.date(2026, 6, 2)),),
    )
    parts.update(changes)
    return m.Case(**parts)


def per_payment_rates(case: m.Case | None = None) -> m.Case:
    """The case with each payment's own central parity (payments[].cny_rate): 7.15 and 7.12."""
    case = case or make_case()
    first, second = case.payments
    return dataclasses.replace(case, payments=(
        dataclasses.replace(first, cny_rate=D("7.1500")),
        dataclasses.replace(second, cny_rate=D("7.1200"), cny_rate_date=dt.date(2026, 7, 21))))


def second_victim(case: m.Case) -> m.Case:
    """Another client of the same supplier, with its own payments (references of its own): what a
    joint victims schedule adds up. The same client and payment twice is refused by the schedule."""
    return dataclasses.replace(
        case, case=dataclasses.replace(case.case, id=case.case.id + "-B"),
        client=dataclasses.replace(case.client, name="Second Example Buyer Ltd", name_zh="第二示例买方有限公司",
                                   registration_no="B-" + (case.client.registration_no or "0001")),
        payments=tuple(dataclasses.replace(p, reference=(p.reference or "") + "-B") for p in case.payments))


def paid_to_persons(case: m.Case | None = None) -> m.Case:
    """An individual consumer (GB: no CISG, so the Civil Code) who paid nothing to the company: CNY 18,600 by
    WeChat Pay into the wallet of 陈佳琪 and CNY 12,400 by Alipay into the account of the legal
    representative 张三, as the supplier directed; nothing delivered."""
    case = case or make_case()
    return dataclasses.replace(
        case,
        client=m.Client(kind="individual", name="Eleanor Example", name_zh="埃莉诺·示例", country="GB",
                        address="14 Example Crescent, Bristol BS8 1AB, United Kingdom", registration_no="533817294"),
        supplier=dataclasses.replace(case.supplier, legal_representative="Zhang San", bank_accounts=(
            m.BankAccount(holder="Chen Jiaqi", holder_zh="陈佳琪", bank="WeChat Pay", bank_zh="微信支付个人账户",
                          account="wxid_cjq8812"),
            m.BankAccount(holder="Zhang San", holder_zh="张三", bank="Alipay", bank_zh="支付宝个人账户",
                          account="159****7731"))),
        order=dataclasses.replace(case.order, currency="CNY", total=D("31000.00"), platform="other",
                                  trade_assurance=False),
        payments=(m.Payment(date=dt.date(2026, 8, 12), amount=D("18600.00"), currency="CNY", method="wechat_pay",
                            reference="10000499012026081212345678", to_account="wxid_cjq8812"),
                  m.Payment(date=dt.date(2026, 9, 2), amount=D("12400.00"), currency="CNY", method="alipay",
                            reference="2026090222001433350098", to_account="159****7731")),
        claim=dataclasses.replace(case.claim, amount=D("31000.00"), currency="CNY", cny_rate=None, cny_rate_date=None,
                                  cny_rate_source=None))


PAYEE_COMPANY = m.BankAccount(holder="Hangzhou Example Trading Co., Ltd.", holder_zh="杭州示例贸易有限公司",
                              account="1202 0000 0000", holder_uscc="91330106MA2H3XY80N", holder_province_zh="浙江省",
                              holder_city_zh="杭州市", holder_district_zh="西湖区")


def paid_to_company(case: m.Case | None = None) -> m.Case:
    """The first payment went, as the supplier directed, into the account of a mainland company other
    than the supplier (杭州示例贸易有限公司, with its USCC and registered district)."""
    case = case or make_case()
    case = dataclasses.replace(case, supplier=dataclasses.replace(case.supplier, bank_accounts=(PAYEE_COMPANY,)))
    return dataclasses.replace(case, payments=(dataclasses.replace(case.payments[0], to_account=PAYEE_COMPANY.account),
                                               *case.payments[1:]))


def web_shop_consumer(case: m.Case | None = None) -> m.Case:
    """An Australian consumer who bought two hair dryers on the seller's own web shop (order number given
    by the shop) and paid once, AUD 778.00 by Visa, with that day's central parity (4.6218); counterfeits
    arrived."""
    case = case or make_case()
    card = m.Payment(date=dt.date(2026, 9, 14), amount=D("778.00"), currency="AUD", method="card",
                     cny_rate=D("4.6218"), reference="AUTH 551902", merchant_descriptor="EXAMPLE WEBSHOP",
                     card=m.Card(network="visa", last4="7731", issuer="Example Bank of Australia",
                                 statement_date=dt.date(2026, 9, 30), consumer=True, credit=True))
    return dataclasses.replace(
        case,
        client=m.Client(kind="individual", name="Olivia Example", country="AU",
                        address="27 Example Street, Fitzroy VIC 3065, Australia", registration_no="PA8831472"),
        supplier=dataclasses.replace(case.supplier, storefront="https://shop.example.com"),
        order=m.Order(date=dt.date(2026, 9, 14), currency="AUD", number="WS-AU-1029", platform="other",
                      total=D("778.00"), for_resale=False, promised_delivery_date=dt.date(2026, 9, 28),
                      goods=(m.GoodsLine("Hair dryer, sold as a genuine branded model", D(2), "pcs", D("389.00"),
                                         description_zh="吹风机（页面标明为正品）"),)),
        payments=(card,),
        outcome=m.Outcome(kind="counterfeit", delivered_on=dt.date(2026, 9, 26), last_contact=dt.date(2026, 10, 21),
                          seller_unreachable=False, summary="The dryers are counterfeit; the seller offered a coupon.",
                          summary_zh="两台吹风机均为假冒产品；卖方仅提供优惠券。"),
        claim=dataclasses.replace(case.claim, amount=D("778.00"), currency="AUD", cny_rate=D("4.62"),
                                  cny_rate_date=dt.date(2026, 9, 14)))


def counterfeit_purchase(case: m.Case | None = None, amount: str = "500.00") -> m.Case:
    """A consumer (AU) who paid USD `amount` by card for goods sold as genuine and received counterfeits;
    the seller answers and offers a coupon (continued negotiation), so the plan reads a civil dispute.
    At the default USD 500.00 (RMB 3,550 at 7.10) the loss is below every filing figure (the Art. 266 floor
    included); from USD 7,100 it reaches the Art. 140 / 214 sales figure of RMB 50,000.

    The seller's customer-service mailbox is its only contact: a role, not a person."""
    case = case or make_case()
    total = D(amount)
    card = dataclasses.replace(case.payments[1], date=dt.date(2026, 9, 14), amount=total, reference="AUTH 551902")
    return dataclasses.replace(
        case,
        client=m.Client(kind="individual", name="Olivia Example", country="AU",
                        address="27 Example Street, Fitzroy VIC 3065, Australia", registration_no="PA8831472"),
        supplier=dataclasses.replace(case.supplier, contacts=(
            m.Contact(name="Glory customer service", name_zh="荣耀客服", email="service@glory-shop.example"),)),
        order=dataclasses.replace(case.order, date=dt.date(2026, 9, 14), platform="other", trade_assurance=False,
                                  total=total, number="WEB-1029384"),
        payments=(card,),
        outcome=m.Outcome(kind="counterfeit", delivered_on=dt.date(2026, 9, 26), last_contact=dt.date(2026, 10, 21),
                          summary="The brand owner confirmed in writing that both units are counterfeit."),
        indicators=dataclasses.replace(case.indicators, continued_negotiation=True),
        claim=dataclasses.replace(case.claim, amount=total, cny_rate_date=dt.date(2026, 9, 14),
                                  refund_account=dataclasses.replace(case.claim.refund_account, holder="Olivia Example")))
