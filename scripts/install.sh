#!/usr/bin/env bash
# Installs Gleaner as a systemd service and starts it. Idempotent: run it again after an upgrade.
#
#   scripts/install.sh [--binary PATH] [--no-start]
#
#   --binary PATH   install this gleaner binary instead of building a release one
#   --no-start      install and enable, but do not start (or restart) the service
#
# Installs /usr/local/bin/gleaner, the unit, sysusers.d and tmpfiles.d entries under /usr/local/lib, the man
# pages, and /etc/gleaner/gleaner.conf unless one exists; creates the gleaner user and the spool; then
# systemctl daemon-reload and enable --now. Prints what it did.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

binary=""
start=true
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary=${2:?--binary needs a path}; shift 2 ;;
        --no-start) start=false; shift ;;
        -h | --help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
        *) echo "install: unknown argument $1 (try --help)" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" -eq 0 ] || { echo "install: run as root (sudo scripts/install.sh)" >&2; exit 1; }
command -v systemctl >/dev/null || { echo "install: systemd is required (no systemctl)" >&2; exit 1; }

done_() { printf '  %-52s %s\n' "$1" "$2"; }

if [ -z "$binary" ]; then
    # shellcheck source=scripts/lib/deps.sh
    source scripts/lib/deps.sh
    ensure_swift
    ensure_build_dependencies
    echo "Building release binary…"
    swift build -c release --static-swift-stdlib   # self-contained: no toolchain path needed at run time
    binary=.build/release/gleaner
fi
[ -x "$binary" ] || { echo "install: $binary is not an executable" >&2; exit 1; }

echo "Installing Gleaner:"
install -D -m 0755 "$binary" /usr/local/bin/gleaner
done_ /usr/local/bin/gleaner "installed ($(/usr/local/bin/gleaner --version))"
install -D -m 0644 systemd/gleaner.service /usr/local/lib/systemd/system/gleaner.service
done_ /usr/local/lib/systemd/system/gleaner.service installed
install -D -m 0644 systemd/gleaner.sysusers /usr/local/lib/sysusers.d/gleaner.conf
done_ /usr/local/lib/sysusers.d/gleaner.conf installed
install -D -m 0644 systemd/gleaner.tmpfiles /usr/local/lib/tmpfiles.d/gleaner.conf
done_ /usr/local/lib/tmpfiles.d/gleaner.conf installed
install -D -m 0644 man/gleaner.8 /usr/local/share/man/man8/gleaner.8
install -D -m 0644 man/gleaner.conf.5 /usr/local/share/man/man5/gleaner.conf.5
done_ "man pages gleaner(8), gleaner.conf(5)" installed
if [ -e /etc/gleaner/gleaner.conf ]; then
    done_ /etc/gleaner/gleaner.conf "kept (already present)"
else
    install -D -m 0644 etc/gleaner/gleaner.conf /etc/gleaner/gleaner.conf
    done_ /etc/gleaner/gleaner.conf installed
fi
systemd-sysusers /usr/local/lib/sysusers.d/gleaner.conf
done_ "user and group gleaner" "present ($(id gleaner))"
systemd-tmpfiles --create /usr/local/lib/tmpfiles.d/gleaner.conf
done_ "/var/spool/gleaner/{inbox,processed,failed}" "present"
systemctl daemon-reload
done_ "systemctl daemon-reload" done
if $start; then
    if systemctl is-active --quiet gleaner; then
        systemctl restart gleaner
        done_ "gleaner.service" "enabled, restarted"
    else
        systemctl enable --now gleaner
        done_ "gleaner.service" "enabled, started"
    fi
    systemctl --no-pager --lines=0 status gleaner | sed -n '1,5p' | sed 's/^/    /'
else
    systemctl enable gleaner
    done_ "gleaner.service" "enabled (not started)"
fi
cat <<'NEXT'
Next:
  add users who drop files:   usermod -aG gleaner USER
  drop an article:            cp article.txt /var/spool/gleaner/inbox/
  check on it:                systemctl status gleaner; gleaner status; journalctl -u gleaner -f
NEXT
