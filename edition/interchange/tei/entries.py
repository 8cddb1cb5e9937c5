"""Reading TEI: register entries (persons, places) for what the project's registers lack."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import yaml
from lxml import etree

from edition.interchange.tei.read_base import tei_namespace, words

# --- register entries ------------------------------------------------------------------------


def person_entry(el: etree._Element | None, shown: str) -> tuple[dict[str, Any], list[str]]:
    """A persons-register entry from a TEI ``person``, and the authority ids for a comment."""
    if el is None:
        return {"name": shown or "Unknown"}, []
    ns = {"t": tei_namespace(el)}
    names = el.findall("t:persName", ns)
    forms = [_person_name(n) for n in names if _person_name(n)]
    entry: dict[str, Any] = {"name": forms[0] if forms else shown or "Unknown"}
    for key, tag in (("born", "birth"), ("died", "death")):
        event, when = el.find(f"t:{tag}", ns), ""
        if event is not None:
            date_el = event.find("t:date", ns)
            when = event.get("when") or (date_el.get("when", "") if date_el is not None else "") or words(event)
        year = re.match(r"-?\d{4}", when)
        if year:
            entry[key] = year.group()
    about = [words(o) for o in el.findall("t:occupation", ns)] + [words(n) for n in el.findall("t:note", ns)]
    if about := [a for a in about if a]:
        entry["identification"] = "; ".join(about)
    if aliases := [f for f in dict.fromkeys(forms[1:]) if f != entry["name"]]:
        entry["aliases"] = aliases
    return entry, [f"{i.get('type', 'id')}: {words(i)}" for i in el.findall("t:idno", ns) if words(i)]


def _person_name(el: etree._Element) -> str:
    ns = {"t": tei_namespace(el)}
    surname, forename = words(el.find("t:surname", ns)), " ".join(words(f) for f in el.findall("t:forename", ns))
    if surname or forename:
        return ", ".join(p for p in (surname, forename) if p)
    return words(el)


def place_entry(el: etree._Element | None, shown: str) -> tuple[dict[str, Any], list[str]]:
    if el is None:
        return {"name": shown or "Unknown"}, []
    ns = {"t": tei_namespace(el)}
    forms = [words(n) for n in el.findall("t:placeName", ns) if words(n)]
    entry: dict[str, Any] = {"name": forms[0] if forms else shown or "Unknown"}
    if names := [f for f in dict.fromkeys(forms[1:]) if f != entry["name"]]:
        entry["names"] = names
    return entry, [f"{i.get('type', 'id')}: {words(i)}" for i in el.findall("t:idno", ns) if words(i)]


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _str)


def dump_yaml(data: Mapping[str, Any], flow: bool | None = None) -> str:
    return yaml.dump(dict(data), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=flow)


def register_yaml(entries: Mapping[str, Mapping[str, Any]], comments: Mapping[str, list[str]], what: str) -> str:
    if not entries:
        return ""
    out = [f"# {what} named in an imported TEI file; check each entry, then keep it in the register."]
    for rid, entry in entries.items():
        out += [f"# from {c}" if i == 0 else f"#   {c}" for i, c in enumerate(comments.get(rid, []))]
        out.append(dump_yaml({rid: dict(entry)}, flow=False).rstrip())
    return "\n".join(out) + "\n"


