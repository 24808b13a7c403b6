"""The `parley` command."""

from __future__ import annotations

import argparse
import logging
import sys

from parley import __version__, config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="parley", description="Sourced, checkable research from news articles about a negotiation.")
    parser.add_argument("--version", action="version", version=f"parley {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="run every notebook with papermill and write the reports")
    run.add_argument("--seeds", default="", help="folder of articles, relative to the current directory (default: the project's seeds/)")
    run.add_argument("--out", default="", help="where to publish the reports: an empty or missing folder, or one Parley wrote before (default: the project's reports/)")
    run.add_argument("--notebooks", default="", help=argparse.SUPPRESS)
    run.add_argument("--cell-timeout", type=int, default=600, help="seconds a notebook cell may run (default 600)")
    run.add_argument("--gold", default="", help="a gold annotation (JSON, see the README) to score the articles against")
    run.add_argument("--excel-csv", action="store_true", help="write the CSVs with a UTF-8 byte-order mark, "
                     "so that spreadsheet programs read their accents and non-Latin letters right")
    _executor_arguments(run)

    evaluate = commands.add_parser("evaluate", help="run the pipeline on a corpus and score it against a gold file; print the scores")
    evaluate.add_argument("--gold", required=True, help="the gold annotation (JSON); a split.csv beside it gives train/check scores")
    evaluate.add_argument("--seeds", default="", help="folder of articles (default: the project's seeds/)")
    evaluate.add_argument("--out", default="", help="where to publish the reports (default: .cache/evaluation/<seeds folder name>)")
    evaluate.add_argument("--notebooks", default="", help=argparse.SUPPRESS)
    evaluate.add_argument("--cell-timeout", type=int, default=600, help="seconds a notebook cell may run (default 600)")
    _executor_arguments(evaluate)

    fetch = commands.add_parser("fetch", help="save the web pages listed in a file into a folder, for `parley run`")
    fetch.add_argument("urls", help="a text file with one URL a line (blank lines and # comments ignored)")
    fetch.add_argument("--to", required=True, help="the folder to save the pages in (made if missing; "
                       "a file already there is never overwritten)")
    fetch.add_argument("--delay", type=float, default=None, help="seconds between two requests to one site "
                       "(default 2; longer where its robots.txt asks)")
    fetch.add_argument("--timeout", type=float, default=None, help="seconds to wait for a page (default 20)")

    refresh = commands.add_parser("refresh-notebooks", help="copy the outputs of executed notebooks into notebooks/ for nbval")
    refresh.add_argument("--from", dest="source", default="", help="the reports folder whose notebooks/ to copy from (default: reports/)")
    commands.add_parser("readme", help="rewrite README.md's generated blocks (data dictionary, codebook, evaluation)")

    args = parser.parse_args(argv)
    _log_parley_only()
    if args.command in ("run", "evaluate"):
        return _run(args)
    if args.command == "fetch":
        return _fetch(args)
    if args.command == "refresh-notebooks":
        from parley.publish.notebooks import refresh_stored_outputs

        source = config.from_cwd(args.source, config.REPORTS_DIR)
        for path in refresh_stored_outputs(source / "notebooks", config.NOTEBOOKS_DIR):
            print(f"refreshed {path.relative_to(config.PROJECT_ROOT)}")
        return 0
    if args.command == "readme":
        from parley.publish.docs import update_readme

        print("README.md updated" if update_readme() else "README.md already up to date")
        return 0
    return 2


def _executor_arguments(command) -> None:
    command.add_argument("--executor", choices=("local", "dask"), default="local",
                         help="where articles are extracted: local processes (default) or a Dask cluster")
    command.add_argument("--scheduler", default="", help="with --executor dask: the scheduler's address "
                         "(tcp://HOST:8786); without it, a local Dask cluster on this machine")
    command.add_argument("--config", default="", help="a project file (TOML) of your own issues, topics, cue words, "
                         "parties and title words (default: parley.toml in the seeds folder, if there is one)")


def _log_parley_only() -> None:
    """Parley's own warnings on stderr, prefixed; other libraries' log lines are not for a
    user of the command (their failures reach the user as Parley's own message)."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("parley: %(message)s"))
    logger = logging.getLogger("parley")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    logging.getLogger().setLevel(logging.CRITICAL)


def _run(args) -> int:
    from parley.publish.pipeline import PipelineError, run

    out = args.out
    if args.command == "evaluate" and not out:  # scoring a corpus is not publishing the project's reports/
        seeds = config.from_cwd(args.seeds, config.default_seeds_dir())
        out = config.PROJECT_ROOT / ".cache" / "evaluation" / seeds.name
    try:
        summary = run(args.seeds, out, args.notebooks or None, cell_timeout=args.cell_timeout, gold_path=args.gold or None,
                      executor=args.executor, scheduler=args.scheduler or None, config_path=args.config or None,
                      excel_csv=getattr(args, "excel_csv", False))
    except PipelineError as err:
        print(f"parley: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("parley: interrupted; the previous reports were left as they were.", file=sys.stderr)
        return 130
    if args.command == "evaluate":
        _print_scores(summary.out_dir / "data" / "evaluation.csv")
    return 0


def _fetch(args) -> int:
    """Exit 1 only when no page could be fetched and some failed (or the list is unreadable)."""
    from parley.read import fetch

    urls, folder = config.from_cwd(args.urls, config.PROJECT_ROOT), config.from_cwd(args.to, config.PROJECT_ROOT)
    if not urls.is_file():
        print(f"parley: no file of URLs at {args.urls}: give `parley fetch` a text file with one URL a line.",
              file=sys.stderr)
        return 1
    if folder.exists() and not folder.is_dir():
        print(f"parley: {args.to} is a file, not a folder: give --to a folder to save the pages in.", file=sys.stderr)
        return 1
    say = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731
    try:
        summary = fetch.fetch_all(urls, folder, delay=fetch.DEFAULT_DELAY if args.delay is None else args.delay,
                                  timeout=fetch.DEFAULT_TIMEOUT if args.timeout is None else args.timeout, say=say)
    except (OSError, UnicodeDecodeError) as err:
        print(f"parley: could not fetch into {args.to}: {getattr(err, 'strerror', None) or err}.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("parley: interrupted; the pages saved so far are complete and kept.", file=sys.stderr)
        return 130
    if not (summary.fetched or summary.kept or summary.failed):
        print(f"parley: {args.urls} lists no URL (one a line, starting with http:// or https://).", file=sys.stderr)
        return 1
    for line in summary.lines(args.to):
        print(line)
    if summary.fetched or summary.kept:
        print(f"Next: parley run --seeds {args.to} --out REPORTS")
    return 1 if summary.failed and not summary.fetched else 0


def _print_scores(path) -> None:
    """The evaluation table on stdout: one row per metric, a column per part of the gold."""
    from parley.evaluate import scores_by_part

    if not path.is_file():
        print("No article of the folder is in the gold file, so nothing was scored.")
        return
    print(scores_by_part(path).to_string(index=False))


if __name__ == "__main__":
    sys.exit(main())
