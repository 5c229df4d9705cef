import sys
from tests.test_label import pair, one
from align.label import sides
from align.config import LabelConfig
from align.evidence import names
from align.evidence.findings import Batch
def dbg(ta, la, tb, lb, en_a=None, en_b=None):
    p = pair(ta, la, tb, lb, en_a=en_a, en_b=en_b)
    r = one(p)
    print(r.label, [(e.kind, e.a, e.b, e.note) for e in r.evidence])
    a, b = sides(p, {}, LabelConfig())
    for s in (a, b):
        for v in (s.original, s.english):
            if v: print(v.language, [(n.text, n.key, n.certain, names.candidate(n, v, LabelConfig())) for n in v[names.NAMES]], [(v.text[x.start:x.end]) for x in v[names.PLACES]])
if __name__ == "__main__":
    dbg(*sys.argv[1:5])
