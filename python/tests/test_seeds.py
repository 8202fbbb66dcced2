"""The seed table (tests/seeds.rs) through the Python package: every listed quote found with its speaker entity and
kind, no direct quote that the table does not list, and the seed tests' other checks.

The table is read from tests/seeds.rs itself, so that the Rust and Python checks cannot drift apart."""

import re

import pytest

import whosaid
from conftest import ROOT

ROW = re.compile(r'\(\s*"((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)",\s*(Direct|Mixed),?\s*\)', re.S)
TABLE = re.compile(r"const SEED_(\d{3}): &\[Row\] = &\[(.*?)\n\];", re.S)


def unescape(s):
    return re.sub(r"\\(.)", r"\1", s)


def seed_table():
    src = (ROOT / "tests" / "seeds.rs").read_text(encoding="utf-8")
    table = {
        num: [(unescape(a), unescape(b), kind.lower()) for a, b, kind in ROW.findall(body)]
        for num, body in TABLE.findall(src)
    }
    assert sorted(table) == ["000", "001", "002", "003", "004"], "one table per seed in tests/seeds.rs"
    assert sum(len(rows) for rows in table.values()) >= 25, "the rows of tests/seeds.rs were read"
    return table


TABLE_ROWS = seed_table()
# Seeds whose every direct quote is in the table (all_direct_quotes_listed in tests/seeds.rs).
ALL_DIRECT_LISTED = ["000", "002", "003", "004"]


def speaker_names(doc, q):
    assert q["speaker_id"] is not None, f"{q['text']!r} has no speaker"
    s = doc["speakers"][q["speaker_id"]]
    return [s["name"], *s["aliases"]]


@pytest.mark.parametrize("num", sorted(TABLE_ROWS))
def test_seed_table(seeds, num):
    text = seeds[num]
    doc = whosaid.analyze(text)
    for start, who, kind in TABLE_ROWS[num]:
        q = next((q for q in doc["quotes"] if start in q["text"]), None)
        assert q is not None, f"{num}: no quote containing {start!r}"
        assert text[q["start"] : q["end"]] == q["text"]
        names = speaker_names(doc, q)
        assert any(who in n for n in names), f"{num}: {start!r} attributed to {names}, expected {who}"
        assert q["kind"] == kind, f"{num}: kind of {start!r}"
    if num in ALL_DIRECT_LISTED:
        for q in doc["quotes"]:
            if q["kind"] == "direct":
                assert any(start in q["text"] for start, _, _ in TABLE_ROWS[num]), f"unexpected {q['text']!r}"


def test_seed_checks_beyond_the_table(seeds):
    # 000: nothing from the "Top stories" box; Zelensky and Zelenskyy one speaker with three quotes.
    text = seeds["000"]
    doc = whosaid.analyze(text)
    box = text.index("Top stories")
    assert all(q["start"] < box for q in doc["quotes"])
    z = [s for s in doc["speakers"] if "Zelensk" in s["name"]]
    assert len(z) == 1 and z[0]["quotes"] == 3, z
    # 001: no speaker "Twitter".
    assert not any("Twitter" in s["name"] for s in whosaid.analyze(seeds["001"])["speakers"])
    # 002: Peskov described as the Kremlin spokesman; "I suggest…" and "I would not…" one quote cut by "told".
    text = seeds["002"]
    doc = whosaid.analyze(text)
    peskov = next(s for s in doc["speakers"] if s["name"] == "Dmitry Peskov")
    assert any("Kremlin spokesman" in d for d in peskov["descriptions"]), peskov
    assert peskov["quotes"] >= 3
    q = next(q for q in doc["quotes"] if q["text"].startswith("“I suggest"))
    assert len(q["parts"]) == 2 and q["cue"]["text"] == "told"
    for p in q["parts"]:
        assert text[p["start"] : p["end"]] == p["text"]
    # 003: nothing from the newsletter box; Medinsky "headed the Russian delegation".
    text = seeds["003"]
    doc = whosaid.analyze(text)
    box = text.index("ntd newsletter")
    assert all(q["start"] < box for q in doc["quotes"])
    m = next(s for s in doc["speakers"] if s["name"] == "Vladimir Medinsky")
    assert any("headed the Russian delegation" in d for d in m["descriptions"]), m
    # 004: “neutral status” is a quoted term, not speech.
    doc = whosaid.analyze(seeds["004"])
    assert not any(
        q["text"] == "“neutral status.”" or q["text"].startswith("“neutral status”") for q in doc["quotes"]
    )


def test_results_are_the_command_lines(seeds, cli):
    """analyze() gives what `whosaid --json --offsets chars` prints (the same contract, values and all)."""
    recs = cli(sorted(seeds.items()))
    for num, text in seeds.items():
        doc = whosaid.analyze(text)
        rec = recs[num]
        assert doc["id"] == "" and rec["id"] == num
        assert {**doc, "id": num} == rec


def test_a_story_merges_speakers_across_the_seeds(seeds):
    texts = [seeds[k] for k in sorted(seeds)]
    out = whosaid.analyze_story(texts)
    assert [d["id"] for d in out["documents"]] == ["0", "1", "2", "3", "4"]
    for d, t in zip(out["documents"], texts):
        assert d["quotes"] == whosaid.analyze(t)["quotes"]
    # Podolyak (000, 003, 004) and Podoliak (001, 002) are one story speaker.
    pod = [s for s in out["story"]["speakers"] if "Podol" in s["name"]]
    assert len(pod) == 1 and sorted(pod[0]["articles"]) == [0, 1, 2, 3, 4], pod
