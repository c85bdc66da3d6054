# shellcheck shell=bash
# Installs the system packages Gleaner builds against, when they are missing:
# libsystemd (sd_notify, sd_journal_sendv), SQLite headers (GRDB) and pkg-config.
ensure_build_dependencies() {
    local missing=()
    command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
    if command -v pkg-config >/dev/null 2>&1; then
        pkg-config --exists libsystemd || missing+=(libsystemd-dev)
        pkg-config --exists sqlite3 || missing+=(libsqlite3-dev)
    else
        missing+=(libsystemd-dev libsqlite3-dev)
    fi
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing packages: ${missing[*]}" >&2
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_swift() {
    command -v swift >/dev/null 2>&1 && return 0
    echo "swift is not on PATH: install Swift 6.1 or newer (https://www.swift.org/install/linux/)" >&2
    exit 1
}
