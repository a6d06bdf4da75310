"""Court papers, after a visit, for relatives, "what did they say?": without JavaScript."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.utils.html import escape

from advisor import content as content_reader
from advisor import evidence
from advisor.models import (
    ChecklistItem,
    CollectorPhrase,
    CourtPaper,
    Fact,
    HelpChannel,
    SavedBundle,
)

pytestmark = pytest.mark.django_db

PAGES = ["/papers/", "/after-visit/", "/for-family/", "/what-they-said/"]
NOW = dt.datetime(2026, 3, 20, 4, tzinfo=dt.UTC)  # 12:00 in Beijing, a Friday
HEADINGS = {
    "zh-hans": [
        "收到法院文书、支付令或律师函",
        "已经有人上过门了",
        "催收电话打到了你这里？",
        "他们说了什么？",
    ],
    "en": [
        "Court papers, a payment order or a lawyer",
        "Someone has already visited",
        "Has a debt collector called you?",
        "What did they say?",
    ],
    "zh-hant": [
        "收到法院文書、支付令或律師函",
        "已經有人上過門了",
        "催收電話打到了你這裡？",
        "他們說了什麼？",
    ],
}
# One content text per page, to show content (not only the interface) is in the language.
CONTENT = {
    "zh-hans": ["支付令", "上门不是法院行动", "你要替他还钱吗？一般不用", "明天安排外访人员上门"],
    "en": [
        "Payment order",
        "A visit is not a court action",
        "Do you owe this money? Usually not",
        "Our field team will visit you tomorrow.",
    ],
    "zh-hant": ["支付令", "上門不是法院行動", "你要替他還錢嗎？一般不用", "明天安排外訪人員上門"],
}


def _html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def _use(client: Client, language: str) -> None:
    client.post("/i18n/setlang/", {"language": language, "next": "/"})


@pytest.mark.parametrize("language", ["zh-hans", "en", "zh-hant"])
def test_every_new_page_in_three_languages_without_javascript(
    client: Client, content: None, language: str
) -> None:
    _use(client, language)
    for url, heading, text in zip(PAGES, HEADINGS[language], CONTENT[language], strict=True):
        html = _html(client.get(url))
        assert heading in html, (url, heading)
        assert escape(text) in html or text in html, (url, text)
        assert "<script" not in html.split("</main>")[0].split("<main")[-1]  # plain HTML
    if language == "en":
        assert "有人上过门" not in _html(client.get("/after-visit/"))


def test_home_reaches_each_page_in_one_tap(client: Client, content: None) -> None:
    html = _html(client.get("/"))
    section = html[html.index("发生了什么事？") :]
    for url in PAGES:
        assert f'href="{url}"' in section


def test_door_pages_and_evidence_log_link_to_the_new_pages(client: Client, content: None) -> None:
    rights = _html(client.get("/rights/"))
    for url in ["/papers/", "/for-family/", "/what-they-said/"]:
        assert f'href="{url}"' in rights
    client.post("/visitor/check/", {"ticked": ["door-closed"]})
    result = _html(client.get("/visitor/result/"))
    assert 'href="/after-visit/"' in result and 'href="/what-they-said/"' in result
    client.post("/evidence/start/")
    assert 'href="/what-they-said/"' in _html(client.get("/evidence/"))
    gate = _html(client.get("/letters/family-notice/"))
    assert 'href="/for-family/"' in gate
    assert 'href="/letters/family-notice/"' in _html(client.get("/for-family/"))


def test_every_fact_on_the_new_pages_shows_its_source_and_review_date(
    client: Client, content: None
) -> None:
    pages = {url: _html(client.get(url)) for url in PAGES}
    sourced = [
        ("/papers/", list(CourtPaper.objects.all())),
        ("/papers/", list(Fact.objects.filter(topic="papers"))),
        ("/papers/", list(HelpChannel.objects.filter(number__in=["12368", "12348"]))),
        ("/after-visit/", list(Fact.objects.filter(topic="after_visit"))),
        ("/after-visit/", list(ChecklistItem.objects.filter(checklist__slug="after-visit"))),
        ("/for-family/", list(Fact.objects.filter(topic="relatives"))),
        ("/for-family/", list(ChecklistItem.objects.filter(checklist__slug="relatives"))),
    ]
    for url, items in sourced:
        assert items, url
        for item in items:
            assert _source_line(item) in pages[url], (url, item.source_title)
            assert f'<time datetime="{item.reviewed_on.isoformat()}">' in pages[url]
    for phrase in CollectorPhrase.objects.all():
        html = _html(client.get(f"/what-they-said/?code={phrase.code}"))
        assert _source_line(phrase) in html, phrase.code


def _source_line(item: Any) -> str:
    """A linked source title, or a source that says why there is no link (no trusted page)."""
    if item.source_url.startswith("http"):
        return f"{escape(item.source_title)}</a>"
    assert item.source_tier in ("practice", "our_reading"), item
    return escape(item.source_title)


def test_lawyers_letter_is_not_a_court_paper_and_has_no_deadline(content: None) -> None:
    letter = CourtPaper.objects.get(slug="lawyer-letter")
    assert not letter.is_court_paper and letter.deadline_days is None
    timed = {p.slug: p.deadline_days for p in CourtPaper.objects.exclude(deadline_days=None)}
    assert timed == {"payment-order": 15, "complaint-summons": 15, "judgment": 15, "ruling": 10}


def test_no_invented_article_numbers_for_the_revised_arbitration_law(content: None) -> None:
    arbitration = CourtPaper.objects.get(slug="arbitration")
    assert "新条文序号未核实" in arbitration.source_title
    assert arbitration.deadline_days is None


@time_machine.travel(NOW, tick=False)
def test_deadline_form_gives_the_date_the_rule_and_a_reminder(
    client: Client, content: None
) -> None:
    html = _html(client.get("/papers/?kind=payment-order&served=2026-03-10"))
    assert '<time datetime="2026-03-25">2026-03-25</time>' in html
    assert "从 2026-03-11 开始数，第 15 天就是最后一天" in html
    assert "自收到支付令之日起15日内" in html
    assert "离最后一天还有 5 天" in html
    assert (
        'action="/papers/court-deadline.ics"' in html
    )  # a form: the date stays out of the address
    assert 'name="served" value="2026-03-10"' in html
    ics = client.post(
        "/papers/court-deadline.ics", {"kind": "payment-order", "served": "2026-03-10"}
    )
    assert ics.status_code == 200 and ics["Content-Type"].startswith("text/calendar")
    body = ics.content.decode()
    assert "DTSTART:20260325T010000Z" in body
    assert "TRIGGER:-P3D" in body and "TRIGGER:-P1D" in body


@time_machine.travel(NOW, tick=False)
def test_a_deadline_on_a_weekend_states_the_rule_and_does_not_move_the_date(
    client: Client, content: None
) -> None:
    html = _html(client.get("/papers/?kind=ruling&served=2026-03-18"))
    assert '<time datetime="2026-03-28">' in html  # a Saturday: shown as is
    assert "这一天是周末" in html and "以法院的通知或12368的答复为准" in html
    weekday = _html(client.get("/papers/?kind=judgment&served=2026-03-10"))
    assert "这一天是周末" not in weekday
    assert "我们不掌握每年的放假安排" in weekday


@time_machine.travel(NOW, tick=False)
def test_a_passed_deadline_points_to_the_court_and_offers_no_reminder(
    client: Client, content: None
) -> None:
    html = _html(client.get("/papers/?kind=ruling&served=2026-03-01"))
    assert "期限已经过了" in html and "10日内向法院申请顺延" in html
    assert "court-deadline.ics" not in html


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("served", "message"),
    [
        ("", "请填写收到（签收）文书的日期"),
        ("2026-02-30", "请按“年-月-日”填写日期"),
        ("2026-03-21", "收到的日期不能晚于今天"),
        ("2024-01-01", "这个日期超过一年了"),
        ("<script>alert(1)</script>", "请按“年-月-日”填写日期"),
    ],
)
def test_bad_served_dates_get_a_message_not_a_date(
    client: Client, content: None, served: str, message: str
) -> None:
    html = _html(client.get("/papers/", {"kind": "payment-order", "served": served}))
    assert message in html and 'aria-invalid="true"' in html
    assert "<script>alert(1)</script>" not in html
    assert "按这个规定，最后一天是" not in html


@time_machine.travel(NOW, tick=False)
def test_a_judgment_marked_final_gets_no_appeal_date_and_no_reminder(
    client: Client, content: None
) -> None:
    query = "kind=judgment&served=2026-03-10&final=1"
    html = _html(client.get(f"/papers/?{query}"))
    assert "按这个规定，最后一天是" not in html and "2026-03-25" not in html
    assert "不能上诉" in html and "小额诉讼" in html
    assert client.get(f"/papers/court-deadline.ics?{query}").status_code == 302
    # Without the tick the usual 15 days are counted, with the small-claims caveat beside them.
    counted = _html(client.get("/papers/?kind=judgment&served=2026-03-10"))
    assert '<time datetime="2026-03-25">' in counted
    assert "写着“终审”的判决、裁定不能上诉" in counted


def test_the_court_papers_say_small_claims_are_final_and_answer_periods_set_by_the_court(
    content: None,
) -> None:
    judgment = CourtPaper.objects.get(slug="judgment")
    assert "本判决为终审判决" in judgment.deadline_rule_zh_hans
    assert "不能上诉" in judgment.deadline_rule_zh_hans
    assert "final" in judgment.deadline_rule_en
    summons = CourtPaper.objects.get(slug="complaint-summons")
    assert "答辩期由法院确定" in summons.deadline_rule_zh_hans
    assert "small-claims" in summons.deadline_rule_en


def test_the_result_page_court_fact_agrees_with_the_papers_page_on_objections(
    content: None,
) -> None:
    """Only a written objection to the debt itself counts; upheld, the case goes to court."""
    result = Fact.objects.get(slug="check-court-papers")
    order = CourtPaper.objects.get(slug="payment-order")
    for text in (result.body_zh_hans, order.what_to_do_zh_hans):
        assert "书面" in text and "转入诉讼" in text
        assert "程序就结束了" not in text
    assert "only a written objection to the debt itself" in result.body_en.lower()


def test_the_after_visit_page_counts_an_unanswered_payment_order_as_enforceable(
    client: Client, content: None
) -> None:
    html = _html(client.get("/after-visit/"))
    assert "支付令" in html and "调解书" in html
    assert "法律另有规定" in html and "未经同意在晚上10点到早上8点上门" in html


def test_papers_without_a_fixed_period_are_not_calculated(client: Client, content: None) -> None:
    html = _html(client.get("/papers/?kind=lawyer-letter&served=2026-03-01"))
    assert "按这个规定，最后一天是" not in html
    assert client.get("/papers/court-deadline.ics?kind=lawyer-letter").status_code == 302


def test_picking_a_phrase_shows_meaning_flags_rule_and_a_calm_reply(
    client: Client, content: None
) -> None:
    html = _html(client.get("/what-they-said/?code=pay-personal"))
    assert "危险信号" in html and "违反规定或行业规则" in html
    assert "我只通过贷款机构官方App还款" in html
    assert 'href="/evidence/?phrase=pay-personal#add"' in html
    visit = _html(client.get("/what-they-said/?code=visit-announced"))
    assert "可能是真的：通过官方渠道核实" in visit


def test_typed_words_are_matched(client: Client, content: None) -> None:
    html = _html(client.post("/what-they-said/", {"said": "明天外访，已经转法务立案了"}))
    assert "这句话通常是什么意思" in html
    assert 'id="phrase-case-filed"' in html and 'id="phrase-visit-announced"' in html
    assert html.index('id="phrase-case-filed"') < html.index('id="phrase-visit-announced"')
    hant = _html(client.post("/what-they-said/", {"said": "我們知道你住哪，小心點"}))
    assert 'id="phrase-violence"' in hant


def test_unrecognised_or_empty_text_gets_general_advice_or_an_error(
    client: Client, content: None
) -> None:
    html = _html(client.post("/what-they-said/", {"said": "你好，今天天气不错"}))
    assert "没有认出这句话" in html and "有威胁、有人强行进门，打110" in html
    empty = _html(client.post("/what-they-said/", {"said": "   "}))
    assert "请写下对方说的话" in empty and "没有认出这句话" not in empty


def test_choosing_nothing_from_the_list_gets_a_message(client: Client, content: None) -> None:
    html = _html(client.get("/what-they-said/?code="))
    assert "请先在列表里选一句最像的话" in html and 'aria-describedby="code-error"' in html
    assert "请先在列表里选一句" not in _html(client.get("/what-they-said/"))


@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("我们是某某律师事务所，给你发了律师函", "lawyer-letter"),
        ("不还钱就冻结你的微信和支付宝，银行卡也冻结", "freeze-accounts"),
        ("我是调解中心的调解员", "mediation-centre"),
        ("你的案子已经立案了", "case-filed"),
        ("再不还就移交经侦", "police-case"),
        ("我们让公安来抓你", "police-case"),
        ("已经交给当地司法所处理", "justice-office"),
        ("明天安排外访，上门核实你的地址", "visit-announced"),
        ("律師事務所已經發了律師函", "lawyer-letter"),  # zh-hant
    ],
)
def test_what_collectors_often_say_is_recognised_with_a_sourced_calm_answer(
    client: Client, content: None, said: str, code: str
) -> None:
    html = _html(client.post("/what-they-said/", {"said": said}))
    assert f'id="phrase-{code}"' in html, said
    phrase = CollectorPhrase.objects.get(code=code)
    assert phrase.reply_zh_hans and phrase.reply_en and phrase.meaning_en
    assert _source_line(phrase) in html


MARKER = "隐私标记丙丁戊-SAID-7731"


def _all_rows_text() -> str:
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            chunks.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(chunks)


def test_typed_text_is_never_stored_or_logged(
    client: Client,
    content: None,
    captured_logs,
) -> None:
    text = f"外访明天到，{MARKER} <script>alert('{MARKER}')</script>"
    response = client.post("/what-they-said/", {"said": text})
    assert response.status_code == 200
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    )
    assert "bh_session" not in response.cookies
    assert Session.objects.count() == 0
    assert SavedBundle.objects.count() == 0
    assert MARKER not in _all_rows_text()
    assert captured_logs.lines, "the request log line should have been captured"
    assert not [line for line in captured_logs.lines if MARKER in line or "外访明天到" in line]
    # A session the borrower already has is not written either.
    client.post("/visitor/check/", {"ticked": ["door-closed"]})
    before = Session.objects.get().session_data
    client.post("/what-they-said/", {"said": text})
    assert Session.objects.get().session_data == before
    assert MARKER not in _all_rows_text()


def test_the_evidence_log_records_a_call_with_the_phrase_code(
    client: Client, content: None
) -> None:
    client.post("/evidence/start/")
    form = _html(client.get("/evidence/?phrase=tell-family"))
    assert '<option value="tell-family" selected>' in form
    assert re.search(r'value="call"[^>]*checked', form)
    response = client.post(
        "/evidence/",
        {
            "kind": "call",
            "date": "2026-11-20",
            "time": "21:40",
            "who": "自称某催收公司",
            "what": "说要告诉我单位",
            "phrase": "tell-family",
        },
    )
    assert response.status_code == 302
    html = _html(client.get("/evidence/"))
    assert 'href="/what-they-said/?code=tell-family"' in html
    refused = client.post(
        "/evidence/",
        {
            "kind": "call",
            "date": "2026-11-20",
            "time": "21:40",
            "who": "x",
            "what": "y",
            "phrase": "<script>",
        },
    )
    assert refused.status_code == 200 and "请从列表里选择" in refused.content.decode()


def test_evidence_entries_expose_the_phrase_code(client: Client, content: None, rf) -> None:
    client.post("/evidence/start/")
    client.post(
        "/evidence/",
        {
            "kind": "call",
            "date": "2026-11-20",
            "time": "10:00",
            "who": "a",
            "what": "b",
            "phrase": "case-filed",
        },
    )
    request = rf.get("/")
    request.COOKIES = client.cookies and {k: v.value for k, v in client.cookies.items()}
    assert [e.phrase for e in evidence.load_entries(request)] == ["case-filed"]


def test_phrases_are_editor_content(content: None) -> None:
    items = content_reader.collector_phrases()
    categories = {item.category for item in items}
    assert {"visit", "legal", "pay_now", "credit", "family", "threat"} <= categories
    for item in items:
        assert item.keyword_list and item.t("reply", "en") and item.t("meaning", "en")
        assert all(len(word) >= 2 for word in item.keyword_list)
