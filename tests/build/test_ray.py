"""The documented Ray pipeline (docs/scaling.md), for real: a local Ray instance started inside the test runs
``BuildEventShards`` in two tasks and ``PublishFromShards`` after them; ``align assemble`` from the same shards and a
plain ``align build`` publish the same files.

Ray is in the ``scale`` and ``dev`` extras; the test skips only where Ray cannot be installed (no wheel for the
platform or Python version), and says so.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from align.build.orchestrate import build
from align.dataset.check import check_dataset
from align.dataset.content import read_release
from tests.builds import align, config_with, finished, make_corpus, sums

ray = pytest.importorskip("ray", reason="Ray cannot be installed here (no wheel for this platform or Python)")
pytest.importorskip("datatrove", reason="the scale extra (datatrove) is not installed")


@pytest.fixture
def local_ray(tmp_path: Path) -> Iterator[None]:
    """A Ray instance on this machine, two CPUs, no dashboard; shut down after the test.

    ``ray.init`` makes SIGTERM call ``sys.exit`` in this process, and ``ray.shutdown`` leaves it so: the handlers
    are put back, or a later SIGTERM (a CI timeout, say) surfaces in whichever test runs then as pytest's
    "INTERNALERROR SystemExit: 15" instead of ending the run plainly."""
    handlers = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)}
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        configure_logging=False,
        _temp_dir=str(Path("/tmp") / f"ray-{tmp_path.name[:20]}"),
    )
    try:
        yield
    finally:
        ray.shutdown()
        for number, handler in handlers.items():
            signal.signal(number, handler)


def test_ray_pipeline_then_assemble_equal_a_plain_build(tmp_path: Path, local_ray: None) -> None:
    from datatrove.executor import RayPipelineExecutor

    from align.build.distributed import BuildEventShards, PublishFromShards

    corpus = make_corpus(tmp_path, events=3)
    shards = tmp_path / "shards"
    events = RayPipelineExecutor(
        [BuildEventShards(corpus, shards, threads=1)],
        tasks=2,
        workers=2,
        cpus_per_task=1,
        mem_per_cpu_gb=1,
        logging_dir=str(tmp_path / "logs" / "events"),
    )
    RayPipelineExecutor(
        [PublishFromShards(corpus, tmp_path / "ray-dataset", shards)],
        tasks=1,
        cpus_per_task=1,
        mem_per_cpu_gb=1,
        logging_dir=str(tmp_path / "logs" / "publish"),
        depends=events,
    ).run()
    assert finished(shards) == {"event-0", "event-1", "event-2"}
    assert sorted(p.name for p in (tmp_path / "logs" / "events" / "completions").iterdir()) == ["00000", "00001"]

    assembled = tmp_path / "assembled"
    result = align("assemble", "--corpus", str(corpus), "--out", str(assembled), "--shard-dir", str(shards))
    assert result.returncode == 0, result.stderr
    assert "0 built, 3 reused from shards" in " ".join(result.stderr.split())

    plain = tmp_path / "plain"
    assert build(corpus, plain, config_with(tmp_path / "plain-shards")).events_built == 3
    assert sums(tmp_path / "ray-dataset") == sums(plain)
    assert sums(assembled) == sums(plain)
    assert read_release(assembled) == read_release(plain)
    assert check_dataset(tmp_path / "ray-dataset") == []
