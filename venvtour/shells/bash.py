"""bash, run interactive so that ``PS1`` exists; it sources the venv's plain ``activate``."""

from __future__ import annotations

from venvtour.shells.base import FIELD, RECORD, WATCHED, Shell

BASH_SNAPSHOT = rf"""
__vt_snapshot() {{
  printf '{RECORD}%s\n' "$1"
  for __vt_name in {" ".join(WATCHED)}; do
    printf '%s{FIELD}%s{FIELD}%s\n' "$__vt_name" "${{!__vt_name+set}}" "${{!__vt_name-}}"
  done
  printf 'prompt{FIELD}%s{FIELD}%s\n' "${{PS1+set}}" "${{PS1@P}}"
  printf 'python{FIELD}%s{FIELD}%s\n' "$(command -v python >/dev/null && echo set)" "$(command -v python)"
}}
"""

CAPTURE_STEPS = """
__vt_snapshot before
. "$VENVTOUR_ACTIVATE" || exit 3
__vt_snapshot after
deactivate || exit 4
__vt_snapshot restored
"""


class Bash(Shell):
    name = "bash"
    programs = ("bash",)
    script_name = "activate"

    def capture_script(self) -> str:
        return BASH_SNAPSHOT + CAPTURE_STEPS

    def argv(self, program: str, script: str) -> list[str]:
        return [program, "--norc", "--noprofile", "-i", "-c", script]
