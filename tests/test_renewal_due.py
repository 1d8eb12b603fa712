"""When a certificate is due (ARI window, a third of the lifetime, --due), and a damaged state file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cmswizard.cms.renewal_run import due_moment, parse_due
from cmswizard.cms.renewal_state import read_state
from cmswizard.pki.errors import CmsInputError

START = dt.datetime(2029, 3, 15, tzinfo=dt.UTC)
END = START + dt.timedelta(days=47)


def test_a_third_of_the_lifetime_left() -> None:
    assert END - due_moment(START, END) == dt.timedelta(days=47) / 3


def test_the_cas_renewal_window_wins_when_offered() -> None:
    window = (START + dt.timedelta(days=20), START + dt.timedelta(days=22))  # e.g. moved earlier for a revocation
    assert due_moment(START, END, window=window) == window[0]


def test_due_days_override_everything() -> None:
    window = (START + dt.timedelta(days=20), START + dt.timedelta(days=22))
    assert due_moment(START, END, window=window, due_days=30) == END - dt.timedelta(days=30)


@pytest.mark.parametrize(("text", "days"), [("auto", None), ("30d", 30), ("7", 7)])
def test_parse_due(text: str, days: int | None) -> None:
    assert parse_due(text) == days


@pytest.mark.parametrize("text", ["soon", "-3d", "30 days", ""])
def test_parse_due_refuses(text: str) -> None:
    with pytest.raises(CmsInputError, match="--due: write auto or a number of days such as 30d"):
        parse_due(text)


@pytest.mark.parametrize(
    "content",
    [
        b"{",
        b'{"schema": 9, "certificates": {}}',
        b'{"schema": 1, "certificates": {"a": {"step": "flying"}}}',
        b'{"schema": 1, "certificates": {"a": {"txt": ["no spaces"]}}}',
        b'{"schema": 1, "certificates": {"a": {"order": 5}}}',
    ],
)
def test_damaged_state_is_one_line(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "site.renewal.json"
    path.write_bytes(content)
    with pytest.raises(CmsInputError, match=r"is not a renewal state cmswizard wrote \(damaged\?\)"):
        read_state(path)
