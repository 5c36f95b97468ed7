"""Every field the coder emits is documented in docs/event-record.md."""
import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[1] / "docs" / "event-record.md"


def documented_fields() -> set[str]:
    return set(re.findall(r"^\| `([a-z_0-9]+)` \|", DOC.read_text(encoding="utf-8"), flags=re.M))


def all_keys(obj, prefix=""):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield k
            if k not in ("attributes",):
                yield from all_keys(v)


@pytest.mark.slow
def test_every_emitted_field_is_documented(seed_like_events):
    documented = documented_fields()
    emitted = set()
    for ev in seed_like_events:
        emitted |= set(all_keys(ev.to_dict()))
    missing = emitted - documented
    assert not missing, f"fields emitted but not documented in {DOC.name}: {sorted(missing)}"


def test_models_fields_are_documented():
    from dataclasses import fields

    from eventlens.models import ActorRef, Event

    documented = documented_fields()
    names = {f.name for f in fields(Event)} | {f.name for f in fields(ActorRef)}
    assert names <= documented, sorted(names - documented)
