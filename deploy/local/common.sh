# shellcheck shell=bash disable=SC2034  # settings are used by the sourcing scripts
# Settings and helpers shared by infra-up.sh and infra-down.sh.
# Sourced, not executed. Every setting can be overridden from the environment.

HCC_LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
HCC_REPO_ROOT="$(cd "$HCC_LOCAL_DIR/../.." && pwd)"
HCC_ENV_FILE="$HCC_REPO_ROOT/.local/infra.env"

# State: PostgreSQL data dir, its log, generated passwords, setup log.
HCC_STATE_DIR="${HCC_STATE_DIR:-/var/lib/hccpathway}"
HCC_SECRETS_DIR="$HCC_STATE_DIR/secrets"
HCC_SETUP_LOG="$HCC_STATE_DIR/infra-up.log"

# PostgreSQL 15, own cluster (not Debian's 15/main).
HCC_PG_BIN="${HCC_PG_BIN:-/usr/lib/postgresql/15/bin}"
HCC_PG_DATA="${HCC_PG_DATA:-$HCC_STATE_DIR/postgres}"
HCC_PG_PORT="${HCC_PG_PORT:-55432}"
HCC_PG_FAST="${HCC_PG_FAST:-0}"
HCC_PG_LOG="$(dirname "$HCC_PG_DATA")/postgres.log"
HCC_PG_USER=hcc
HCC_PG_DB=pathway
HCC_PG_PASSWORD_FILE="$HCC_SECRETS_DIR/postgres-hcc.password"

# Backup and point-in-time restore (backup.sh, restore.sh): the WAL archive and the base backups.
HCC_PG_ARCHIVE_DIR="${HCC_PG_ARCHIVE_DIR:-$HCC_STATE_DIR/wal-archive}"
HCC_BACKUP_DIR="${HCC_BACKUP_DIR:-$HCC_STATE_DIR/backups}"

# RabbitMQ (Debian package, system service, fixed node name so that the
# host name of the machine does not matter).
HCC_RABBITMQ_PORT="${HCC_RABBITMQ_PORT:-5672}"
HCC_RABBITMQ_MANAGEMENT_PORT="${HCC_RABBITMQ_MANAGEMENT_PORT:-15672}"
HCC_RABBITMQ_NODE=rabbit@localhost
HCC_RABBITMQ_USER=hcc
HCC_RABBITMQ_PASSWORD_FILE="$HCC_SECRETS_DIR/rabbitmq-hcc.password"
HCC_RABBITMQ_LOG="/var/log/rabbitmq/$HCC_RABBITMQ_NODE.log"
HCC_RABBITMQ_MNESIA_DIR=/var/lib/rabbitmq/mnesia
HCC_RABBITMQ_PID_FILE=/var/run/rabbitmq/pid

# Timeouts (seconds).
HCC_PG_START_TIMEOUT="${HCC_PG_START_TIMEOUT:-60}"
# A node recovers every virtual host at boot; 300 s leaves room for a machine that kept many.
HCC_RABBITMQ_START_TIMEOUT="${HCC_RABBITMQ_START_TIMEOUT:-300}"

# Removes the virtual hosts that integration tests created (hcc-test-<time>-<id>) and that no connection uses any
# more; prints how many. A test process that is killed, or ended by the test runner before its exit handler is done,
# leaves its virtual hosts behind, and RabbitMQ recovers each one at boot (about 0.4 s each): a few hundred of them
# kept the node from booting within its start timeout. Argument: the management API's user:password.
hcc_remove_idle_test_vhosts() {
    local cred="$1" vhosts busy vhost removed=0
    vhosts="$(hcc_rabbit_api "$cred" GET 'vhosts?columns=name' | { grep -o '"name":"hcc-test-[^"]*"' || true; } | cut -d'"' -f4)"
    busy="$(hcc_rabbit_api "$cred" GET 'connections?columns=vhost' | { grep -o '"vhost":"[^"]*"' || true; } | cut -d'"' -f4)"
    for vhost in $vhosts; do
        grep -qxF "$vhost" <<<"$busy" && continue
        hcc_rabbit_api "$cred" DELETE "vhosts/$vhost" >/dev/null 2>&1 && removed=$((removed + 1))
    done
    echo "$removed"
}

# hcc_rabbit_api USER:PASSWORD METHOD PATH: a management API call; the credentials go to curl through stdin.
hcc_rabbit_api() {
    printf 'user = "%s"\n' "$1" |
        curl -fsS --max-time 60 -K - -X "$2" "http://127.0.0.1:$HCC_RABBITMQ_MANAGEMENT_PORT/api/$3"
}

hcc_log() { printf '[%s] %s\n' "$HCC_SCRIPT_NAME" "$*"; }
hcc_warn() { printf '[%s] WARNING: %s\n' "$HCC_SCRIPT_NAME" "$*" >&2; }
hcc_die() {
    printf '[%s] ERROR: %s\n' "$HCC_SCRIPT_NAME" "$*" >&2
    exit 1
}

# Run a command as the postgres OS user, from a directory it can read.
hcc_as_postgres() { (cd / && runuser -u postgres -- "$@"); }

hcc_now() { date +%s.%N; }
hcc_elapsed() { awk -v a="$1" -v b="$(hcc_now)" 'BEGIN { printf "%.1f", b - a }'; }

# PID of the postmaster of our cluster if it is alive, empty otherwise.
# A pid file whose pid is dead, or belongs to a process that is not a
# postmaster working in our data dir (pid reuse), counts as stale.
hcc_pg_live_pid() {
    local pidfile="$HCC_PG_DATA/postmaster.pid" pid cwd data
    [[ -f "$pidfile" ]] || return 0
    pid="$(head -n1 "$pidfile" 2>/dev/null || true)"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 0
    [[ -d "/proc/$pid" ]] || return 0
    cwd="$(readlink "/proc/$pid/cwd" 2>/dev/null || true)"
    data="$(readlink -f "$HCC_PG_DATA")"
    if [[ "$cwd" == "$data" ]]; then
        echo "$pid"
    fi
}

# Line N of postmaster.pid (4 = port, 5 = socket dir).
hcc_pg_pidfile_line() { sed -n "${1}p" "$HCC_PG_DATA/postmaster.pid" 2>/dev/null || true; }

# PostgreSQL processes working in our data dir, e.g. backends orphaned by a
# postmaster that was killed with SIGKILL.
hcc_pg_dir_pids() {
    local data p cwd comm
    data="$(readlink -f "$HCC_PG_DATA")"
    for p in /proc/[0-9]*; do
        comm=""
        { read -r comm <"$p/comm"; } 2>/dev/null || true
        [[ "$comm" == postgres ]] || continue
        cwd="$(readlink "$p/cwd" 2>/dev/null || true)"
        [[ "$cwd" == "$data" ]] && echo "${p#/proc/}"
    done
    return 0
}

# PID of the RabbitMQ node named in the init script's pid file, if that
# process is alive and is an Erlang VM; empty otherwise.
hcc_rabbit_live_pid() {
    local pid comm=""
    pid="$(cat "$HCC_RABBITMQ_PID_FILE" 2>/dev/null || true)"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 0
    { read -r comm <"/proc/$pid/comm"; } 2>/dev/null || true
    [[ "$comm" == beam* ]] && echo "$pid"
    return 0
}

# Prints the ss line of a TCP listener on the port, if any.
hcc_port_listener() {
    command -v ss >/dev/null 2>&1 || return 0
    ss -Hltnp "sport = :$1" 2>/dev/null || true
}
