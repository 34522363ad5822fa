"""Runs inside the interpreter being inspected and prints its facts as one JSON object.

It is executed with ``python -c`` by :mod:`venvtour.probe`, never imported by the tool, so it must
stay self-contained and work on every Python the tour may meet (3.6 and newer): no f-string
features newer than 3.6, no third-party imports.
"""
import json
import os
import platform
import site
import sys
import sysconfig

VENV_CONFIG = "pyvenv.cfg"
EXTERNALLY_MANAGED = "EXTERNALLY-MANAGED"
OLDEST = (3, 6)

if sys.version_info < OLDEST:
    sys.stderr.write("this is Python %d.%d; venvtour can inspect Python 3.6 and newer\n" % sys.version_info[:2])
    sys.exit(3)


def find_pyvenv_cfg(executable):
    """Look where ``site.venv()`` looks: next to the executable, then one folder above it."""
    exe_dir = os.path.dirname(os.path.abspath(executable))
    for folder in (exe_dir, os.path.dirname(exe_dir)):
        candidate = os.path.join(folder, VENV_CONFIG)
        if os.path.isfile(candidate):
            return candidate
    return None


def read_config(path):
    """Parse ``key = value`` lines the way ``site.venv()`` does (first ``=`` splits)."""
    values = {}
    if path is None:
        return values
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if "=" in line:
                key, _, value = line.partition("=")
                values[key.strip().lower()] = value.strip()
    return values


def venv_scripts_name():
    """The scripts folder this interpreter's ``venv`` would create, as sysconfig says."""
    if "venv" in sysconfig.get_scheme_names():
        base = os.path.abspath(os.sep + "venv-probe-base")
        scripts = sysconfig.get_path("scripts", "venv", vars={"base": base, "platbase": base})
        return os.path.relpath(scripts, base)
    return "Scripts" if os.name == "nt" else "bin"


def site_packages():
    if hasattr(site, "getsitepackages"):
        return list(site.getsitepackages())
    return [sysconfig.get_path("purelib")]


def user_site():
    if hasattr(site, "getusersitepackages"):
        return site.getusersitepackages()
    return None


def pth_paths(site_dirs):
    """Folders that ``.pth`` files put on ``sys.path``, found the way ``site.addpackage`` reads them."""
    found = []
    for site_dir in site_dirs:
        try:
            names = sorted(name for name in os.listdir(site_dir) if name.endswith(".pth"))
        except OSError:
            continue
        for name in names:
            try:
                with open(os.path.join(site_dir, name), encoding="utf-8", errors="replace") as handle:
                    lines = handle.read().splitlines()
            except OSError:
                continue
            for line in lines:
                if not line.strip() or line.startswith("#") or line.startswith(("import ", "import\t")):
                    continue
                folder = os.path.abspath(os.path.join(site_dir, line.rstrip()))
                if folder in sys.path and folder not in found:
                    found.append(folder)
    return found


def pip_module():
    """Where ``python -m pip`` would import pip from, found without importing it."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("pip")
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    return spec.origin if spec.origin and spec.origin != "namespace" else None


def facts():
    probe_entry = sys.path[0] if sys.path and sys.path[0] == "" else None
    stdlib = sysconfig.get_path("stdlib")
    marker = os.path.join(stdlib, EXTERNALLY_MANAGED)
    config = find_pyvenv_cfg(sys.executable)
    base_prefix = getattr(sys, "real_prefix", getattr(sys, "base_prefix", sys.prefix))
    user = user_site()
    site_dirs = site_packages() + ([user] if user and site.ENABLE_USER_SITE else [])
    python_path = os.environ.get("PYTHONPATH", "")
    return {
        "executable": sys.executable,
        "executable_resolved": os.path.realpath(sys.executable),
        "version": platform.python_version(),
        "version_info": list(sys.version_info[:3]),
        "implementation": sys.implementation.name,
        "platform": sys.platform,
        "os_name": os.name,
        "prefix": sys.prefix,
        "base_prefix": base_prefix,
        "exec_prefix": sys.exec_prefix,
        "base_exec_prefix": getattr(sys, "base_exec_prefix", sys.exec_prefix),
        "in_venv": sys.prefix != base_prefix,
        "path": sys.path[1:] if probe_entry is not None else list(sys.path),
        "site_packages": site_packages(),
        "user_site": user,
        "user_site_enabled": bool(site.ENABLE_USER_SITE),
        "purelib": sysconfig.get_path("purelib"),
        "scripts": sysconfig.get_path("scripts"),
        "stdlib": stdlib,
        "externally_managed": marker if os.path.isfile(marker) else None,
        "pyvenv_cfg": config,
        "pyvenv_cfg_values": read_config(config),
        "venv_scripts_name": venv_scripts_name(),
        "platstdlib": sysconfig.get_path("platstdlib"),
        "pth_paths": pth_paths(site_dirs),
        "pythonpath": [os.path.abspath(entry) for entry in python_path.split(os.pathsep) if entry],
        "pip_module": pip_module(),
        "cwd_entry": probe_entry is not None,
    }


sys.stdout.write(json.dumps(facts()))
