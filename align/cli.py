"""The ``align`` command line. Data and results go to stdout, logs and progress to stderr.

Every user error is one line ``error: <where>: <problem>`` and exit code 2; ``align validate`` exits 1 when a dataset
does not validate.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.logging import RichHandler

from align import __version__
from align.errors import AlignError

app = typer.Typer(
    name="align",
    help="Find which statements multilingual news sources share and where they contradict each other.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True)
stdout = Console()

CorpusOption = Annotated[
    Path, typer.Option("--corpus", help="Corpus directory: one sub-directory per event.")
]
OutOption = Annotated[Path, typer.Option("--out", help="Dataset directory to write (swapped in atomically).")]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="TOML build config (see schema/config.schema.json).")
]
WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-j",
        min=1,
        help="Worker processes, one event at a time each; model threads are divided so workers x threads <= "
        "cores. Default: run.workers in the config (1).",
    ),
]
ShardDirOption = Annotated[
    Path | None,
    typer.Option(
        "--shard-dir",
        help="Where finished events are kept, so a stopped build resumes and unchanged events are skipped. "
        "Default: run.shard_dir in the config, else a directory under the cache ($ALIGN_CACHE_DIR).",
    ),
]
BumpOption = Annotated[
    str | None,
    typer.Option(
        "--bump", help="Publish a new version: patch, minor or major (required when content changed)."
    ),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Only warnings and errors on stderr; no progress.")
]


def _setup_logging(quiet: bool) -> None:
    handler = RichHandler(console=stderr, show_time=False, show_path=False, markup=False)
    logging.basicConfig(
        level=logging.WARNING if quiet else logging.INFO, handlers=[handler], format="%(message)s", force=True
    )


def _fail(error: AlignError) -> None:
    stderr.print(f"error: {error.message}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(error.exit_code)


def _version(value: bool) -> None:
    if value:
        stdout.print(f"align {__version__}", markup=False, highlight=False)
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """align: cross-lingual agreement and conflict in news coverage, as a citable dataset."""


def _run_config(config: Path | None, workers: int | None, shard_dir: Path | None):  # type: ignore[no-untyped-def]
    """The build config with the command line's run options on top."""
    from dataclasses import replace

    from align.config import load_config

    build_config = load_config(config)
    run = build_config.run
    if workers is not None:
        run = replace(run, workers=workers)
    if shard_dir is not None:
        run = replace(run, shard_dir=str(shard_dir))
    return replace(build_config, run=run)


def _check_bump(bump: str | None) -> None:
    if bump is not None and bump not in ("patch", "minor", "major"):
        _fail(AlignError("--bump", f"must be patch, minor or major, got {bump!r}"))


@app.command()
def build(
    corpus: CorpusOption = Path("corpus"),
    out: OutOption = Path("dataset"),
    config: ConfigOption = None,
    bump: BumpOption = None,
    workers: WorkersOption = None,
    shard_dir: ShardDirOption = None,
    quiet: QuietOption = False,
) -> None:
    """Run the whole chain (corpus, segment, translate, link, label) and publish the dataset.

    Finished events are kept as shards: a build stopped by Ctrl-C or a crash resumes where it stopped, and a
    rebuild redoes only the events whose files or settings changed. Two builds cannot write one --out at once.
    """
    _setup_logging(quiet)
    from align.pipeline import build as run_build

    _check_bump(bump)
    try:
        build_config = _run_config(config, workers, shard_dir)
        show_progress = stderr.is_terminal and not quiet
        with _progress(show_progress) as advance:
            report = run_build(corpus, out, build_config, bump=bump, on_event=advance)
    except AlignError as error:
        _fail(error)
        return
    _print_report(out, report)


@app.command()
def assemble(
    corpus: CorpusOption = Path("corpus"),
    out: OutOption = Path("dataset"),
    config: ConfigOption = None,
    bump: BumpOption = None,
    shard_dir: ShardDirOption = None,
    quiet: QuietOption = False,
) -> None:
    """Publish the dataset from finished shards, e.g. after a distributed run (docs/scaling.md); builds nothing.

    Every event of --corpus needs a shard made from its current files and the same --config; use the same
    --shard-dir as the run that made them.
    """
    _setup_logging(quiet)
    from align.pipeline import build_from_shards

    _check_bump(bump)
    try:
        report = build_from_shards(corpus, out, _run_config(config, None, shard_dir), bump=bump)
    except AlignError as error:
        _fail(error)
        return
    _print_report(out, report)


def _print_report(out: Path, report) -> None:  # type: ignore[no-untyped-def]
    counts = ", ".join(f"{n} {name}" for name, n in report.counts.items())
    # soft_wrap: a result line is data; it must not be broken at the console width when piped.
    if report.unchanged:
        stdout.print(
            f"{out}: unchanged (version {report.version}; {counts})",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    else:
        stdout.print(
            f"{out}: wrote version {report.version} ({counts}) in {report.seconds:.1f}s",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    stages = ", ".join(f"{stage} {seconds:.1f}s" for stage, seconds in report.stage_seconds.items())
    logger = logging.getLogger("align")
    logger.info("events: %d built, %d reused from shards", report.events_built, report.events_reused)
    logger.info("signature %s; %s", report.signature, stages)


class _progress:
    """A progress line over events on stderr, only on a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._progress = None

    def __enter__(self):  # type: ignore[no-untyped-def]
        if not self.enabled:
            return lambda _event: None
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=stderr,
            transient=True,
        )
        self._progress.start()
        task = self._progress.add_task("building events", total=None)

        def advance(event: str) -> None:
            self._progress.update(task, advance=1, description=f"built {event}")

        return advance

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


@app.command()
def validate(
    dataset: Annotated[Path, typer.Argument(help="Dataset directory to check.")] = Path("dataset"),
) -> None:
    """Schema-check every record, the card and the checksums; exit 1 with a count and the first failures."""
    from align.publish import check_dataset

    try:
        failures = check_dataset(dataset, limit=0)
    except AlignError as error:
        _fail(error)
        return
    if failures:
        stdout.print(f"{dataset}: {len(failures)} failure(s)", markup=False, highlight=False)
        for failure in failures[:20]:
            stdout.print(f"  {failure}", markup=False, highlight=False)
        raise typer.Exit(1)
    stdout.print(f"{dataset}: valid", markup=False, highlight=False)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        stderr.print("interrupted")
        sys.exit(130)
