"""Keep certificates renewed, as a person does it: choose the flow, give the plan, Dry run, Test DNS,
Renew now, and Cancel, against pebble + BIND (real CA, real DNS). English and Traditional Chinese."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from cmswizard.gui.flows import FlowKey, PageId

from helpers.acme_bed import AcmeBed, bed_missing_reason, running_bed
from helpers.journey import choose_flow, click, make_wizard, type_into

pytestmark = pytest.mark.skipif(bed_missing_reason() is not None, reason=str(bed_missing_reason()))


@pytest.fixture(scope="module")
def bed() -> Iterator[AcmeBed]:
    with running_bed() as started:
        yield started


def _cells(page, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [page.table.item(row, column).text() for column in range(page.table.columnCount())]


def test_dry_run_dns_test_renew_now(qtbot, lang: str, bed: AcmeBed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = bed.plan(tmp_path / "site")
    wizard = make_wizard(qtbot, tmp_path / "out")
    choose_flow(qtbot, wizard, FlowKey.KEEP_RENEWED)
    assert wizard.currentId() == PageId.KEEP_RENEWED
    page = wizard.currentPage()
    if lang == "zh_TW":
        assert page.renew_now.text() == "立即進行憑證更新(&R)" and page.title() == "讓憑證保持更新"
    assert not page.dry_run.isEnabled()  # no plan yet
    type_into(qtbot, page.plan_field, str(plan))

    with qtbot.waitSignal(page.finished, timeout=60_000):
        click(qtbot, page.dry_run)
    certificate, issuer, expires, state, step = _cells(page, 0)
    assert (certificate, issuer) == ("webbridge3-2026", "public")
    assert state == {"en": "valid", "zh_TW": "有效"}[lang]
    assert {"en": "no certificate yet", "zh_TW": "尚無憑證"}[lang] in step and expires != ""
    assert not (tmp_path / "site" / "webbridge3-2026.key").exists()  # a dry run writes nothing

    with qtbot.waitSignal(page.finished, timeout=60_000):
        click(qtbot, page.dns_test)
    assert "seen on ns1.test.example." in page.status.text()

    with qtbot.waitSignal(page.finished, timeout=60_000):
        click(qtbot, page.renew_now)
    certificate, issuer, expires, state, step = _cells(page, 0)
    assert state == {"en": "issued and bundled", "zh_TW": "已簽發並組成憑證組合"}[lang]
    assert {"en": "upload webbridge3-2026.key", "zh_TW": "將 webbridge3-2026.key"}[lang] in step
    assert (tmp_path / "site" / "webbridge3-2026-fullchain.crt").is_file()
    assert page.renew_now.isEnabled() and not page.cancel.isEnabled()
    assert bed.bind.all_txt() == []


def test_cancel_stops_at_a_step_and_renew_now_goes_on(qtbot, bed: AcmeBed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = bed.plan(tmp_path / "site")
    wizard = make_wizard(qtbot, tmp_path / "out")
    choose_flow(qtbot, wizard, FlowKey.KEEP_RENEWED)
    page = wizard.currentPage()
    type_into(qtbot, page.plan_field, str(plan))
    with qtbot.waitSignal(page.finished, timeout=60_000):
        click(qtbot, page.renew_now)
        click(qtbot, page.cancel)
    assert page.status.text().startswith("Cancelled.")
    assert bed.bind.all_txt() == []  # records published before Cancel are removed
    state_file = tmp_path / "site" / "site.renewal.json"
    if state_file.exists():
        assert json.loads(state_file.read_text())["certificates"]["webbridge3-2026"]["step"] != "bundled"
    with qtbot.waitSignal(page.finished, timeout=60_000):
        click(qtbot, page.renew_now)
    assert _cells(page, 0)[3] == "issued and bundled"
    assert json.loads(state_file.read_text())["certificates"]["webbridge3-2026"]["renewals"] == 1


def test_write_schedule_into_a_temporary_home(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Write schedule writes what is chosen (systemd into the home's user units, cron beside the plan), and
    runs nothing; the home here is a temporary folder, never the real one."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    site = tmp_path / "site"
    site.mkdir()
    plan = site / "site.toml"
    plan.write_text('schema = 1\n[cms]\nversion = "3.x"\ntopology = "single"\n[[node]]\nname = "cms1.example.com"\n')
    wizard = make_wizard(qtbot, tmp_path / "out")
    choose_flow(qtbot, wizard, FlowKey.KEEP_RENEWED)
    page = wizard.currentPage()
    type_into(qtbot, page.plan_field, str(plan))
    click(qtbot, page.schedule)  # systemd is the first choice
    timer = home / ".config" / "systemd" / "user" / "cmswizard-renew.timer"
    assert "Persistent=true" in timer.read_text()
    assert "activate it as docs/renewal.md says" in page.status.text()
    page.scheduler.setCurrentIndex(page.scheduler.findData("cron"))
    click(qtbot, page.schedule)
    assert f"renew run --plan {plan}" in (site / "cmswizard-renew.cron").read_text()
    click(qtbot, page.schedule)  # never over a file written before: one line says why
    assert "cmswizard-renew.cron" in page.status.text() and "activate" not in page.status.text()
