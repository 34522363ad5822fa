"""PowerShell (``pwsh``, or Windows PowerShell) dot-sources ``Activate.ps1``, which finds the venv from its own place.

Not run on the development machine (Debian has no pwsh): written from the PowerShell documentation and
the Activate.ps1 that venv writes; the shell tests run it wherever pwsh is installed.
"""

from __future__ import annotations

import base64
from pathlib import Path

from venvtour.shells.base import FIELD, RECORD, WATCHED, Shell

# The venv's prompt prefix comes from Write-Host, which goes to the information stream (6), not to output.
POWERSHELL_SNAPSHOT = f"""
function __vt_snapshot([string] $phase) {{
  $R = [char]0x{ord(RECORD):x}; $F = [char]0x{ord(FIELD):x}
  $lines = @("$R$phase")
  foreach ($name in @({", ".join(f"'{name}'" for name in WATCHED)})) {{
    $value = [Environment]::GetEnvironmentVariable($name)
    if ($null -eq $value) {{ $lines += "$name$F$F" }} else {{ $lines += "$name${{F}}set$F$value" }}
  }}
  $drawn = (& {{ prompt }} 6>&1 | ForEach-Object {{ "$_" }}) -join ''
  $lines += "prompt${{F}}set$F$drawn"
  $python = Get-Command python -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
  if ($python) {{ $lines += "python${{F}}set$F$($python.Source)" }} else {{ $lines += "python$F$F" }}
  [Console]::Out.Write(($lines -join "`n") + "`n")
}}
"""

# A script that may not run (Windows' execution policy) fails the dot-source with a terminating error.
CAPTURE_STEPS = """
__vt_snapshot before
try { . $env:VENVTOUR_ACTIVATE } catch { [Console]::Error.WriteLine($_.ToString()); exit 3 }
__vt_snapshot after
deactivate
__vt_snapshot restored
"""


class PowerShell(Shell):
    name = "powershell"
    programs = ("pwsh", "powershell")
    script_name = "Activate.ps1"

    def capture_script(self) -> str:
        return POWERSHELL_SNAPSHOT + CAPTURE_STEPS

    def argv(self, program: str, script: str) -> list[str]:
        """``-EncodedCommand`` (base64 of UTF-16LE) passes the script intact past Windows' command-line quoting."""
        encoded = base64.b64encode(script.encode("utf-16-le")).decode("ascii")
        return [program, "-NoLogo", "-NoProfile", "-NonInteractive", "-EncodedCommand", encoded]

    def private_environment(self, scratch: Path) -> dict[str, str]:
        """pwsh writes caches under the XDG folders and phones home at start-up unless told not to."""
        return {
            "XDG_CONFIG_HOME": str(scratch / "config"),
            "XDG_DATA_HOME": str(scratch / "data"),
            "XDG_CACHE_HOME": str(scratch / "cache"),
            "POWERSHELL_TELEMETRY_OPTOUT": "1",
            "POWERSHELL_UPDATECHECK": "Off",
        }
