"""The package's API: offsets that slice Python strings, threads, a 10 MB text, bad input, the GIL, the version and
the type stubs."""

import ast
import gc
import inspect
import re
import threading
import time

import pytest

import whosaid
from conftest import ROOT

# Written for these tests: astral characters (one code point, two UTF-16 units, four UTF-8 bytes), combining marks and
# CJK before and inside the quotes, so that byte, UTF-16 and code-point offsets all differ.
UNICODE_TEXT = (
    "😀🇺🇦 Kyiv — Zoë Ångström, the mayor’s spokeswoman, said: “We are ready 💪 to talk.”\n\n"
    "“Nothing is agreed,” said Dmytro Kuleba, the foreign minister. 北京 “Not yet — 𝒳 — not now,” he added.\n\n"
    "According to Olena Zelenska, the talks “went nowhere”."
)


def spans(doc):
    for q in doc["quotes"]:
        yield q
        for key in ("cue", "speaker"):
            if q[key] is not None:
                yield q[key]
        yield from q["parts"]


def check_offsets(doc, text):
    n = 0
    for s in spans(doc):
        assert 0 <= s["start"] <= s["end"] <= len(text)
        assert text[s["start"] : s["end"]] == s["text"], s
        n += 1
    return n


def test_offsets_slice_the_python_string(seeds):
    doc = whosaid.analyze(UNICODE_TEXT)
    assert check_offsets(doc, UNICODE_TEXT) >= 9, doc
    assert [q["kind"] for q in doc["quotes"]].count("direct") >= 2
    names = {s["name"] for s in doc["speakers"]}
    assert "Dmytro Kuleba" in names, names
    total = sum(check_offsets(whosaid.analyze(t), t) for t in seeds.values())
    assert total > 150


def test_story_offsets_slice_each_article(seeds):
    texts = [UNICODE_TEXT, seeds["002"]]
    out = whosaid.analyze_story(texts)
    for d, t in zip(out["documents"], texts):
        check_offsets(d, t)
    for group in out["story"]["quote_groups"]:
        for v in group["versions"]:
            t = texts[v["article"]]
            assert t[v["start"] : v["end"]] == v["text"]


def mixed_texts(seeds):
    """Articles of very different lengths, an empty one and one of about 1 MB among them."""
    arts = [seeds[k] for k in sorted(seeds)]
    big = "\n\n".join(arts) * 40
    return [arts[i % 5] for i in range(40)] + ["", UNICODE_TEXT, big, "No quote here."] + arts


def test_threads_give_what_one_thread_gives(seeds):
    texts = mixed_texts(seeds)
    one = whosaid.analyze_many(texts, threads=1)
    assert len(one) == len(texts)
    assert one == [whosaid.analyze(t) for t in texts]
    for threads in (2, 3, 8, None):
        assert whosaid.analyze_many(texts, threads=threads) == one, threads
    # Any iterable of str: a tuple, a generator.
    assert whosaid.analyze_many(tuple(texts[:5]), threads=2) == one[:5]
    assert whosaid.analyze_many((t for t in texts[:5]), threads=2) == one[:5]
    assert whosaid.analyze_many([]) == []


def test_a_10_mb_text(seeds):
    arts = [seeds[k] for k in sorted(seeds)]
    unit = "\n\n".join(arts) + "\n\n"
    copies = 10_000_000 // len(unit.encode()) + 1
    text = unit * copies
    assert len(text.encode()) >= 10_000_000
    doc = whosaid.analyze(text)
    assert check_offsets(doc, text) > 20 * copies
    # The copies inside the text have the same surroundings, so the same quotes at the same places in them.
    by_copy = [[] for _ in range(copies)]
    for q in doc["quotes"]:
        by_copy[q["start"] // len(unit)].append((q["start"] % len(unit), q["end"] - q["start"], q["kind"]))
    assert len(by_copy[1]) > 20
    assert all(c == by_copy[1] for c in by_copy[1:-1])
    assert by_copy[-1], "quotes up to the end of the text"


@pytest.mark.parametrize(
    "bad, error, message",
    [
        (None, TypeError, "text must be a str, not NoneType"),
        (b"He said.", TypeError, "text must be a str, not bytes"),
        (42, TypeError, "text must be a str, not int"),
        (["a"], TypeError, "text must be a str, not list"),
        ("ok \ud800 then", ValueError, "lone surrogate at index 3"),
        ("\udcff", ValueError, "lone surrogate at index 0"),
    ],
)
def test_bad_text_raises_a_clear_error(bad, error, message):
    with pytest.raises(error, match=re.escape(message)):
        whosaid.analyze(bad)


def test_bad_lists_and_thread_counts_raise_clear_errors():
    cases = [
        (lambda: whosaid.analyze_many("a text"), TypeError, "not a single str"),
        (lambda: whosaid.analyze_many(b"bytes"), TypeError, "not a single bytes"),
        (lambda: whosaid.analyze_many(None), TypeError, "texts must be an iterable of str (a list, say), not NoneType"),
        (lambda: whosaid.analyze_many(7), TypeError, "not int"),
        (lambda: whosaid.analyze_many(["fine", None]), TypeError, "texts[1] must be a str, not NoneType"),
        (lambda: whosaid.analyze_many(["a", "b", "\ud83d"]), ValueError, "texts[2] is not valid Unicode text"),
        (lambda: whosaid.analyze_many(["a"], threads=0), ValueError, "threads must be at least 1"),
        (lambda: whosaid.analyze_many(["a"], threads=-3), ValueError, "got -3"),
        (lambda: whosaid.analyze_many(["a"], threads="2"), TypeError, "threads"),
        (lambda: whosaid.analyze_story(["a", 1]), TypeError, "texts[1] must be a str, not int"),
        (lambda: whosaid.analyze_story("abc"), TypeError, "not a single str"),
        (lambda: whosaid.analyze(), TypeError, "text"),
    ]
    for call, error, message in cases:
        with pytest.raises(error, match=re.escape(message)):
            call()
    # The interpreter goes on as before, the collector as it was.
    assert gc.isenabled()
    assert whosaid.analyze("“Yes,” she said.")["quotes"]


def test_an_error_from_a_generator_comes_through():
    def texts():
        yield "One."
        raise KeyError("from the generator")

    with pytest.raises(KeyError, match="from the generator"):
        whosaid.analyze_many(texts())


def test_the_collector_state_is_kept():
    gc.disable()
    try:
        whosaid.analyze_many(["“Yes,” she said."] * 3)
        assert not gc.isenabled()
    finally:
        gc.enable()
    whosaid.analyze_many(["“Yes,” she said."] * 3)
    assert gc.isenabled()


def test_other_python_threads_run_during_the_analysis(seeds):
    texts = [seeds[k] for k in sorted(seeds)] * 200  # about 5 MB
    ticks = [0]
    stop = threading.Event()

    def count():
        while not stop.is_set():
            ticks[0] += 1

    t = threading.Thread(target=count)
    t.start()
    try:
        time.sleep(0.05)
        before = ticks[0]
        t0 = time.perf_counter()
        whosaid.analyze_many(texts, threads=1)
        elapsed = time.perf_counter() - t0
        during = ticks[0] - before
    finally:
        stop.set()
        t.join()
    # With the GIL held for the whole call the counter would advance by a few switch intervals at most.
    assert during > 10_000, (during, elapsed)


def cargo_version(path):
    return re.search(r'^version = "([^"]+)"', path.read_text(), re.M).group(1)


def test_version_is_the_crates():
    assert whosaid.__version__ == cargo_version(ROOT / "python" / "Cargo.toml")
    assert whosaid.__version__ == cargo_version(ROOT / "Cargo.toml")


def test_stubs_describe_the_module():
    pkg = ROOT / "python" / "whosaid"
    assert (pkg / "py.typed").exists()
    stub = ast.parse((pkg / "_whosaid.pyi").read_text())
    funcs = {f.name: [a.arg for a in f.args.args] for f in stub.body if isinstance(f, ast.FunctionDef)}
    public = {n for n in dir(whosaid) if not n.startswith("_")} - {"Document", "Story"}
    assert set(funcs) == public == {"analyze", "analyze_many", "analyze_story"}
    for name, params in funcs.items():
        assert list(inspect.signature(getattr(whosaid, name)).parameters) == params, name
    # The typed fields of a quote and a speaker are all in the results.
    fields = {c.name: {s.target.id for s in c.body if isinstance(s, ast.AnnAssign)} for c in stub.body
              if isinstance(c, ast.ClassDef)}
    doc = whosaid.analyze("“We will talk,” Podolyak said.")
    assert fields["Quote"] <= set(doc["quotes"][0]) and fields["Speaker"] <= set(doc["speakers"][0])
    assert fields["Document"] <= set(doc) and fields["Span"] == set(doc["quotes"][0]["cue"])
