"""The content editors' admin: least privilege, lockout, history, review list, previews."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from advisor import content, contentio, models
from advisor.management.commands.create_editors_group import EDITORS_GROUP
from advisor.seed import REVIEWED
from tests.helpers import (
    EDITOR_PASSWORD,
    add_inline_item,
    admin_form_data,
    change_url,
    make_fact,
    make_item,
)

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
HOSTILE = '<script>alert("x")</script> {{ request.user }} {% csrf_token %} <b>粗体</b>'


# Editing content and seeing it live --------------------------------------------------------


def test_an_editor_changes_a_checklist_item_and_sees_it_live(editor_client: Client) -> None:
    item = make_item()
    _, before = content.checklist("admin-test")  # now cached
    assert [i.text_zh_hans for i in before] == ["请对方出示工作证"]

    url = change_url(item)
    data = admin_form_data(editor_client.get(url))
    data["text_zh_hans"] = "隔着门请对方把工作证贴在猫眼上"
    response = editor_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    _, after = content.checklist("admin-test")
    assert [i.text_zh_hans for i in after] == ["隔着门请对方把工作证贴在猫眼上"]


def test_an_editors_change_to_a_door_checklist_item_shows_on_the_visitor_page(
    content: None, editor_client: Client
) -> None:
    item = models.ChecklistItem.objects.published().filter(checklist__slug="door").first()
    visitor = Client()
    assert item.text_zh_hans in visitor.get("/visitor/").content.decode()  # cached now

    url = change_url(item)
    data = admin_form_data(editor_client.get(url))
    data["text_zh_hans"] = "编辑刚改过的第一步"
    assert editor_client.post(url, data).status_code == 302

    page = visitor.get("/visitor/").content.decode()
    assert "编辑刚改过的第一步" in page
    assert item.text_zh_hans not in page


def test_an_editor_edits_checklist_items_inline_on_the_checklist(editor_client: Client) -> None:
    item = make_item()
    url = change_url(item.checklist)
    data = admin_form_data(editor_client.get(url))
    prefix = next(k for k in data if k.endswith("-0-text_zh_hans")).rsplit("-", 1)[0]
    data[f"{prefix}-text_zh_hans"] = "先别开门，隔着门问清楚是谁"
    response = editor_client.post(url, data)

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.text_zh_hans == "先别开门，隔着门问清楚是谁"


def test_a_new_inline_item_takes_its_checklists_source(editor_client: Client) -> None:
    item = make_item()
    response = add_inline_item(editor_client, item, "draft")

    assert response.status_code == 302
    new = models.ChecklistItem.objects.get(code="new-step")
    assert new.source_title == item.checklist.source_title
    assert new.source_tier == item.checklist.source_tier
    assert new.status == "draft" and new.checklist == item.checklist


def test_a_draft_change_is_not_live_until_published(editor_client: Client) -> None:
    def live_door_facts() -> list[str]:
        return [f.slug for f in content.facts("door")]

    fact = make_fact(status="draft", topic="door")
    assert "test-fact" not in live_door_facts()
    changelist = reverse("admin:advisor_fact_changelist")
    response = editor_client.post(
        changelist, {"action": "publish", "_selected_action": [fact.pk]}, follow=True
    )
    assert response.status_code == 200
    assert "test-fact" in live_door_facts()
    editor_client.post(changelist, {"action": "unpublish", "_selected_action": [fact.pk]})
    assert "test-fact" not in live_door_facts()


# Least privilege ------------------------------------------------------------------------------


def test_an_editor_cannot_reach_user_management(editor_client: Client) -> None:
    for url in ["/admin/auth/user/", "/admin/auth/group/", "/admin/auth/user/add/"]:
        assert editor_client.get(url).status_code == 403, url
    index = editor_client.get("/admin/").content.decode()
    assert "/admin/auth/" not in index
    assert "/admin/advisor/fact/" in index


def test_saved_borrower_data_is_not_in_the_admin_at_all(admin_client: Client) -> None:
    assert admin_client.get("/admin/advisor/savedbundle/").status_code == 404
    assert "savedbundle" not in admin_client.get("/admin/").content.decode()


def test_the_editors_group_holds_only_content_permissions(editor: Any) -> None:
    group = Group.objects.get(name=EDITORS_GROUP)
    content_names = {m._meta.model_name for m in models.content_models()}
    history_names = {f"historical{name}" for name in content_names}
    # The editor-managed lists of trusted and untrusted source sites.
    content_names |= {"trusteddomain", "blockeddomain"}
    codenames = set()
    for permission in group.permissions.select_related("content_type"):
        assert permission.content_type.app_label == "advisor"
        model = permission.content_type.model
        if model in history_names:
            assert permission.codename == f"view_{model}"
        else:
            assert model in content_names, model
        codenames.add(permission.codename)
    assert "change_fact" in codenames and "view_historicalfact" in codenames
    assert not any("savedbundle" in name for name in codenames)
    assert not editor.has_perm("auth.view_user") and not editor.has_perm("axes.view_accessattempt")


def test_creating_the_editors_group_twice_resets_it_to_the_same_permissions(editor: Any) -> None:
    group = Group.objects.get(name=EDITORS_GROUP)
    before = set(group.permissions.values_list("pk", flat=True))
    group.permissions.add(Permission.objects.get(codename="change_user"))
    call_command("create_editors_group", verbosity=0)
    call_command("create_editors_group", verbosity=0)
    assert Group.objects.filter(name=EDITORS_GROUP).count() == 1
    assert set(group.permissions.values_list("pk", flat=True)) == before


def test_the_command_adds_named_users_as_staff_editors(db: Any) -> None:
    user = get_user_model().objects.create_user("newcomer", password=EDITOR_PASSWORD)
    call_command("create_editors_group", "--add", "newcomer", verbosity=0)
    user.refresh_from_db()
    assert user.is_staff and user.groups.filter(name=EDITORS_GROUP).exists()
    assert user.has_perm("advisor.change_checklistitem")


# Login throttling -----------------------------------------------------------------------------


def test_an_editor_can_log_in_with_the_right_password(editor: Any, client: Client) -> None:
    response = client.post("/admin/login/", {"username": "editor", "password": EDITOR_PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_login_locks_out_after_repeated_failures(
    editor: Any, client: Client, settings: Any
) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "editor", "password": "wrong password"})
    response = client.post("/admin/login/", {"username": "editor", "password": EDITOR_PASSWORD})

    assert response.status_code == 429
    assert "登录已暂时锁定" in response.content.decode()
    assert client.get("/admin/").status_code == 302  # still not logged in


# History and revert ---------------------------------------------------------------------------


def test_history_records_who_changed_what_and_reverts_it(
    editor: Any, editor_client: Client
) -> None:
    fact = make_fact()
    url = change_url(fact)
    data = admin_form_data(editor_client.get(url))
    data["title_zh_hans"] = "改错了的标题"
    assert editor_client.post(url, data).status_code == 302

    latest = fact.history.first()
    assert latest.history_user == editor
    assert latest.title_zh_hans == "改错了的标题"
    changes = latest.diff_against(latest.prev_record).changed_fields
    # The English title was left as it was, so it now waits for review.
    assert changes == ["stale_en", "title_zh_hans"]
    history_page = editor_client.get(
        reverse("admin:advisor_fact_history", args=[fact.pk])
    ).content.decode()
    assert "editor" in history_page and "改错了的标题" in history_page

    original = fact.history.last()
    revert_url = reverse("admin:advisor_fact_simple_history", args=[fact.pk, original.pk])
    response = editor_client.post(revert_url, admin_form_data(editor_client.get(revert_url)))

    assert response.status_code == 302
    fact.refresh_from_db()
    assert fact.title_zh_hans == "测试标题"
    assert fact.history.count() == 3
    assert fact.history.first().history_user == editor


# Review dates ---------------------------------------------------------------------------------


def _at(day: dt.date) -> time_machine.travel:
    return time_machine.travel(
        dt.datetime(day.year, day.month, day.day, 10, tzinfo=SHANGHAI), tick=False
    )


def test_stale_items_appear_in_the_review_list_and_on_the_dashboard(
    content: None, editor: Any, editor_client: Client
) -> None:
    channel = models.HelpChannel.objects.get(slug="police-110")  # last checked on REVIEWED
    with _at(REVIEWED + dt.timedelta(days=10)):
        editor_client.force_login(editor)  # a session from the real "now" would have expired
        fresh = editor_client.get("/admin/needs-review/").content.decode()
        assert "没有需要复核的内容" in fresh
        assert str(channel) not in fresh

    with _at(REVIEWED + dt.timedelta(days=channel.review_every_days + 1)):
        editor_client.force_login(editor)
        stale = editor_client.get("/admin/needs-review/").content.decode()
        dashboard = editor_client.get("/admin/").content.decode()
        filtered = editor_client.get("/admin/advisor/helpchannel/?review=needs").content.decode()
        ok = editor_client.get("/admin/advisor/helpchannel/?review=ok").content.decode()

    assert channel.name_zh_hans in stale
    assert change_url(channel) in stale
    total = sum(
        m.objects.filter(review_due__lte=REVIEWED + dt.timedelta(days=181)).count()
        for m in models.content_models()
    )
    assert f"有 {total} 条内容已到复核日期" in dashboard
    assert reverse("admin:advisor_needs_review") in dashboard
    assert channel.name_zh_hans in filtered and channel.name_zh_hans not in ok


def test_marking_reviewed_today_takes_an_item_off_the_review_list(
    editor: Any, editor_client: Client
) -> None:
    fact = make_fact(reviewed_on=dt.date(2025, 1, 1))
    with _at(dt.date(2026, 12, 1)):
        editor_client.force_login(editor)
        assert fact.title_zh_hans in editor_client.get("/admin/needs-review/").content.decode()
        editor_client.post(
            reverse("admin:advisor_fact_changelist"),
            {"action": "mark_reviewed_today", "_selected_action": [fact.pk]},
        )
        fact.refresh_from_db()
        assert fact.reviewed_on == dt.date(2026, 12, 1)
        assert fact.review_due == dt.date(2026, 12, 1) + dt.timedelta(days=180)
        assert fact.title_zh_hans not in editor_client.get("/admin/needs-review/").content.decode()


# Previews ------------------------------------------------------------------------------------


def test_letter_template_preview_escapes_hostile_input(editor_client: Client) -> None:
    letter = models.LetterTemplate(
        slug="hostile",
        title_zh_hans="<i>信</i>",
        situation_zh_hans="{% load static %}",
        body_zh_hans=f"协商还款申请\n\n{HOSTILE}\n[姓名]",
        source_title="测试来源",
        source_tier="practice",
    )
    letter.save()
    response = editor_client.get(reverse("admin:advisor_lettertemplate_preview", args=[letter.pk]))
    page = response.content.decode()

    assert response.status_code == 200
    assert '<script>alert("x")' not in page and "<b>粗体</b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "{{ request.user }}" in page and "{% csrf_token %}" in page
    assert "{% load static %}" in page and "&lt;i&gt;信&lt;/i&gt;" in page
    assert "editor" not in page.split('id="letter-preview"')[1].split("</div>")[0]
    change_page = editor_client.get(change_url(letter)).content.decode()
    assert '<script>alert("x")' not in change_page


def test_letter_preview_fills_placeholders_with_sample_values(editor_client: Client) -> None:
    letter = models.LetterTemplate(
        slug="sample",
        title_zh_hans="信",
        situation_zh_hans="情形",
        body_zh_hans="本人[姓名]，欠款[逾期金额]。[写错的占位符]",
        body_en="I, [Name], owe [Amount overdue].",
        source_title="测试来源",
        source_tier="practice",
    )
    letter.save()
    url = reverse("admin:advisor_lettertemplate_preview", args=[letter.pk])
    page = editor_client.get(url).content.decode()
    english = editor_client.get(url + "?lang=en").content.decode()

    assert "本人张三（示例），欠款¥12,345.00。" in page
    assert "[写错的占位符]" in page.split('id="placeholder-notes"')[1]
    assert "I, Zhang San (sample), owe ¥12,345.00." in english


def test_the_letter_form_lists_the_placeholders_editors_may_use(editor_client: Client) -> None:
    page = editor_client.get(reverse("admin:advisor_lettertemplate_add")).content.decode()
    assert "可以使用的占位符" in page
    try:
        from advisor.rules import letter
    except ModuleNotFoundError:
        return
    for placeholder in letter.PLACEHOLDERS:
        assert f"[{placeholder.zh}]" in page


def test_a_fact_preview_shows_the_chosen_language_with_its_source(editor_client: Client) -> None:
    fact = make_fact(status="draft", body_en="Line one\n\nLine <two>")
    url = reverse("admin:advisor_fact_preview", args=[fact.pk])
    page = editor_client.get(url + "?lang=en").content.decode()
    assert "Test title" in page and "Line &lt;two&gt;" in page and "测试来源" in page
    assert "借款人看不到这个页面" not in page  # the banner is in English too
    assert change_url(fact) in page
    assert "测试正文" in editor_client.get(url).content.decode()


def test_previews_need_a_login(client: Client) -> None:
    fact = make_fact()
    response = client.get(reverse("admin:advisor_fact_preview", args=[fact.pk]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_preview_of_a_missing_item_is_not_found(editor_client: Client) -> None:
    assert editor_client.get("/admin/advisor/fact/999/preview/").status_code == 404
    assert editor_client.get("/admin/advisor/fact/not-a-number/preview/").status_code == 404


# Every page works --------------------------------------------------------------------------


def test_every_content_admin_page_opens_for_an_editor(content: None, editor_client: Client) -> None:
    for model in models.content_models():
        name = model._meta.model_name
        for url in [
            reverse(f"admin:advisor_{name}_changelist"),
            reverse(f"admin:advisor_{name}_changelist") + "?q=借&status__exact=published",
            reverse(f"admin:advisor_{name}_add"),
        ]:
            assert editor_client.get(url).status_code == 200, url
        obj = model.objects.first()
        if obj is None:
            continue
        page = editor_client.get(change_url(obj))
        assert page.status_code == 200
        sections = (
            [str(fs[0]) for fs in page.context["adminform"].form.fieldsets]
            if hasattr(page.context["adminform"].form, "fieldsets")
            else [fieldset.name for fieldset in page.context["adminform"]]
        )
        assert "来源与复核" in sections and "发布" in sections
        if any(f.name.endswith("_zh_hans") for f in model._meta.fields):
            assert {"简体中文", "English", "繁體中文（可选）"} <= set(map(str, sections))


def test_an_editor_downloads_all_content_as_json(content: None, editor_client: Client) -> None:
    response = editor_client.get(reverse("admin:advisor_content_export"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert json.loads(response.content) == contentio.export_content()


def test_an_editor_imports_a_content_file_in_the_admin(content: None, editor: Any) -> None:
    client = Client()
    client.force_login(editor)
    data = contentio.export_content()
    fact = data["models"]["Fact"][0]
    fact["title_zh_hans"] = "从文件导入的标题"
    upload = SimpleUploadedFile("content.json", contentio.dumps(data).encode(), "application/json")

    response = client.post(reverse("admin:advisor_content_import"), {"file": upload})

    assert response.status_code == 302
    imported = models.Fact.objects.get(slug=fact["slug"])
    assert imported.title_zh_hans == "从文件导入的标题"
    assert imported.history.first().history_user == editor
    assert "导入完成" in client.get("/admin/").content.decode()


def test_a_bad_import_file_changes_nothing_and_says_why(
    content: None, editor_client: Client
) -> None:
    before = contentio.dumps(contentio.export_content())
    data = json.loads(before)
    data["models"]["Fact"][0]["title_zh_hans"] = "不该保存"
    data["models"]["Lender"][0]["source_tier"] = "rumour"
    upload = SimpleUploadedFile("content.json", json.dumps(data).encode(), "application/json")

    response = editor_client.post(reverse("admin:advisor_content_import"), {"file": upload})

    assert response.status_code == 200
    assert "没有导入任何内容" in response.content.decode()
    assert contentio.dumps(contentio.export_content()) == before


def test_staff_without_content_rights_cannot_import_or_export(db: Any) -> None:
    viewer = get_user_model().objects.create_user("viewer", password=EDITOR_PASSWORD, is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_fact"))
    client = Client()
    client.force_login(viewer)
    assert client.get(reverse("admin:advisor_content_import")).status_code == 403
    assert client.get(reverse("admin:advisor_content_export")).status_code == 403
    assert client.get(reverse("admin:advisor_needs_review")).status_code == 200
