import collections
import csv
import itertools
import json

rows = list(
    csv.DictReader(
        open("bench/gold/seed_sentences.tsv", encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE
    )
)
S = {}
for r in rows:
    S[f"{r['article_file'][:3]}:{int(r['position'])}"] = r


def k(x):
    return x if ":" in x else x


# clusters: name -> (description, core list, partial list)
C = {
    "RESIGN": (
        "Both report that Sharma resigned / is leaving Anthropic",
        "000:0 000:1 000:5 000:15 001:2 001:5 001:12 002:3 002:12 003:0 003:1 004:0 004:1",
        "000:25 000:35 001:0 001:14 003:7",
    ),
    "ROLE": (
        "Both state his role: he led Anthropic's Safeguards Research Team / was its AI-safety lead or researcher",
        "000:10 002:1 003:5 004:3",
        "000:0 000:1 001:2 001:5 001:12 003:0 003:1 004:1",
    ),
    "LASTDAY": (
        "Both report that 9 February (the day of the post) was his last day at Anthropic",
        "000:3 000:4 000:16 002:11",
        "",
    ),
    "LETTER_COL": ("Both report the letter he shared with his colleagues", "000:6 002:13 000:11", "001:12"),
    "LETTER_X": (
        "Both report that he published his resignation letter on X (Twitter) / social media",
        "000:2 003:8 004:2",
        "000:0 001:2 001:12 002:3 003:1",
    ),
    "VIRAL": (
        "Both report that the letter/story went viral or was widely viewed",
        "003:8 001:58 004:2",
        "001:2 001:12",
    ),
    "EXPLAINS": (
        "Both report that the letter explains his reasons / the dilemma behind leaving",
        "000:13 003:2",
        "000:6 002:13 002:3",
    ),
    "TENURE": (
        "Both put his AI-safety work at Anthropic at about two years (000: arrived in San Francisco two years ago; 001: two years on the AI-safety front line)",
        "000:12 000:21 001:16 001:26 001:33 002:20",
        "",
    ),
    "DANGER": (
        "Both report his statement that the world is in peril/danger",
        "000:27 002:10 003:3 003:10 004:4",
        "002:8",
    ),
    "THREATS": (
        "Both report his claim that the danger comes not only from AI (and bioweapons) but from many interconnected crises",
        "000:28 003:11 004:4 004:5 002:8 002:9",
        "",
    ),
    "WISDOM": (
        "Both report the claim that our wisdom must grow as fast as our power/capacity to affect the world",
        "000:29 003:12 002:32",
        "002:10",
    ),
    "VALUES": (
        "Both report his statement that it is hard to let (our) values govern actions",
        "000:30 001:22 001:19 001:18 003:23 004:6 002:16 002:15",
        "000:0 001:0",
    ),
    "PRESSURE": (
        "Both report his statement that there is constant pressure (inside the organisation) to set aside what matters most",
        "000:31 001:23 001:25 003:24 004:7 002:16",
        "004:2 001:0",
    ),
    "ATTENTION": (
        "Both report that his resignation caused a stir / became big news",
        "001:7 002:0 002:2 002:22 001:58",
        "001:0 004:1 004:8",
    ),
    "OTHERS": (
        "Both report that other people have also recently left Anthropic",
        "001:10 001:35 001:36 001:11 001:34 003:29",
        "001:41 001:42 001:37",
    ),
    "POETRY": (
        "Both report his next step: turning to poetry (a poetry degree / writing poetry)",
        "000:40 001:4 001:49 001:51 002:27 003:0 003:1 003:27 004:9",
        "003:25",
    ),
    "CHANGE": (
        "Both report that he is changing direction completely for his next step",
        "003:26 004:9 001:57",
        "002:27 001:49",
    ),
}
X = [  # explicit pairs: a, b, note
    (
        "000:9",
        "003:5",
        "Both describe the Safeguards Research Team's focus (003 vaguely: studying AI risks; 000 specifically: jailbreak robustness, red teaming, monitoring).",
    ),
    ("000:13", "004:1", "Both say he left because of an internal dilemma / conflict of values."),
    ("002:15", "004:1", "Both say he cited an internal conflict between (Anthropic's) values and practice."),
    ("004:2", "000:24", "Both report that he thanked his colleagues in the letter."),
    ("004:2", "000:43", "Both report that he thanked his colleagues in the letter."),
    ("000:12", "002:25", "Both state that he completed a PhD (002: DPhil in machine learning at Oxford)."),
    ("000:21", "002:25", "Both state that he completed a PhD (002: DPhil in machine learning at Oxford)."),
    ("004:3", "002:26", "Both describe him as a key expert in (safe) AI development."),
    ("000:22", "001:30", "Both list developing defences against AI-assisted bioterrorism among his work."),
    ("000:22", "001:31", "Both list writing one of the first AI safety cases among his work."),
    (
        "000:22",
        "003:6",
        "Both list defences against AI-assisted bioterrorism and the study of AI sycophancy among his work.",
    ),
    (
        "000:23",
        "003:6",
        "Both mention his (final) project on how AI assistants can affect/distort human perception and humanity.",
    ),
    ("001:30", "003:6", "Both list developing defences against AI-assisted bioterrorism among his work."),
    (
        "001:24",
        "002:21",
        "Both say his responsibility was keeping AI models (Claude) safe and under control.",
    ),
    (
        "001:3",
        "004:0",
        "Both frame the resignation as exposing safety compromises driven by commercial pressure.",
    ),
    ("001:3", "004:2", "Both say the letter points to commercial/economic pressure overriding safety."),
    ("001:3", "004:7", "Both say AI companies face a clash between safety and revenue/market pressure."),
    ("001:17", "003:9", "Both characterise the letter's tone as philosophical, beyond the technical."),
    ("001:17", "003:2", "Both characterise the letter's language as reflective/philosophical."),
    ("001:20", "003:9", "Both characterise the letter as a philosophical rather than technical message."),
    ("002:6", "001:41", "Both state that Anthropic presents itself as a responsible/safe AI company."),
    ("002:6", "004:8", "Both state that Anthropic presents itself as a responsible/safe AI company."),
    (
        "002:7",
        "001:9",
        "Both say the resignation raises the question whether things are as they should be inside Anthropic.",
    ),
    ("004:12", "002:7", "Both say the resignation may put Anthropic's safety/ethics image in question."),
    ("004:12", "001:9", "Both say the resignation raises doubts about Anthropic's safety standing."),
    ("002:30", "001:35", "Both say Sharma's resignation is not an isolated case."),
    ("002:30", "001:10", "Both say Sharma's resignation is not an isolated/first case."),
    ("002:30", "003:29", "Both say Sharma's resignation is not isolated (others have left too)."),
    ("002:30", "003:14", "Both say Sharma is not alone (003: in facing this ethical dilemma)."),
    ("003:14", "002:31", "Both say other AI researchers also face the same ethical dilemmas."),
    (
        "001:38",
        "003:30",
        "Both report that Harsh Mehta and Behnam Neyshabur recently left Anthropic ('past two weeks' vs 'a few days ago', compatible).",
    ),
    (
        "002:23",
        "001:14",
        "Both report that he is moving back to the UK and will let himself become 'invisible' for a while.",
    ),
    ("002:23", "001:4", "Both report that he is going (back) to the UK."),
    ("000:39", "002:28", "Both report his view that poetic truth is as valid as scientific truth."),
    ("000:39", "002:27", "Both report that he wants to turn to writing."),
    (
        "003:28",
        "001:55",
        "Both interpret his switch to poetry as a sign of disillusion with what the AI-safety work achieves.",
    ),
]
pairs = collections.OrderedDict()


def add(a, b, src, note=None):
    if a[:3] == b[:3]:
        return
    key = tuple(sorted((a, b)))
    pairs.setdefault(key, []).append((src, note))


for name, (_desc, core, part) in C.items():
    core = core.split()
    part = part.split() if part else []
    for a, b in itertools.combinations(core, 2):
        add(a, b, name)
    for a in core:
        for b in part:
            if a != b:
                add(a, b, name)
for a, b, n in X:
    add(a, b, "X", n)


POETRY_CORE = set(C["POETRY"][1].split() + C["POETRY"][2].split()) - {"004:9"}


def has_mrinank(t):
    return ("Mrinank" in t) or ("मृणांक" in t)


TENURE2Y = {"000:12", "000:21", "001:16", "001:26", "001:33"}
out = []
for (a, b), srcs in pairs.items():
    ta, tb = S[a]["text"], S[b]["text"]
    label, kind = "agree", None
    notes = []
    for src, n in srcs:
        notes.append(n if n else C[src][0])
    note = notes[0]
    if len(notes) > 1:
        note = (
            notes[0].rstrip(".") + "; also: " + "; ".join(x[0].lower() + x[1:].rstrip(".") for x in notes[1:])
        )
    sset = set((a, b))
    srcnames = {x for x, _ in srcs}
    ADD = {
        (
            "004:5",
            "THREATS",
        ): "004 says 'biotechnology' where the letter says bioweapons and adds geopolitical instability, a broadening rather than a contradiction",
        ("002:9", "THREATS"): "002 adds global politics and fast-changing technology, compatible additions",
        (
            "002:15",
            "VALUES",
        ): "002 sharpens this into a 'big gap between Anthropic's declared values and its actual work', an overstatement but not a contradiction",
        (
            "004:2",
            "PRESSURE",
        ): "004 adds that 'economic' pressure led to 'decisions he can no longer support', an embellishment not in the letter but not a contradiction",
        (
            "003:1",
            "POETRY",
        ): "003 says he will 'dedicate his life' to poetry, an exaggeration of exploring a poetry degree, compatible",
        ("001:25", "PRESSURE"): "001 paraphrases it as 'ship fast' pressure outweighing safety",
        ("001:18", "VALUES"): "001's heading spins it as 'our values are losing'",
        ("001:0", "VALUES"): "001's headline spins it as 'values losing, pressure winning'",
        ("001:0", "PRESSURE"): "001's headline spins it as 'values losing, pressure winning'",
    }
    extra = [v for (sid, cl), v in ADD.items() if sid in sset and cl in srcnames and srcs[0][0] == cl]
    if extra:
        note = note.rstrip(".") + "; " + "; ".join(extra)
    if "004:9" in sset and (sset - {"004:9"}) <= POETRY_CORE:
        label, kind = "conflict", "substitution"
        note = "Both report his next step after leaving, but 004 says philosophy studies while the other says poetry."
    elif ("Mriyank" in ta and has_mrinank(tb)) or ("Mriyank" in tb and has_mrinank(ta)):
        label, kind = "conflict", "name"
        note = note.rstrip(".") + "; but the name differs: 'Mriyank' (004) vs 'Mrinank' (मृणांक)."
    if "002:20" in sset and (sset & TENURE2Y):
        note = (
            "Both date the start of his Anthropic safety work: 'joined in 2023' vs 'two years' before Feb 2026 (~early 2024); "
            "a late-2023 start is within the rounding of 'two years', so judged compatible, not a date conflict."
        )
    if not note.endswith("."):
        note += "."
    out.append(
        dict(
            text_a=ta,
            text_b=tb,
            sentence_id_a=S[a]["sentence_id"],
            sentence_id_b=S[b]["sentence_id"],
            article_a=S[a]["article_file"],
            article_b=S[b]["article_file"],
            label=label,
            kind=kind,
            note=note,
            _a=a,
            _b=b,
        )
    )

with open("bench/gold/seed.jsonl", "w", encoding="utf-8") as f:
    for o in out:
        f.write(json.dumps({k: v for k, v in o.items() if not k.startswith("_")}, ensure_ascii=False) + "\n")
linked = set()
for o in out:
    linked.add(o["_a"])
    linked.add(o["_b"])
with open("bench/gold/seed_unlinked.tsv", "w", encoding="utf-8") as f:
    for key, r in S.items():
        if key not in linked:
            f.write(f"{r['sentence_id']}\t{r['text']}\n")
print(
    len(out),
    "links;",
    sum(o["label"] == "conflict" for o in out),
    "conflicts;",
    len(S) - len(linked),
    "unlinked",
)
