"""Parts of pages kept as rendered HTML (advisor.fragments): shared only when nothing personal.

A fragment is reused only for the same language and content version; an editor's change, a
language switch or a failing Redis never shows a borrower the wrong text, and a fragment can
neither see nor keep anything a borrower typed.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client

from advisor import content as content_reads
from advisor import fragments, models
from tests.helpers import answer_debt, redis_settings
from tests.sample_borrower import DEBTS
from tests.servers import NO_REDIS, REDIS_SERVER, redis_server

pytestmark = pytest.mark.django_db

OLD_TITLE = "协商还款不需要付费找中介"


def stored_html() -> str:
    return "\n".join(fragments._store.values()) + "\n".join(fragments._fixed.values())


def test_home_is_served_from_the_fragment_until_the_content_version_moves(
    client: Client, content: None
) -> None:
    assert OLD_TITLE in client.get("/").content.decode()
    # A change that bypasses the admin (no save signal) leaves the content version alone:
    # the page still shows the kept fragment, which proves the fragment is reused.
    models.Fact.objects.filter(slug="home-no-fee").update(title_zh_hans="悄悄改掉的标题")
    cache.clear()  # the content rows would now be read again; the fragment is not
    assert OLD_TITLE in client.get("/").content.decode()
    assert any(key[0] == "home" for key in fragments._store)

    fact = models.Fact.objects.get(slug="home-no-fee")
    fact.title_zh_hans = "编辑改过的标题"
    fact.save()  # what the admin does: the content version moves
    html = client.get("/").content.decode()
    assert "编辑改过的标题" in html
    assert OLD_TITLE not in html


def test_an_editor_rewriting_a_stage_changes_the_result_timeline(
    client: Client, content: None
) -> None:
    for number, steps in enumerate(DEBTS, start=1):
        answer_debt(client, number, steps)
    stage = models.EscalationStage.objects.published().first()
    assert stage is not None
    description = stage.description_zh_hans.splitlines()[0]
    assert description in client.get("/check/result/").content.decode()
    stage.description_zh_hans = "编辑改写的阶段说明"
    stage.save()
    html = client.get("/check/result/").content.decode()
    assert "编辑改写的阶段说明" in html
    assert description not in html


def test_each_language_gets_its_own_fragment(client: Client, content: None) -> None:
    chinese = client.get("/").content.decode()
    assert "有人上门？" in chinese and OLD_TITLE in chinese
    client.cookies["bh_language"] = "en"
    english = client.get("/").content.decode()
    assert "有人上门？" not in english
    assert OLD_TITLE not in english
    fact = models.Fact.objects.get(slug="home-no-fee")
    assert fact.title_en in english
    client.cookies["bh_language"] = "zh-hans"
    again = client.get("/").content.decode()
    assert "有人上门？" in again and OLD_TITLE in again
    assert fact.title_en not in again


def _csrf_tokens(html: str) -> list[str]:
    """The page's CSRF tokens: one per form (a page without a form has none)."""
    return re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)


def test_the_result_page_keeps_no_answer_in_any_fragment(client: Client, content: None) -> None:
    for number, steps in enumerate(DEBTS, start=1):
        answer_debt(client, number, steps)
    html = client.get("/check/result/").content.decode()
    assert "某某银行信用卡" in html and "52,000" in html  # the page shows the answers...
    kept = stored_html()
    assert kept  # ...fragments were kept...
    assert "某某银行信用卡" not in kept  # ...and none of them holds the borrower's answers
    assert "52,000" not in kept
    assert "csrfmiddlewaretoken" not in kept
    assert not any(token in kept for token in _csrf_tokens(html))


def test_a_fragment_refuses_anything_but_published_content() -> None:
    page = Template('{% load site %}{% fragment "t" name=name %}{{ name }}{% endfragment %}')
    with pytest.raises(fragments.NotContent):
        page.render(Context({"name": "某某银行信用卡"}))
    with pytest.raises(fragments.NotContent):
        page.render(Context({"name": [{"amount": "52000"}]}))
    assert fragments._store == {}


def test_a_fragment_refuses_a_draft_or_unsaved_row(content: None) -> None:
    page = Template('{% load site %}{% fragment "t" fact=fact %}{{ fact.slug }}{% endfragment %}')
    draft = models.Fact.objects.get(slug="home-no-fee")
    assert page.render(Context({"fact": draft})) == "home-no-fee"
    draft.status = models.Status.DRAFT
    with pytest.raises(fragments.NotContent):
        page.render(Context({"fact": draft}))
    with pytest.raises(fragments.NotContent):
        page.render(Context({"fact": models.Fact(slug="unsaved")}))


@pytest.mark.parametrize(
    "inside", ["{% block title %}{% endblock %}", "<form>{% csrf_token %}</form>"]
)
def test_a_fragment_may_not_hold_a_block_or_a_csrf_token(inside: str) -> None:
    with pytest.raises(TemplateSyntaxError, match="keep it outside"):
        Template('{% load site %}{% fragment "t" fixed %}' + inside + "{% endfragment %}")


def test_a_fragment_cannot_see_the_rest_of_the_page(content: None) -> None:
    page = Template('{% load site %}{% fragment "t" fixed %}[{{ secret }}]{% endfragment %}')
    assert page.render(Context({"secret": "某某银行信用卡"})) == "[]"


def test_fragments_are_rendered_afresh_while_the_database_cannot_be_read(
    client: Client, content: None, settings: Any, tmp_path: Any
) -> None:
    from django.db import OperationalError

    settings.CONTENT_SNAPSHOT_DIR = tmp_path
    content_reads.forget_last_known()

    def refuse(*_: Any) -> None:
        raise OperationalError("could not connect to server")

    assert client.get("/").status_code == 200  # the last-known copy is written
    fragments.clear()
    with connection.execute_wrapper(refuse):
        content_reads.forget_generation()
        assert content_reads.version() is None
        assert client.get("/").status_code == 200
        assert fragments._store == {}  # nothing kept against an unknown version
    content_reads.forget_last_known()


@pytest.mark.skipif(REDIS_SERVER is None, reason=NO_REDIS)
def test_pages_with_fragments_still_render_and_follow_edits_when_redis_stops(
    client: Client, content: None, settings: Any
) -> None:
    with redis_server() as port:
        settings.CACHES = redis_settings(port)
        assert OLD_TITLE in client.get("/").content.decode()
    # Redis is gone: content is read from the database, fragments from this process.
    assert OLD_TITLE in client.get("/").content.decode()
    fact = models.Fact.objects.get(slug="home-no-fee")
    fact.title_zh_hans = "停机时改过的标题"
    fact.save()
    html = client.get("/").content.decode()
    assert "停机时改过的标题" in html and OLD_TITLE not in html
