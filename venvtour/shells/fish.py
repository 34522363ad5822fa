"""fish reads ``activate.fish``: its syntax differs from bash, and its prompt is a function, not a variable."""

from __future__ import annotations

from pathlib import Path

from venvtour.shells.base import FIELD, RECORD, WATCHED, Shell

# "$$name" reads the variable named by $name; a quoted PATH expands joined with ':' like everywhere else.
FISH_SNAPSHOT = rf"""
function __vt_snapshot
  printf '{RECORD}%s\n' $argv[1]
  for __vt_name in {" ".join(WATCHED)}
    if set -q $__vt_name
      printf '%s{FIELD}set{FIELD}%s\n' $__vt_name "$$__vt_name"
    else
      printf '%s{FIELD}{FIELD}\n' $__vt_name
    end
  end
  printf 'prompt{FIELD}set{FIELD}%s\n' (fish_prompt | string collect)
  if command -q python
    printf 'python{FIELD}set{FIELD}%s\n' (command -v python)
  else
    printf 'python{FIELD}{FIELD}\n'
  end
end
"""

CAPTURE_STEPS = """
__vt_snapshot before
source "$VENVTOUR_ACTIVATE"; or exit 3
__vt_snapshot after
deactivate; or exit 4
__vt_snapshot restored
"""


class Fish(Shell):
    name = "fish"
    programs = ("fish",)
    script_name = "activate.fish"

    def capture_script(self) -> str:
        return FISH_SNAPSHOT + CAPTURE_STEPS

    def argv(self, program: str, script: str) -> list[str]:
        """``--no-config`` skips the user's config.fish, so ``fish_prompt`` is fish's own default."""
        return [program, "--no-config", "-i", "-c", script]

    def private_environment(self, scratch: Path) -> dict[str, str]:
        """fish makes its config and data folders on every start; these keep them out of the user's home."""
        return {"XDG_CONFIG_HOME": str(scratch / "config"), "XDG_DATA_HOME": str(scratch / "data")}
