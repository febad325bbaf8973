#!/usr/bin/env python3
"""Generate core/catalog/v4.schemas.json (the v4 response and object schemas) from Phone.com's swagger file.

Usage: python3 tools/gen_v4_schemas.py ../shared/spec/phonecom-v4.swagger.json > core/catalog/v4.schemas.json

The output is committed; core embeds it and hands it out with the catalog
(`catalog().to_json()["schemas"]`), so the bindings can type each operation's result
(`returns` names one of these). The form is a small subset of JSON Schema:
`type`, `doc`, `properties`, `items`, `enum`, `required`, `pattern`, `format`, and `ref` (the name
of another schema) in place of `$ref`. `core/tests/catalog_spec.rs` checks that the committed file
still matches this generator when the spec folder is present.
"""
import json
import sys

KEEP = ("type", "enum", "required", "pattern", "format")


def convert(s):
    out = {}
    if "$ref" in s:
        out["ref"] = s["$ref"].split("/")[-1]
    for k in KEEP:
        if k in s:
            out[k] = s[k]
    doc = " ".join((s.get("description") or "").split())
    if doc:
        out["doc"] = doc
    if "properties" in s:
        out["properties"] = {k: convert(v) for k, v in s["properties"].items()}
    if "items" in s:
        out["items"] = convert(s["items"])
    if isinstance(s.get("additionalProperties"), dict):
        out["additionalProperties"] = convert(s["additionalProperties"])
    return out


def main(path):
    spec = json.load(open(path))
    schemas = {name: convert(d) for name, d in sorted(spec["definitions"].items())}
    json.dump({"family": "v4", "source": "phonecom-v4.swagger.json", "schemas": schemas}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
