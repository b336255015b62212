"""Print one of the README's two Quick start commands: `demo` (the first) or `test` (the second).

CI runs the README's test command through this, so the README and CI cannot drift apart.
"""
import pathlib
import re
import sys

text = pathlib.Path(__file__).resolve().parent.parent.joinpath("README.md").read_text("utf-8")
section = re.search(r"^## Quick start\s*$(.*?)^## ", text, re.S | re.M)
if not section:
    sys.exit("README.md has no '## Quick start' section")
block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", section.group(1), re.S)
if not block:
    sys.exit("README.md's Quick start has no code block")
commands = [ln.strip() for ln in block.group(1).splitlines() if ln.strip() and not ln.strip().startswith("#")]
if len(commands) != 2:
    sys.exit(f"README.md's Quick start must hold exactly two commands, found {len(commands)}")
print(commands[{"demo": 0, "test": 1}[sys.argv[1]]])
