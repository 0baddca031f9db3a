#!/bin/sh
# Debian packages the tests use for real: a browser, a web server, text browsers (lynx, w3m),
# the minimal graphical browsers Dillo and NetSurf on a virtual screen (Xvfb), PDF tools, and
# DejaVu fonts (the flyers' PDFs are typeset in DejaVu Sans; Debian's base images have it).
# Installed when running as root (CI, fresh machines); otherwise the missing ones are named and
# the test run stops, because browser tests must never be skipped silently.
set -eu
need=""
for pair in chromium:/usr/bin/chromium nginx:/usr/sbin/nginx lynx:/usr/bin/lynx \
            poppler-utils:/usr/bin/pdftotext rsync:/usr/bin/rsync wrk:/usr/bin/wrk \
            w3m:/usr/bin/w3m dillo:/usr/bin/dillo netsurf-gtk:/usr/bin/netsurf-gtk \
            xvfb:/usr/bin/Xvfb \
            fonts-dejavu-core:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf; do
  pkg=${pair%%:*}; bin=${pair#*:}
  [ -e "$bin" ] || need="$need $pkg"
done
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "Installing Debian packages:$need"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
else
  echo "Missing Debian packages:$need — install them with: sudo apt-get install$need" >&2
  exit 1
fi
