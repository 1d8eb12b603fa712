"""Never miss an expiry: an iCalendar file with one event per certificate, on the day it expires.

Times are UTC (certificates expire at an instant, not a local date). Each event carries alarms some
days before (60, 30 and 7 by default), so any calendar program reminds the admin in time to renew.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import icalendar
from cryptography import x509
from cryptography.hazmat.primitives import hashes

from cmswizard import __version__
from cmswizard.export.copy import ExportItem
from cmswizard.pki.chain import common_name
from cmswizard.pki.errors import N_, CmsInputError, Text
from cmswizard.pki.loader import load_bytes
from cmswizard.pki.safe_text import escape

__all__ = [
    "CALENDAR_NAME",
    "DEFAULT_ALARM_DAYS",
    "ExpiryEntry",
    "calendar_item",
    "check_alarm_days",
    "expiry_calendar",
    "parse_alarm_days",
]

CALENDAR_NAME = "certificate-expiry.ics"
DEFAULT_ALARM_DAYS = (60, 30, 7)
_MAX_ALARM_DAYS = 3650


@dataclass(frozen=True)
class ExpiryEntry:
    certificate: x509.Certificate
    where: str  # the file or the endpoint that holds it


# RFC 5280 4.1.2.5: a certificate without a well-defined expiration date has this notAfter
NO_EXPIRY = dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.UTC)
_LAST = dt.datetime.max.replace(tzinfo=dt.UTC)


def check_alarm_days(days: Iterable[int]) -> tuple[int, ...]:
    """Whole days before expiry, largest first, each once."""
    chosen = sorted(set(days), reverse=True)
    for value in chosen:
        if not 0 <= value <= _MAX_ALARM_DAYS:
            raise CmsInputError(
                "alarm days",
                Text(N_("{value} is out of range; give days from 0 to {limit}"), value=value, limit=_MAX_ALARM_DAYS),
            )
    return tuple(chosen)


def parse_alarm_days(text: str) -> tuple[int, ...]:
    """`60,30,7` → (60, 30, 7)."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts or not all(part.isdigit() for part in parts):
        raise CmsInputError("alarm days", N_("give whole numbers of days separated by commas, e.g. 60,30,7"))
    return check_alarm_days(int(part) for part in parts)


def _event(entry: ExpiryEntry, alarm_days: Sequence[int], stamp: dt.datetime) -> icalendar.Event:
    certificate = entry.certificate
    # Values from the certificate and the file name are data: no control, bidi or zero-width character
    # reaches a calendar program's reminders (iCalendar escapes line breaks only).
    name = escape(common_name(certificate.subject))
    fingerprint = certificate.fingerprint(hashes.SHA256()).hex()
    expires = certificate.not_valid_after_utc
    event = icalendar.Event()
    event.add("uid", f"{fingerprint}@cmswizard")
    event.add("dtstamp", stamp)
    event.add("dtstart", expires)
    event.add("dtend", min(expires, _LAST - dt.timedelta(hours=1)) + dt.timedelta(hours=1))
    event.add("summary", f"Certificate expires: {name} / 憑證到期：{name}")
    event.add(
        "description",
        "\n".join(
            [
                f"Subject: {escape(certificate.subject.rfc4514_string())}",
                f"Issuer: {escape(certificate.issuer.rfc4514_string())}",
                f"Serial: {certificate.serial_number:X}",
                f"SHA-256: {fingerprint}",
                f"Where: {escape(entry.where)}",
                f"Expires: {expires:%Y-%m-%d %H:%M} UTC",
                "Renew before this date: cmswizard renew spec <certificate file>",
                "請在此日期前更新憑證。",
            ]
        ),
    )
    event.add("categories", ["certificate"])
    for days in alarm_days:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{name}: certificate expires in {days} day(s) / 憑證將於 {days} 天後到期")
        alarm.add("trigger", -dt.timedelta(days=days))
        event.add_component(alarm)
    return event


def expiry_calendar(
    entries: Iterable[ExpiryEntry],
    *,
    alarm_days: Sequence[int] = DEFAULT_ALARM_DAYS,
    now: dt.datetime | None = None,
) -> bytes:
    """One VEVENT per distinct certificate (the first place it was found), soonest first."""
    days = check_alarm_days(alarm_days)
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    distinct: dict[bytes, ExpiryEntry] = {}
    for entry in entries:
        distinct.setdefault(entry.certificate.fingerprint(hashes.SHA256()), entry)
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//cmswizard {__version__}//certificate expiry//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Certificate expiry / 憑證到期日")
    for entry in sorted(distinct.values(), key=lambda e: e.certificate.not_valid_after_utc):
        if entry.certificate.not_valid_after_utc >= NO_EXPIRY:
            continue  # RFC 5280 4.1.2.5: 99991231235959Z means "no well-defined expiration": nothing to remind
        calendar.add_component(_event(entry, days, stamp))
    return bytes(calendar.to_ical())


def calendar_item(items: Sequence[ExportItem], *, alarm_days: Sequence[int] = DEFAULT_ALARM_DAYS) -> ExportItem | None:
    """The .ics for the stick, from every certificate in the exported files (None when there is none)."""
    entries = []
    for item in items:
        if item.private:
            continue
        try:
            loaded = load_bytes(item.data, item.name)
        except CmsInputError:
            continue  # the sheet, a note: not a certificate file
        entries += [ExpiryEntry(certificate, item.name) for certificate in loaded.certificates]
    if not entries:
        return None
    return ExportItem(CALENDAR_NAME, expiry_calendar(entries, alarm_days=alarm_days))
