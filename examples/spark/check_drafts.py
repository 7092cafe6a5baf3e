"""Score answer drafts with interview-coach as a Spark map stage.

The drafts are JSON lines, `{"id": ..., "text": ...}`. `RDD.pipe` starts one
`interview-coach check --input jsonl` per partition, writes the partition's records to its
standard input and reads one result line per record back. The job then checks that every id came
back exactly once and prints a summary.

    python check_drafts.py --binary ../../target/release/interview-coach --input drafts.jsonl

On a cluster, ship the binary with the job (`spark-submit --files interview-coach ...`, or bake
it into the executors' image) and pass `--command "./interview-coach check --input jsonl
--deny never --jobs 1"`.
"""

import argparse
import json
import os
import time

from pyspark import SparkConf, SparkContext


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", required=True, help="JSON lines, one draft a line")
    parser.add_argument("--binary", help="the interview-coach binary (local mode)")
    parser.add_argument(
        "--command",
        help="the command each partition pipes through (default: BINARY check --input jsonl "
        "--deny never --jobs 1)",
    )
    parser.add_argument("--master", default="local[*]")
    parser.add_argument("--partitions", type=int, default=0, help="default: 4 per core")
    parser.add_argument("--output", help="write the result lines to this folder")
    args = parser.parse_args()
    if not args.command and not args.binary:
        parser.error("--binary or --command is required")
    command = args.command or (
        f"{os.path.abspath(args.binary)} check --input jsonl --deny never --jobs 1"
    )

    conf = SparkConf().setAppName("interview-coach check").setMaster(args.master)
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    partitions = args.partitions or 4 * sc.defaultParallelism
    started = time.monotonic()

    records = sc.textFile(args.input, partitions)
    # A non-zero exit fails the task (`checkCode`): `--deny never` keeps findings from doing so,
    # and a bad record is answered in its own line, so only a real failure stops the job.
    results = records.pipe(command, checkCode=True).map(json.loads).cache()

    sent = records.map(lambda line: json.loads(line)["id"])
    received = results.map(lambda result: result["id"])
    sent_count = sent.count()
    received_count = received.count()
    missing = sent.subtract(received).count()
    duplicated = received.map(lambda i: (i, 1)).reduceByKey(lambda a, b: a + b).filter(
        lambda pair: pair[1] > 1
    ).count()
    errors = results.filter(lambda r: "error" in r).count()
    checked = results.filter(lambda r: "error" not in r)
    findings = checked.map(lambda r: len(r["findings"])).sum()
    points = checked.map(lambda r: r["score"]["points"]).sum()
    maximum = checked.map(lambda r: r["score"]["max"]).sum()
    if args.output:
        results.map(json.dumps).saveAsTextFile(args.output)
    elapsed = time.monotonic() - started

    print(
        json.dumps(
            {
                "records": sent_count,
                "results": received_count,
                "missing_ids": missing,
                "duplicated_ids": duplicated,
                "error_lines": errors,
                "findings": findings,
                "rubric_points": f"{points}/{maximum}",
                "partitions": partitions,
                "spark": sc.version,
                "seconds": round(elapsed, 2),
            }
        )
    )
    sc.stop()
    if missing or duplicated or sent_count != received_count:
        raise SystemExit("some ids did not come back exactly once")


if __name__ == "__main__":
    main()
