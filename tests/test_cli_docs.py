"""Every command and option of the CLI is documented in the README."""
from pathlib import Path

import click

from eventlens.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented():
    for name in main.commands:
        assert f"eventlens {name}" in README, f"`eventlens {name}` is not in README.md"


def test_every_option_is_documented():
    missing = []
    for name, command in main.commands.items():
        for param in command.params:
            if isinstance(param, click.Option):
                for opt in param.opts:
                    if opt.startswith("--") and opt not in ("--help",) and f"`{opt}" not in README:
                        missing.append(f"{name} {opt}")
    assert not missing, f"options not documented in README.md: {missing}"
