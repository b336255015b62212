"""Every command is documented: help text in --help, a usage entry in the README."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer.main
from typer.testing import CliRunner

from geo import __version__
from geo.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _commands(group, prefix: str = "geo") -> list[tuple[str, object]]:
    out = []
    for name, cmd in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        out.append((path, cmd))
        if hasattr(cmd, "commands"):  # a group (typer vendors its own click)
            out.extend(_commands(cmd, path))
    return out


COMMANDS = _commands(typer.main.get_command(app))


def test_every_command_has_a_help_line():
    missing = [path for path, cmd in COMMANDS if not (cmd.help or cmd.short_help or "").strip()]
    assert not missing


def test_every_command_appears_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [path for path, _ in COMMANDS if path not in readme]
    assert not missing


def test_top_level_help_lists_every_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    top = [path.split()[1] for path, _ in COMMANDS if len(path.split()) == 2]
    assert all(name in result.output for name in top)


def test_version_prints_the_package_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_readme_quick_start_holds_exactly_two_commands_and_ci_runs_the_second():
    demo = subprocess.run([sys.executable, str(ROOT / ".ci/quickstart.py"), "demo"],
                          capture_output=True, text=True, check=True).stdout.strip()
    test = subprocess.run([sys.executable, str(ROOT / ".ci/quickstart.py"), "test"],
                          capture_output=True, text=True, check=True).stdout.strip()
    assert demo and test and demo != test
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "quickstart.py test" in ci  # CI calls the README's command, not a copy of it
