"""Every backend registry names exactly what the config schema accepts, and every entry imports."""

from __future__ import annotations

import pytest

from align.embed import EMBEDDERS
from align.label import JUDGES
from align.link.rerank import RERANKERS
from align.registry import Registry, load_object
from align.translate import TRANSLATORS
from align.validation import schema

CONFIG = schema("config")["properties"]
REGISTRIES = {
    "translate.backends": (TRANSLATORS, CONFIG["translate"]["properties"]["backends"]["items"]["enum"]),
    "embed.backend": (EMBEDDERS, CONFIG["embed"]["properties"]["backend"]["enum"]),
    "link.rerank": (RERANKERS, CONFIG["link"]["properties"]["rerank"]["enum"]),
    "label.backend": (JUDGES, CONFIG["label"]["properties"]["backend"]["enum"]),
}


@pytest.mark.parametrize("setting", sorted(REGISTRIES))
def test_registry_names_equal_the_schema_enum(setting: str) -> None:
    registry, enum = REGISTRIES[setting]
    assert registry.setting == setting
    assert sorted(registry.names) == sorted(enum)


@pytest.mark.parametrize("setting", sorted(REGISTRIES))
def test_every_registered_backend_imports(setting: str) -> None:
    registry, _ = REGISTRIES[setting]
    for name in registry:
        assert isinstance(registry.load(name), type), name


def test_an_unknown_name_is_an_error_that_lists_the_choices() -> None:
    from align.errors import AlignError

    registry = Registry("x.backend", {"a": "align.registry:Registry"}, off="none")
    assert registry.load("none") is None
    with pytest.raises(AlignError, match=r"x.backend: unknown backend 'b'; choose from 'a', 'none'"):
        registry.load("b")
    assert load_object("align.registry:Registry.load") is Registry.load
