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


def columns_of(docs):
    """The quotes and speakers of analysed articles (whosaid's output contract) as Arrow list arrays, one list per
    article. Built column by column: building a dict per row and converting those took longer than the analysis."""
    q = {name: [] for name in QUOTE.names}
    s = {name: [] for name in SPEAKER.names}
    q_offsets, s_offsets = [0], [0]
    for doc in docs:
        speakers = doc["speakers"]
        for quote in doc["quotes"]:
            sid, cue, mention = quote["speaker_id"], quote["cue"], quote["speaker"]
            q["quote_id"].append(quote["id"])
            q["kind"].append(quote["kind"])
            q["quote"].append(quote["text"])
            q["start"].append(quote["start"])
            q["end"].append(quote["end"])
            q["speaker"].append(speakers[sid]["name"] if sid is not None else None)
            q["speaker_id"].append(sid)
            q["speaker_mention"].append(mention["text"] if mention else None)
            q["cue"].append(cue["text"] if cue else None)
            q["cue_start"].append(cue["start"] if cue else None)
            q["cue_end"].append(cue["end"] if cue else None)
            q["confidence"].append(quote["confidence"])
            q["sieve"].append(quote["sieve"])
        q_offsets.append(len(q["quote_id"]))
        for sp in speakers:
            s["speaker_id"].append(sp["id"])
            s["name"].append(sp["name"])
            s["kind"].append(sp["kind"])
            s["gender"].append(sp["gender"])
            s["quotes"].append(sp["quotes"])
            s["aliases"].append(sp["aliases"])
            s["descriptions"].append(sp["descriptions"])
        s_offsets.append(len(s["speaker_id"]))

    def lists(cols, offsets, struct):
        values = pa.StructArray.from_arrays([pa.array(cols[f.name], f.type) for f in struct], fields=list(struct))
        return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), values)

    return lists(q, q_offsets, QUOTE), lists(s, s_offsets, SPEAKER)


def analyse_batches(threads):
    """The function mapInArrow runs on the executors: one analyze_many per Arrow batch of articles."""

    def run(batches):
        import gc

        import whosaid  # on the executor

        for batch in batches:
            ids = batch.column("id")
            texts = batch.column("text").to_pylist()
            # The results (about a hundred dicts and lists per article) die before the collector is back, so it
            # never walks them: with it on, collections after analyze_many took as long as the analysis.
            was_enabled = gc.isenabled()
            gc.disable()
            try:
                docs = whosaid.analyze_many([t if t is not None else "" for t in texts], threads=threads)
                quotes, speakers = columns_of(docs)
                del docs
            finally:
                if was_enabled:
                    gc.enable()
            yield pa.RecordBatch.from_arrays(
                [ids, pa.array([t is not None for t in texts], pa.bool_()), quotes, speakers],
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
