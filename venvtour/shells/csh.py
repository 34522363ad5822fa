"""csh and tcsh read ``activate.csh``, which sets PATH, VIRTUAL_ENV and ``prompt`` but never touches PYTHONHOME.

csh has no functions, so the snapshot is written out once per phase. ``prompt`` is a shell variable
holding ``%`` codes that only the line editor draws; it is shown as it is set.
"""

from __future__ import annotations

from venvtour.shells.base import FIELD, PHASES, RECORD, WATCHED, Shell

# `tcsh -c` leaves prompt unset even with -i; an interactive tcsh starts with this one, and activate.csh reads it.
DEFAULT_PROMPT = "if (! $?prompt) set prompt = '%# '\n"


def csh_field(record: str, variable: str) -> str:
    return (
        f"if ($?{variable}) then\n"
        f"  printf '{record}{FIELD}set{FIELD}%s\\n' \"${variable}\"\n"
        f"else\n"
        f"  printf '{record}{FIELD}{FIELD}\\n'\n"
        f"endif\n"
    )


def csh_snapshot(phase: str) -> str:
    fields = "".join(csh_field(name, name) for name in WATCHED)
    python = (
        'set __vt_python = "`which python`"\n'
        "if ($status == 0) then\n"
        f"  printf 'python{FIELD}set{FIELD}%s\\n' \"$__vt_python\"\n"
        "else\n"
        f"  printf 'python{FIELD}{FIELD}\\n'\n"
        "endif\n"
    )
    return f"printf '{RECORD}%s\\n' {phase}\n" + fields + csh_field("prompt", "prompt") + python


class Csh(Shell):
    name = "csh"
    programs = ("tcsh", "csh")
    script_name = "activate.csh"

    def capture_script(self) -> str:
        before, after, restored = (csh_snapshot(phase) for phase in PHASES)
        return DEFAULT_PROMPT + before + 'source "$VENVTOUR_ACTIVATE"\n' + after + "deactivate\n" + restored

    def argv(self, program: str, script: str) -> list[str]:
        """``-f`` skips ~/.cshrc and ~/.tcshrc, so the prompt is the shell's own default."""
        return [program, "-f", "-i", "-c", script]
