#!/usr/bin/env bash
# Stops and removes the Gleaner service. Keeps the data (spool, database, configuration, user) unless --purge.
#
#   scripts/uninstall.sh [--purge]
set -euo pipefail
purge=false
case "${1:-}" in
    --purge) purge=true ;;
    "") ;;
    -h | --help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) echo "uninstall: unknown argument $1 (try --help)" >&2; exit 2 ;;
esac
[ "$(id -u)" -eq 0 ] || { echo "uninstall: run as root" >&2; exit 1; }

done_() { printf '  %-52s %s\n' "$1" "$2"; }
echo "Removing Gleaner:"
if systemctl list-unit-files gleaner.service >/dev/null 2>&1 && systemctl cat gleaner.service >/dev/null 2>&1; then
    systemctl disable --now gleaner.service >/dev/null 2>&1 || true
    done_ gleaner.service "stopped and disabled"
fi
for path in /usr/local/lib/systemd/system/gleaner.service /usr/local/lib/sysusers.d/gleaner.conf \
    /usr/local/lib/tmpfiles.d/gleaner.conf /usr/local/share/man/man8/gleaner.8 \
    /usr/local/share/man/man5/gleaner.conf.5 /usr/local/bin/gleaner; do
    if [ -e "$path" ]; then rm -f "$path"; done_ "$path" removed; fi
done
systemctl daemon-reload
done_ "systemctl daemon-reload" done
if $purge; then
    for path in /var/spool/gleaner /var/lib/gleaner /etc/gleaner; do
        if [ -e "$path" ]; then rm -rf "$path"; done_ "$path" removed; fi
    done
    if id gleaner >/dev/null 2>&1; then userdel gleaner 2>/dev/null || true; done_ "user gleaner" removed; fi
    if getent group gleaner >/dev/null; then groupdel gleaner 2>/dev/null || true; done_ "group gleaner" removed; fi
else
    echo "Kept: /var/spool/gleaner, /var/lib/gleaner, /etc/gleaner and the gleaner user (remove them with --purge)."
fi
