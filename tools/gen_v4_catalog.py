#!/usr/bin/env python3
"""Generate core/catalog/v4.json from Phone.com's swagger file.

Usage: python3 tools/gen_v4_catalog.py ../shared/spec/phonecom-v4.swagger.json > core/catalog/v4.json

The output is committed; core embeds it. `core/tests/catalog_spec.rs` checks that it still matches
the swagger when the spec folder is present. Deviations from the swagger (what real clients send,
and the operations the swagger does not list) are applied here, each with a comment.
"""
import json
import re
import sys

# Prices are whole USD (the spec README and the tests filter with `lt:149`).
FILTER_OPS_NOTE = "op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty"

# Flags the swagger types as "string" but Phone.com takes as JSON booleans: the spec README says so
# for POST /phone-numbers' block_*, and for the others the swagger's own response schemas type the
# same fields as boolean (what Phone.com reads back is what it takes). They stay JSON booleans on
# the wire, and their doc says why (FLAG_NOTE).
FLAG_RE = re.compile(r"^(block_.*|is_new|include_in_directory|enable_.*|allow_extension_dial|caller_private|callee_private)$")
FLAG_NOTE = ("A JSON boolean: the swagger types this request field as a string, but its response schemas "
             "type the same field as boolean ({where}) and Phone.com takes JSON booleans, so true/false is sent.")
FLAG_NOTE_NO_RESPONSE = ("A JSON boolean: the swagger types this request field as a string and names no values; "
                         "Phone.com's flags are JSON booleans (its response schemas type them so), so true/false is sent.")
# Media flags whose swagger description names the wire values itself ("'Y', 'N'. ..."): a boolean
# or "Y"/"N" is accepted and "Y"/"N" is sent, as the description says (format `yn`).
YN_FLAGS = {"is_temparary", "randomized"}
YN_NOTE = "Give true/false or \"Y\"/\"N\"; sent as \"Y\"/\"N\", the values this description names."
# Filters the swagger types as a bare boolean (`filters[is_new]` of list-account-voicemail, type
# boolean), unlike every other filter (an array of `op:value` strings): given as true/false and
# sent as `filters[is_new]=true`.
BOOLEAN_FILTERS_NOTE = "; {fields}: a bare true/false (the swagger types it as a boolean, not op:value)"
# Values the swagger names only in descriptions: CreateOauthParams.grant_type ("authorization_code,
# client_credentials, password or refresh_token") and the authorization endpoint's response_type
# ("'token' for Implicit Grant; 'code' for Authorization Code Grant"). grant_type is required: no
# grant can be chosen without it (the per-grant fields are GRANT_NEEDS below).
ENUMS = {
    ("create-oauth-access-token", "grant_type"): ["authorization_code", "client_credentials", "password", "refresh_token"],
    ("create-oauth-authorization", "response_type"): ["code", "token"],
}
REQUIRED = {("create-oauth-access-token", "grant_type")}
# Object fields that are contacts, which core checks (core/src/types/contact.rs) and whose request
# shape is core's `ContactInput` schema (the swagger's ContactResponse requires nothing).
CONTACT_FIELDS = {"contact", "billing_contact"}
# Fields that carry a phone number and must be E.164.
E164_FIELDS = {"phone_number", "from", "to", "caller_phone_number", "callee_phone_number"}


# Operations that work without a Bearer token although the swagger gives every operation one:
# `ping` answers anyone, and the token grant authenticates with the client id and secret (or the
# grant's own code) in its body. The token is still sent when configured (catalog `auth`).
NO_TOKEN_NEEDED = {"ping", "create-oauth-access-token"}
# Parameters the client fills from its configuration when a call leaves them out (catalog
# `prefilled`: the configuration key).
PREFILLED = {"account_id": "v4.account_id"}
# The list envelope: a pageable list's rows are its `items` (catalog `paging.rows`).
LIST_ROWS = ["items"]
# The body fields each grant_type needs (OAuth 2, RFC 6749 sections 4.1.3, 4.3.2, 4.4.2 and 6, over
# the swagger's CreateOauthParams, which marks none required): catalog `required_if`, so a token
# request without them is refused by name before sending.
GRANT_NEEDS = {
    "code": ["authorization_code"],
    "redirect_uri": ["authorization_code"],
    "client_id": ["client_credentials"],
    "client_secret": ["client_credentials"],
    "username": ["password"],
    "password": ["password"],
    "refresh_token": ["refresh_token"],
}
# Operations whose documented answer is a redirect (`302` with `?code=` or `#access_token=` in
# `Location`): catalog `redirects`, so the result is the status and location.
REDIRECTING = {"create-oauth-authorization"}
# Result fields that are secrets from the moment they are issued (catalog `secret_results`: the
# client masks them in logs and errors from then on).
SECRET_RESULTS = {"create-oauth-access-token": ["access_token", "refresh_token"]}


def finish(op):
    """The facts every entry carries besides the swagger's: auth, idempotency (by method: no v4
    POST or PATCH is safe to repeat), prefilled parameters, how a list pages, the per-grant
    requirements, redirects and secret results."""
    op_id = op["name"].split(".", 1)[1]
    op["auth"] = "optional" if op_id in NO_TOKEN_NEEDED else "required"
    op["idempotent"] = op["method"] in ("GET", "HEAD", "PUT", "DELETE")
    for p in op["params"]:
        if p["name"] in PREFILLED and p["in"] == "path":
            p["prefilled"] = PREFILLED[p["name"]]
    if op.get("pageable"):
        op["paging"] = {"kind": "offset", "rows": LIST_ROWS}
    if op_id == "create-oauth-access-token":
        for p in op["params"]:
            if p["name"] in GRANT_NEEDS:
                p["required_if"] = {"param": "grant_type", "values": GRANT_NEEDS[p["name"]]}
    if op_id in REDIRECTING:
        op["redirects"] = True
    if op_id in SECRET_RESULTS:
        op["secret_results"] = SECRET_RESULTS[op_id]
    return op


def main(path):
    s = json.load(open(path))
    P, D = s["parameters"], s["definitions"]
    ops = []
    for route, methods in s["paths"].items():
        for method, o in methods.items():
            ops.append(convert(route, method.upper(), o, P, D))
    ops += extension_aliases(ops) + events_api()
    ops = [finish(o) for o in ops]
    ops.sort(key=lambda o: o["name"])
    json.dump({"family": "v4", "source": "phonecom-v4.swagger.json", "operations": ops}, sys.stdout, indent=1)
    sys.stdout.write("\n")


def resolve(p, P):
    if "$ref" in p:
        return P[p["$ref"].split("/")[-1]]
    return p


def scalar(t):
    return {"integer": "integer", "number": "number", "boolean": "boolean", "array": "array", "object": "object", "file": "file"}.get(t, "string")


def convert(route, method, o, P, D):
    params, filters, sorts, boolean_filters = [], [], [], []
    for raw in o.get("parameters", []):
        p = resolve(raw, P)
        name, loc = p["name"], p["in"]
        m = re.match(r"^(filters|sort)\[(.+)\]$", name)
        if m:
            (filters if m.group(1) == "filters" else sorts).append(m.group(2))
            if m.group(1) == "filters" and p.get("type") == "boolean":
                boolean_filters.append(m.group(2))
            continue
        if loc == "body":
            params += body_params(p, D, o["operationId"])
            continue
        entry = {"name": name, "in": {"formData": "form"}.get(loc, loc), "type": scalar(p.get("type")), "required": bool(p.get("required"))}
        if name == "limit":
            entry["max"] = 500
        if (o["operationId"], name) in ENUMS:
            entry["enum"] = ENUMS[(o["operationId"], name)]
        if p.get("description"):
            entry["doc"] = p["description"]
        params.append(entry)
    if filters:
        entry = {"name": "filters", "in": "query", "type": "filters", "required": False, "fields": filters, "doc": FILTER_OPS_NOTE}
        if boolean_filters:
            entry["boolean_fields"] = boolean_filters
            entry["doc"] += BOOLEAN_FILTERS_NOTE.format(fields=", ".join(boolean_filters))
        params.append(entry)
    if sorts:
        params.append({"name": "sort", "in": "query", "type": "sort", "required": False, "fields": sorts, "doc": "field: asc|desc"})
    ok = next((r for c, r in o.get("responses", {}).items() if c.startswith("2")), {})
    ref = (ok.get("schema") or {}).get("$ref", "").split("/")[-1]
    doc = (o.get("summary") or o.get("description") or o["operationId"]).strip().split("\n")[0]
    op = {"name": "v4." + o["operationId"], "family": "v4", "method": method, "path": route, "doc": doc,
          "tag": (o.get("tags") or ["default"])[0], "returns": ref or None, "params": params}
    if any(p["name"] == "offset" for p in params) and ref.startswith("List"):
        op["pageable"] = True
    return op


def body_params(p, D, op_id):
    ref = p["schema"].get("$ref", "").split("/")[-1]
    d = D.get(ref, {})
    required = set(d.get("required", []))
    out = []
    for name, prop in d.get("properties", {}).items():
        t = "object" if "$ref" in prop else scalar(prop.get("type"))
        note = None
        if t == "string" and FLAG_RE.match(name):
            where = sorted(k for k, dd in D.items() if (dd.get("properties") or {}).get(name, {}).get("type") == "boolean")
            t, note = "boolean", FLAG_NOTE.format(where=", ".join(where)) if where else FLAG_NOTE_NO_RESPONSE
        entry = {"name": name, "in": "body", "type": t, "required": name in required}
        if t == "string" and name in YN_FLAGS:
            entry["type"], entry["format"], note = "boolean", "yn", YN_NOTE
        if name in CONTACT_FIELDS and op_id == "create-account-subaccount":
            # Checked by core's contact rules (core/src/types/contact.rs): typed by its schema.
            entry["schema"] = "ContactInput"
        if name in E164_FIELDS and op_id in ("create-account-sms", "create-account-phone-number", "create-account-call"):
            # The swagger types phone_number as object; real clients send an E.164 string.
            entry["type"] = "string"
            entry["format"] = "e164"
        if op_id == "create-account-phone-number" and name == "phone_number":
            entry["required"] = True
        if (op_id, name) in REQUIRED:
            entry["required"] = True
        if (op_id, name) in ENUMS:
            entry["enum"] = ENUMS[(op_id, name)]
        if name in ("password", "client_secret", "refresh_token", "code", "cc_token"):
            entry["secret"] = True
        if prop.get("description"):
            entry["doc"] = prop["description"]
        if note:
            entry["doc"] = (entry.get("doc", "").rstrip(".") + ". " if entry.get("doc") else "") + note
        out.append(entry)
    return out


def extension_aliases(ops):
    """The extension-level aliases Phone.com documents for extension-scope tokens
    (/accounts/{a}/extensions/{e}/sms|calls|listeners); not in the swagger file."""
    by_name = {o["name"]: o for o in ops}
    ext = {"name": "extension_id", "in": "path", "type": "integer", "required": True, "doc": "Extension ID"}
    out = []
    for src, new in [
        ("list-account-sms", "list-account-extension-sms"), ("create-account-sms", "create-account-extension-sms"),
        ("get-account-sms", "get-account-extension-sms"), ("patch-account-sms", "patch-account-extension-sms"),
        ("create-account-call", "create-account-extension-call"),
        ("list-account-listeners", "list-account-extension-listeners"), ("create-account-listener", "create-account-extension-listener"),
        ("get-account-listener", "get-account-extension-listener"), ("replace-account-listener", "replace-account-extension-listener"),
        ("delete-account-listener", "delete-account-extension-listener"),
    ]:
        o = json.loads(json.dumps(by_name["v4." + src]))
        o["name"] = "v4." + new
        o["path"] = o["path"].replace("/accounts/{account_id}/", "/accounts/{account_id}/extensions/{extension_id}/")
        # The path carries the extension: a body field of the same name would shadow it.
        o["params"] = [p for p in o["params"] if p["name"] != "extension_id"]
        o["params"].insert(1, dict(ext))
        o["doc"] = o["doc"] + " (extension-level alias)"
        o["origin"] = "extension alias of v4." + src
        out.append(o)
    return out


def events_api():
    """The account events API (/accounts/{a}/integrations/events/...). The swagger file names the
    events (call.new, call.update, call.complete, call.log, sms.in, sms.out) but not these paths'
    schemas; the shapes below follow the listeners resource. See the project notes."""
    acct = {"name": "account_id", "in": "path", "type": "integer", "required": True, "doc": "Account ID"}
    sub = {"name": "subscription_id", "in": "path", "type": "integer", "required": True, "doc": "Subscription ID"}
    paging = [{"name": "limit", "in": "query", "type": "integer", "required": False, "max": 500},
              {"name": "offset", "in": "query", "type": "integer", "required": False},
              {"name": "fields", "in": "query", "type": "string", "required": False}]
    base = "/accounts/{account_id}/integrations/events"
    mk = lambda name, method, path, doc, params, **kw: dict({"name": "v4." + name, "family": "v4", "method": method, "path": path,
                                                          "doc": doc, "tag": "events", "returns": None, "params": params,
                                                          "origin": "events API (not in the swagger file)"}, **kw)
    body = [{"name": "event_type", "in": "body", "type": "string", "required": True, "doc": "call.new, call.update, call.complete, call.log, sms.in or sms.out"},
            {"name": "callback_url", "in": "body", "type": "string", "required": True, "doc": "HTTPS URL the event is posted to"},
            {"name": "secret", "in": "body", "type": "string", "required": False, "secret": True, "doc": "Shared secret used to sign deliveries"}]
    return [
        mk("list-account-integration-event-types", "GET", base + "/types", "List the event types an integration can subscribe to", [dict(acct)]),
        mk("list-account-integration-event-subscriptions", "GET", base + "/subscriptions", "List the account's event subscriptions",
           [dict(acct)] + paging + [{"name": "filters", "in": "query", "type": "filters", "required": False, "fields": ["id", "event_type"], "doc": FILTER_OPS_NOTE},
                                   {"name": "sort", "in": "query", "type": "sort", "required": False, "fields": ["id"], "doc": "field: asc|desc"}], pageable=True),
        mk("create-account-integration-event-subscription", "POST", base + "/subscriptions", "Subscribe to an account event", [dict(acct)] + body),
        mk("get-account-integration-event-subscription", "GET", base + "/subscriptions/{subscription_id}", "Get an event subscription", [dict(acct), dict(sub)]),
        mk("delete-account-integration-event-subscription", "DELETE", base + "/subscriptions/{subscription_id}", "Delete an event subscription", [dict(acct), dict(sub)]),
    ]


if __name__ == "__main__":
    main(sys.argv[1])
