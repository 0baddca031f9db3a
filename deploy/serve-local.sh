#!/bin/sh
# Try the production web server locally: Debian's nginx with deploy/nginx.conf, on 127.0.0.1.
#
#   deploy/serve-local.sh PORT [ROOT]               foreground; Ctrl+C stops it
#   deploy/serve-local.sh --background PORT [ROOT]  prints the pidfile; stop: kill $(cat PIDFILE)
#
# ROOT is the folder to serve (default: output/). Everything nginx writes (pid, logs, temp files,
# the generated configuration) goes to a fresh temporary folder, or to $GUICHET_NGINX_PREFIX.
# No root needed; /etc/nginx is only read (mime.types). $GUICHET_NGINX_CONF names another server
# block to start from instead of deploy/nginx.conf (the first-paint bench: bench/fcp.py).
set -eu

background=
if [ "${1:-}" = "--background" ]; then
    background=1
    shift
fi
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "Usage : $0 [--background] PORT [DOSSIER]   (par exemple : $0 8080 public)" >&2
    exit 2
fi
port=$1
case $port in
    ''|*[!0-9]*) echo "Le port doit être un nombre : « $port »." >&2; exit 2 ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "${2:-$here/../output}" 2>/dev/null && pwd) || {
    echo "Le dossier « ${2:-output} » n'existe pas : construisez d'abord le site (make html)." >&2
    exit 2
}
nginx=${NGINX:-/usr/sbin/nginx}
[ -x "$nginx" ] || { echo "nginx est introuvable ($nginx) : apt-get install nginx" >&2; exit 2; }
prefix=${GUICHET_NGINX_PREFIX:-$(mktemp -d "${TMPDIR:-/tmp}/guichet-nginx.XXXXXX")}
mkdir -p "$prefix/logs" "$prefix/temp"

# The server block, on 127.0.0.1:PORT only, over ROOT.
sed -e '/^[[:space:]]*listen[[:space:]]*\[::\]/d' \
    -e "s#^\([[:space:]]*\)listen[[:space:]][^;]*;#\1listen 127.0.0.1:$port;#" \
    -e "s#^\([[:space:]]*\)root[[:space:]][^;]*;#\1root $root;#" \
    "${GUICHET_NGINX_CONF:-$here/nginx.conf}" > "$prefix/site.conf"

user_line=
if [ "$(id -u)" = 0 ]; then
    user_line="user $(id -un) $(id -gn);"  # workers must read ROOT, wherever it is
fi
if [ -n "$background" ]; then daemon=on; else daemon=off; fi
cat > "$prefix/nginx.conf" <<CONF
$user_line
worker_processes 1;
daemon $daemon;
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    access_log $prefix/logs/access.log;
    client_body_temp_path $prefix/temp/body;
    proxy_temp_path $prefix/temp/proxy;
    fastcgi_temp_path $prefix/temp/fastcgi;
    uwsgi_temp_path $prefix/temp/uwsgi;
    scgi_temp_path $prefix/temp/scgi;
    include $prefix/site.conf;
}
CONF

"$nginx" -q -t -p "$prefix" -e "$prefix/logs/error.log" -c "$prefix/nginx.conf"
echo "nginx sert $root sur http://127.0.0.1:$port/ (journaux : $prefix/logs/)"
if [ -n "$background" ]; then
    "$nginx" -p "$prefix" -e "$prefix/logs/error.log" -c "$prefix/nginx.conf"
    echo "pidfile : $prefix/nginx.pid — pour arrêter : kill \$(cat $prefix/nginx.pid)"
else
    exec "$nginx" -p "$prefix" -e "$prefix/logs/error.log" -c "$prefix/nginx.conf"
fi
