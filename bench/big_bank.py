#!/usr/bin/env python3
"""Writes a question bank of N questions (default 100,000) for the bank-loading
benchmark (bench/bank_load.sh): varied, valid questions over the shipped English
tags, about 210 bytes each, deterministic (same N, same file).
Usage: bench/big_bank.py OUT_FILE [N]"""
import json
import random
import sys

out, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
tags = json.load(open(__file__.rsplit("/", 2)[0] + "/question-banks/tags.en.json"))
industries = [t["id"] for t in tags["industries"]]
goals = [t["id"] for t in tags["goals"]]
stages = ["opening", "trends", "insights", "advice", "resources", "assignments", "closing"]
openers = ["How did you", "What made you", "When did you", "Why did you", "Where did you"]
verbs = ["first get into", "decide to stay in", "learn the most about", "notice a change in",
         "find your footing in"]
rng = random.Random(19)
questions = []
for i in range(count):
    questions.append({
        "id": f"bench-{i}",
        "text": f"{rng.choice(openers)} {rng.choice(verbs)} {{industry}} work, number {i}?",
        "generic_text": f"{rng.choice(openers)} {rng.choice(verbs)} this work, number {i}?",
        "stage": rng.choice(stages),
        "industries": rng.sample(industries, 2) if rng.random() < 0.8 else ["*"],
        "goals": rng.sample(goals, 2),
        "minutes": rng.randint(1, 5),
        "priority": rng.randint(1, 3),
    })
with open(out, "w", encoding="utf-8") as f:
    f.write('{"lang": "en", "questions": [\n')
    f.write(",\n".join("  " + json.dumps(q, ensure_ascii=False) for q in questions))
    f.write("\n]}\n")
