"""``align publish``: push a validated dataset directory to the Hugging Face Hub and tag its version ``vX.Y.Z``.

``plan_upload`` decides everything that needs no network (what validates, which files, which tag), so ``--dry-run``
is the same plan without the push. ``push`` then talks to the Hub through huggingface_hub, with the token from the
usual places (``HF_TOKEN``, the ``hf auth login`` cache); the token is never printed. Every failure becomes one
AlignError line: offline, unreachable endpoint, refused token, a tag that already holds different files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from align.dataset.artifacts import CHECKSUMS
from align.dataset.check import check_dataset
from align.dataset.checksums import checksum_entries
from align.dataset.content import Release, read_release
from align.errors import AlignError

REPO_TYPE = "dataset"
# Class names of transport failures in requests, httpx and httpx2 (huggingface_hub has used all three).
_NETWORK_ERRORS = {"ConnectError", "ConnectionError", "TransportError", "TimeoutException", "Timeout"}
_REPO_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,95}/[A-Za-z0-9][A-Za-z0-9_.-]{0,95}$")


@dataclass(frozen=True)
class UploadPlan:
    """What ``push`` will upload: every file SHA256SUMS lists, SHA256SUMS itself, and the tag for the version."""

    dataset_dir: Path
    repo_id: str
    private: bool
    release: Release
    files: list[tuple[str, int]]  # path relative to the dataset directory, size in bytes

    @property
    def tag(self) -> str:
        return f"v{self.release.version}"

    @property
    def total_bytes(self) -> int:
        return sum(size for _, size in self.files)


@dataclass(frozen=True)
class PushResult:
    url: str
    tag: str
    already_published: bool
    commit: str | None = None


def plan_upload(dataset_dir: Path, repo_id: str, private: bool = False) -> UploadPlan:
    """The upload of ``dataset_dir`` to ``repo_id``; refuses (AlignError) a bad repo id or a dataset that does not
    validate, so nothing invalid ever reaches the Hub."""
    if not _REPO_ID.match(repo_id) or "--" in repo_id or ".." in repo_id:
        raise AlignError(
            "--repo-id", f"must look like ORG/NAME (letters, digits, '-', '_', '.'), got {repo_id!r}"
        )
    failures = check_dataset(dataset_dir)
    if failures:
        raise AlignError(
            dataset_dir,
            f"does not validate ({len(failures)} failure(s); first: {failures[0]}); refusing to publish it",
        )
    release = read_release(dataset_dir)
    if release is None:  # check_dataset already reports a missing card; kept for the type checker
        raise AlignError(dataset_dir, "holds no dataset card")
    # check_dataset already refused any SHA256SUMS path that leaves the directory; only its checked entries are used.
    entries, unsafe = checksum_entries(dataset_dir)
    if unsafe:
        raise AlignError(dataset_dir, f"{unsafe[0]}; refusing to publish it")
    names = [name for _, _, name in entries]
    files = [(name, (dataset_dir / name).stat().st_size) for name in sorted([*names, CHECKSUMS])]
    return UploadPlan(dataset_dir, repo_id, private, release, files)


def plan_lines(plan: UploadPlan, endpoint: str = "https://huggingface.co") -> list[str]:
    """The dry run, for people: destination, tag, then one line per file with its size."""
    visibility = "private" if plan.private else "public"
    lines = [
        f"would upload {len(plan.files)} files ({_size(plan.total_bytes)}) to {endpoint}/datasets/{plan.repo_id} "
        f"(created {visibility} if missing) and tag {plan.tag}",
    ]
    width = max((len(str(size)) for _, size in plan.files), default=1)
    lines += [f"  {size:>{width}}  {name}" for name, size in plan.files]
    return lines


def _size(n: int) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000  # type: ignore[assignment]
    return f"{n} B"


def tag_holds_same_files(local_checksums: str, remote_checksums: str) -> bool:
    """Whether a tag on the Hub holds exactly these files: SHA256SUMS names every file with its hash."""
    return sorted(local_checksums.splitlines()) == sorted(remote_checksums.splitlines())


def push(plan: UploadPlan) -> PushResult:
    """Create the repo if needed, upload the folder as one commit, tag it; a no-op when the tag already holds
    exactly these files. Raises AlignError (one line) for every failure."""
    from huggingface_hub import HfApi, constants, get_token

    endpoint = constants.ENDPOINT
    url = f"{endpoint}/datasets/{plan.repo_id}"
    if constants.HF_HUB_OFFLINE:
        raise AlignError(
            "Hugging Face Hub",
            "HF_HUB_OFFLINE is set: publishing needs the network (unset it, or use --dry-run)",
        )
    token = get_token()
    if not token:
        raise AlignError(
            "Hugging Face Hub",
            "no token found: set HF_TOKEN or run `hf auth login` (a write token is needed)",
        )
    api = HfApi(endpoint=endpoint, token=token)
    local = (plan.dataset_dir / CHECKSUMS).read_text("utf-8")
    try:
        remote = _checksums_at_tag(api, plan)
        if remote is not None:
            if tag_holds_same_files(local, remote):
                return PushResult(url, plan.tag, already_published=True)
            raise AlignError(
                url,
                f"tag {plan.tag} already exists with different files; release a new version "
                "(align release --bump patch) and publish that",
            )
        api.create_repo(plan.repo_id, repo_type=REPO_TYPE, private=plan.private, exist_ok=True)
        commit = api.upload_folder(
            repo_id=plan.repo_id,
            repo_type=REPO_TYPE,
            folder_path=plan.dataset_dir,
            allow_patterns=[name for name, _ in plan.files],
            # The repo mirrors the dataset: files dropped locally go too (.gitattributes always stays).
            delete_patterns=["*"],
            commit_message=f"align dataset {plan.tag}",
            commit_description=f"content_sha256 {plan.release.content_sha256}\n"
            f"build signature {plan.release.build_signature}",
        )
        api.create_tag(
            plan.repo_id,
            repo_type=REPO_TYPE,
            tag=plan.tag,
            revision=commit.oid,
            tag_message=f"align dataset {plan.release.version}",
        )
    except AlignError:
        raise
    except Exception as error:  # noqa: BLE001 - every Hub or network failure becomes one line for the user
        raise hub_error(error, endpoint, token) from None
    return PushResult(url, plan.tag, already_published=False, commit=commit.oid)


def _checksums_at_tag(api: Any, plan: UploadPlan) -> str | None:
    """SHA256SUMS as the Hub holds it at the version's tag, or None when the repo or the tag does not exist."""
    from huggingface_hub.errors import RepositoryNotFoundError

    try:
        refs = api.list_repo_refs(plan.repo_id, repo_type=REPO_TYPE)
    except RepositoryNotFoundError:
        return None
    if plan.tag not in {tag.name for tag in refs.tags}:
        return None
    path = api.hf_hub_download(plan.repo_id, CHECKSUMS, repo_type=REPO_TYPE, revision=plan.tag)
    return Path(path).read_text("utf-8")


def hub_error(error: BaseException, endpoint: str, token: str | None = None) -> AlignError:
    """One actionable line for a failed Hub call; the token, should a message ever echo it, is masked."""
    names = {cls.__name__ for cls in type(error).__mro__}
    status = getattr(getattr(error, "response", None), "status_code", None)
    first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
    if token:
        first_line = first_line.replace(token, "***")
    if "OfflineModeIsEnabled" in names:
        problem = "HF_HUB_OFFLINE is set: publishing needs the network (unset it, or use --dry-run)"
    elif status in (401, 403):
        problem = f"the Hub refused the token (HTTP {status}): check HF_TOKEN or run `hf auth login` with a write token"
    elif status is not None:
        problem = f"the Hub answered HTTP {status}: {first_line}"
    elif names & _NETWORK_ERRORS or isinstance(error, OSError):
        problem = f"cannot reach the Hub ({first_line}); check the network or HF_ENDPOINT"
    else:
        problem = f"publishing failed: {type(error).__name__}: {first_line}"
    return AlignError(endpoint, problem)
