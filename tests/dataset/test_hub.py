"""align publish: the plan and the dry run need no network; every real push failure is one line and exit 2.

The online path cannot run here; its failures are exercised for real: HF_HUB_OFFLINE=1, a loopback endpoint that
refuses connections, and no token at all.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from align.cli import app
from align.dataset.hub import plan_lines, plan_upload, tag_holds_same_files
from align.errors import AlignError
from tests.small_dataset import seedlike, write_dataset

TOKEN = "hf_notarealtoken_5c8e0f1d"


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    out = tmp_path / "ds"
    write_dataset(seedlike().content(), out, "0.3.1")
    return out


def align(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", **env}
    for name in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_TOKEN_PATH"):
        if name not in env:
            environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "align", *args], capture_output=True, text=True, env=environment, timeout=120
    )


def test_plan_lists_every_checksummed_file_with_its_size(dataset: Path) -> None:
    plan = plan_upload(dataset, "align-nlp/tiny")
    listed = [line.split("  ", 1)[1] for line in (dataset / "SHA256SUMS").read_text().splitlines()]
    assert [name for name, _ in plan.files] == sorted([*listed, "SHA256SUMS"])
    assert {"report.html", "labels.svg", "README.md"} <= set(listed)
    assert any(name.startswith("data/pairs/events-") and name.endswith(".parquet") for name in listed)
    assert all(size == (dataset / name).stat().st_size for name, size in plan.files)
    assert plan.tag == "v0.3.1"
    lines = plan_lines(plan)
    assert lines[0].startswith(f"would upload {len(plan.files)} files (")
    assert lines[0].endswith(
        "to https://huggingface.co/datasets/align-nlp/tiny (created public if missing) and tag v0.3.1"
    )


def test_dry_run_lists_files_sizes_and_tag_without_network(dataset: Path) -> None:
    # HF_ENDPOINT points nowhere: a dry run that touched the network would fail.
    result = align(
        "publish", str(dataset), "--repo-id", "align-nlp/tiny", "--dry-run", "--private",
        HF_HUB_OFFLINE="0", HF_ENDPOINT="http://127.0.0.1:9",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert (
        "to http://127.0.0.1:9/datasets/align-nlp/tiny (created private if missing) and tag v0.3.1"
        in lines[0]
    )
    sizes = {line.split()[1]: int(line.split()[0]) for line in lines[1:]}
    assert sizes["README.md"] == (dataset / "README.md").stat().st_size
    assert sizes["SHA256SUMS"] == (dataset / "SHA256SUMS").stat().st_size
    assert len(sizes) == len((dataset / "SHA256SUMS").read_text().splitlines()) + 1


def test_publish_refuses_a_dataset_that_does_not_validate(dataset: Path) -> None:
    (dataset / "README.md").write_text((dataset / "README.md").read_text() + "\nedited\n")
    result = CliRunner().invoke(app, ["publish", str(dataset), "--repo-id", "align-nlp/tiny", "--dry-run"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "does not validate (1 failure(s); first: SHA256SUMS line" in result.stderr
    assert "refusing to publish it" in result.stderr


def test_dry_run_refuses_and_never_lists_a_path_outside_the_dataset(dataset: Path) -> None:
    import hashlib

    secret = dataset.parent / "secret.txt"
    secret.write_text("a file beside the dataset")
    sums = dataset / "SHA256SUMS"
    sums.write_text(sums.read_text() + f"{hashlib.sha256(secret.read_bytes()).hexdigest()}  ../secret.txt\n")
    result = CliRunner().invoke(app, ["publish", str(dataset), "--repo-id", "align-nlp/tiny", "--dry-run"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "'../secret.txt' leaves the dataset directory" in result.stderr
    assert "secret" not in result.stdout


@pytest.mark.parametrize("repo_id", ["tiny", "a/b/c", "-org/name", "org/na me", "org/name--x"])
def test_publish_refuses_a_malformed_repo_id(dataset: Path, repo_id: str) -> None:
    with pytest.raises(AlignError, match="must look like ORG/NAME"):
        plan_upload(dataset, repo_id)


def test_publish_offline_is_one_line_and_exit_2(dataset: Path) -> None:
    result = align("publish", str(dataset), "--repo-id", "align-nlp/tiny", HF_HUB_OFFLINE="1", HF_TOKEN=TOKEN)
    assert result.returncode == 2
    assert result.stderr == (
        "error: Hugging Face Hub: HF_HUB_OFFLINE is set: publishing needs the network (unset it, or use --dry-run)\n"
    )
    assert result.stdout == ""


def test_publish_to_an_unreachable_hub_is_one_line_and_never_shows_the_token(dataset: Path) -> None:
    result = align(
        "publish", str(dataset), "--repo-id", "align-nlp/tiny",
        HF_HUB_OFFLINE="0", HF_ENDPOINT="http://127.0.0.1:9", HF_TOKEN=TOKEN,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith("error: http://127.0.0.1:9: cannot reach the Hub (")
    assert result.stderr.endswith("; check the network or HF_ENDPOINT\n")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert TOKEN not in result.stderr + result.stdout


def test_publish_without_a_token_says_where_to_get_one(dataset: Path, tmp_path: Path) -> None:
    result = align(
        "publish", str(dataset), "--repo-id", "align-nlp/tiny",
        HF_HUB_OFFLINE="0", HF_ENDPOINT="http://127.0.0.1:9", HF_HOME=str(tmp_path / "hf-home"),
    )  # fmt: skip
    assert result.returncode == 2
    assert "no token found: set HF_TOKEN or run `hf auth login`" in result.stderr


def test_an_existing_tag_counts_as_published_only_with_the_same_files(dataset: Path) -> None:
    local = (dataset / "SHA256SUMS").read_text()
    shuffled = "\n".join(reversed(local.splitlines())) + "\n"
    assert tag_holds_same_files(local, shuffled)
    first = local.splitlines()[0]
    tampered = local.replace(first, "0" * 64 + first[64:])
    assert not tag_holds_same_files(local, tampered)
    assert not tag_holds_same_files(local, local + "abc  extra.txt\n")


class RefusingHub(BaseHTTPRequestHandler):
    """A loopback stand-in for the Hub that answers every request with one HTTP status, as the real Hub does for a
    bad token (401) or an outage (503)."""

    status = 401

    def _answer(self) -> None:
        body = json.dumps({"error": f"refused ({self.status})"}).encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_HEAD = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (
            401,
            "the Hub refused the token (HTTP 401): check HF_TOKEN or run `hf auth login` with a write token",
        ),
        (503, "the Hub answered HTTP 503: "),
    ],
)
def test_http_errors_from_the_hub_are_one_line_without_the_token(
    dataset: Path, status: int, expected: str
) -> None:
    handler = type("Handler", (RefusingHub,), {"status": status})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    endpoint = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        result = align(
            "publish", str(dataset), "--repo-id", "align-nlp/tiny",
            HF_HUB_OFFLINE="0", HF_ENDPOINT=endpoint, HF_TOKEN=TOKEN, HF_HUB_ETAG_TIMEOUT="5",
        )  # fmt: skip
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {endpoint}: {expected}")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert TOKEN not in result.stderr + result.stdout
