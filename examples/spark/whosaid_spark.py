"""Quotes and speakers of a corpus with Spark, through the whosaid Python package on the executors.

Reads articles (JSON lines or Parquet with columns ``id`` and ``text``), analyses them with one
``whosaid.analyze_many`` call per Arrow batch (``mapInArrow``), and writes two Parquet tables:

- ``quotes``: one row per quote: ``article_id``, ``quote_id``, ``kind``, ``quote`` (its text), ``start``, ``end``
  (code points into the article), ``speaker`` (the speaker entity's name), ``speaker_id``, ``speaker_mention``
  (the words naming the speaker at the quote), ``cue``, ``cue_start``, ``cue_end``, ``confidence``, ``sieve``;
- ``speakers``: one row per quoted entity of an article: ``article_id``, ``speaker_id``, ``name``, ``kind``,
  ``gender``, ``quotes``, ``aliases``, ``descriptions``.

Articles whose ``text`` is null are counted and left out. Usage (see README.md for a cluster)::

    spark-submit whosaid_spark.py INPUT OUTPUT_DIR [--format jsonl|parquet] [--partitions N]
"""

import argparse
import sys
import time

import pyarrow as pa
from pyspark import StorageLevel
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

SPAN = [("start", pa.int64()), ("end", pa.int64())]
QUOTE = pa.struct(
    [
        ("quote_id", pa.int32()),
        ("kind", pa.string()),
        ("quote", pa.string()),
        *SPAN,
        ("speaker", pa.string()),
        ("speaker_id", pa.int32()),
        ("speaker_mention", pa.string()),
        ("cue", pa.string()),
        ("cue_start", pa.int64()),
        ("cue_end", pa.int64()),
        ("confidence", pa.float64()),
        ("sieve", pa.string()),
    ]
)
SPEAKER = pa.struct(
    [
        ("speaker_id", pa.int32()),
        ("name", pa.string()),
        ("kind", pa.string()),
        ("gender", pa.string()),
        ("quotes", pa.int32()),
        ("aliases", pa.list_(pa.string())),
        ("descriptions", pa.list_(pa.string())),
    ]
)
ANALYSED = pa.schema(
    [
        ("article_id", pa.string()),
        ("has_text", pa.bool_()),
        ("quotes", pa.list_(QUOTE)),
        ("speakers", pa.list_(SPEAKER)),
    ]
)
# The same schema in Spark's DDL (mapInArrow takes Spark's types).
ANALYSED_DDL = (
    "article_id string, has_text boolean, "
    "quotes array<struct<quote_id: int, kind: string, quote: string, start: bigint, end: bigint, speaker: string, "
    "speaker_id: int, speaker_mention: string, cue: string, cue_start: bigint, cue_end: bigint, "
    "confidence: double, sieve: string>>, "
    "speakers array<struct<speaker_id: int, name: string, kind: string, gender: string, quotes: int, "
    "aliases: array<string>, descriptions: array<string>>>"
)


def rows_of(doc):
    """The quote and speaker rows of one article's analysis (whosaid's output contract)."""
    speakers = doc["speakers"]
    quotes = []
    for q in doc["quotes"]:
        sid, cue, mention = q["speaker_id"], q["cue"], q["speaker"]
        quotes.append(
            {
                "quote_id": q["id"],
                "kind": q["kind"],
                "quote": q["text"],
                "start": q["start"],
                "end": q["end"],
                "speaker": speakers[sid]["name"] if sid is not None else None,
                "speaker_id": sid,
                "speaker_mention": mention["text"] if mention else None,
                "cue": cue["text"] if cue else None,
                "cue_start": cue["start"] if cue else None,
                "cue_end": cue["end"] if cue else None,
                "confidence": q["confidence"],
                "sieve": q["sieve"],
            }
        )
    speaker_rows = [
        {
            "speaker_id": s["id"],
            "name": s["name"],
            "kind": s["kind"],
            "gender": s["gender"],
            "quotes": s["quotes"],
            "aliases": s["aliases"],
            "descriptions": s["descriptions"],
        }
        for s in speakers
    ]
    return quotes, speaker_rows


def analyse_batches(threads):
    """The function mapInArrow runs on the executors: one analyze_many per Arrow batch of articles."""

    def run(batches):
        import whosaid  # on the executor

        for batch in batches:
            ids = batch.column("id").to_pylist()
            texts = batch.column("text").to_pylist()
            docs = whosaid.analyze_many([t if t is not None else "" for t in texts], threads=threads)
            quotes, speakers = [], []
            for doc in docs:
                q, s = rows_of(doc)
                quotes.append(q)
                speakers.append(s)
            yield pa.RecordBatch.from_arrays(
                [
                    pa.array(ids, pa.string()),
                    pa.array([t is not None for t in texts], pa.bool_()),
                    pa.array(quotes, pa.list_(QUOTE)),
                    pa.array(speakers, pa.list_(SPEAKER)),
                ],
                schema=ANALYSED,
            )

    return run


def read_articles(spark, path, fmt):
    if fmt == "parquet":
        df = spark.read.parquet(path)
    else:
        # A fixed schema: nothing is inferred (no pass over the input), other fields are not read; a numeric id is
        # read as its text.
        df = spark.read.schema("id string, text string").json(path)
    return df.select(F.col("id").cast("string").alias("id"), F.col("text").cast("string").alias("text"))


def run(spark, input_path, output_dir, fmt=None, partitions=None):
    """Analyses the articles at ``input_path`` into ``output_dir``/quotes and ``output_dir``/speakers (Parquet).
    Returns counts: articles, articles without text, quotes, speakers."""
    fmt = fmt or ("parquet" if input_path.rstrip("/").endswith(".parquet") else "jsonl")
    articles = read_articles(spark, input_path, fmt)
    # At least one partition per core, so that every core has work (one JSON file of less than 128 MB is read as
    # a single partition otherwise).
    want = partitions or spark.sparkContext.defaultParallelism
    if articles.rdd.getNumPartitions() < want:
        articles = articles.repartition(want)
    # Each task analyses its batches on the cores Spark gives it (spark.task.cpus, 1 by default).
    threads = int(spark.conf.get("spark.task.cpus", "1"))
    analysed = articles.mapInArrow(analyse_batches(threads), ANALYSED_DDL).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        quotes = analysed.select("article_id", F.inline("quotes"))
        speakers = analysed.select("article_id", F.inline("speakers"))
        quotes.write.mode("overwrite").parquet(f"{output_dir}/quotes")
        speakers.write.mode("overwrite").parquet(f"{output_dir}/speakers")
        counts = analysed.agg(
            F.count("*").alias("articles"),
            F.sum(F.when(F.col("has_text"), 0).otherwise(1)).alias("without_text"),
            F.sum(F.size("quotes")).alias("quotes"),
            F.sum(F.size("speakers")).alias("speakers"),
        ).first()
    finally:
        analysed.unpersist()
    return {k: int(counts[k] or 0) for k in ("articles", "without_text", "quotes", "speakers")}


def main(argv=None):
    p = argparse.ArgumentParser(description="Quotes and speakers of a corpus with Spark and whosaid.")
    p.add_argument("input", help="JSON lines or Parquet with columns id and text (a file or a folder)")
    p.add_argument("output", help="folder for the quotes and speakers tables (Parquet), replaced if present")
    p.add_argument("--format", choices=["jsonl", "parquet"], help="input format (default: from the name)")
    p.add_argument("--partitions", type=int, help="partitions at least (default: Spark's default parallelism)")
    args = p.parse_args(argv)
    spark = SparkSession.builder.appName("whosaid").getOrCreate()
    t0 = time.perf_counter()
    counts = run(spark, args.input, args.output, args.format, args.partitions)
    secs = time.perf_counter() - t0
    print(
        f"whosaid: {counts['articles']} articles ({counts['without_text']} without text), {counts['quotes']} quotes, "
        f"{counts['speakers']} speakers in {secs:.1f} s -> {args.output}/quotes, {args.output}/speakers",
        file=sys.stderr,
    )
    spark.stop()


if __name__ == "__main__":
    main()
