#!/usr/bin/env python3
"""Generate a family's result schemas from its upstream specification, for the catalog.

Usage:
  python3 tools/gen_schemas.py v4  ../shared/spec/phonecom-v4.swagger.json     > core/catalog/v4.schemas.json
  python3 tools/gen_schemas.py nol ../shared/spec/numbers-online-openapi.json  > core/catalog/nol.schemas.json

The output is committed; core embeds it and hands it out with the catalog
(`catalog().to_json()["schemas"]`), so the bindings can type each operation's result (`returns`
names one of these). The form is a small subset of JSON Schema: `type`, `doc`, `properties`,
`items`, `additionalProperties`, `allOf`, `anyOf`, `enum`, `required`, `nullable`, `pattern`,
`format`, and `ref` (the name of another schema) in place of `$ref`; a schema may list other
public names for itself in `aliases`. The corrections below (what the upstream really sends,
names that would clash) are applied here, so the Python stubs and index.d.ts both get them. Swagger 2 `definitions` and OpenAPI 3
`components.schemas` read the same way. numbers.online describes most responses inline: the 2xx
response schema of each operation of the nol family (paths under /api/v1/account) is emitted
too, named by `response_name` (tools/gen_nol_catalog.py names the same schema in `returns`). `core/tests/catalog_spec.rs` checks that the committed
files still match this generator when the spec folder is present.
"""
import json
import re
import sys

KEEP = ("type", "enum", "required", "nullable", "pattern", "format")

# Schema names that would clash across families or with a public alias: numbers.online's
# `Account` is `NolAccount` (`Account` is v4's account, an alias of AccountFull).
RENAMES = {("nol", "Account"): "NolAccount"}
# Other public names of a schema (phonecom.types in Python and index.d.ts both export them).
ALIASES = {
    "v4": {
        "AccountFull": ["Account"],
        "AvailableNumbersFull": ["AvailablePhoneNumber"],
        "PhoneNumberFull": ["PhoneNumber"],
        "SmsFull": ["Sms"],
        "CallFull": ["Call"],
        "CallLogFull": ["CallLog"],
    },
}
# Fields whose schema type says less than the upstream sends (its doc says so, and the sandbox
# does it): (family, schema, field) -> the field's type.
FIELD_TYPES = {
    # "The one-time initial price for this number, in USD. Some numbers show REQUEST_QUOTE here."
    ("v4", "AvailableNumbersFull", "price"): {"anyOf": [{"type": "integer"}, {"type": "string", "enum": ["REQUEST_QUOTE"]}]},
}
# Fields the upstream sends as null although their schema does not say `nullable` (nor does
# their doc say "null", which marks a field nullable by itself): the sandbox does it too.
NULLABLE = {
    ("v4", "AccountFull", "billing_contact"),  # a subaccount made without one
}
NULL_DOC = re.compile(r"\bnull\b", re.I)


def schema_name(family, name):
    """The catalog's name of a spec schema (see RENAMES)."""
    return RENAMES.get((family, name), name)


def convert(s, family):
    out = {}
    if "$ref" in s:
        out["ref"] = schema_name(family, s["$ref"].split("/")[-1])
    for k in KEEP:
        if k in s:
            out[k] = s[k]
    doc = " ".join((s.get("description") or "").split())
    if doc:
        out["doc"] = doc
    if "properties" in s:
        out["properties"] = {k: field(convert(v, family)) for k, v in s["properties"].items()}
    if "items" in s:
        out["items"] = convert(s["items"], family)
    if isinstance(s.get("additionalProperties"), dict):
        out["additionalProperties"] = convert(s["additionalProperties"], family)
    if "allOf" in s:
        parts = [convert(p, family) for p in s["allOf"]]
        if len(parts) == 1 and not out.get("properties"):
            # `allOf: [{$ref}]` beside a description: the referenced schema, documented here.
            for k, v in parts[0].items():
                out.setdefault(k, v)
        else:
            out["allOf"] = parts
    return out


def field(prop):
    """A property: nullable when its doc says it may be null ("Otherwise it is NULL")."""
    if NULL_DOC.search(prop.get("doc") or ""):
        prop["nullable"] = True
    return prop


def corrected(family, name, schema):
    """The schema with FIELD_TYPES, NULLABLE and ALIASES applied."""
    props = schema.get("properties") or {}
    for (fam, owner, key), ty in FIELD_TYPES.items():
        if (fam, owner) == (family, name):
            doc = props[key].get("doc")
            props[key] = dict(ty, **({"doc": doc} if doc else {}))
    for fam, owner, key in NULLABLE:
        if (fam, owner) == (family, name):
            props[key]["nullable"] = True
    aliases = ALIASES.get(family, {}).get(name)
    if aliases:
        schema["aliases"] = aliases
    return schema


# Keys Phone.com always sends although the swagger lists no `required` (it lists one for a few
# schemas only): the bindings make them non-optional (TypeScript `--strict`, Python TypedDict), so
# `n.phone_number` needs no undefined check. Every v4 list envelope (items beside total/offset/
# limit) always has those four keys. The sandbox sends them too, and py/tests/test_typed_results.py
# checks its answers against the required keys.
ALWAYS_SENT = {
    "v4": {
        # Also under `fields=brief` (the summary object keeps these two).
        "AvailableNumbersFull": ["phone_number", "formatted"],
    },
}
LIST_ENVELOPE = ("items", "total", "offset", "limit")


def always_sent(family, name, schema):
    """The schema with the keys the upstream always sends added to its `required`."""
    props = schema.get("properties") or {}
    keys = list(ALWAYS_SENT.get(family, {}).get(name, []))
    if family == "v4" and all(k in props for k in LIST_ENVELOPE) and props["items"].get("type") == "array":
        keys += LIST_ENVELOPE
    if keys:
        missing = [k for k in keys if k not in props]
        if missing:
            raise SystemExit(f"gen_schemas: {name} has no {missing}")
        schema["required"] = list(dict.fromkeys(list(schema.get("required", [])) + keys))
    return schema


NOL_PREFIX = "/api/v1/account"
METHODS = ("get", "post", "put", "patch", "delete")


def response_name(op_id):
    """The schema name of an operation's inline response: accountSignup -> NolAccountSignupResponse."""
    return "Nol" + op_id[0].upper() + op_id[1:] + "Response"


def inline_response(o):
    """The inline JSON schema of an OpenAPI operation's first 2xx response, or None."""
    ok = next((r for code, r in sorted(o.get("responses", {}).items()) if code.startswith("2")), {})
    schema = next(iter(ok.get("content", {}).values()), {}).get("schema", {})
    return schema if schema and "$ref" not in schema else None


def main(family, path):
    spec = json.load(open(path))
    source = dict(spec.get("definitions") or spec.get("components", {}).get("schemas", {}))
    if family == "nol":
        for route, item in spec["paths"].items():
            if route == NOL_PREFIX or route.startswith(NOL_PREFIX + "/"):
                for method in METHODS:
                    o = item.get(method)
                    if o and inline_response(o):
                        source[response_name(o["operationId"])] = inline_response(o)
    schemas = {schema_name(family, name): corrected(family, name, always_sent(family, name, convert(d, family)))
               for name, d in sorted(source.items())}
    schemas = dict(sorted(schemas.items()))
    json.dump({"family": family, "source": path.rsplit("/", 1)[-1], "schemas": schemas}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
