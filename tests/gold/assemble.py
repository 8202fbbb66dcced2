#!/usr/bin/env python3
"""assemble.py SPLIT OUT.jsonl: the checked decisions (SPLIT/*.done.json) as the repo's layer file: one line per
document, {"doc_id", "speakers": [{"k", "content", "source", "entity", "type"}]}, offsets in code points."""
import json, sys, glob
split, out = sys.argv[1], sys.argv[2]
docs = {}
for l in open(f'/work/shared/data/polnear/{split}.jsonl'):
    d = json.loads(l); docs[d['doc_id']] = d
lines = []
for f in sorted(glob.glob(f'/work/annot/{split}/*.done.json')):
    d = json.load(open(f)); atts = docs[d['doc_id']]['attributions']
    rows = []
    for it in d['items']:
        a = atts[it['k']]
        rows.append({'k': it['k'], 'content': a['content_spans'], 'source': a.get('source_spans') or None,
                     'entity': it['entity'], 'type': it['type']})
    lines.append(json.dumps({'doc_id': d['doc_id'], 'speakers': rows}, ensure_ascii=False))
open(out, 'w').write('\n'.join(lines) + '\n')
print(len(lines), 'documents,', sum(len(json.loads(l)['speakers']) for l in lines), 'attributions', file=sys.stderr)
