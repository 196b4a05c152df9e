"""The clock matrix: run the suite (and the worker it starts) as if it were another instant.

`PORTAL_CLOCK=2026-12-31T23:50:00+08:00 pytest ...` moves Python's clock there at start-up and
lets it tick on (time-machine). The database needs no shift: no query reads PostgreSQL's own
clock (`now()` / `CURRENT_TIMESTAMP`); every time is computed in Python and passed in. A worker
subprocess gets the shifted instant of the moment it starts through the same variable
(`worker_command()`), so both sides agree to within a second.
"""

import os
import sys
from datetime import datetime

ENV = "PORTAL_CLOCK"
_traveller = None


def start_from_environment() -> None:
    """Start travelling if PORTAL_CLOCK is set (an ISO 8601 instant with its offset)."""
    global _traveller
    value = os.environ.get(ENV)
    if not value or _traveller is not None:
        return
    import time_machine

    destination = datetime.fromisoformat(value)
    if destination.tzinfo is None:
        raise SystemExit(f"{ENV} needs an offset, e.g. 2026-12-01T14:30:00+08:00: {value!r}")
    _traveller = time_machine.travel(destination, tick=True)
    _traveller.start()


def subprocess_environment(env: dict) -> dict:
    """The environment for a child process that must share this process's (shifted) clock."""
    env = dict(env)
    if _traveller is not None:
        env[ENV] = datetime.now().astimezone().isoformat()
    return env


def python_command(*args: str) -> list[str]:
    """`python -m tests.clock <args>`: run a module (celery, ...) under the shifted clock."""
    return [sys.executable, "-m", "tests.clock", *args]


if __name__ == "__main__":
    # python -m tests.clock -m celery -A office worker ...
    import runpy

    start_from_environment()
    if len(sys.argv) < 3 or sys.argv[1] != "-m":
        raise SystemExit("usage: python -m tests.clock -m MODULE [ARGS ...]")
    module = sys.argv[2]
    sys.argv = [module, *sys.argv[3:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
