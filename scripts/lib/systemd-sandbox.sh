# shellcheck shell=bash
# Boots a real systemd as PID 1 of private namespaces, for end-to-end tests on machines whose own PID 1 is
# not systemd (CI containers and VMs). Needs root, util-linux (unshare, nsenter, setpriv), overlayfs, cgroup2.
#
# The sandbox's root is an overlay: the host's "/" below, a tmpfs above, so nothing it writes reaches the
# host. /proc/sys and /sys are read-only, /dev, /run and /tmp are private, cgroup2 is mounted through a
# cgroup namespace. Dangerous capabilities are dropped from the bounding set.
#
# Paths named in SANDBOX_EMPTY (space-separated) are removed inside the overlay before systemd starts, so the
# sandbox starts without whatever the host holds there; the host keeps them (the overlay hides them).
#
#   sandbox_up NAME [BIND_RO_HOST:PATH ...]    boot; sets SANDBOX_PID (host view of its PID 1)
#   sandbox_exec NAME CMD [ARGS...]            run CMD inside (stdin/stdout/stderr/status pass through)
#   sandbox_down NAME                          power off, kill leftovers, remove cgroup and state

SANDBOX_BASE=${SANDBOX_BASE:-/tmp/gleaner-sandbox}

sandbox_cgroup_root() {
    if [ "$(stat -fc %T /sys/fs/cgroup)" = cgroup2fs ]; then
        echo /sys/fs/cgroup
    elif [ -d /sys/fs/cgroup/unified ] && [ "$(stat -fc %T /sys/fs/cgroup/unified)" = cgroup2fs ]; then
        echo /sys/fs/cgroup/unified
    else
        echo "sandbox: no cgroup2 hierarchy" >&2
        return 1
    fi
}

sandbox_alive() {
    local state
    state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) && [ -n "$state" ] && [ "$state" != Z ]
}

# The script that runs as PID 1 of the new namespaces: builds the root, then execs systemd.
sandbox_write_init() {
    cat >"$1" <<'INIT'
#!/bin/bash
set -euo pipefail
dir=$1; root=$dir/root
mount -t tmpfs -o mode=755 sandbox-upper "$dir/upper"
mkdir -p "$dir/upper/data" "$dir/upper/work"
mount -t overlay sandbox-root -o "lowerdir=/,upperdir=$dir/upper/data,workdir=$dir/upper/work" "$root"
mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
mount --bind "$root/proc/sys" "$root/proc/sys"
mount -o remount,bind,ro "$root/proc/sys"
# A fresh sysfs, read-only per mount (never remount the shared superblock itself read-only).
mount -t sysfs -o nosuid,nodev,noexec sysfs "$root/sys"
mount -o remount,bind,ro,nosuid,nodev,noexec "$root/sys"
mount -t cgroup2 -o nosuid,nodev,noexec cgroup2 "$root/sys/fs/cgroup"
mount -t tmpfs -o mode=755,nosuid sandbox-dev "$root/dev"
for node in null zero full random urandom tty; do
    touch "$root/dev/$node"
    mount --bind "/dev/$node" "$root/dev/$node"
done
mkdir -p "$root/dev/pts" "$root/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666,mode=620,gid=5 devpts "$root/dev/pts"
ln -s pts/ptmx "$root/dev/ptmx"
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/dev/shm"
ln -s /proc/self/fd "$root/dev/fd"
mount -t tmpfs -o mode=755,nosuid,nodev sandbox-run "$root/run"
mount -t tmpfs -o mode=1777,nosuid,nodev sandbox-tmp "$root/tmp"
for bind in ${SANDBOX_BINDS:-}; do
    mkdir -p "$root${bind#*:}"
    mount --bind "${bind%%:*}" "$root${bind#*:}"
    mount -o remount,bind,ro "$root${bind#*:}"
done
cd "$root"
mkdir -p .oldroot
pivot_root . .oldroot
umount -l /.oldroot
rmdir /.oldroot
cd /
echo "$SANDBOX_NAME" >/etc/hostname
hostname "$SANDBOX_NAME"
tr -d - </proc/sys/kernel/random/uuid >/etc/machine-id
# A clean unit configuration: none of the host's enabled services.
rm -rf /etc/systemd/system
mkdir -p /etc/systemd/system
for path in ${SANDBOX_EMPTY:-}; do rm -rf "$path"; done
exec env -i container=gleaner-sandbox TERM=dumb /lib/systemd/systemd --unit=basic.target
INIT
    chmod 0755 "$1"
}

sandbox_up() {
    local name=$1 dir cgroup_root cgroup original_cgroup launcher="" init="" state="" deadline
    shift
    dir=$SANDBOX_BASE/$name
    [ "$(id -u)" -eq 0 ] || { echo "sandbox: needs root" >&2; return 1; }
    [ -x /lib/systemd/systemd ] || { echo "sandbox: /lib/systemd/systemd not found" >&2; return 1; }
    cgroup_root=$(sandbox_cgroup_root)
    cgroup=$cgroup_root/$name
    mkdir -p "$dir/root" "$dir/upper"
    mkdir "$cgroup"
    echo "$cgroup" >"$dir/cgroup"
    original_cgroup=$(awk -F: '$1=="0"{print $3}' /proc/self/cgroup)
    sandbox_write_init "$dir/init.sh"
    local capabilities=-all,+audit_write,+chown,+dac_override,+dac_read_search,+fowner,+fsetid,+ipc_owner,+ipc_lock,+kill,+lease,+linux_immutable,+mknod,+net_bind_service,+net_broadcast,+net_raw,+setfcap,+setgid,+setpcap,+setuid,+sys_admin,+sys_boot,+sys_chroot,+sys_nice,+sys_ptrace,+sys_resource,+sys_tty_config
    # bash joins the new cgroup (so it becomes the root of the cgroup namespace), then becomes unshare,
    # whose only child becomes systemd. No setsid: a kill of the caller's process group kills the sandbox.
    SANDBOX_NAME=$name SANDBOX_BINDS="$*" SANDBOX_EMPTY=${SANDBOX_EMPTY:-} \
        bash -c 'echo $$ >"$1/launcher.pid"; echo $$ >"$2/cgroup.procs"; shift 2; exec "$@"' _ "$dir" "$cgroup" \
        unshare --pid --fork --kill-child --mount --uts --ipc --cgroup --propagation private \
        setpriv --bounding-set "$capabilities" "$dir/init.sh" "$dir" \
        </dev/null >>"$dir/setup.log" 2>&1 &
    for _ in $(seq 500); do [ -s "$dir/launcher.pid" ] && break; sleep 0.01; done
    launcher=$(cat "$dir/launcher.pid" 2>/dev/null || true)
    for _ in $(seq 1000); do
        init=$(awk '{print $1}' "/proc/$launcher/task/$launcher/children" 2>/dev/null || true)
        [ -n "$init" ] && [ "$(cat "/proc/$init/comm" 2>/dev/null)" = systemd ] && break
        sandbox_alive "$launcher" || break
        init=""
        sleep 0.01
    done
    if [ -z "$init" ]; then
        cat "$dir/setup.log" >&2
        sandbox_down "$name"
        echo "sandbox: systemd did not start" >&2
        return 1
    fi
    echo "$init" >"$dir/init.pid"
    readlink "/proc/$init/ns/pid" >"$dir/pidns"
    # Move the host-side launcher out of the sandbox's root cgroup, or systemctl status sees a foreign PID.
    echo "$launcher" >"$cgroup_root$original_cgroup/cgroup.procs"
    deadline=$((SECONDS + 60))
    while [ $SECONDS -lt $deadline ]; do
        state=$(timeout 5 nsenter -t "$init" -a -- systemctl is-system-running 2>/dev/null || true)
        case "$state" in running | degraded) break ;; esac
        sandbox_alive "$init" || break
        sleep 0.05
    done
    case "$state" in
        running | degraded) SANDBOX_PID=$init ;;
        *)
            cat "$dir/setup.log" >&2
            sandbox_down "$name"
            echo "sandbox: boot did not finish (state '$state')" >&2
            return 1
            ;;
    esac
}

sandbox_exec() {
    local name=$1 init
    shift
    init=$(cat "$SANDBOX_BASE/$name/init.pid")
    nsenter -t "$init" -a -- /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        LANG=C.UTF-8 TERM=dumb SYSTEMD_PAGER= SYSTEMD_COLORS=0 "$@"
}

sandbox_down() {
    local name=$1 dir init launcher pidns cgroup process
    dir=$SANDBOX_BASE/$name
    [ -d "$dir" ] || return 0
    init=$(cat "$dir/init.pid" 2>/dev/null || true)
    launcher=$(cat "$dir/launcher.pid" 2>/dev/null || true)
    pidns=$(cat "$dir/pidns" 2>/dev/null || true)
    cgroup=$(cat "$dir/cgroup" 2>/dev/null || true)
    if [ -n "$init" ] && sandbox_alive "$init" && [ "$(readlink "/proc/$init/ns/pid")" = "$pidns" ]; then
        timeout 10 nsenter -t "$init" -a -- systemctl poweroff --no-block >/dev/null 2>&1 \
            || kill -s SIGRTMIN+4 "$init" 2>/dev/null || true
        for _ in $(seq 300); do sandbox_alive "$init" || break; sleep 0.05; done
        sandbox_alive "$init" && kill -KILL "$init" 2>/dev/null
    fi
    if [ -n "$launcher" ] && [ "$(cat "/proc/$launcher/comm" 2>/dev/null)" = unshare ]; then
        for _ in $(seq 100); do sandbox_alive "$launcher" || break; sleep 0.05; done
        sandbox_alive "$launcher" && kill -KILL "$launcher" 2>/dev/null
    fi
    if [ -n "$pidns" ]; then
        for process in /proc/[0-9]*; do
            [ "$(readlink "$process/ns/pid" 2>/dev/null)" = "$pidns" ] && kill -KILL "${process#/proc/}" 2>/dev/null
        done
    fi
    if [ -n "$cgroup" ] && [ -d "$cgroup" ]; then
        for _ in $(seq 100); do
            find "$cgroup" -depth -type d -exec rmdir {} + 2>/dev/null || true
            [ -d "$cgroup" ] || break
            sleep 0.05
        done
    fi
    rm -rf "$dir"
}
