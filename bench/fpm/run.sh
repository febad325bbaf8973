#!/usr/bin/env bash
# Warm upstream connections across PHP-FPM requests, measured with real parts (bench/README.md,
# "PHP-FPM"): Debian's php-fpm (2 static workers) behind nginx serving a portal page
# (bench/fpm/portal.php: build a client, make one v4 call, answer), and a TLS upstream (nginx with
# a CA and a certificate made here by openssl, trusted through the client's `tls.ca_file`) that
# serves the v4 list bytes of the sandbox and logs `$connection $ssl_session_reused` per request.
#
#   bench/fpm/run.sh             1,000 portal requests for each of four setups (release build)
#   bench/fpm/run.sh --check     200 requests, counts only, no timings (scripts/test.sh): fails
#                                unless the shared setups (preloaded, and FFI::cdef per request)
#                                answer every request through both workers on at most 4 upstream
#                                connections, every preloaded answer says so, the old setup shows
#                                one connection per request, and FFI refused to unpreloaded code
#                                (FPM's default) fails naming ffi.preload
#   bench/fpm/run.sh --requests N
#
# The setups: how the library is loaded (FFI::cdef in every request with ffi.enable=true, as
# before; or once per worker with ffi.preload plus opcache.preload) times `share_across_clients`
# (false: a connection pool per client, the old behaviour; true: one per configuration and
# process). The rate budget is off: 1,000 calls in seconds are far past v4's published 30 per 30 s,
# and the budget would pace them (by design) instead of measuring connections.
#
# Installs what it needs when missing (nginx, php-fpm, openssl: apt-get, as root). Run the full
# benchmark on a quiet machine: the load average is printed before and after.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}

check=0
requests=1000
while [ $# -gt 0 ]; do
  case $1 in
    --check) check=1 requests=200 ;;
    --requests) requests=$2; shift ;;
    *) echo "usage: bench/fpm/run.sh [--check] [--requests N]" >&2; exit 2 ;;
  esac
  shift
done

step() { printf '\n==> %s\n' "$*"; }

need=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
ls /usr/sbin/php-fpm* >/dev/null 2>&1 || need+=(php-fpm)
command -v openssl >/dev/null || need+=(openssl)
if [ ${#need[@]} -gt 0 ]; then
  step "installing ${need[*]} (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
FPM=$(ls /usr/sbin/php-fpm* | sort -V | tail -n 1)
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

if [ "$check" = 1 ]; then
  profile=debug
  cargo build -q -p phonecom-ffi -p phonecom-sandbox
else
  profile=release
  step "cargo build --release (libphonecom, the sandbox for the fixture)"
  cargo build -q --release -p phonecom-ffi -p phonecom-sandbox
fi
export PHONECOM_LIB=$TARGET_DIR/$profile/libphonecom.so

WORK=$(mktemp -d)
NGINX_PID=
FPM_PID=
cleanup() {
  [ -n "$FPM_PID" ] && kill "$FPM_PID" 2>/dev/null && wait "$FPM_PID" 2>/dev/null
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { # wait_for WHAT TEST...: up to 10 s
  local what=$1; shift
  for _ in $(seq 100); do "$@" 2>/dev/null && return 0; sleep 0.1; done
  echo "bench/fpm: $what did not start; its log:" >&2
  tail -n 20 "$WORK"/*error.log >&2 || true
  exit 1
}

step "a CA and the upstream's certificate (openssl), the v4 list bytes (the sandbox)"
mkdir -p "$WORK/www" "$WORK/tmp"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=bench-fpm CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign" \
  -keyout "$WORK/ca.key" -out "$WORK/ca.pem" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=127.0.0.1" \
  -keyout "$WORK/server.key" -out "$WORK/server.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >"$WORK/ext.cnf"
openssl x509 -req -in "$WORK/server.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" -CAcreateserial -days 2 \
  -extfile "$WORK/ext.cnf" -out "$WORK/server.pem" 2>/dev/null
python3 -c 'import sys; sys.path.insert(0, "bench"); import harness; harness.fixtures(sys.argv[1], sys.argv[2])' \
  "$TARGET_DIR/$profile" "$WORK/www"

UP=$(free_port)
FRONT=$(free_port)
cat >"$WORK/nginx.conf" <<EOF
daemon off;
# Its workers read the scratch folder (mode 0700) and PHP-FPM's socket: the user running this.
user $(id -un) $(id -gn);
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
    client_body_temp_path $WORK/tmp/body;
    fastcgi_temp_path $WORK/tmp/fastcgi;
    proxy_temp_path $WORK/tmp/proxy;
    uwsgi_temp_path $WORK/tmp/uwsgi;
    scgi_temp_path $WORK/tmp/scgi;
    keepalive_requests 1000000;
    keepalive_timeout 300s;
    log_format upstream '\$connection \$ssl_session_reused';
    # The upstream: Phone.com's API as far as this page is concerned.
    server {
        listen 127.0.0.1:$UP ssl;
        ssl_certificate $WORK/server.pem;
        ssl_certificate_key $WORK/server.key;
        ssl_session_cache shared:bench:1m;
        access_log $WORK/upstream.log upstream;
        root $WORK/www;
        location /v4/ { default_type application/json; try_files /v4.json =404; }
    }
    # The portal: PHP-FPM behind nginx.
    server {
        listen 127.0.0.1:$FRONT;
        access_log off;
        location = /portal {
            fastcgi_pass unix:$WORK/fpm.sock;
            fastcgi_param SCRIPT_FILENAME $ROOT/bench/fpm/portal.php;
            fastcgi_param REQUEST_METHOD \$request_method;
            fastcgi_param QUERY_STRING \$query_string;
            fastcgi_param PORTAL_CONFIG $WORK/portal.json;
        }
    }
}
EOF
: >"$WORK/upstream.log"
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" &
NGINX_PID=$!
wait_for nginx python3 -c "import socket; socket.create_connection(('127.0.0.1', $FRONT), 0.2)"

cat >"$WORK/fpm.conf" <<EOF
[global]
pid = $WORK/fpm.pid
error_log = $WORK/fpm-error.log
daemonize = no

[portal]
listen = $WORK/fpm.sock
pm = static
pm.max_children = 2
; PHONECOM_LIB reaches the workers (the FFI::cdef setups look the library up per request).
clear_env = no
catch_workers_output = yes
EOF
php "$ROOT/php/write-ffi-header.php" "$WORK/phonecom.h" >/dev/null

# run_setup NAME LOADING SHARE [REQUESTS]: start FPM for the setup, send the requests, print a
# table row, and keep the figures in $WORK/NAME.json. LOADING is cdef, preload, or restricted
# (FPM's default ffi.enable=preload with nothing preloaded: every page fails, saying what to do).
run_setup() {
  local name=$1 loading=$2 share=$3 count=${4:-$requests} ini=()
  case $loading in
    cdef) ini=(-d ffi.enable=true) ;;
    restricted) ini=(-d ffi.enable=preload) ;;
    preload) ini=(-d ffi.enable=preload -d "ffi.preload=$WORK/phonecom.h" -d opcache.enable=1
                  -d "opcache.preload=$ROOT/php/preload.php" -d opcache.preload_user=root) ;;
  esac
  cat >"$WORK/portal.json" <<EOF
{"v4": {"base_url": "https://127.0.0.1:$UP/v4", "token": "bench_token_0123456789", "account_id": 1000001},
 "tls": {"ca_file": "$WORK/ca.pem"}, "budget": {"store": "off"}, "share_across_clients": $share}
EOF
  rm -f "$WORK/fpm.sock"
  "$FPM" -F -R -y "$WORK/fpm.conf" "${ini[@]}" &
  FPM_PID=$!
  wait_for php-fpm test -S "$WORK/fpm.sock"
  local offset
  offset=$(stat -c %s "$WORK/upstream.log")
  python3 bench/fpm/drive.py --port "$FRONT" --requests "$count" --concurrency 2 >"$WORK/drive.json"
  kill "$FPM_PID"; wait "$FPM_PID" 2>/dev/null || true; FPM_PID=
  tail -c +"$((offset + 1))" "$WORK/upstream.log" >"$WORK/$name.log"
  python3 - "$name" "$WORK/drive.json" "$WORK/$name.log" "$WORK/$name.json" <<'PY'
import json, sys
name, drive, log, out = sys.argv[1:]
d = json.load(open(drive))
lines = [l.split() for l in open(log) if l.strip()]
d["upstream_requests"] = len(lines)
d["connections"] = len({l[0] for l in lines})
d["tls_resumed"] = len({l[0] for l in lines if l[1] == "r"})
json.dump(d, open(out, "w"))
print(f"| {name} | {d['requests']} | {d['failed']} | {d['connections']} | {d['tls_resumed']} | "
      f"{d['median_ms']} | {d['p90_ms']} | {len(d['pids'])} | {d['preloaded']} |")
if d["failed"]:
    print(f"  first failure: {d['first_failure']}")
PY
}

step "$requests portal requests per setup, 2 at a time, through 2 php-fpm workers ($("$FPM" -v | head -n 1 | cut -d' ' -f1-2), $profile build)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| setup | requests | failed | upstream TLS connections | of them resumed | median ms | p90 ms | workers | preloaded answers |"
echo "|---|---|---|---|---|---|---|---|---|"
if [ "$check" = 1 ]; then
  run_setup before cdef false
  run_setup cdef-shared cdef true
  run_setup after preload true
  run_setup restricted restricted true 2
else
  run_setup before cdef false
  run_setup cdef-shared cdef true
  run_setup preload-unshared preload false
  run_setup after preload true
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$check" = 1 ]; then
  echo "(the restricted setup's failures are expected: its check is that they name ffi.preload)"
  python3 - "$WORK" "$requests" <<'PY'
import json, sys
work, requests = sys.argv[1], int(sys.argv[2])
before = json.load(open(f"{work}/before.json"))
after = json.load(open(f"{work}/after.json"))
cdef_shared = json.load(open(f"{work}/cdef-shared.json"))
problems = []
for name, d in (("before", before), ("after", after), ("cdef-shared", cdef_shared)):
    if d["failed"] or d["upstream_requests"] != requests:
        problems.append(f"{name}: {d['failed']} failed answers, {d['upstream_requests']} upstream requests for {requests}")
if before["connections"] < requests * 0.9:
    problems.append(f"before: {before['connections']} connections for {requests} requests; one each expected "
                    "(is the upstream log counting connections?)")
for name, d in (("after", after), ("cdef-shared", cdef_shared)):
    if d["connections"] > 4:
        problems.append(f"{name}: {d['connections']} upstream connections for {requests} requests through 2 workers (at most 4)")
restricted = json.load(open(f"{work}/restricted.json"))
if restricted["failed"] != 2 or "ffi.preload=" not in (restricted["first_failure"] or ""):
    problems.append(f"restricted: FFI refused without preloading should fail naming ffi.preload, got {restricted}")
if after["preloaded"] != requests or len(after["pids"]) != 2:
    problems.append(f"after: {after['preloaded']} of {requests} answers from a preloaded library, workers {after['pids']}")
if problems:
    sys.exit("bench/fpm --check failed:\n  " + "\n  ".join(problems))
print(f"bench/fpm --check: {requests} requests opened {after['connections']} upstream connections "
      f"(a pool per client: {before['connections']})")
PY
fi
