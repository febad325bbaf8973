#!/usr/bin/env python3
"""Generate core/catalog/nol.json from numbers.online's OpenAPI file.

Usage: python3 tools/gen_nol_catalog.py ../shared/spec/numbers-online-openapi.json > core/catalog/nol.json

Only the account/onboarding operations (paths under /api/v1/account) are generated, each as
`nol.<operationId>`. The output is committed; core embeds it. `core/tests/nol_catalog_spec.rs`
checks that it still matches the OpenAPI file when the spec folder is present. Every deviation
from a literal reading of the file is applied here, with a comment.
"""
import json
import re
import sys

from gen_schemas import inline_response, response_name, schema_name

PREFIX = "/api/v1/account"
METHODS = ("get", "post", "put", "patch", "delete")

# Body fields that carry a phone number: E.164, `+` optional (added before sending).
PHONE_FIELDS = {"phone", "number"}
# Values that must never show in logs or errors (the OTP code, the tax id).
SECRET_FIELDS = {"code", "ein"}
# The file's own prose states constraints its schema does not encode.
OVERRIDES = {
    # "disabled: Only `true` is accepted (one-way revocation)."
    ("updateAccountKey", "disabled"): {"enum": ["true"]},
}
# POST/PATCH operations that set a state, so that sending one twice changes nothing more than
# sending it once (catalog `idempotent`; GET, PUT and DELETE are idempotent by method).
SETS_A_STATE = {"updateAccount", "accountPhonePatch", "setTenantStatus", "setSigning"}
# "send an empty string to clear it": the email format, widened to take the empty string.
FORMAT_OVERRIDES = {("updateAccount", "email"): "email_or_empty"}


def main(path):
    spec = json.load(open(path))
    ops = []
    for route, item in spec["paths"].items():
        if not (route == PREFIX or route.startswith(PREFIX + "/")):
            continue
        shared = item.get("parameters", [])
        for method in METHODS:
            if method in item:
                ops.append(convert(route, method, item[method], shared, spec))
    ops.sort(key=lambda o: o["name"])
    json.dump({"family": "nol", "source": "numbers-online-openapi.json", "operations": ops}, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


def first_line(text):
    return (text or "").strip().split("\n")[0].strip()


def scalar(t):
    return {"integer": "integer", "number": "number", "boolean": "boolean", "array": "array", "object": "object"}.get(t, "string")


def path_param(p, op_id):
    name = p["name"]
    schema = p.get("schema", {})
    entry = {"name": name, "in": "path", "type": "string", "required": True}
    if name == "e164":
        entry["format"] = "e164_loose"
        entry["doc"] = first_line(p.get("description")) or "An E.164 number OTP-bound to this account (with or without the leading +)"
    elif schema.get("format") == "uuid":
        entry["format"] = "uuid"
        entry["doc"] = first_line(p.get("description")) or ("Key id (UUID)" if "Key" in op_id else "Id (UUID)")
    elif p.get("description"):
        entry["doc"] = first_line(p["description"])
    return entry


def query_param(p):
    schema = p.get("schema", {})
    entry = {"name": p["name"], "in": "query", "type": scalar(schema.get("type")), "required": bool(p.get("required"))}
    if "minimum" in schema:
        entry["min"] = schema["minimum"]
    if "maximum" in schema:
        entry["max"] = schema["maximum"]
    doc = first_line(p.get("description"))
    if not doc and p["name"] == "limit":
        doc = "Rows to return (default %s, at most %s)" % (schema.get("default"), schema.get("maximum"))
    if doc:
        entry["doc"] = doc
    return entry


def body_params(schema, op_id):
    required = set(schema.get("required", []))
    out = []
    for name, prop in schema.get("properties", {}).items():
        entry = {"name": name, "in": "body", "type": scalar(prop.get("type")), "required": name in required}
        if "enum" in prop:
            entry["enum"] = [str(v) for v in prop["enum"]]
        for key, target in (("minimum", "min"), ("maximum", "max"), ("minLength", "min"), ("maxLength", "max")):
            if key in prop:
                entry[target] = prop[key]
        fmt = prop.get("format")
        if fmt in ("uuid", "email"):
            entry["format"] = FORMAT_OVERRIDES.get((op_id, name), fmt)
        if name in PHONE_FIELDS:
            entry["format"] = "e164_loose"
        if name in SECRET_FIELDS:
            entry["secret"] = True
        entry.update(OVERRIDES.get((op_id, name), {}))
        doc = first_line(prop.get("description"))
        if not doc and "example" in prop:
            doc = "e.g. %s" % json.dumps(prop["example"], ensure_ascii=False)
        if doc:
            entry["doc"] = doc
        out.append(entry)
    return out


def raw_param(content, description):
    """A body of raw bytes (image/*, application/pdf): one `file` parameter."""
    types = list(content.keys())
    m = re.search(r"max (\d+) (KB|MB)", description or "")
    entry = {"name": "file", "in": "raw", "type": "file", "required": True}
    if m:
        entry["max"] = int(m.group(1)) * (1024 if m.group(2) == "KB" else 1024 * 1024)
    names = {"image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WebP", "application/pdf": "PDF"}
    kinds = ", ".join(names.get(t, t) for t in types)
    limit = " at most %s %s;" % (m.group(1), m.group(2)) if m else ""
    entry["doc"] = "The raw bytes: %s (the type is read from the bytes' signature;%s SVG refused)" % (kinds, limit)
    return entry


def convert(route, method, o, shared, spec):
    op_id = o["operationId"]
    params = []
    declared = {p["name"]: p for p in shared + o.get("parameters", [])}
    for name in re.findall(r"\{(\w+)\}", route):
        params.append(path_param(declared[name], op_id))
    for p in declared.values():
        if p["in"] == "query":
            params.append(query_param(p))
    body = o.get("requestBody")
    if body:
        content = body.get("content", {})
        if "application/json" in content:
            params += body_params(content["application/json"].get("schema", {}), op_id)
        else:
            params.append(raw_param(content, o.get("description")))
    ok = next((r for code, r in sorted(o.get("responses", {}).items()) if code.startswith("2")), {})
    schema = next(iter(ok.get("content", {}).values()), {}).get("schema", {})
    # A component schema by its name; an inline one by the name tools/gen_schemas.py gives it.
    ref = schema.get("$ref", "").split("/")[-1] or (response_name(op_id) if inline_response(o) else None)
    ref = ref and schema_name("nol", ref)
    return {
        # No `security` (the file has no global one): sent without the key.
        "auth": "required" if o.get("security", spec.get("security")) else "none",
        "idempotent": method.upper() in ("GET", "HEAD", "PUT", "DELETE") or op_id in SETS_A_STATE,
        "name": "nol." + op_id,
        "family": "nol",
        "method": method.upper(),
        "path": route,
        "doc": first_line(o.get("summary")) or first_line(o.get("description")) or op_id,
        "tag": (o.get("tags") or ["default"])[0],
        "returns": ref,
        "params": params,
    }


if __name__ == "__main__":
    main(sys.argv[1])
