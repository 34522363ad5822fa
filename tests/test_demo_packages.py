"""The hand-written demo wheels: real pip installs them, and they behave as the lessons say."""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

from venvtour.demo_packages import VERSIONS, wheel_name, write_wheels


def test_wheels_are_written_byte_for_byte_the_same(tmp_path: Path) -> None:
    first = [path.read_bytes() for path in write_wheels(tmp_path / "one")]
    second = [path.read_bytes() for path in write_wheels(tmp_path / "two")]
    assert first == second
    assert [path.name for path in write_wheels(tmp_path / "one")] == [wheel_name(version) for version in VERSIONS]


def test_record_lists_every_file_of_the_wheel(tmp_path: Path) -> None:
    wheel = write_wheels(tmp_path)[0]
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        record = archive.read("demo_lib-1.0.dist-info/RECORD").decode()
    recorded = {line.split(",")[0] for line in record.splitlines() if line}
    assert recorded == names


def test_pip_installs_each_version_with_its_command(tmp_path: Path, base_python: Path) -> None:
    wheels = tmp_path / "wheels"
    write_wheels(wheels)
    for version in VERSIONS:
        target = tmp_path / f"target-{version}"
        subprocess.run(
            [
                str(base_python),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--no-index",
                "--find-links",
                str(wheels),
                "--target",
                str(target),
                f"demo-lib=={version}",
            ],
            check=True,
            env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
        )
        completed = subprocess.run(
            [str(base_python), "-c", "import demo_lib; demo_lib.main()"],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": str(target)},
        )
        assert completed.stdout.startswith(f"demo-lib {version} from {target}")
        assert (target / "bin" / "demo-lib").is_file() or (target / "Scripts" / "demo-lib.exe").is_file()
