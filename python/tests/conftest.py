"""Shared by the package's tests: the seed articles (tests/fixtures) and the whosaid command line to compare with."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def seed_paths():
    paths = sorted(FIXTURES.glob("*.txt"))
    assert len(paths) == 5, f"the five seed articles in {FIXTURES}"
    return paths


@pytest.fixture(scope="session")
def seeds():
    """The five seed articles by number ("000" .. "004")."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in seed_paths()}


def cli_binary():
    """The CLI to compare with: $WHOSAID_BIN, else the newer of target/release and target/debug."""
    if os.environ.get("WHOSAID_BIN"):
        return Path(os.environ["WHOSAID_BIN"])
    built = [ROOT / "target" / k / "whosaid" for k in ("release", "debug")]
    built = [p for p in built if p.exists()]
    assert built, "build the CLI first (cargo build) or set WHOSAID_BIN"
    return max(built, key=lambda p: p.stat().st_mtime)


@pytest.fixture(scope="session")
def cli():
    """Runs `whosaid --json --input jsonl --offsets chars` on [(id, text)] and returns its records by id."""

    def run(docs, *args):
        lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in docs)
        out = subprocess.run(
            [str(cli_binary()), "--json", "--input", "jsonl", "--offsets", "chars", "--quiet", *args],
            input=lines.encode(),
            capture_output=True,
            check=True,
        )
        recs = [json.loads(line) for line in out.stdout.decode().splitlines()]
        return {r["id"]: r for r in recs}

    return run
