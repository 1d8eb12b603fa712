"""A simulated clock for renewal runs: "now" is whatever day the test says, and a certificate the real
CA (pebble) issued is read as if it had been issued on the simulated day of its issuance.

pebble stamps real times into what it issues; the test tells the clock, after each run that issued, which
simulated moment the new certificate's notBefore stands for (`issued`). Certificates it was not told of
read as they are.
"""

from __future__ import annotations

import datetime as dt


class SimulatedClock:
    def __init__(self, start: dt.datetime) -> None:
        self.current = start
        self._issued_at: dict[dt.datetime, dt.datetime] = {}  # real notBefore → simulated moment

    def now(self) -> dt.datetime:
        return self.current

    def advance(self, delta: dt.timedelta) -> None:
        self.current += delta

    def issued(self, real_not_before: dt.datetime, simulated: dt.datetime) -> None:
        self._issued_at[real_not_before] = simulated

    def validity(self, not_before: dt.datetime, not_after: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
        shift = self._issued_at.get(not_before, not_before) - not_before
        return not_before + shift, not_after + shift
