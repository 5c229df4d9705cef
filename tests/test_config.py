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
