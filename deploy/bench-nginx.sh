#!/bin/sh
# Requests per second Debian's nginx serves for one procedure page, with deploy/nginx.conf, on
# loopback: deploy/serve-local.sh in the background, wrk from a second process, then stop.
#   deploy/bench-nginx.sh [ROOT] [PAGE]     defaults: output/  /demarches/carte-identite/
# Bounded: one wrk thread, 32 connections, 10 seconds. Not part of the test suite.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=${1:-$here/../output}
page=${2:-/demarches/carte-identite/}
port=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
prefix=$(mktemp -d "${TMPDIR:-/tmp}/guichet-bench.XXXXXX")
GUICHET_NGINX_PREFIX=$prefix "$here/serve-local.sh" --background "$port" "$root" >/dev/null
trap 'kill "$(cat "$prefix/nginx.pid")"; sleep 0.2; rm -rf "$prefix"' EXIT
sleep 0.3
curl -s -o /dev/null -w "page: %{http_code}, %{size_download} octets gzip\n" \
    -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port$page"
wrk -t1 -c32 -d10s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port$page"
