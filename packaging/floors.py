"""Print the lowest versions pyproject.toml declares, as pip constraints (`name==floor`), for
`make test-floors`: the runtime dependencies and the `gui` extra. A requirement without a `>=` floor is
left to pip (it may take any version, so it is no floor to test). With --check, run by the floors venv's
Python: say which floors are installed and fail if any is not exactly its floor."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

FLOOR = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(?P<specs>[^;]*)(?P<marker>;.*)?$")


def floors(pyproject: Path) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements = [*project.get("dependencies", []), *project.get("optional-dependencies", {}).get("gui", [])]
    pins = []
    for requirement in requirements:
        match = FLOOR.match(requirement)
        if match is None:
            raise SystemExit(f"floors: cannot read the requirement {requirement!r}")
        lowest = re.search(r">=\s*([0-9][^,\s]*)", match["specs"])
        if lowest is not None:
            pins.append(f"{match[1]}=={lowest[1]}{match['marker'] or ''}")
    return pins


def check(pins: list[str]) -> int:
    from importlib.metadata import PackageNotFoundError, version

    wrong = 0
    for pin in pins:
        name, floor = pin.split(";")[0].split("==")
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = "not installed"
        same = [int(p) if p.isdigit() else p for p in installed.split(".")]
        wanted = [int(p) if p.isdigit() else p for p in floor.split(".")]
        ok = same[: len(wanted)] == wanted and all(p == 0 for p in same[len(wanted) :])
        print(f"floors: {name} {installed} (floor {floor}){'' if ok else '  <- not the floor'}")
        wrong += not ok
    return 1 if wrong else 0


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--check"]
    pins = floors(Path(arguments[0] if arguments else "pyproject.toml"))
    if "--check" in sys.argv:
        sys.exit(check(pins))
    print("\n".join(pins))
