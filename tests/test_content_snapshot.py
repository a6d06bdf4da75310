"""The last-known-good content copy (advisor.content): data that cannot run code, withdrawals
written too, and rows from before a migration still readable (issues 24.5 and 25.6)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from django.db import OperationalError, connection

from advisor import content as content_reads
from advisor import models
from advisor.templatetags.site import CRISIS_FACT

pytestmark = pytest.mark.django_db


def refuse_every_query(*_: Any) -> None:
    raise OperationalError("could not connect to server: Connection refused")


def during_an_outage_in_a_new_process(read: Any) -> Any:
    content_reads.forget_last_known()  # nothing in memory: only the files
    with connection.execute_wrapper(refuse_every_query):
        return read()


class _RunsCode:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.touch, (self.marker,))


def test_a_planted_pickle_in_the_snapshot_folder_never_runs(
    content: None, snapshot_dir: Path, tmp_path: Path
) -> None:
    assert content_reads.fact(CRISIS_FACT) is not None  # the copy is written
    marker = tmp_path / "code-ran"
    planted = pickle.dumps(_RunsCode(marker))
    path = content_reads._snapshot_path(f"fact:{CRISIS_FACT}")
    for where in (path, path.with_suffix(".pickle")):
        where.write_bytes(planted)
    with pytest.raises(OperationalError):
        during_an_outage_in_a_new_process(lambda: content_reads.fact(CRISIS_FACT))
    assert not marker.exists()


def test_a_withdrawn_crisis_line_is_not_shown_from_the_snapshot(
    content: None, snapshot_dir: Path
) -> None:
    fact = models.Fact.objects.get(slug=CRISIS_FACT)
    assert content_reads.fact(CRISIS_FACT) == fact
    fact.status = models.Status.DRAFT  # an editor withdraws it
    fact.save()
    assert content_reads.fact(CRISIS_FACT) is None
    assert during_an_outage_in_a_new_process(lambda: content_reads.fact(CRISIS_FACT)) is None


def test_every_shape_of_content_comes_back_from_the_snapshot(
    content: None, snapshot_dir: Path
) -> None:
    readers = {
        "a row": lambda: content_reads.fact(CRISIS_FACT),
        "a list of rows": content_reads.lenders,
        "a list and its items": lambda: content_reads.checklist("door"),
        "every model": content_reads.all_sourced,
    }
    fresh = {name: read() for name, read in readers.items()}
    for name, read in readers.items():
        kept = during_an_outage_in_a_new_process(read)
        assert kept == fresh[name], name
    card, items = during_an_outage_in_a_new_process(lambda: content_reads.checklist("door"))
    assert card is not None and items
    assert [item.text_zh_hans for item in items] == [
        i.text_zh_hans for i in fresh["a list and its items"][1]
    ]


def test_a_row_written_before_a_migration_is_still_read(content: None, snapshot_dir: Path) -> None:
    assert content_reads.fact(CRISIS_FACT) is not None
    path = content_reads._snapshot_path(f"fact:{CRISIS_FACT}")
    data = json.loads(path.read_text())
    data["row"]["fields"]["a_field_removed_since"] = "old"  # a column a migration dropped
    del data["row"]["fields"]["title_en"]  # a column a migration added
    path.write_text(json.dumps(data))
    fact = during_an_outage_in_a_new_process(lambda: content_reads.fact(CRISIS_FACT))
    assert fact.slug == CRISIS_FACT and fact.title_en == ""
