"""Tiny helpers for writing dev7 records by hand.

R(date, style, domain, text, *events)   one record (id assigned by build.py in file order)
E(trigger, source, target, code, **kw)  one event
    source / target: (text, CODE) or (text, CODE, occurrence); target (None, CODE) = implied
    kw: t=N (trigger occurrence), mod="..." (modality), spk=(text, CODE[, occ]) speaker,
        date="YYYY-MM-DD" (event date when the text gives one)
"""

RECORDS = []


def _actor(a):
    if a is None:
        return None
    text, code = a[0], a[1]
    if text is None:
        return {"text": None, "code": code, "implied": True}
    out = {"text": text, "code": code}
    if len(a) > 2 and a[2] != 1:
        out["occurrence"] = a[2]
    return out


def E(trigger, source, target, code, t=1, mod=None, spk=None, date=None):
    ev = {"trigger": trigger}
    if t != 1:
        ev["trigger_occurrence"] = t
    ev["source"] = _actor(source)
    ev["target"] = _actor(target)
    ev["code"] = code
    if mod is None:
        mod = "intended" if code.startswith("03") else "asserted"
    ev["modality"] = mod
    if spk is not None:
        ev["speaker"] = _actor(spk)
    if date is not None:
        ev["date"] = date
    return ev


def R(date, style, domain, text, *events):
    rec = {"date": date, "style": style, "domain": domain, "text": text, "events": list(events)}
    RECORDS.append(rec)
    return rec
