"""What a scheduler runs once a day: `cmswizard renew run --plan P`, as a systemd service + timer, a cron
line, or a Windows Task Scheduler task (XML). Text only: `cli/commands/schedule.py` writes the files
when asked (`schedule install`), never otherwise.

Daily with a random delay (many hosts renewing at midnight sharp hammer a CA; Let's Encrypt asks for
jitter), and catching up a run missed while the host was off (systemd `Persistent=true`, Windows
`StartWhenAvailable`). `renew run` is idempotent and writes nothing when nothing is due, so a daily run
costs one line in the log.
"""

from __future__ import annotations

import enum
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.safe_text import has_control

__all__ = ["UNIT_NAME", "ScheduleFile", "SchedulerKind", "renew_command", "schedule_files"]

UNIT_NAME = "cmswizard-renew"
RANDOM_DELAY_SECONDS = 3600


class SchedulerKind(enum.Enum):
    SYSTEMD = "systemd"
    CRON = "cron"
    WINDOWS_TASK = "windows-task"


@dataclass(frozen=True)
class ScheduleFile:
    name: str  # file name inside the target folder
    text: str


def renew_command(python: str, plan: Path) -> list[str]:
    """The command line the scheduler runs (absolute paths: a scheduler has no working folder of ours)."""
    for value in (python, str(plan)):
        if has_control(value) or "\n" in value:
            raise CmsInputError(value, "holds a control character; a scheduler cannot run it safely")
    return [python, "-m", "cmswizard", "renew", "run", "--plan", str(plan)]


def _systemd_quote(word: str) -> str:
    """A word for ExecStart=: in double quotes, with \\ and " escaped and % doubled (systemd specifiers)."""
    escaped = word.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
    return f'"{escaped}"'


def schedule_files(kind: SchedulerKind, command: Sequence[str], plan: Path) -> list[ScheduleFile]:
    folder = str(plan.parent)
    if kind is SchedulerKind.SYSTEMD:
        service = "\n".join(
            [
                "[Unit]",
                f"Description=cmswizard: renew the CMS certificates of {plan.name} when due",
                "Wants=network-online.target",
                "After=network-online.target",
                "",
                "[Service]",
                "Type=oneshot",
                f"WorkingDirectory={_systemd_quote(folder)}",
                "ExecStart=" + " ".join(_systemd_quote(word) for word in command),
                "# exit 1: something needs a person (the journal lists it); 2: a bad plan",
                "SuccessExitStatus=0",
                "Nice=10",
                "",
            ]
        )
        timer = "\n".join(
            [
                "[Unit]",
                f"Description=cmswizard: daily renewal check for {plan.name}",
                "",
                "[Timer]",
                "OnCalendar=daily",
                "Persistent=true",
                f"RandomizedDelaySec={RANDOM_DELAY_SECONDS}",
                "",
                "[Install]",
                "WantedBy=timers.target",
                "",
            ]
        )
        return [ScheduleFile(f"{UNIT_NAME}.service", service), ScheduleFile(f"{UNIT_NAME}.timer", timer)]
    if kind is SchedulerKind.CRON:
        line = " ".join(shlex.quote(word) for word in command).replace("%", "\\%")  # % ends a cron command
        text = "\n".join(
            [
                "# cmswizard: daily renewal check (a random minute in the 3 o'clock hour; cron has no jitter of its own)",
                f"{_minute(plan)} 3 * * * cd {shlex.quote(folder).replace('%', chr(92) + '%')} && {line}",
                "",
            ]
        )
        return [ScheduleFile(f"{UNIT_NAME}.cron", text)]
    arguments = " ".join(_windows_quote(word) for word in command[1:])
    xml = f"""<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.4" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Description>cmswizard: renew the CMS certificates of {xml_escape(plan.name)} when due</Description>
  </RegistrationInfo>
  <Triggers>
    <CalendarTrigger>
      <StartBoundary>2026-01-01T03:00:00</StartBoundary>
      <RandomDelay>PT{RANDOM_DELAY_SECONDS // 60}M</RandomDelay>
      <ScheduleByDay>
        <DaysInterval>1</DaysInterval>
      </ScheduleByDay>
    </CalendarTrigger>
  </Triggers>
  <Settings>
    <StartWhenAvailable>true</StartWhenAvailable>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <RunOnlyIfNetworkAvailable>true</RunOnlyIfNetworkAvailable>
    <ExecutionTimeLimit>PT1H</ExecutionTimeLimit>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>{xml_escape(command[0])}</Command>
      <Arguments>{xml_escape(arguments)}</Arguments>
      <WorkingDirectory>{xml_escape(folder)}</WorkingDirectory>
    </Exec>
  </Actions>
</Task>
"""
    return [ScheduleFile(f"{UNIT_NAME}.xml", xml)]


def _windows_quote(word: str) -> str:
    if word and not any(ch in word for ch in ' \t"'):
        return word
    return '"' + word.replace('"', '\\"') + '"'


def _minute(plan: Path) -> int:
    """A minute of the hour that differs between plans/hosts but stays the same for one plan."""
    import hashlib

    return int.from_bytes(hashlib.sha256(str(plan).encode()).digest()[:2], "big") % 60
