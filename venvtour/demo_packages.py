"""Two tiny wheels, demo-lib 1.0 and 2.0, written by hand so lessons can install real packages offline.

A wheel is only a zip archive: the package's files, and a ``.dist-info`` folder holding METADATA, WHEEL,
entry_points.txt and a RECORD that lists every file with its hash. Writing one with :mod:`zipfile` needs
no build backend and no network, which a classroom may not have.
"""

from __future__ import annotations

import base64
import hashlib
import zipfile
from pathlib import Path

DISTRIBUTION = "demo-lib"
PACKAGE = "demo_lib"
VERSIONS = ("1.0", "2.0")
SCRIPT = "demo-lib"
FIXED_DATE = (2024, 1, 1, 0, 0, 0)


def wheel_name(version: str) -> str:
    return f"{PACKAGE}-{version}-py3-none-any.whl"


def module_source(version: str) -> str:
    return (
        '"""A demo package made by venvtour; each version says which one it is and where it was imported from."""\n'
        "\n"
        f'__version__ = "{version}"\n'
        "\n"
        "\n"
        "def main():\n"
        '    print("demo-lib " + __version__ + " from " + __file__)\n'
    )


def wheel_files(version: str) -> dict[str, str]:
    """Every file of the wheel but RECORD, which lists these."""
    info = f"{PACKAGE}-{version}.dist-info"
    return {
        f"{PACKAGE}/__init__.py": module_source(version),
        f"{info}/METADATA": (
            f"Metadata-Version: 2.1\nName: {DISTRIBUTION}\nVersion: {version}\n"
            "Summary: A tiny package made by venvtour for its lessons\n"
        ),
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: venvtour\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        f"{info}/entry_points.txt": f"[console_scripts]\n{SCRIPT} = {PACKAGE}:main\n",
    }


def record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"{name},sha256={digest},{len(data)}"


def write_wheel(folder: Path, version: str) -> Path:
    """Write one wheel into ``folder``; the same version always gives the same bytes."""
    files = {name: text.encode("utf-8") for name, text in wheel_files(version).items()}
    record_name = f"{PACKAGE}-{version}.dist-info/RECORD"
    record = "\n".join([*(record_line(name, data) for name, data in files.items()), f"{record_name},,", ""])
    files[record_name] = record.encode("utf-8")
    path = folder / wheel_name(version)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(zipfile.ZipInfo(name, FIXED_DATE), data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def write_wheels(folder: Path) -> tuple[Path, ...]:
    folder.mkdir(parents=True, exist_ok=True)
    return tuple(write_wheel(folder, version) for version in VERSIONS)
