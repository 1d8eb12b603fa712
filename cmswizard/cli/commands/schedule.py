"""`cmswizard schedule install|show`: a daily `renew run` under systemd, cron or the Windows Task
Scheduler. Nothing is installed unless asked; `install` writes the files and prints the one command that
activates them (it runs none). Never imports Qt."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.cli.output import ExitCode, say
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.safe_text import shown

if TYPE_CHECKING:
    from cmswizard.cli.commands import Commands

__all__ = ["register"]


def _systemd_user_dir() -> Path:
    return Path.home() / ".config" / "systemd" / "user"


def _kind(args: argparse.Namespace) -> str:
    chosen = [name for name in ("systemd", "cron", "windows_task") if getattr(args, name)]
    if len(chosen) != 1:
        raise CmsInputError("schedule install", "choose one of --systemd, --cron, --windows-task")
    return chosen[0].replace("_", "-")


def _cmd_install(args: argparse.Namespace) -> int:
    from cmswizard.cms.plan import read_plan
    from cmswizard.cms.schedule import SchedulerKind, renew_command, schedule_files
    from cmswizard.pki.files import OutputFile, write_files

    plan = Path(args.plan).resolve()
    read_plan(plan)  # a bad plan is refused now, not at 3 a.m.
    kind = SchedulerKind(_kind(args))
    files = schedule_files(kind, renew_command(args.python or sys.executable, plan), plan)
    default = _systemd_user_dir() if kind is SchedulerKind.SYSTEMD else plan.parent
    folder = Path(args.dir) if args.dir else default
    folder.mkdir(parents=True, exist_ok=True)
    outputs = [
        OutputFile(
            folder / f.name, f.text.encode("utf-16") if f.name.endswith(".xml") else f.text.encode(), replace=args.force
        )
        for f in files
    ]
    write_files(outputs)
    for output in outputs:
        say(f"wrote {shown(output.path, 300)}")
    if kind is SchedulerKind.SYSTEMD:
        user = "" if args.dir else " --user"
        say(f"activate it: systemctl{user} daemon-reload && systemctl{user} enable --now cmswizard-renew.timer")
    elif kind is SchedulerKind.CRON:
        path = shown(outputs[0].path, 300)
        say(
            f"activate it: (crontab -l 2>/dev/null; grep -v '^#' {path}) | crontab -   (or copy it to /etc/cron.d with a user field)"
        )
    else:
        say(f'activate it: schtasks /Create /TN cmswizard-renew /XML "{shown(outputs[0].path, 300)}"')
    return ExitCode.OK


def _last_run_systemd(user: bool) -> str:
    systemctl = shutil.which("systemctl")
    if systemctl is None:
        return ""
    try:
        done = subprocess.run(
            [
                systemctl,
                *(["--user"] if user else []),
                "show",
                "cmswizard-renew.service",
                "-p",
                "ExecMainExitTimestamp",
                "-p",
                "ExecMainStatus",
            ],
            capture_output=True,
            text=True,
            timeout=5,
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    values = dict(line.partition("=")[::2] for line in done.stdout.splitlines())
    when = values.get("ExecMainExitTimestamp", "").strip()
    return f"last ran {when} (exit {values.get('ExecMainStatus', '?')})" if when else "has not run yet"


def _cmd_show(args: argparse.Namespace) -> int:
    from cmswizard.cms.schedule import UNIT_NAME

    plan_folder = Path(args.plan).resolve().parent if args.plan else Path.cwd()
    places = [
        ("systemd", Path(args.dir) if args.dir else _systemd_user_dir(), f"{UNIT_NAME}.timer"),
        ("cron", Path(args.dir) if args.dir else plan_folder, f"{UNIT_NAME}.cron"),
        ("Windows task", Path(args.dir) if args.dir else plan_folder, f"{UNIT_NAME}.xml"),
    ]
    found = 0
    for label, folder, name in places:
        path = folder / name
        if not path.is_file():
            continue
        found += 1
        runs = ""
        if label == "systemd":
            service = path.with_suffix(".service")
            lines = service.read_text(errors="replace").splitlines() if service.is_file() else []
            runs = next((line.removeprefix("ExecStart=") for line in lines if line.startswith("ExecStart=")), "")
            last = _last_run_systemd(user=not args.dir)
        else:
            lines = path.read_text(
                encoding="utf-16" if name.endswith(".xml") else "utf-8", errors="replace"
            ).splitlines()
            runs = next((line.strip() for line in lines if "renew run" in line), "")
            last = "last run: see the scheduler's own log (cron and the Task Scheduler keep it)"
        say(f"{label}: {shown(path, 300)} runs {shown(runs, 300)}" + (f"; {last}" if last else ""))
    if args.plan:
        from cmswizard.cms.renewal_state import state_path

        state = state_path(Path(args.plan))
        if state.exists():
            import datetime as dt

            changed = dt.datetime.fromtimestamp(state.stat().st_mtime, dt.UTC)
            say(
                f"the renewal state {shown(state.name)} last changed {changed:%Y-%m-%d %H:%M} UTC (runs with nothing due write nothing)"
            )
    if not found:
        say("no schedule installed (cmswizard schedule install --plan P --systemd|--cron|--windows-task)")
        return ExitCode.CHECK_FAILED
    return ExitCode.OK


def register(commands: Commands) -> None:
    schedule = commands.add_parser("schedule", help="run `renew run` daily: systemd timer, cron or Windows task")
    verbs = schedule.add_subparsers(dest="schedule_verb", parser_class=type(schedule), required=True)
    install = verbs.add_parser(
        "install",
        help="write the schedule files (daily, random delay, catch-up after downtime); prints how to activate",
    )
    install.add_argument("--plan", required=True, help="the plan file the daily run renews")
    group = install.add_mutually_exclusive_group(required=True)
    group.add_argument("--systemd", action="store_true", help="a service + timer (default ~/.config/systemd/user)")
    group.add_argument("--cron", action="store_true", help="a crontab line, written beside the plan")
    group.add_argument("--windows-task", action="store_true", help="a Task Scheduler XML, written beside the plan")
    install.add_argument("--dir", help="write the files into this folder instead")
    install.add_argument("--python", help="the Python that runs cmswizard (default: this one)")
    install.add_argument("--force", action="store_true", help="replace files written before")
    install.set_defaults(run=_cmd_install)
    show = verbs.add_parser("show", help="what is installed, what it runs and when it last ran")
    show.add_argument("--plan", help="the plan (looks beside it for cron and Windows files, and at its state)")
    show.add_argument("--dir", help="look in this folder instead")
    show.set_defaults(run=_cmd_show)
