"""The Spark example in local mode (local[2]) on the seed articles and on about 3 MB made from them, JSON lines and
Parquet: every quote and speaker row as the whosaid command line gives them for the same articles."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import whosaid_spark  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def cli_binary():
    if os.environ.get("WHOSAID_BIN"):
        return Path(os.environ["WHOSAID_BIN"])
    built = [p for p in (ROOT / "target" / k / "whosaid" for k in ("release", "debug")) if p.exists()]
    assert built, "build the CLI first (cargo build) or set WHOSAID_BIN"
    return max(built, key=lambda p: p.stat().st_mtime)


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The executors' Python is this one, where the whosaid wheel is installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    s = (
        SparkSession.builder.master("local[2]")
        .appName("whosaid-test")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    s.sparkContext.setLogLevel("ERROR")
    # The executors import the example's functions by module name, as any code imported by a driver.
    s.sparkContext.addPyFile(whosaid_spark.__file__)
    yield s
    s.stop()


def seeds():
    paths = sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
    assert len(paths) == 5
    return [p.read_text(encoding="utf-8") for p in paths]


def corpus(size):
    """Articles made from the seeds, about `size` bytes: each seed, pairs of seeds, seeds with their paragraphs
    turned round, so that articles differ (ids as strings and numbers)."""
    arts = seeds()
    out, n, i = [], 0, 0
    while n < size:
        a = arts[i % 5]
        paras = a.split("\n\n")
        k = i % len(paras)
        text = [a, a + "\n\n" + arts[(i + 2) % 5], "\n\n".join(paras[k:] + paras[:k])][i % 3]
        out.append((i if i % 4 == 0 else f"art-{i}", text))
        n += len(text.encode())
        i += 1
    return out


def expected_rows(docs):
    """The quotes and speakers tables as the CLI (--offsets chars) gives them."""
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in docs)
    out = subprocess.run(
        [str(cli_binary()), "--json", "--input", "jsonl", "--offsets", "chars", "--quiet"],
        input=lines.encode(),
        capture_output=True,
        check=True,
    )
    quotes, speakers = set(), set()
    for line in out.stdout.decode().splitlines():
        rec = json.loads(line)
        aid = str(rec["id"])
        for q in rec["quotes"]:
            sid, cue, mention = q["speaker_id"], q["cue"], q["speaker"]
            quotes.add(
                (
                    aid,
                    q["id"],
                    q["kind"],
                    q["text"],
                    q["start"],
                    q["end"],
                    rec["speakers"][sid]["name"] if sid is not None else None,
                    sid,
                    mention["text"] if mention else None,
                    cue["text"] if cue else None,
                    cue["start"] if cue else None,
                    cue["end"] if cue else None,
                    q["confidence"],
                    q["sieve"],
                )
            )
        for s in rec["speakers"]:
            speakers.add(
                (aid, s["id"], s["name"], s["kind"], s["gender"], s["quotes"], tuple(s["aliases"]),
                 tuple(s["descriptions"]))
            )
    return quotes, speakers


QUOTE_COLUMNS = ["article_id", "quote_id", "kind", "quote", "start", "end", "speaker", "speaker_id",
                 "speaker_mention", "cue", "cue_start", "cue_end", "confidence", "sieve"]
SPEAKER_COLUMNS = ["article_id", "speaker_id", "name", "kind", "gender", "quotes", "aliases", "descriptions"]


def table_rows(folder, columns):
    t = pq.read_table(folder)
    assert t.column_names == columns
    rows = [tuple(tuple(v) if isinstance(v, list) else v for v in r.values()) for r in t.to_pylist()]
    assert len(rows) == len(set(rows)), "no row twice"
    return set(rows)


def write_jsonl(path, docs):
    with open(path, "w", encoding="utf-8") as f:
        for i, t in docs:
            f.write(json.dumps({"id": i, "text": t, "url": "ignored"}) + "\n")


@pytest.mark.parametrize("size", [0, 3_000_000], ids=["seeds", "3MB"])
def test_tables_hold_what_the_command_line_finds(spark, tmp_path, size):
    docs = list(enumerate(seeds())) if size == 0 else corpus(size)
    want_quotes, want_speakers = expected_rows(docs)
    assert len(want_quotes) > 60 and len(want_speakers) > 20
    inputs = {"jsonl": tmp_path / "articles.jsonl", "parquet": tmp_path / "articles.parquet"}
    write_jsonl(inputs["jsonl"], docs)
    pq.write_table(
        pa.table({"id": [str(i) for i, _ in docs], "text": [t for _, t in docs]}),
        inputs["parquet"],
        row_group_size=200,
    )
    for fmt, path in inputs.items():
        out = tmp_path / f"out-{fmt}"
        counts = whosaid_spark.run(spark, str(path), str(out))
        assert counts == {
            "articles": len(docs),
            "without_text": 0,
            "quotes": len(want_quotes),
            "speakers": len(want_speakers),
        }, fmt
        assert table_rows(out / "quotes", QUOTE_COLUMNS) == want_quotes, fmt
        assert table_rows(out / "speakers", SPEAKER_COLUMNS) == want_speakers, fmt


def test_articles_without_text_are_counted_and_left_out(spark, tmp_path):
    path = tmp_path / "some.jsonl"
    text = seeds()[2]
    path.write_text(
        json.dumps({"id": "a", "text": text}) + "\n" + json.dumps({"id": "b", "text": None}) + "\n"
        + json.dumps({"id": "c"}) + "\n",
        encoding="utf-8",
    )
    counts = whosaid_spark.run(spark, str(path), str(tmp_path / "out"))
    assert counts["articles"] == 3 and counts["without_text"] == 2
    ids = {r["article_id"] for r in pq.read_table(tmp_path / "out" / "quotes").to_pylist()}
    assert ids == {"a"}
