#!/usr/bin/env python3
"""Pre-fill the resolved-speaker layer for PolNeAR speech attributions and write reading worksheets.
usage: prefill.py SPLIT.jsonl OUTDIR [--sample N --seed S]
Speech = the reference scorer's is_speech(cue) on attributions with content spans (same as score.py --speech)."""
import json, sys, re, random, os, argparse
sys.path.insert(0, '/work/shared/tools')
from score import is_speech

PRON = {'he','she','him','her','they','them','it','i','we','you','his','hers','their'}

def cap_runs(text):
    # maximal runs of capitalised words (allow particles/initials)
    tok = re.finditer(r"[A-Z][\w'’.-]*(?:[ \t\u00a0]+(?:(?:de|da|del|van|von|der|bin|al|la|le|el)[ \t\u00a0]+)?[A-Z][\w'’.-]*)*", text)
    return [m.group(0) for m in tok]

def prefill(text, src):
    if not src: return None, 'NO SOURCE SPAN: decide from context'
    s = src.strip()
    low = s.lower()
    if low in PRON: return None, 'PRONOUN: resolve to antecedent'
    words = re.findall(r"[\w'’.-]+", s)
    caps = [w for w in words if w[:1].isupper()]
    if not caps or (words and words[0].lower() in ('a','an','one','some','two','three','several','many','other','another','most')):
        return None, 'DESCRIPTION/ANONYMOUS: resolve if the article identifies it, else null'
    last = caps[-1].rstrip('’\'s').rstrip('.')
    best = ' '.join(caps)
    for run in cap_runs(text):
        rw = run.split()
        if rw and rw[-1].rstrip('.,’\'s') == last and len(run) > len(best):
            best = run
    return best, 'NAME: check fullest form'

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('gold'); ap.add_argument('out')
    ap.add_argument('--sample', type=int); ap.add_argument('--seed', type=int, default=11)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    docs = [json.loads(l) for l in open(a.gold) if l.strip()]
    items = []
    for d in docs:
        for k, at in enumerate(d['attributions']):
            if not at.get('content_spans') or not is_speech(at.get('cue')): continue
            items.append((d, k, at))
    if a.sample:
        random.Random(a.seed).shuffle(items)
        items = sorted(items[:a.sample], key=lambda x: (x[0]['doc_id'], x[1]))
    bydoc = {}
    for d, k, at in items: bydoc.setdefault(d['doc_id'], (d, []))[1].append((k, at))
    for did, (d, ats) in bydoc.items():
        text = d['text']
        rows = []
        for k, at in ats:
            src = at.get('source')
            ent, note = prefill(text, src)
            rows.append({'k': k, 'source': src, 'source_spans': at.get('source_spans'), 'cue': at.get('cue'),
                         'content_spans': at['content_spans'], 'content_head': (at.get('content') or '')[:160],
                         'prefill': ent, 'note': note})
        json.dump({'doc_id': did, 'items': rows}, open(os.path.join(a.out, did + '.work.json'), 'w'), indent=1, ensure_ascii=False)
        with open(os.path.join(a.out, did + '.txt'), 'w') as f:
            # article with code-point offsets at each paragraph start
            pos = 0
            for para in text.split('\n'):
                if para.strip(): f.write(f'[{pos}] {para}\n')
                pos += len(para) + 1
    print(len(items), 'items in', len(bydoc), 'docs', file=sys.stderr)

main()
