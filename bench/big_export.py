#!/usr/bin/env python3
"""Writes an export of years of records for the import benchmark
(bench/import.sh): C contacts and M meetings (default 20,000 and 50,000), each
meeting with a 6-question sheet, half of them with a debrief. Deterministic.
Usage: bench/big_export.py OUT_FILE [CONTACTS] [MEETINGS]"""
import json
import random
import sys

out = sys.argv[1]
contacts = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
meetings = int(sys.argv[3]) if len(sys.argv) > 3 else 50_000
rng = random.Random(11)
first = ["Zoë", "Amélie", "Jean", "Chloé", "Noah", "Léa", "Omar", "Inès", "Sam", "Priya"]
last = ["Martin", "Ng", "Okafor", "Müller", "Garcia", "Lefèvre", "Rossi", "Haddad"]
companies = ["Acme", "Northwind", "Hôpital Saint-Luc", "Studio Pixel", "Ville de Montréal"]
doc = {"format": "rapport-export", "format_version": 1, "settings": {"profile.name": "Sam Ng"},
       "contacts": [], "meetings": [], "outreach": []}
for i in range(1, contacts + 1):
    doc["contacts"].append({
        "id": i, "name": f"{rng.choice(first)} {rng.choice(last)} {i}",
        "company": rng.choice(companies), "role": "planner", "tags": ["urbanisme"],
        "email": f"person{i}@example.org", "phone": "", "link": "", "how_met": "",
        "referred_by": None, "notes": "met at a conference about transit"})
for i in range(1, meetings + 1):
    year = 2018 + (i * 7) // meetings
    m = {"id": i, "contact_id": rng.randint(1, contacts),
         "at": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(8, 17):02d}:30+00:00",
         "minutes": 20, "mode": "video", "place": "", "status": "done", "notes": "went well",
         "sheet": [{"id": f"q{k}", "text": f"Question {k} about the field?", "stage": "opening",
                    "minutes": 2, "asked": True, "answered": k % 2 == 0} for k in range(6)]}
    if i % 2 == 0:
        m["debrief"] = {"answers": {"learned": "Every project starts with a consultation."},
                        "notes": "", "thank_you_sent_at": None, "referrals": []}
    doc["meetings"].append(m)
json.dump(doc, open(out, "w"), ensure_ascii=False)
