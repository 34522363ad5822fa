"""zsh sources the same ``activate`` as bash; only the snapshot needs zsh's own expansions."""

from __future__ import annotations

from venvtour.shells.base import FIELD, RECORD, WATCHED, Shell
from venvtour.shells.bash import CAPTURE_STEPS

# ${(P)name} reads the variable named by $name, ${(P)+name} says whether it is set, ${(%)PS1} draws the prompt.
ZSH_SNAPSHOT = rf"""
__vt_snapshot() {{
  printf '{RECORD}%s\n' "$1"
  for __vt_name in {" ".join(WATCHED)}; do
    if (( ${{(P)+__vt_name}} )); then __vt_set=set; else __vt_set=; fi
    printf '%s{FIELD}%s{FIELD}%s\n' "$__vt_name" "$__vt_set" "${{(P)__vt_name-}}"
  done
  printf 'prompt{FIELD}%s{FIELD}%s\n' "${{PS1+set}}" "${{(%)PS1}}"
  printf 'python{FIELD}%s{FIELD}%s\n' "$(command -v python >/dev/null && echo set)" "$(command -v python)"
}}
"""


class Zsh(Shell):
    name = "zsh"
    programs = ("zsh",)
    script_name = "activate"

    def capture_script(self) -> str:
        return ZSH_SNAPSHOT + CAPTURE_STEPS

    def argv(self, program: str, script: str) -> list[str]:
        """``-f`` skips the user's start-up files, so the prompt is zsh's own default."""
        return [program, "-f", "-i", "-c", script]
