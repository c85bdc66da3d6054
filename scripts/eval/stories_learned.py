#!/usr/bin/env python3
"""A learned score for the story matcher, judged by leaving one hand-grouped corpus out.

Miranda et al. (2018) score an article against each candidate story with several similarities and weights
learned from labelled clusters. This script tries that on the three development corpora with the replica's
terms (stories_replica.py): eight features per article and story (the replica's cosine, the cosine of the
titles alone, the cosine of the first 300 words, shared rare names within the window and at all, the days
apart, whether within the window, the story's size), a logistic regression (scikit-learn, class-balanced)
trained on every article against every earlier story of the gold grouping of two corpora, the cut-off that
groups those two best online, then the third corpus grouped online with them: ARI and B-cubed F1.

    pip install scikit-learn
    python3 scripts/eval/stories_learned.py --data ../shared/dev-data

Evaluation only; the daemon does not use it.
"""
import argparse
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stories as S  # noqa: E402
import stories_replica as R  # noqa: E402

try:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
except ImportError:
    print("stories_learned: skipped: needs numpy and scikit-learn (pip install scikit-learn)")
    sys.exit(0)

ST = dict(R.DEFAULTS)
BODY = 300
CORP, FE, TR = {}, {}, {}
def feats(a):
    f = R.features(a, ST)
    text = a.get('maintext') or a.get('text') or ''
    body = R.terms(text, BODY, ST)
    f['body_counts'] = {}
    for t in body: f['body_counts'][t] = f['body_counts'].get(t, 0) + 1
    return f
def cos(v, c):
    L = math.sqrt(sum(x*x for x in c.values()))
    return sum(x * c.get(k, 0) for k, x in v.items()) / L if L else 0
class M(R.Matcher):
    def prep(self, f):
        keys = set(f['counts']) | set(f['body_counts'])
        for k in keys: self.frequencies[k] = self.frequencies.get(k, 0) + 1
        self.documents += 1
        f['v'] = self.vector(f['counts']); f['tv'] = self.vector(f['title_counts']); f['bv'] = self.vector(f['body_counts'])
    def pair(self, f, st):
        gap = None
        if f['day'] is not None and st['first'] is not None:
            gap = max(0, f['day'] - st['last'], st['first'] - f['day'])
        g = 30 if gap is None else min(gap, 120)
        within = 1.0 if g <= 14 else 0.0
        names = min(len(f['names'] & st['names']), 3)
        return [cos(f['v'], st['terms']), cos(f['tv'], st['titles']), cos(f['bv'], st['body']),
                names * within, names, math.log1p(g), within, math.log(st['articles'])]
    def join(self, f, i):
        if i is None:
            st = R.new_story(); st['body'] = {}; self.stories.append(st); i = len(self.stories) - 1
        st = self.stories[i]
        for field, vals, cap in (('terms', f['v'], 60), ('titles', f['tv'], 60), ('body', f['bv'], 120)):
            for k, x in vals.items(): st[field][k] = st[field].get(k, 0) + x
            if len(st[field]) > cap: st[field] = dict(sorted(st[field].items(), key=lambda kv: (-kv[1], kv[0]))[:cap])
        st['names'] |= f['names']
        if f['day'] is not None:
            st['first'] = f['day'] if st['first'] is None else min(st['first'], f['day'])
            st['last'] = f['day'] if st['last'] is None else max(st['last'], f['day'])
        st['articles'] += 1
        return i
def training(c):
    gold = CORP[c][1]; m = M(ST); X = []; y = []; gid = {}
    for n, f in FE[c]:
        f = dict(f); m.prep(f); g = gold[n]['story']
        for i, st in enumerate(m.stories):
            X.append(m.pair(f, st)); y.append(1 if st['g'] == g else 0)
        if g in gid: m.join(f, gid[g])
        else:
            gid[g] = m.join(f, None); m.stories[gid[g]]['g'] = g
    return np.array(X), np.array(y)
def online(c, model, cut):
    gold = CORP[c][1]; m = M(ST); pred = {}
    for n, f in FE[c]:
        f = dict(f); m.prep(f); best = None
        if m.stories:
            sc = model.decision_function(np.array([m.pair(f, st) for st in m.stories]))
            i = int(np.argmax(sc))
            if sc[i] >= cut: best = i
        pred[n] = m.join(f, best)
    ari, _, _, f1 = S.figures(gold, pred)
    return round(ari, 3), round(f1, 3)
def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True)
    args = parser.parse_args()
    CORP.update(R.available_corpora(args.data))
    if len(CORP) < 2:
        print(f"stories_learned: skipped: fewer than two corpora under {args.data}")
        return
    for c, (arts, _) in CORP.items():
        FE[c] = [(n, feats(a)) for n, a in arts]
        TR[c] = training(c)
    cuts = [0, 1, 2, 3, 4, 5, 6, 8]
    for strength in (0.1, 1.0):
        for held in CORP:
            train = [c for c in CORP if c != held]
            X = np.vstack([TR[c][0] for c in train])
            y = np.concatenate([TR[c][1] for c in train])
            model = LogisticRegression(C=strength, max_iter=5000, class_weight="balanced").fit(X, y)
            scores = {cut: [online(c, model, cut)[0] for c in train] for cut in cuts}
            cut = max(cuts, key=lambda k: sum(scores[k]))
            ari, f1 = online(held, model, cut)
            print(
                f"C={strength} trained on {' and '.join(train)} (cut {cut}: ARI {scores[cut]}): {held} ARI {ari:.3f}, "
                f"B-cubed F1 {f1:.3f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
