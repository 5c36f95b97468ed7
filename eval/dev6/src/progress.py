import json, collections, sys
recs=[json.loads(l) for l in open('eval/dev6/dev6.jsonl')]
roots=collections.Counter(); ctry=collections.Counter(); sec=collections.Counter()
for r in recs:
    for e in r['events']:
        roots[e['code'][:2]]+=1
        for role in ('source','target'):
            c=e[role]['code']; ctry[c[:3]]+=1; sec[c[3:6] if c[:3] not in ('IGO','NGO') else c]+=1
print(sorted(roots.items())); print(len(ctry), sorted(ctry)); print(sec)
