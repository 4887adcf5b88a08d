#!/usr/bin/env bash
# Starts the local infrastructure HccPathway needs (PostgreSQL 15, RabbitMQ
# with the management plugin), bound to 127.0.0.1 only, and writes
# <repo>/.local/infra.env with the connection settings.
#
# If a container runtime answers, nothing is started: the tests bring their
# own containers. HCC_INFRA=local forces this script to run anyway,
# HCC_INFRA=containers makes it skip without asking docker.
#
# Idempotent: running services are reused, existing data and passwords kept.
# See deploy/local/README.md.
set -Eeuo pipefail
umask 022

HCC_SCRIPT_NAME=infra-up
# shellcheck source=deploy/local/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

HCC_T0="$(hcc_now)"
HCC_STEP="checking the environment"
HCC_STEP_LOG=""

on_error() {
    local rc=$? line=$1
    trap - ERR
    printf '[%s] ERROR: step "%s" failed (exit %s, %s line %s).\n' \
        "$HCC_SCRIPT_NAME" "$HCC_STEP" "$rc" "${BASH_SOURCE[1]##*/}" "$line" >&2
    local f
    for f in "$HCC_SETUP_LOG" "$HCC_STEP_LOG"; do
        [[ -n "$f" && -s "$f" ]] || continue
        printf '[%s] Last lines of %s:\n' "$HCC_SCRIPT_NAME" "$f" >&2
        tail -n 15 "$f" | sed 's/^/    /' >&2
        [[ "$HCC_STEP_LOG" != "$HCC_SETUP_LOG" ]] || break
    done
    exit "$rc"
}
trap 'on_error $LINENO' ERR

step() {
    HCC_STEP="$1"
    HCC_STEP_LOG="${2:-$HCC_SETUP_LOG}"
    printf '\n==> [+%ss] %s\n' "$(hcc_elapsed "$HCC_T0")" "$1" >>"$HCC_SETUP_LOG"
}

# die with the tail of a log file
die_with_log() {
    local msg="$1" logfile="$2"
    printf '[%s] ERROR: %s\n' "$HCC_SCRIPT_NAME" "$msg" >&2
    if [[ -f "$logfile" ]]; then
        printf '[%s] Last lines of %s:\n' "$HCC_SCRIPT_NAME" "$logfile" >&2
        tail -n 20 "$logfile" | sed 's/^/    /' >&2
    fi
    exit 1
}

# write_if_changed FILE OWNER MODE  (content on stdin); status 0 = rewritten
write_if_changed() {
    local file="$1" owner="$2" mode="$3" tmp
    tmp="$(mktemp "$file.XXXXXX")"
    cat >"$tmp"
    if [[ -f "$file" ]] && cmp -s "$tmp" "$file"; then
        rm -f "$tmp"
        return 1
    fi
    chown "$owner" "$tmp"
    chmod "$mode" "$tmp"
    mv -f "$tmp" "$file"
    return 0
}

# A persistent random password: generated once, then reused.
ensure_secret() {
    local file="$1"
    if [[ ! -s "$file" ]]; then
        (umask 077 && head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$file.tmp" && mv -f "$file.tmp" "$file")
    fi
    cat "$file"
}

# Fails if something listens on the TCP port.
require_free_port() {
    local port="$1" what="$2" listener
    listener="$(hcc_port_listener "$port")"
    if [[ -n "$listener" ]]; then
        hcc_die "port $port (for $what) is already in use by another process:
    $listener
  Stop that process, or choose another port (see deploy/local/README.md)."
    fi
}

wait_for_tcp() {
    local port="$1" deadline=$((SECONDS + $2))
    until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

# ---------------------------------------------------------------------------
# 0. Containers or local services?
# ---------------------------------------------------------------------------
case "${HCC_INFRA:-auto}" in
    containers)
        hcc_log "HCC_INFRA=containers: the tests start their own containers; nothing to do."
        exit 0
        ;;
    local) ;;
    auto | "")
        if command -v docker >/dev/null 2>&1 && timeout -k 1 3 docker info >/dev/null 2>&1; then
            hcc_log "A container runtime answers (docker info): the tests will use containers; nothing started, nothing written."
            hcc_log "Set HCC_INFRA=local to start local PostgreSQL/RabbitMQ instead."
            if [[ -f "$HCC_ENV_FILE" ]]; then
                hcc_warn "$HCC_ENV_FILE exists from an earlier local run; delete it if the tests must not use it."
            fi
            exit 0
        fi
        ;;
    *) hcc_die "HCC_INFRA must be 'local', 'containers' or unset (got '$HCC_INFRA')." ;;
esac

[[ "$(id -u)" == 0 ]] || hcc_die "run as root (installs packages, runs services as the postgres and rabbitmq users)."
[[ "$HCC_PG_PORT" =~ ^[0-9]+$ ]] || hcc_die "HCC_PG_PORT must be a number (got '$HCC_PG_PORT')."
[[ "$HCC_PG_FAST" == 0 || "$HCC_PG_FAST" == 1 ]] || hcc_die "HCC_PG_FAST must be 0 or 1 (got '$HCC_PG_FAST')."

mkdir -p "$HCC_STATE_DIR"
chmod 755 "$HCC_STATE_DIR"
mkdir -p "$HCC_SECRETS_DIR"
chmod 700 "$HCC_SECRETS_DIR"
: >"$HCC_SETUP_LOG"

# ---------------------------------------------------------------------------
# 1. Packages
# ---------------------------------------------------------------------------
missing=()
[[ -x "$HCC_PG_BIN/initdb" && -x "$HCC_PG_BIN/postgres" ]] || missing+=(postgresql-15)
[[ -x "$HCC_PG_BIN/psql" && -x "$HCC_PG_BIN/pg_isready" ]] || missing+=(postgresql-client-15)
[[ -x /usr/sbin/rabbitmq-server && -x /usr/sbin/rabbitmqctl ]] || missing+=(rabbitmq-server)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if ((${#missing[@]})); then
    step "installing ${missing[*]}"
    hcc_log "Installing ${missing[*]} (apt output: $HCC_SETUP_LOG)..."
    export DEBIAN_FRONTEND=noninteractive
    apt_opts=(-y -o DPkg::Lock::Timeout=120
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
    apt-get "${apt_opts[@]}" update >>"$HCC_SETUP_LOG" 2>&1
    apt-get "${apt_opts[@]}" install --no-install-recommends "${missing[@]}" >>"$HCC_SETUP_LOG" 2>&1
    # Should a package's install script have started the broker with the
    # stock configuration, stop it before the configuration changes.
    if [[ " ${missing[*]} " == *" rabbitmq-server "* && -n "$(hcc_port_listener "$HCC_RABBITMQ_PORT")" ]]; then
        timeout 60 service rabbitmq-server stop >>"$HCC_SETUP_LOG" 2>&1 || true
    fi
fi
for tool in runuser timeout curl; do
    command -v "$tool" >/dev/null 2>&1 || hcc_die "required tool '$tool' is missing."
done

# ---------------------------------------------------------------------------
# 2. PostgreSQL
# ---------------------------------------------------------------------------
PG_PASSWORD="$(ensure_secret "$HCC_PG_PASSWORD_FILE")"
PG_ACTION=reused

# Socket in the data dir (no clash with other clusters' sockets in /tmp),
# unless the path would exceed the 107-byte limit of a unix socket path.
if (($(printf '%s/.s.PGSQL.%s' "$HCC_PG_DATA" "$HCC_PG_PORT" | wc -c) <= 100)); then
    PG_SOCKET_DIR="$HCC_PG_DATA"
else
    PG_SOCKET_DIR=/tmp
fi

pg_ctl() { hcc_as_postgres "$HCC_PG_BIN/pg_ctl" -D "$HCC_PG_DATA" "$@"; }
pg_superuser_psql() {
    hcc_as_postgres "$HCC_PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 \
        -h "$PG_SOCKET_DIR" -p "$HCC_PG_PORT" -U postgres -d postgres
}
pg_wait_ready() {
    local sock="$1" port="$2" deadline=$((SECONDS + HCC_PG_START_TIMEOUT))
    until "$HCC_PG_BIN/pg_isready" -q -h "$sock" -p "$port" -t 2; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}
pg_hcc_can_login() {
    PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=5 "$HCC_PG_BIN/psql" -X -q -A -t \
        -h 127.0.0.1 -p "$HCC_PG_PORT" -U "$HCC_PG_USER" -d "$HCC_PG_DB" -c 'select 1' >/dev/null 2>&1
}

step "PostgreSQL: data directory $HCC_PG_DATA"
mkdir -p "$(dirname "$HCC_PG_DATA")"
touch "$HCC_PG_LOG"
chown postgres:postgres "$HCC_PG_LOG"
chmod 640 "$HCC_PG_LOG"
if [[ -f "$HCC_PG_DATA/PG_VERSION" ]]; then
    pg_version="$(cat "$HCC_PG_DATA/PG_VERSION")"
    [[ "$pg_version" == 15 ]] || hcc_die "$HCC_PG_DATA holds a PostgreSQL $pg_version cluster, expected 15. Use another HCC_PG_DATA or 'infra-down.sh --purge'."
else
    if [[ -d "$HCC_PG_DATA" && -n "$(ls -A "$HCC_PG_DATA")" ]]; then
        hcc_die "$HCC_PG_DATA is not empty but holds no PostgreSQL cluster; not touching it. Remove it or set HCC_PG_DATA."
    fi
    step "PostgreSQL: initdb in $HCC_PG_DATA"
    hcc_log "Initialising a new PostgreSQL cluster in $HCC_PG_DATA..."
    mkdir -p "$HCC_PG_DATA"
    chown postgres:postgres "$HCC_PG_DATA"
    chmod 700 "$HCC_PG_DATA"
    hcc_as_postgres "$HCC_PG_BIN/initdb" -D "$HCC_PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=peer --auth-host=scram-sha-256 >>"$HCC_SETUP_LOG" 2>&1
    PG_ACTION=initialised
fi

step "PostgreSQL: configuration"
pg_conf_changed=0
if [[ "$HCC_PG_FAST" == 1 ]]; then durability=off; else durability=on; fi
if write_if_changed "$HCC_PG_DATA/hccpathway.conf" postgres:postgres 600 <<EOF; then pg_conf_changed=1; fi
# Managed by deploy/local/infra-up.sh: rewritten on every run, edits are lost.
listen_addresses = '127.0.0.1'
port = $HCC_PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
max_connections = 300
shared_buffers = 256MB
password_encryption = 'scram-sha-256'
timezone = 'UTC'
log_timezone = 'UTC'
log_line_prefix = '%m [%p] %q%u@%d '
# HCC_PG_FAST=$HCC_PG_FAST (1 trades crash safety for speed; for test runs only)
fsync = $durability
synchronous_commit = $durability
full_page_writes = $durability
EOF
if ! grep -q "^include_if_exists = 'hccpathway.conf'" "$HCC_PG_DATA/postgresql.conf"; then
    printf "\n# HccPathway local settings\ninclude_if_exists = 'hccpathway.conf'\n" >>"$HCC_PG_DATA/postgresql.conf"
    pg_conf_changed=1
fi
if write_if_changed "$HCC_PG_DATA/pg_hba.conf" postgres:postgres 600 <<EOF; then pg_conf_changed=1; fi
# Managed by deploy/local/infra-up.sh: rewritten on every run, edits are lost.
# TYPE  DATABASE  USER      ADDRESS        METHOD
local   all       postgres                 peer
local   replication postgres               peer
local   all       all                      scram-sha-256
host    all       all       127.0.0.1/32   scram-sha-256
EOF

pg_pid="$(hcc_pg_live_pid)"
if [[ -n "$pg_pid" ]]; then
    step "PostgreSQL: waiting for the running server (pid $pg_pid)" "$HCC_PG_LOG"
    running_port="$(hcc_pg_pidfile_line 4)"
    running_sock="$(hcc_pg_pidfile_line 5)"
    pg_wait_ready "$running_sock" "$running_port" ||
        die_with_log "PostgreSQL (pid $pg_pid) runs but does not accept connections within ${HCC_PG_START_TIMEOUT}s." "$HCC_PG_LOG"
    if ((pg_conf_changed)); then
        restart=0
        if [[ "$running_port" != "$HCC_PG_PORT" || "$running_sock" != "$PG_SOCKET_DIR" ]]; then
            restart=1
        else
            step "PostgreSQL: reloading the configuration" "$HCC_PG_LOG"
            pg_ctl reload -s >>"$HCC_SETUP_LOG" 2>&1
            sleep 0.5
            pending="$(pg_superuser_psql <<<"select string_agg(name, ',') from pg_settings where pending_restart")"
            if [[ -n "$pending" ]]; then restart=1; fi
            PG_ACTION=reloaded
        fi
        if ((restart)); then
            step "PostgreSQL: restarting for the new configuration" "$HCC_PG_LOG"
            hcc_log "Restarting PostgreSQL to apply the configuration..."
            pg_ctl stop -m fast -w -t "$HCC_PG_START_TIMEOUT" >>"$HCC_SETUP_LOG" 2>&1
            pg_pid=""
            PG_ACTION=restarted
        fi
    fi
fi

if [[ -z "$pg_pid" ]]; then
    if [[ -f "$HCC_PG_DATA/postmaster.pid" ]]; then
        # The pid file names a process that is gone, or that is not our
        # postmaster (pid reused after a crash or a machine restart).
        step "PostgreSQL: removing a stale postmaster.pid"
        stale_pid="$(hcc_pg_pidfile_line 1)"
        stale_port="$(hcc_pg_pidfile_line 4)"
        stale_sock="$(hcc_pg_pidfile_line 5)"
        hcc_log "Found a stale postmaster.pid (pid $stale_pid is not a running postmaster of this cluster); cleaning up."
        # Backends of a killed postmaster exit on their own; give them time.
        deadline=$((SECONDS + 15))
        while [[ -n "$(hcc_pg_dir_pids)" ]]; do
            if ((SECONDS >= deadline)); then
                hcc_die "processes still run in $HCC_PG_DATA although the postmaster is gone: $(hcc_pg_dir_pids | tr '\n' ' ')- stop them (kill PID) and rerun."
            fi
            sleep 0.3
        done
        rm -f "$HCC_PG_DATA/postmaster.pid"
        if [[ -n "$stale_sock" && -n "$stale_port" ]]; then
            rm -f "$stale_sock/.s.PGSQL.$stale_port" "$stale_sock/.s.PGSQL.$stale_port.lock"
        fi
    fi
    step "PostgreSQL: starting on 127.0.0.1:$HCC_PG_PORT" "$HCC_PG_LOG"
    require_free_port "$HCC_PG_PORT" "PostgreSQL"
    hcc_log "Starting PostgreSQL on 127.0.0.1:$HCC_PG_PORT (log: $HCC_PG_LOG)..."
    pg_ctl -l "$HCC_PG_LOG" -w -t "$HCC_PG_START_TIMEOUT" start >>"$HCC_SETUP_LOG" 2>&1 ||
        die_with_log "PostgreSQL failed to start, or was not ready within ${HCC_PG_START_TIMEOUT}s." "$HCC_PG_LOG"
    [[ "$PG_ACTION" == initialised || "$PG_ACTION" == restarted ]] || PG_ACTION=started
fi

step "PostgreSQL: role $HCC_PG_USER and database $HCC_PG_DB" "$HCC_PG_LOG"
# (Right after initdb the role cannot exist yet: skip the probe.)
if [[ "$PG_ACTION" == initialised ]] || ! pg_hcc_can_login; then
    pg_superuser_psql >>"$HCC_SETUP_LOG" 2>&1 <<EOF
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$HCC_PG_USER') THEN
    CREATE ROLE $HCC_PG_USER LOGIN CREATEDB NOSUPERUSER PASSWORD '$PG_PASSWORD';
  ELSE
    ALTER ROLE $HCC_PG_USER LOGIN CREATEDB NOSUPERUSER PASSWORD '$PG_PASSWORD';
  END IF;
END
\$\$;
SELECT 'CREATE DATABASE $HCC_PG_DB OWNER $HCC_PG_USER'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$HCC_PG_DB') \gexec
ALTER DATABASE $HCC_PG_DB OWNER TO $HCC_PG_USER;
EOF
    pg_hcc_can_login || die_with_log "role $HCC_PG_USER cannot log in to $HCC_PG_DB over 127.0.0.1:$HCC_PG_PORT." "$HCC_PG_LOG"
fi

# The benchmark flushes the store it bulk-seeds (CHECKPOINT) before measuring, so that its figures do not pay for the
# seeding's writes. pg_checkpoint allows only that.
if [[ "$(PGPASSWORD="$PG_PASSWORD" "$HCC_PG_BIN/psql" -X -q -A -t -h 127.0.0.1 -p "$HCC_PG_PORT" -U "$HCC_PG_USER" \
        -d "$HCC_PG_DB" -c "select pg_has_role('pg_checkpoint', 'member')" 2>/dev/null)" != t ]]; then
    pg_superuser_psql >>"$HCC_SETUP_LOG" 2>&1 <<<"GRANT pg_checkpoint TO $HCC_PG_USER;"
fi

# ---------------------------------------------------------------------------
# 3. RabbitMQ
# ---------------------------------------------------------------------------
RABBIT_PASSWORD="$(ensure_secret "$HCC_RABBITMQ_PASSWORD_FILE")"
RABBIT_ACTION=reused

if command -v service >/dev/null 2>&1; then
    RABBIT_SERVICE=(service rabbitmq-server)
else
    RABBIT_SERVICE=(/etc/init.d/rabbitmq-server)
fi
rabbitmqctl_t() { timeout -k 5 "${RABBITMQCTL_TIMEOUT:-60}" rabbitmqctl "$@"; }
# rabbit_http METHOD PATH USER:PASSWORD [JSON]: a management API call; the
# credentials and the body go to curl through stdin, not the command line.
rabbit_http() {
    local method="$1" path="$2" cred="$3" json="${4:-}"
    {
        printf 'user = "%s"\n' "$cred"
        if [[ -n "$json" ]]; then
            printf 'header = "content-type: application/json"\n'
            printf 'data = "%s"\n' "${json//\"/\\\"}"
        fi
    } | curl -fsS --max-time 10 -X "$method" -K - "http://127.0.0.1:$HCC_RABBITMQ_MANAGEMENT_PORT$path"
}
rabbit_api() { rabbit_http GET "$1" "$HCC_RABBITMQ_USER:$RABBIT_PASSWORD"; }
rabbit_user_ok() {
    local me
    me="$(rabbit_api /api/whoami 2>/dev/null)" || return 1
    [[ "$me" == *'"administrator"'* ]] || return 1
    rabbit_api "/api/permissions/%2F/$HCC_RABBITMQ_USER" >/dev/null 2>&1
}
rabbit_node_running() {
    # Cheap evidence first: without a live pid and without a listener on our
    # ports there is no node, and rabbitmqctl would take seconds to say so.
    if [[ -z "$(hcc_rabbit_live_pid)" ]] &&
        [[ -z "$(hcc_port_listener "$HCC_RABBITMQ_PORT")$(hcc_port_listener "$HCC_RABBITMQ_MANAGEMENT_PORT")" ]]; then
        return 1
    fi
    RABBITMQCTL_TIMEOUT=30 rabbitmqctl_t -q status >/dev/null 2>&1
}

step "RabbitMQ: configuration in /etc/rabbitmq"
mkdir -p /etc/rabbitmq
rabbit_conf_changed=0
if write_if_changed /etc/rabbitmq/rabbitmq.conf root:rabbitmq 644 <<EOF; then rabbit_conf_changed=1; fi
# Managed by deploy/local/infra-up.sh (HccPathway): rewritten on every run.
# Loopback only: AMQP, management HTTP API and Erlang distribution.
listeners.tcp.default = 127.0.0.1:$HCC_RABBITMQ_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $HCC_RABBITMQ_MANAGEMENT_PORT
distribution.listener.interface = 127.0.0.1
EOF
if write_if_changed /etc/rabbitmq/rabbitmq-env.conf root:rabbitmq 644 <<'EOF'; then rabbit_conf_changed=1; fi
# Managed by deploy/local/infra-up.sh (HccPathway): rewritten on every run.
# A fixed node name makes the node independent of the machine's host name.
NODENAME=rabbit@localhost
# epmd and the CLI tools' distribution ports on loopback only.
ERL_EPMD_ADDRESS=127.0.0.1
CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
EOF
if ! grep -qs rabbitmq_management /etc/rabbitmq/enabled_plugins; then
    rabbitmq-plugins enable --offline rabbitmq_management >>"$HCC_SETUP_LOG" 2>&1
    rabbit_conf_changed=1
fi

if ((rabbit_conf_changed == 0)) && rabbit_user_ok; then
    : # running, configured, user in place: nothing to do
else
    step "RabbitMQ: checking node $HCC_RABBITMQ_NODE" "$HCC_RABBITMQ_LOG"
    started=0
    if rabbit_node_running; then
        if ((rabbit_conf_changed)); then
            step "RabbitMQ: restarting for the new configuration" "$HCC_RABBITMQ_LOG"
            hcc_log "Restarting RabbitMQ to apply the configuration..."
            timeout -k 5 "$HCC_RABBITMQ_START_TIMEOUT" "${RABBIT_SERVICE[@]}" stop >>"$HCC_SETUP_LOG" 2>&1
            RABBIT_ACTION=restarted
            started=1
        fi
    else
        started=1
        RABBIT_ACTION=started
    fi
    if ((started)); then
        # A pid file left by a killed node makes the init script's wait fail.
        if [[ -f "$HCC_RABBITMQ_PID_FILE" && -z "$(hcc_rabbit_live_pid)" ]]; then
            hcc_log "Removing a stale RabbitMQ pid file ($HCC_RABBITMQ_PID_FILE)."
            rm -f "$HCC_RABBITMQ_PID_FILE"
        fi
        # epmd started earlier without ERL_EPMD_ADDRESS listens on all
        # interfaces; it can be stopped while no node is registered.
        if hcc_port_listener 4369 | awk '{print $4}' | grep -qvE '^(127\.0\.0\.1|\[::1\]):'; then
            epmd -kill >>"$HCC_SETUP_LOG" 2>&1 ||
                hcc_warn "epmd listens on a non-loopback address and could not be stopped (another Erlang node is registered)."
        fi
        require_free_port "$HCC_RABBITMQ_PORT" "RabbitMQ AMQP"
        require_free_port "$HCC_RABBITMQ_MANAGEMENT_PORT" "RabbitMQ management"
        step "RabbitMQ: starting node $HCC_RABBITMQ_NODE" "$HCC_RABBITMQ_LOG"
        hcc_log "Starting RabbitMQ on 127.0.0.1:$HCC_RABBITMQ_PORT (log: $HCC_RABBITMQ_LOG)..."
        if ! timeout -k 5 "$HCC_RABBITMQ_START_TIMEOUT" "${RABBIT_SERVICE[@]}" start >>"$HCC_SETUP_LOG" 2>&1; then
            die_with_log "RabbitMQ failed to start, or did not within ${HCC_RABBITMQ_START_TIMEOUT}s (see also /var/log/rabbitmq/startup_err and $HCC_SETUP_LOG)." "$HCC_RABBITMQ_LOG"
        fi
    fi
    step "RabbitMQ: waiting for the node to boot" "$HCC_RABBITMQ_LOG"
    RABBITMQCTL_TIMEOUT=$((HCC_RABBITMQ_START_TIMEOUT + 10)) \
        rabbitmqctl_t -q await_startup --timeout "$HCC_RABBITMQ_START_TIMEOUT" >>"$HCC_SETUP_LOG" 2>&1 ||
        die_with_log "RabbitMQ did not finish booting within ${HCC_RABBITMQ_START_TIMEOUT}s." "$HCC_RABBITMQ_LOG"

    step "RabbitMQ: user $HCC_RABBITMQ_USER" "$HCC_SETUP_LOG"
    if ! rabbit_user_ok; then
        # Quick way: the management API as the stock 'guest' user (which a
        # node only accepts from loopback). If guest is gone, rabbitmqctl.
        perms='{"configure":".*","write":".*","read":".*"}'
        if rabbit_http PUT "/api/users/$HCC_RABBITMQ_USER" guest:guest \
            "{\"password\":\"$RABBIT_PASSWORD\",\"tags\":\"administrator\"}" >>"$HCC_SETUP_LOG" 2>&1 &&
            rabbit_http PUT "/api/permissions/%2F/$HCC_RABBITMQ_USER" guest:guest "$perms" >>"$HCC_SETUP_LOG" 2>&1; then
            echo "user $HCC_RABBITMQ_USER set up through the management API" >>"$HCC_SETUP_LOG"
        else
            if ! rabbitmqctl_t -q add_user "$HCC_RABBITMQ_USER" "$RABBIT_PASSWORD" >>"$HCC_SETUP_LOG" 2>&1; then
                rabbitmqctl_t -q change_password "$HCC_RABBITMQ_USER" "$RABBIT_PASSWORD" >>"$HCC_SETUP_LOG" 2>&1
            fi
            rabbitmqctl_t -q set_user_tags "$HCC_RABBITMQ_USER" administrator >>"$HCC_SETUP_LOG" 2>&1
            rabbitmqctl_t -q set_permissions -p / "$HCC_RABBITMQ_USER" '.*' '.*' '.*' >>"$HCC_SETUP_LOG" 2>&1
        fi
    fi
    step "RabbitMQ: management API on 127.0.0.1:$HCC_RABBITMQ_MANAGEMENT_PORT" "$HCC_RABBITMQ_LOG"
    deadline=$((SECONDS + 30))
    until rabbit_user_ok; do
        ((SECONDS < deadline)) || die_with_log "the management API does not accept user $HCC_RABBITMQ_USER on 127.0.0.1:$HCC_RABBITMQ_MANAGEMENT_PORT." "$HCC_RABBITMQ_LOG"
        sleep 0.5
    done
fi
step "RabbitMQ: virtual hosts left by earlier test runs" "$HCC_SETUP_LOG"
removed="$(hcc_remove_idle_test_vhosts "$HCC_RABBITMQ_USER:$RABBIT_PASSWORD")"
((removed == 0)) || hcc_log "Removed $removed virtual hosts left by earlier test runs."
step "RabbitMQ: AMQP port 127.0.0.1:$HCC_RABBITMQ_PORT" "$HCC_RABBITMQ_LOG"
wait_for_tcp "$HCC_RABBITMQ_PORT" 30 ||
    die_with_log "RabbitMQ does not accept connections on 127.0.0.1:$HCC_RABBITMQ_PORT." "$HCC_RABBITMQ_LOG"

# ---------------------------------------------------------------------------
# 4. Environment file
# ---------------------------------------------------------------------------
step "writing $HCC_ENV_FILE"
mkdir -p "$(dirname "$HCC_ENV_FILE")"
(umask 077 && write_if_changed "$HCC_ENV_FILE" root:root 600 <<EOF) || true
# Written by deploy/local/infra-up.sh: local services on 127.0.0.1. Do not commit.
export HCC_POSTGRES='Host=127.0.0.1;Port=$HCC_PG_PORT;Database=$HCC_PG_DB;Username=$HCC_PG_USER;Password=$PG_PASSWORD'
export HCC_RABBITMQ='amqp://$HCC_RABBITMQ_USER:$RABBIT_PASSWORD@127.0.0.1:$HCC_RABBITMQ_PORT/'
export HCC_RABBITMQ_MANAGEMENT='http://$HCC_RABBITMQ_USER:$RABBIT_PASSWORD@127.0.0.1:$HCC_RABBITMQ_MANAGEMENT_PORT'
export ConnectionStrings__pathway="\$HCC_POSTGRES"
export ConnectionStrings__messaging="\$HCC_RABBITMQ"
EOF

if [[ "$HCC_PG_FAST" == 1 ]]; then pg_mode="fast: fsync off, test data only"; else pg_mode="durable"; fi
cat <<EOF
[$HCC_SCRIPT_NAME] Local infrastructure ready in $(hcc_elapsed "$HCC_T0")s:
  PostgreSQL 15  127.0.0.1:$HCC_PG_PORT  db=$HCC_PG_DB user=$HCC_PG_USER  ($PG_ACTION, $pg_mode)
                 data $HCC_PG_DATA, log $HCC_PG_LOG
  RabbitMQ       amqp 127.0.0.1:$HCC_RABBITMQ_PORT, management http://127.0.0.1:$HCC_RABBITMQ_MANAGEMENT_PORT  user=$HCC_RABBITMQ_USER  ($RABBIT_ACTION)
                 log $HCC_RABBITMQ_LOG
  Settings:      source $HCC_ENV_FILE   (passwords kept in $HCC_SECRETS_DIR)
EOF
