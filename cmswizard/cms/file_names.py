"""One file name from a plan: a plain name in the plan's folder (cms/plan_names.py has the plan-wide rules).

Apart from the plan-wide checks so that any plan section's reader (e.g. `[apply]`, cms/apply_settings.py)
can use the rule without importing the plan's types back (no import circle).
"""

from __future__ import annotations

from pathlib import Path

from cmswizard.pki.errors import N_, CmsInputError, Text, as_message
from cmswizard.pki.safe_text import has_control

__all__ = ["MAX_NAME_CHARS", "file_in_folder", "plain_name_problem"]

MAX_NAME_CHARS = 100  # the MMP's own file names are short; 255 bytes is every file system's limit
_STICK_FORBIDDEN = '*?"<>|'  # FAT and Windows refuse these; the files travel on a stick


def plain_name_problem(name: str) -> str:
    """Why `name` is not a plain file name in the plan's folder ("" when it is one)."""
    if not name:
        return N_("is empty; give a file name")
    if has_control(name):
        return N_("holds control characters (a newline or ESC?); give a plain file name in the plan's folder")
    if "/" in name or "\\" in name:
        return N_("is a path; give a plain file name in the plan's folder (no '/' or '\\')")
    if ".." in name or name == ".":
        return N_("holds '..'; give a plain file name in the plan's folder")
    if ":" in name:
        return N_("holds ':' (a drive letter or a stream); give a plain file name in the plan's folder")
    if any(ch.isspace() for ch in name):
        return N_("holds a space; the MMP would read it as two words: use '-' or '_' instead")
    bad = sorted({ch for ch in name if ch in _STICK_FORBIDDEN})
    if bad:
        return Text(N_("holds {chars}, which a USB stick (FAT) or Windows cannot hold; rename it"), chars=" ".join(bad))
    if len(name) > MAX_NAME_CHARS:
        return Text(N_("is {count} characters long; use at most {limit}"), count=len(name), limit=MAX_NAME_CHARS)
    return ""


def file_in_folder(folder: Path, name: str, where: str) -> Path:
    """`folder / name` for a name the plan gave, refused unless it is a file inside `folder`: a plain
    name (the plan reader checked it) whose link, if it is one, does not lead out of the folder."""
    problem = plain_name_problem(name)
    if problem:
        raise CmsInputError(where, Text("{name}: {problem}", name=name, problem=as_message(problem)))
    path = folder / name
    try:
        real = path.resolve(strict=True)
        home = folder.resolve(strict=True)
    except (OSError, RuntimeError):  # missing, or a loop of links: the reader says which
        return path
    if real.parent != home:
        raise CmsInputError(
            str(path),
            Text(
                N_("is a link to {target}, outside the plan's folder; only files in the folder are sent: copy it in"),
                target=str(real),
            ),
        )
    return path
