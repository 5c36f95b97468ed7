"""The set-up a newcomer runs must not rot: every requirement pinned and hashed, the installer itself
pinned, the lock closed over every extra its packages ask for, and `make setup` working in a venv made
the way a fresh machine makes it (the pip python3.11 bundles, an empty cache)."""
from __future__ import annotations

import importlib.metadata as md
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCKS = [ROOT / "requirements" / name for name in ("pip.txt", "base.txt", "dev.txt")]


def _lock_entries(path: Path) -> list[tuple[str, list[str]]]:
    """(requirement, [hash options]) for each requirement of a hashed lock file."""
    text = path.read_text(encoding="utf-8").replace("\\\n", " ")
    entries = []
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        entries.append((parts[0], [p for p in parts[1:] if p.startswith("--hash")]))
    return entries


@pytest.mark.parametrize("path", LOCKS, ids=lambda p: p.name)
def test_every_requirement_is_pinned_and_hashed(path):
    entries = _lock_entries(path)
    assert entries, f"{path.name} holds no requirement"
    for req, hashes in entries:
        assert not req.startswith("-"), f"{path.name}: option {req!r} would let pip look elsewhere"
        assert re.fullmatch(r"[A-Za-z0-9._-]+==[A-Za-z0-9.+!-]+", req), \
            f"{path.name}: {req!r} is not pinned with == (and extras belong in the lock, not the line)"
        assert hashes, f"{path.name}: {req} has no --hash"


def _locked() -> dict[str, str]:
    out = {}
    for path in LOCKS[1:]:
        for req, _ in _lock_entries(path):
            name, version = req.split("==")
            out[canonicalize_name(name)] = version
    return out


def test_the_lock_holds_every_dependency_and_extra_it_needs():
    """Walk the requirements of the locked packages, extras included, in this environment: each one
    must be in the lock at a version that satisfies it (`pip-compile --strip-extras` hides extras)."""
    locked = _locked()
    env = {"python_version": "3.11", "sys_platform": "linux", "platform_system": "Linux"}
    missing = []
    todo = [(name, frozenset()) for name in locked]
    seen = set()
    while todo:
        name, extras = todo.pop()
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            missing.append(f"{name} is locked but not installed: run `make setup`")
            continue
        for line in dist.requires or []:
            req = Requirement(line)
            if req.marker and not any(req.marker.evaluate({**env, "extra": e}) for e in (extras or {""})):
                continue
            dep = canonicalize_name(req.name)
            if dep not in locked:
                missing.append(f"{name}{sorted(extras) or ''} needs {line!r}, which is not in the lock")
            elif not req.specifier.contains(locked[dep], prereleases=True):
                missing.append(f"{name} needs {line!r}, but the lock pins {dep}=={locked[dep]}")
            else:
                todo.append((dep, frozenset(req.extras)))
    assert not missing, "\n".join(missing)


@pytest.mark.slow
def test_setup_works_in_a_fresh_venv_with_the_bundled_pip(tmp_path):
    """`make setup` in a venv made by `python3.11 -m venv` (so with the pip python bundles) and an empty
    pip cache, as on a newcomer's machine: the pinned installer goes in first, then the lock (dry run,
    which still resolves and hash-checks every file against the registry)."""
    python = shutil.which("python3.11") or (sys.executable if sys.version_info[:2] == (3, 11) else None)
    if python is None:
        pytest.skip("python3.11 is not on PATH")
    venv = tmp_path / "venv"
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    bundled = subprocess.run([venv / "bin" / "python", "-m", "pip", "--version"], capture_output=True,
                             text=True, check=True).stdout
    env = {**os.environ, "PIP_CACHE_DIR": str(tmp_path / "cache"), "PIP_NO_INPUT": "1"}
    proc = subprocess.run(["make", "-C", str(ROOT), "setup", f"VENV={venv}", "LOCK_ARGS=--dry-run"],
                          capture_output=True, text=True, env=env, timeout=900)
    log = "\n".join(line for line in (proc.stdout + proc.stderr).splitlines()
                    if "is ignored: it is neither a file nor a directory" not in line)
    if proc.returncode and re.search(r"(NewConnectionError|Network is unreachable|Temporary failure in "
                                     r"name resolution|No matching distribution found for pip==)", log):
        pytest.skip(f"the package registry cannot be reached: {log[-300:]}")
    assert proc.returncode == 0, f"make setup failed in a fresh venv ({bundled.strip()}):\n{log[-3000:]}"
    installer = subprocess.run([venv / "bin" / "python", "-m", "pip", "--version"], capture_output=True,
                               text=True, check=True).stdout
    pinned = next(req for req, _ in _lock_entries(LOCKS[0]) if req.startswith("pip=="))
    assert installer.split()[1] == pinned.split("==")[1], "the pinned installer was not installed first"
