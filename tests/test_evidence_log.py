"""The evidence log: kept only encrypted under the save code, exported, expired and erased."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client, RequestFactory
from pypdf import PdfReader

from advisor import evidence, savecodes, session
from advisor.models import SavedBundle
from tests.helpers import database_dump

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
SECRET = "催收员李四说要去我单位闹"


def _start(client: Client) -> str:
    response = client.post("/evidence/start/")
    assert response.status_code == 302
    assert response["Location"] == "/evidence/code/"
    code = client.cookies[session.SAVE_COOKIE].value
    assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", code)
    return code


def _add(client: Client, **overrides: str) -> None:
    data = {
        "kind": "call",
        "date": "2026-11-20",
        "time": "22:40",
        "who": "自称XX资产管理公司 工号 007",
        "what": SECRET,
        "attachments": "录音_1120.m4a\n截图1.png",
        **overrides,
    }
    response = client.post("/evidence/", data)
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.fixture
def now():
    with time_machine.travel(dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC), tick=False) as t:
        yield t


def test_without_a_code_the_log_offers_to_start_or_open_without_javascript(client: Client) -> None:
    html = client.get("/evidence/").content.decode()
    assert 'action="/evidence/start/"' in html and 'method="post"' in html
    assert 'href="/evidence/open/"' in html


def test_the_code_is_shown_once_and_kept_in_the_cookie(client: Client, now) -> None:
    code = _start(client)
    html = client.get("/evidence/code/").content.decode()
    # The code's groups are marked up so it wraps only between them: compare the text.
    assert code in re.sub(r"<[^>]+>", "", html)
    assert 'data-copy-target="save-code"' in html
    again = client.get("/evidence/code/")
    assert again.status_code == 302 and again["Location"] == "/evidence/"
    assert code not in re.sub(r"<[^>]+>", "", client.get("/evidence/").content.decode())


def test_entries_are_added_listed_and_given_to_the_letter_engineer(client: Client, now) -> None:
    _start(client)
    _add(client)
    _add(client, kind="visit", date="2026-11-21", time="10:05", what="在门口站了一小时")
    html = client.get("/evidence/").content.decode()
    assert SECRET in html and "录音_1120.m4a" in html and "2026-11-20 22:40" in html
    request = RequestFactory().get("/")
    request.COOKIES[session.SAVE_COOKIE] = client.cookies[session.SAVE_COOKIE].value
    entries = evidence.load_entries(request)
    assert [(e.when, e.kind, e.who, e.what, e.attachments, e.phrase) for e in entries] == [
        (
            dt.datetime(2026, 11, 20, 22, 40),
            "call",
            "自称XX资产管理公司 工号 007",
            SECRET,
            ("录音_1120.m4a", "截图1.png"),
            "",
        ),
        (
            dt.datetime(2026, 11, 21, 10, 5),
            "visit",
            "自称XX资产管理公司 工号 007",
            "在门口站了一小时",
            ("录音_1120.m4a", "截图1.png"),
            "",
        ),
    ]
    assert len({e.id for e in entries}) == 2


def test_load_entries_is_empty_without_a_log() -> None:
    request = RequestFactory().get("/")
    assert evidence.load_entries(request) == []
    request.COOKIES[session.SAVE_COOKIE] = "NOT-A-CODE"
    assert evidence.load_entries(request) == []


def test_form_errors_are_plain_chinese_and_nothing_is_saved(client: Client, now) -> None:
    _start(client)
    response = client.post("/evidence/", {"date": "2026-12-25", "time": "25:00"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>错误：" in html
    for message in [
        "请选择发生了什么",
        "日期不能晚于今天",
        "请按“时:分”填写时间",
        "请写下对方是谁",
        "请写下对方说了什么或做了什么",
    ]:
        assert message in html
    assert "This field is required" not in html


def test_an_entry_can_be_deleted(client: Client, now) -> None:
    _start(client)
    _add(client)
    html = client.get("/evidence/").content.decode()
    action = re.search(r'action="(/evidence/[0-9a-f]+/delete/)"', html).group(1)
    assert client.post(action).status_code == 302
    assert SECRET not in client.get("/evidence/").content.decode()


def test_the_code_opens_the_log_on_another_device(client: Client, now) -> None:
    code = _start(client)
    _add(client)
    other = Client()
    page = other.get("/evidence/open/").content.decode()
    assert "<h1" in page and "输入你的保存码" in page
    response = other.post("/evidence/open/", {"code": code.lower().replace("-", " ")})
    assert response.status_code == 302 and response["Location"] == "/evidence/"
    assert SECRET in other.get("/evidence/").content.decode()


def test_a_wrong_code_is_refused_kindly(client: Client) -> None:
    response = client.post("/evidence/open/", {"code": "K7QM-3WXP-RT9C-HD4F"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "找不到用这个保存码保存的内容" in html and "<title>错误：" in html
    assert (
        "保存码是16个字母和数字" in client.post("/evidence/open/", {"code": "abc"}).content.decode()
    )


def test_export_page_and_pdf_contain_the_entries_and_escape_hostile_text(
    client: Client,
    now,
    monkeypatch,
    content,
) -> None:
    _start(client)
    _add(client, who=HOSTILE, what=HOSTILE + "\n第二行")
    _add(client, kind="third_party", date="2026-11-21", time="09:00", what="打电话给我妈妈")
    html = client.get("/evidence/summary/?to=lender&lender=webank-weilidai").content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert" in html
    assert "打电话给我妈妈" in html and "微众银行" in html
    assert "发生在晚上10点到早上8点之间：1 次" in html
    assert "联系了我的家人、朋友或单位：1 次" in html
    to_regulator = client.get("/evidence/summary/?to=12378").content.decode()
    assert "国家金融监督管理总局" in to_regulator

    rendered: list[str] = []
    from advisor.views import door

    real = door.render_pdf

    def spy(template, context, request=None):
        from django.template.loader import render_to_string

        rendered.append(render_to_string(template, context, request=request))
        return real(template, context, request)

    monkeypatch.setattr(door, "render_pdf", spy)
    response = client.get("/evidence/summary.pdf?to=12378")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert "&lt;script&gt;alert" in rendered[0] and "<script>alert" not in rendered[0]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "打电话给我妈妈" in text


def test_export_without_a_log_is_not_found(client: Client) -> None:
    assert client.get("/evidence/summary/").status_code == 404
    assert client.get("/evidence/summary.pdf").status_code == 404


def test_nothing_from_the_log_is_readable_in_the_database_without_the_code(
    client: Client,
    now,
    content,
) -> None:
    code = _start(client)
    client.get("/evidence/code/")
    _add(client, who="催收员王五 工号 A123")
    client.post("/visitor/check/", {"ticked": ["rf-threats"]})
    assert Session.objects.count() == 1
    assert SavedBundle.objects.count() == 1
    dump = database_dump()
    assert "rf-threats" in dump  # the dump does reach the decoded session
    for needle in [SECRET, "王五", "A123", "录音_1120.m4a", code, code.replace("-", "")]:
        assert needle not in dump
    # ...but the code opens it.
    assert savecodes.get(code)["evidence"]["entries"][0]["what"] == SECRET


def test_unused_logs_are_deleted_after_90_days(client: Client) -> None:
    with time_machine.travel(dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC), tick=False):
        code = _start(client)
        _add(client, date="2025-12-31")
    with time_machine.travel(dt.datetime(2026, 3, 30, 12, tzinfo=dt.UTC), tick=False):
        call_command("purge_saved", verbosity=0)
        assert SavedBundle.objects.count() == 1
    with time_machine.travel(dt.datetime(2026, 4, 2, 12, tzinfo=dt.UTC), tick=False):
        call_command("purge_saved", verbosity=0)
        assert SavedBundle.objects.count() == 0
        html = client.get("/evidence/").content.decode()
        assert "已经打不开记录" in html
        assert (
            "找不到用这个保存码保存的内容"
            in client.post("/evidence/open/", {"code": code}).content.decode()
        )


def test_using_the_log_keeps_it_alive(client: Client) -> None:
    with time_machine.travel(dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC), tick=False):
        _start(client)
    with time_machine.travel(dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC), tick=False):
        _add(client, date="2026-02-28")
    with time_machine.travel(dt.datetime(2026, 5, 1, 12, tzinfo=dt.UTC), tick=False):
        call_command("purge_saved", verbosity=0)
        assert SavedBundle.objects.count() == 1


def test_erase_my_data_deletes_the_log_at_once(client: Client, now) -> None:
    code = _start(client)
    _add(client)
    response = client.post("/erase/")
    assert response.status_code == 302
    assert SavedBundle.objects.count() == 0
    assert client.cookies[session.SAVE_COOKIE].value == ""
    with pytest.raises(savecodes.BadCode):
        savecodes.get(code)


def test_starting_a_log_keeps_other_saved_areas(client: Client, now) -> None:
    code = savecodes.create({"check": {"answer": "x"}})
    client.cookies[session.SAVE_COOKIE] = code
    response = client.post("/evidence/start/")
    assert response["Location"] == "/evidence/"  # no new code: the existing one is reused
    _add(client)
    bundle = savecodes.get(code)
    assert bundle["check"] == {"answer": "x"}
    assert bundle["evidence"]["entries"][0]["what"] == SECRET


def test_forgetting_the_device_keeps_the_data(client: Client, now) -> None:
    code = _start(client)
    _add(client)
    client.post("/evidence/forget/")
    assert SECRET not in client.get("/evidence/").content.decode()
    assert savecodes.get(code)["evidence"]["entries"]


def test_a_log_saved_in_the_first_shape_still_opens_and_damaged_entries_are_left_out(
    client: Client, now, content
) -> None:
    first_shape = {  # as the log kept entries before phrase codes existed
        "id": "0a1b2c3d",
        "when": "2026-11-19T23:15",
        "kind": "call",
        "who": "旧记录的催收员",
        "what": "半夜打电话",
        "attachments": ["录音_旧.m4a"],
    }
    damaged = [
        "not an entry",
        {"id": "bad00001", "when": "昨天晚上", "kind": "call", "who": "x", "what": "日期坏了"},
        {"when": "2026-11-19T10:00", "kind": "visit", "who": "x", "what": "没有编号"},
    ]
    odd = {
        "id": "odd00002",
        "when": "2026-11-18T08:30",
        "kind": "teleport",
        "who": 5,
        "what": "种类不认识",
        "attachments": "not-a-list.png",
    }
    code = savecodes.create({"evidence": {"entries": [first_shape, *damaged, odd]}})
    client.cookies[session.SAVE_COOKIE] = code

    html = client.get("/evidence/").content.decode()
    assert "半夜打电话" in html and "录音_旧.m4a" in html and "2026-11-19 23:15" in html
    assert "种类不认识" in html and "其他" in html and "not-a-list.png" not in html
    assert "日期坏了" not in html and "没有编号" not in html
    summary = client.get("/evidence/summary/?to=12378").content.decode()
    assert "从 2026-11-18 到 2026-11-19，我记录了 2 次催收情况" in summary
    assert "发生在晚上10点到早上8点之间：1 次" in summary
    assert client.get("/evidence/summary.pdf?to=12378").status_code == 200

    _add(client)
    assert savecodes.get(code)["evidence"]["format"] == evidence.FORMAT == 1
    kept = savecodes.get(code)["evidence"]["entries"]
    assert [e["id"] for e in kept[:2]] == ["odd00002", "0a1b2c3d"] and len(kept) == 3
    assert kept[1] == {**first_shape, "phrase": ""}


@pytest.mark.parametrize("area", ["junk", {"entries": 5}, {"entries": "abc"}, {}])
def test_a_damaged_log_area_shows_an_empty_log_and_takes_new_entries(
    client: Client, now, area: object
) -> None:
    code = savecodes.create({"evidence": area})
    client.cookies[session.SAVE_COOKIE] = code
    response = client.get("/evidence/")
    assert response.status_code == 200 and "还没有记录" in response.content.decode()
    _add(client)
    assert [e["what"] for e in savecodes.get(code)["evidence"]["entries"]] == [SECRET]
