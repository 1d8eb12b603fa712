"""Print the lowest versions pyproject.toml declares, as pip constraints (`name==floor`), for
`make test-floors`: the runtime dependencies and the `gui` extra. A requirement without a `>=` floor is
left to pip (it may take any version, so it is no floor to test)."""

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


if __name__ == "__main__":
    print("\n".join(floors(Path(sys.argv[1] if len(sys.argv) > 1 else "pyproject.toml"))))
