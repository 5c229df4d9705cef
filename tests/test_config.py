from __future__ import annotations

from pathlib import Path

import pytest

from align.config import BuildConfig, load_config
from align.errors import AlignError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "align.toml"
    path.write_text(text, "utf-8")
    return path


def test_defaults_without_a_file() -> None:
    assert load_config(None) == BuildConfig()


def test_overrides_are_read(tmp_path: Path) -> None:
    config = load_config(
        write(tmp_path, '[corpus]\nextra_boilerplate_lines = ["sponsored:.*"]\n[link]\nk = 6\n')
    )
    assert config.corpus.extra_boilerplate_lines == ("sponsored:.*",)
    assert config.link.k == 6
    assert config.digest() != BuildConfig().digest()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[link]\nkk = 3\n", "unknown config key: 'kk' was unexpected in [link]"),
        ("[colour]\nred = 1\n", "unknown config key: 'colour' was unexpected"),
        ("[link]\nk = 'four'\n", "link.k: 'four' is not of type 'integer'"),
        ("[link\nk = 3\n", "not valid TOML"),
        ("[translate]\nbackends = ['google']\n", "translate.backends.0: 'google' is not one of"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(AlignError) as caught:
        load_config(write(tmp_path, text))
    assert message in caught.value.message
    assert caught.value.message.startswith(str(tmp_path / "align.toml"))


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(AlignError, match="config file not found"):
        load_config(tmp_path / "nope.toml")


def test_runtime_settings_are_exactly_how_a_build_runs() -> None:
    """What may never enter a shard key: thread counts, the cache directory and [run]; everything else does."""
    config = BuildConfig()
    shaping = config.record_settings()
    assert "dataset" not in shaping and "run" not in shaping  # the card only; how, not what
    left_out = {
        f"{section}.{name}"
        for section, values in config.to_dict().items()
        if section not in ("dataset", "run")
        for name in values
        if name not in shaping.get(section, {})
    }
    assert left_out == {"translate.argos_threads", "translate.cache_dir", "embed.threads", "link.threads"}
    assert config.thread_settings() == ["translate.argos_threads", "embed.threads", "link.threads"]


def test_overrides_and_thread_caps() -> None:
    config = BuildConfig().with_overrides({"link.threads": 8, "embed.threads": 1, "run.workers": 3})
    assert (config.link.threads, config.embed.threads, config.run.workers) == (8, 1, 3)
    capped = config.capped_threads(2)
    assert (capped.link.threads, capped.embed.threads, capped.translate.argos_threads) == (2, 1, 2)
    assert config.capped_threads(0).link.threads == 1  # never below one thread
    assert {config.with_threads(5).setting(name) for name in config.thread_settings()} == {5}
    with pytest.raises(KeyError, match="link.thread"):
        config.with_overrides({"link.thread": 2})
