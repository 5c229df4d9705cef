"""Optional NLI backend: an XNLI-style cross-encoder (e.g. ``MoritzLaurer/mDeBERTa-v3-base-xnli``) that reads
both sentences and says entailment / neutral / contradiction.

How it combines with the rules (``LabelConfig.backend = "rules+nli"``): for each pair the model is run both
ways (a -> b and b -> a) on the original texts (the models are multilingual) and the contradiction
probability is the mean of the two. At or above ``nli_threshold`` it becomes one more contradicting finding,
kind ``nli``, with that probability as its strength, and enters the same noisy-OR score as the rule findings
(scaled by ``weight_nli``). It never removes a rule finding: a model that misses a changed number does not
overrule the number.

``transformers`` and ``torch`` are imported, and the weights loaded, on first use only (``pip install
align[nli]``). The label mapping is read from ``model.config.id2label``. Given a cache directory, the
probabilities of each (model, premise, hypothesis) are kept in the content cache (namespace ``nli``), so a
rebuild runs the model only on sentence pairs it has not seen."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from align.cache import ContentCache, cache_key, normalise_text
from align.config import LabelConfig, LinkConfig
from align.errors import AlignError, require
from align.evidence.findings import Finding
from align.interrupt import interruptible
from align.records import PairRecord, stored_scores

LABEL_NAMES = ("entailment", "neutral", "contradiction")


def label_indices(id2label: dict[Any, str], setting: str = "label.nli_model") -> dict[str, int]:
    """Which output of the model is entailment, neutral and contradiction, from its ``id2label``
    (names matched by prefix, case-insensitively: "CONTRADICTION", "contradiction", "LABEL_2" is refused)."""
    found: dict[str, int] = {}
    for index, name in id2label.items():
        for wanted in LABEL_NAMES:
            if str(name).lower().startswith(wanted[:7]):
                found[wanted] = int(index)
    if "contradiction" not in found or "entailment" not in found:
        raise AlignError(setting, f"model labels {dict(id2label)} name no entailment/"
                         "contradiction: use an NLI (XNLI/MNLI) model")
    return found


class NliJudge:
    """A sequence-classification NLI model behind the labeller's ``Judge`` protocol."""

    def __init__(
        self,
        model_name: str,
        max_length: int = 256,
        batch_size: int = 4,
        threshold: float = 0.5,
        cache: ContentCache | None = None,
        setting: str = "label.nli_model",
    ) -> None:
        if not model_name:
            raise AlignError(setting, "needs an NLI model: a Hub id or a local directory")
        self.setting = setting  # the config key that names the model, for error messages
        self.model_name = model_name
        self.max_length = max_length
        self.batch_size = batch_size
        self.threshold = threshold
        self.signature = f"nli({model_name})"
        self._model: Any = None
        self._tokenizer: Any = None
        self._indices: dict[str, int] = {}
        self.cache = cache
        self.computed = 0  # sentence pairs run through the model (not answered by the cache)

    @classmethod
    def for_label(cls, config: LabelConfig, cache_dir: Path | None = None) -> NliJudge:
        """The label stage's judge (``label.backend = "rules+nli"``): contradictions at ``nli_threshold``."""
        return cls(
            config.nli_model, config.nli_max_length, config.nli_batch_size, config.nli_threshold, nli_cache(cache_dir)
        )

    @classmethod
    def for_rerank(cls, config: LinkConfig, cache_dir: Path | None = None) -> NliJudge:
        """The link stage's re-ranker (``link.rerank = "nli"``): its entailment probabilities."""
        return cls(
            config.rerank_model,
            config.rerank_max_length,
            config.rerank_batch_size,
            cache=nli_cache(cache_dir),
            setting="link.rerank_model",
        )

    def _load(self) -> None:
        if self._model is not None:
            return
        require("torch", "nli", self.setting)  # the model needs it; fail here with the install hint
        transformers = require("transformers", "nli", self.setting)
        try:
            self._tokenizer = transformers.AutoTokenizer.from_pretrained(self.model_name)
            self._model = transformers.AutoModelForSequenceClassification.from_pretrained(self.model_name)
        except (OSError, ValueError) as exc:
            first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise AlignError(self.setting, f"cannot load NLI model {self.model_name!r} ({first_line}); "
                             "download it once with network access, or give a local directory") from None
        self._model.eval()
        self._indices = label_indices(self._model.config.id2label, self.setting)

    def probabilities(self, premises: Sequence[str], hypotheses: Sequence[str]) -> np.ndarray:
        """(n, 3) probabilities of entailment, neutral, contradiction for each premise/hypothesis pair; pairs
        found in the cache are not run again."""
        if self.cache is None:
            return self._run(premises, hypotheses)
        keys = [self._key(p, h) for p, h in zip(premises, hypotheses, strict=True)]
        stored = {k: v for k, v in self.cache.get_many(keys).items() if len(v) == 12}  # 3 float32
        todo: dict[str, int] = {}  # key -> first pair with it, each distinct pair run once
        for i, key in enumerate(keys):
            if key not in stored:
                todo.setdefault(key, i)
        if todo:
            fresh = self._run([premises[i] for i in todo.values()], [hypotheses[i] for i in todo.values()])
            computed = {key: row.astype(np.float32).tobytes() for key, row in zip(todo, fresh, strict=True)}
            self.cache.put_many(computed.items())
            stored.update(computed)
        rows = [np.frombuffer(stored[k], dtype=np.float32) for k in keys]
        return np.stack(rows) if rows else np.zeros((0, 3), dtype=np.float32)

    def _input_length(self) -> int:
        """``max_length``, but never more positions than the model has (a longer input would crash it)."""
        positions = getattr(self._model.config, "max_position_embeddings", None)
        return min(self.max_length, positions) if isinstance(positions, int) and positions > 0 else self.max_length

    def _key(self, premise: str, hypothesis: str) -> str:
        return cache_key(self.signature, str(self.max_length), normalise_text(premise), normalise_text(hypothesis))

    def _run(self, premises: Sequence[str], hypotheses: Sequence[str]) -> np.ndarray:
        import torch

        self._load()
        self.computed += len(premises)
        order = [self._indices.get(name) for name in LABEL_NAMES]
        rows: list[np.ndarray] = []
        # The model reads max_length tokens of a pair; a text is cut to 16 characters a token before the tokenizer
        # sees it, so a megabyte-long sentence costs what a long one does (the tokens kept are the same).
        chars = 16 * self._input_length()
        for start in range(0, len(premises), self.batch_size):
            batch = self._tokenizer([p[:chars] for p in premises[start:start + self.batch_size]],
                                    [h[:chars] for h in hypotheses[start:start + self.batch_size]], truncation=True,
                                    max_length=self._input_length(), padding=True, return_tensors="pt")
            logits = interruptible(partial(self._logits, batch))
            probs = torch.softmax(logits.float(), dim=-1).numpy()
            columns = [probs[:, i] if i is not None else np.zeros(len(probs)) for i in order]
            rows.append(np.stack(columns, axis=1))
        return np.concatenate(rows) if rows else np.zeros((0, 3), dtype=np.float32)

    def _logits(self, batch: Any) -> Any:
        import torch

        with torch.no_grad():  # per thread: set inside the helper thread that runs the model
            return self._model(**batch).logits

    def judge(self, pairs: Sequence[PairRecord]) -> list[list[Finding]]:
        """One ``nli`` finding per pair whose symmetrised contradiction probability reaches the threshold."""
        if not pairs:
            return []
        a = [p.text_a for p in pairs]
        b = [p.text_b for p in pairs]
        forward = self.probabilities(a, b)
        backward = self.probabilities(b, a)
        # As stored scores (4 decimals) before the threshold and the note see them.
        contradiction = stored_scores((forward[:, 2].astype(np.float64) + backward[:, 2]) / 2)
        entailment = stored_scores((forward[:, 0].astype(np.float64) + backward[:, 0]) / 2)
        findings: list[list[Finding]] = []
        for p_contra, p_entail in zip(contradiction, entailment, strict=True):
            note = f"NLI {self.model_name}: contradiction {p_contra:.2f}, entailment {p_entail:.2f} (mean of "
            note += "both directions)"
            if p_contra >= self.threshold:
                findings.append([Finding("nli", None, None, note, float(p_contra), True, "nli")])
            else:
                findings.append([])
        return findings


def nli_cache(cache_dir: Path | None) -> ContentCache | None:
    """The one cache namespace every NLI model shares (label judge and link re-ranker), or None without a dir."""
    return ContentCache(cache_dir, "nli") if cache_dir is not None else None


def build_judge(config: LabelConfig, cache_dir: Path | None = None) -> NliJudge:
    """The NLI judge the config names, caching under ``cache_dir`` when given; nothing is imported or loaded
    until the first pair is judged."""
    return NliJudge.for_label(config, cache_dir)
