"""A year of daily `renew run`s on a simulated clock with 47-day certificates from a real CA (pebble):
every certificate renewed exactly when due (a third of its lifetime left), never twice, never expired."""

from __future__ import annotations

import datetime as dt
import itertools
import os
from pathlib import Path

import pytest

from cmswizard.cms.plan import read_plan
from cmswizard.cms.renewal_run import RunOptions, due_moment, run_renewal
from cmswizard.pki.loader import load_file
from cmswizard.remote.acme import connect_issuer

from helpers.acme_bed import bed_missing_reason, running_bed
from helpers.clock import SimulatedClock

pytestmark = pytest.mark.skipif(bed_missing_reason() is not None, reason=str(bed_missing_reason()))


def test_a_year_of_daily_runs(tmp_path: Path) -> None:
    with running_bed() as bed:
        plan_path = bed.plan(tmp_path)
        plan = read_plan(plan_path)
        clock = SimulatedClock(dt.datetime(2027, 1, 4, 3, 0, tzinfo=dt.UTC))
        ports: dict[str, object] = {}

        def connect(issuer):  # type: ignore[no-untyped-def]
            if issuer.name not in ports:  # one account session for the year (as one long-lived host would)
                ports[issuer.name] = connect_issuer(issuer, tmp_path)
            return ports[issuer.name]

        issued_on: list[int] = []
        state_file = tmp_path / "site.renewal.json"
        for day in range(366):
            before = state_file.stat().st_mtime_ns if state_file.exists() else None
            (outcome,) = run_renewal(
                plan, plan_path, tmp_path, connect=connect, clock=clock, options=RunOptions(issue_only=True)
            )
            assert outcome.ok, outcome.needs_person
            current = load_file(tmp_path / f"{outcome.current}.crt").certificates[0]
            if outcome.changed:
                issued_on.append(day)
                clock.issued(current.not_valid_before_utc, clock.now())
            else:
                assert (state_file.stat().st_mtime_ns if state_file.exists() else None) == before  # wrote nothing
            not_before, not_after = clock.validity(current.not_valid_before_utc, current.not_valid_after_utc)
            assert not_after - not_before == dt.timedelta(days=47) - dt.timedelta(seconds=1) or (
                not_after - not_before == dt.timedelta(days=47)
            )
            assert not_before <= clock.now() < not_after, f"day {day}: the certificate in use is not valid"
            # not due yet the day after a renewal check: the next due moment lies ahead
            assert clock.now() < due_moment(not_before, not_after), f"day {day}: due but not renewed"
            clock.advance(dt.timedelta(days=1))

        gaps = [later - earlier for earlier, later in itertools.pairwise(issued_on)]
        # 47 days, due when a third is left: 31⅓ days after issuance, i.e. at the 32nd daily run
        assert issued_on[0] == 0 and set(gaps) == {32}, issued_on
        assert len(issued_on) == 12
        keys = sorted(p.name for p in tmp_path.glob("webbridge3-*.key"))
        assert len(keys) == 12 and all(os.stat(tmp_path / k).st_mode & 0o077 == 0 for k in keys)
        assert bed.bind.all_txt() == []
