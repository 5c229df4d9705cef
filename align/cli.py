"""The ``align`` command line. Data and results go to stdout, logs and progress to stderr.

Every user error is one line ``error: <where>: <problem>`` and exit code 2; ``align validate`` exits 1 when a dataset
does not validate.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from rich.console import Console
from rich.logging import RichHandler
from typer.core import TyperGroup

from align import __version__
from align.errors import AlignError


class _Commands(TyperGroup):
    """The command group: whatever command runs, an AlignError (or the operating system's refusal: permissions, a
    full disk) becomes the one line ``error: <where>: <problem>`` and exit 2, here and nowhere else."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (AlignError, OSError) as error:
            _fail(error)


app = typer.Typer(
    cls=_Commands,
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


def _fail(error: AlignError | OSError) -> None:
    """Print one line, ``error: <where>: <problem>``, and exit (2 for user errors)."""
    if isinstance(error, OSError):  # the machine said no (permissions, full disk, a path gone): not a bug to trace
        error = AlignError(error.filename, error.strerror or str(error))
    message = " ".join(line.strip() for line in error.message.splitlines())
    stderr.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
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


def _run_config(config: Path | None, overrides: dict[str, object]):  # type: ignore[no-untyped-def]
    """The build config with the command line's options on top (``None`` values: option not given)."""
    from align.config import load_config

    return load_config(config).with_overrides({k: v for k, v in overrides.items() if v is not None})


def _check_bump(bump: str | None) -> None:
    if bump is not None and bump not in ("patch", "minor", "major"):
        raise AlignError("--bump", f"must be patch, minor or major, got {bump!r}")


@app.command()
def build(
    corpus: CorpusOption = Path("corpus"),
    out: OutOption = Path("dataset"),
    config: ConfigOption = None,
    bump: BumpOption = None,
    workers: WorkersOption = None,
    shard_dir: ShardDirOption = None,
    require_translation: Annotated[
        bool,
        typer.Option(
            "--require-translation",
            help="Fail (exit 2, nothing written) when a non-English sentence has no translation backend.",
        ),
    ] = False,
    cache_dir: Annotated[
        Path | None,
        typer.Option("--cache-dir", help="Cache for translations and embeddings (default: $ALIGN_CACHE_DIR or ~/.cache/align)."),
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Run the whole chain (corpus, segment, translate, link, label) and publish the dataset.

    Finished events are kept as shards: a build stopped by Ctrl-C or a crash resumes where it stopped, and a
    rebuild redoes only the events whose files or settings changed. Two builds cannot write one --out at once.
    """
    _setup_logging(quiet)
    from align.build.orchestrate import build as run_build

    _check_bump(bump)
    build_config = _run_config(
        config,
        {
            "run.workers": workers,
            "run.shard_dir": None if shard_dir is None else str(shard_dir),
            "translate.require": True if require_translation else None,
            "translate.cache_dir": None if cache_dir is None else str(cache_dir),
        },
    )
    show_progress = stderr.is_terminal and not quiet
    with _progress(show_progress) as advance:
        report = run_build(corpus, out, build_config, bump=bump, on_event=advance)
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
    from align.build.orchestrate import build_from_shards

    _check_bump(bump)
    overrides = {"run.shard_dir": None if shard_dir is None else str(shard_dir)}
    report = build_from_shards(corpus, out, _run_config(config, overrides), bump=bump)
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
    if report.translation:
        stdout.print(report.translation, markup=False, highlight=False, soft_wrap=True)
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
    from align.dataset.check import check_dataset

    failures = check_dataset(dataset, limit=0)
    if failures:
        stdout.print(f"{dataset}: {len(failures)} failure(s)", markup=False, highlight=False, soft_wrap=True)
        for failure in failures[:20]:
            stdout.print(f"  {failure}", markup=False, highlight=False, soft_wrap=True)
        if len(failures) > 20:
            stdout.print(f"  … and {len(failures) - 20} more", markup=False, highlight=False)
        raise typer.Exit(1)
    stdout.print(f"{dataset}: valid", markup=False, highlight=False, soft_wrap=True)


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Option("--gold", help="Gold links, JSON Lines (format in README: Evaluating links).")],
    dataset: Annotated[Path, typer.Argument(help="Dataset directory to score.")] = Path("dataset"),
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Link precision/recall/F1 (overall and per language pair) and label scores against a gold file."""
    import json

    from align.evaluate import evaluate_dataset

    _setup_logging(quiet=False)
    report = evaluate_dataset(dataset, gold)
    text = json.dumps(report.to_dict(), indent=2) if as_json else report.to_text()
    stdout.print(text, markup=False, highlight=False, soft_wrap=True)


models_app = typer.Typer(help="Translation models (Argos Translate packages).", no_args_is_help=True)
app.add_typer(models_app, name="models")
PackagesDirOption = Annotated[
    Path | None,
    typer.Option("--packages-dir", help="Where models live (default: $ARGOS_PACKAGES_DIR or Argos' own directory)."),
]


def _packages_dir(packages_dir: Path | None) -> Path:
    from align.translate.argos_packages import resolve_packages_dir

    return resolve_packages_dir(packages_dir)


@models_app.command("list")
def models_list(packages_dir: PackagesDirOption = None) -> None:
    """List installed translation packages, one per line."""
    from align.translate.argos_packages import list_packages

    directory = _packages_dir(packages_dir)
    packages = list_packages(directory)
    if not packages:
        stderr.print(f"no translation packages in {directory}; install one with `align models install hi en`")
    for package in packages:
        stdout.print(str(package), markup=False, highlight=False)


@models_app.command("install")
def models_install(
    source: Annotated[str, typer.Argument(help="Source language (ISO 639-1), e.g. hi.")],
    target: Annotated[str, typer.Argument(help="Target language.")] = "en",
    packages_dir: PackagesDirOption = None,
) -> None:
    """Download and install SOURCE->TARGET from the Argos package index (needs internet)."""
    from align.translate.argos_packages import install_from_index

    package = install_from_index(source, target, _packages_dir(packages_dir))
    stdout.print(f"installed {package}", markup=False, highlight=False)


@models_app.command("install-file")
def models_install_file(
    path: Annotated[Path, typer.Argument(help="A .argosmodel file.")],
    packages_dir: PackagesDirOption = None,
) -> None:
    """Install a translation package from a local .argosmodel file (works offline)."""
    from align.translate.argos_packages import install_file

    package = install_file(path, _packages_dir(packages_dir))
    stdout.print(f"installed {package}", markup=False, highlight=False)


@models_app.command("remove")
def models_remove(
    source: Annotated[str, typer.Argument(help="Source language.")],
    target: Annotated[str, typer.Argument(help="Target language.")] = "en",
    packages_dir: PackagesDirOption = None,
) -> None:
    """Remove an installed translation package."""
    from align.translate.argos_packages import remove

    package = remove(source, target, _packages_dir(packages_dir))
    stdout.print(f"removed {package}", markup=False, highlight=False)


# --- release, diff, publish, report (issue #7) ---

DatasetArgument = Annotated[Path, typer.Argument(help="Dataset directory (as written by align build).")]


@app.command()
def release(
    dataset: DatasetArgument = Path("dataset"),
    bump: Annotated[
        str,
        typer.Option(
            "--bump",
            help="Which part of the version to raise: patch, minor or major (see DESIGN.md's semver rule).",
        ),
    ] = "",
    since: Annotated[
        Path | None,
        typer.Option(
            "--since",
            help="An earlier version of the dataset (e.g. a checkout of its tag): the CHANGELOG entry then counts "
            "what changed since it. Without it the entry states that the records are unchanged.",
        ),
    ] = None,
) -> None:
    """Publish the records already in DATASET under a new version, without rebuilding.

    Writes the new version into the card and prepends a CHANGELOG entry (counts of articles, sentences, pairs,
    label and schema changes; the build signature); rewrites report.html, labels.svg and SHA256SUMS.
    The records and their content_sha256 stay the same. Refuses a dataset that does not validate.
    """
    from align.dataset.release import release as run_release

    if bump not in ("patch", "minor", "major"):
        raise AlignError("--bump", f"is required and must be patch, minor or major, got {bump!r}")
    result = run_release(dataset, bump, since)
    stdout.print(
        f"{dataset}: released version {result.release.version} (was {result.previous.version}; "
        f"records unchanged, content_sha256 {result.release.content_sha256[:12]}…)",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The older dataset directory.")],
    new: Annotated[Path, typer.Argument(help="The newer dataset directory.")],
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print the full difference (every id) as JSON instead of a summary."),
    ] = False,
) -> None:
    """Compare two dataset directories: articles, sentences, pairs and claims added, removed or changed.

    Records are matched by their stable ids. The summary counts them, the sentences whose text_en changed,
    the pairs whose label flipped, the claims merged, split or whose status changed, and schema or build-signature
    changes. --json lists every id.
    Exit 0 whether or not they differ.
    """
    import json

    from align.dataset.diff import diff_dirs, summary_lines

    for directory in (old, new):
        if not directory.is_dir():
            raise AlignError(directory, "dataset directory does not exist")
    difference, counted = diff_dirs(old, new)
    lines = summary_lines(difference, counted)
    if as_json:
        sys.stdout.write(json.dumps(difference.to_json(), indent=2, ensure_ascii=False) + "\n")
        return
    versions = [
        f"{d} ({r.version})" if r else str(d)
        for d, r in ((old, difference.old_release), (new, difference.new_release))
    ]
    stdout.print(f"{versions[0]} -> {versions[1]}", markup=False, highlight=False)
    for line in lines:
        stdout.print(f"  {line}", markup=False, highlight=False, soft_wrap=True)


@app.command()
def claims(
    dataset: DatasetArgument = Path("dataset"),
    event: Annotated[str | None, typer.Option("--event", help="Only this event (its directory name).")] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="Only claims with this status: contested, consensus or single.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the claim rows as JSON instead of a table.")] = False,
) -> None:
    """List the claims of DATASET: one row per reported fact, contested first.

    A claim groups the sentences of one event that report the same fact. Each row shows its status (contested: a
    link between its sentences conflicts; consensus: several sources, no conflict; single: one source), how many
    sources state it, their languages, its id and its representative sentence (in English when translated), then
    the sources and the evidence kinds of its conflicts. --json prints the full rows, in the same order.
    """
    from align.dataset.claim_table import claims_json, read_claims, select_claims, table_lines

    content = read_claims(dataset)
    rows = select_claims(content, event, status)
    if as_json:
        sys.stdout.write(claims_json(rows))
        return
    for line in table_lines(content, rows):
        stdout.print(line, markup=False, highlight=False, soft_wrap=True)


@app.command()
def publish(
    dataset: DatasetArgument = Path("dataset"),
    repo_id: Annotated[
        str, typer.Option("--repo-id", help="Hub dataset repository, ORG/NAME (created if missing).")
    ] = "",
    private: Annotated[
        bool,
        typer.Option(
            "--private", help="Create the repository private (an existing one keeps its visibility)."
        ),
    ] = False,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run", help="Validate and list the files, sizes and tag that would be pushed; no network."
        ),
    ] = False,
) -> None:
    """Push DATASET to the Hugging Face Hub and tag the commit vX.Y.Z (the card's version).

    Refuses a dataset that does not validate, and a version whose tag already holds different files.
    Re-publishing identical files is a no-op. The repo mirrors DATASET: files it no longer has are deleted.
    The token comes from HF_TOKEN or the `hf auth login` cache and is never printed.
    Needs the network; HF_ENDPOINT selects another Hub.
    """
    from align.dataset.hub import plan_lines, plan_upload, push

    if not repo_id:
        raise AlignError("--repo-id", "is required: the Hub dataset repository, ORG/NAME")
    plan = plan_upload(dataset, repo_id, private)
    if dry_run:
        from huggingface_hub import constants

        for line in plan_lines(plan, constants.ENDPOINT):
            stdout.print(line, markup=False, highlight=False, soft_wrap=True)
        return
    result = push(plan)
    if result.already_published:
        stdout.print(
            f"{result.url}: {result.tag} already holds these files; nothing to do",
            markup=False,
            highlight=False,
        )
    else:
        stdout.print(f"{result.url}: published and tagged {result.tag}", markup=False, highlight=False)


@app.command()
def report(
    dataset: DatasetArgument = Path("dataset"),
    output: Annotated[
        Path, typer.Option("--output", "-o", help="HTML file to write (outside the dataset directory).")
    ] = Path("report.html"),
) -> None:
    """Write one self-contained HTML page for browsing DATASET: articles side by side, links, conflicts.

    No network, no CDN: styles, script, data (JSON) and the chart (SVG) are inside the file.
    Click a sentence to highlight its partners; filter by label, language pair and confidence.
    Conflict evidence is marked on both sides. The view is kept in the address (#pair=ID, #label=conflict, ...).
    align build and align release already write DATASET/report.html; this command renders one elsewhere.
    """
    from align.dataset.report import write_report

    written = write_report(dataset, output)
    stdout.print(f"wrote {written}", markup=False, highlight=False)


INTERRUPTED = 130  # the shell's code for a command ended by Ctrl-C (128 + SIGINT)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # before typer took over (while importing, say)
        _exit_interrupted()
    except SystemExit as done:
        if done.code == INTERRUPTED:  # typer turns KeyboardInterrupt into exit 130
            _exit_interrupted()
        raise


def _exit_interrupted() -> None:
    """Exit 130 at once. Whatever Ctrl-C interrupted has already cleaned up as the KeyboardInterrupt unwound (the
    output lock, staging directories; shards and the cache are written atomically), so the interpreter's own
    teardown is skipped: with the model libraries loaded it takes seconds, and would wait for a model call that
    was abandoned mid-way (align.interrupt)."""
    stderr.print("interrupted", markup=False, highlight=False)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(INTERRUPTED)
