"""Builds a tiny but valid ``.argosmodel`` offline, so tests drive the real argostranslate + ctranslate2 path.

The package holds what a real one does (``metadata.json``, a sentencepiece tokenizer, a ctranslate2
Transformer in ``model/``) inside one top-level directory, as the Argos index ships them. The weights are
random: output is garbage, fine for testing mechanics (batching, provenance, caching), never a result.
"""

from __future__ import annotations

import importlib
import io
import json
import sys
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

# Enough distinct characters (Devanagari, Latin) for a ~120-piece vocabulary.
TRAINING_LINES = (
    "एंथ्रोपिक के सुरक्षा शोध प्रमुख ने इस्तीफा दिया।",
    "उन्होंने कहा कि दुनिया खतरे में है और वह कविता लिखेंगे।",
    "कंपनी ने बयान जारी किया और नए मॉडल की घोषणा की।",
    "मृणांक शर्मा ने सोमवार को पत्र साझा किया।",
    "The head of safeguards research resigned on Monday.",
    "He said the world is in peril and he will study poetry.",
    "L'entreprise a publié un communiqué sur la sécurité.",
    "Anthropic Claude Opus 4.6 AI safety letter 2026 February",
)
VOCAB_SIZE = 120
MODEL_DIM = 16
FFN_DIM = 32
NUM_HEADS = 2
EOS_BIAS = 2.4


def _train_sentencepiece() -> bytes:
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(TRAINING_LINES * 4),
        model_writer=model,
        vocab_size=VOCAB_SIZE,
        character_coverage=1.0,
        hard_vocab_limit=False,
        minloglevel=2,
    )
    return model.getvalue()


def _shape(name: str, vocab: int) -> tuple[int, ...]:
    """Weight shape for a variable of a pre-norm ctranslate2 Transformer, from its name."""
    if name.endswith(("gamma", "beta")):
        return (MODEL_DIM,)
    if "embeddings" in name or name.endswith("projection/weight"):
        return (vocab, MODEL_DIM)
    if "/ffn/linear_0/" in name:
        return (FFN_DIM, MODEL_DIM)
    if "/ffn/linear_1/" in name:
        return (MODEL_DIM, FFN_DIM)
    if "self_attention/linear_0" in name:
        return (3 * MODEL_DIM, MODEL_DIM)  # fused query, key, value
    if "/attention/linear_1" in name:
        return (2 * MODEL_DIM, MODEL_DIM)  # fused key, value over the encoder output
    return (MODEL_DIM, MODEL_DIM)


def _import_specs_without_torch() -> ModuleType:
    """``ctranslate2.specs``; it imports torch (seconds) only to accept torch tensors: we pass numpy."""
    if "torch" in sys.modules or "ctranslate2.specs" in sys.modules:
        return importlib.import_module("ctranslate2.specs")
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail fast inside ctranslate2
    try:
        return importlib.import_module("ctranslate2.specs")
    finally:
        del sys.modules["torch"]


def _save_random_transformer(directory: Path, vocabulary: list[str], seed: int) -> None:
    specs = _import_specs_without_torch()
    model_spec, transformer_spec = specs.model_spec, specs.transformer_spec

    spec = transformer_spec.TransformerSpec.from_config(1, NUM_HEADS)
    rng = np.random.default_rng(seed)
    for name, value in spec.variables().items():
        if value is not None:
            continue
        scope, attribute = name.rsplit("/", 1)
        shape = _shape(name, len(vocabulary))
        weights = np.ones(shape) if attribute == "gamma" else rng.normal(0.0, 0.3, shape)
        setattr(model_spec.index_spec(spec, scope), attribute, weights.astype(np.float32))
    # Random logits rarely pick </s>, so every output would run to the decoding limit; a bias on </s> keeps
    # outputs a few tokens long, like a real model's.
    bias = np.zeros(len(vocabulary), dtype=np.float32)
    bias[vocabulary.index("</s>")] = EOS_BIAS
    spec.decoder.projection.bias = bias
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    directory.mkdir(parents=True, exist_ok=True)
    spec.save(str(directory))


def build_tiny_argosmodel(
    directory: Path, from_code: str = "hi", to_code: str = "en", version: str = "1.1", seed: int = 0
) -> Path:
    """Write ``translate-<from>_<to>-<version>.argosmodel`` into ``directory`` and return its path."""
    import sentencepiece as spm

    root = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    sp_model = _train_sentencepiece()
    processor = spm.SentencePieceProcessor(model_proto=sp_model)
    vocabulary = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    model_dir = directory / f"{root}-model"
    _save_random_transformer(model_dir, vocabulary, seed)
    metadata = {
        "package_version": version,
        "argos_version": "1.0",
        "from_code": from_code,
        "from_name": from_code,
        "to_code": to_code,
        "to_name": to_code,
        "type": "translate",
    }
    path = directory / f"{root}.argosmodel"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{root}/metadata.json", json.dumps(metadata))
        archive.writestr(f"{root}/sentencepiece.model", sp_model)
        for file in sorted(model_dir.iterdir()):
            archive.write(file, f"{root}/model/{file.name}")
    return path


_BUILT: dict[str, Path] = {}


def shared_tiny_argosmodel(directory_factory: Any) -> Path:
    """One hi -> en model per test session, shared by all test modules (pass pytest's tmp_path_factory)."""
    if "hi-en" not in _BUILT:
        _BUILT["hi-en"] = build_tiny_argosmodel(directory_factory.mktemp("argosmodel"))
    return _BUILT["hi-en"]
