#!/usr/bin/env bash
# Stops the local PostgreSQL cluster and RabbitMQ started by infra-up.sh.
#
#   infra-down.sh           stop both; data and passwords are kept
#   infra-down.sh --purge   stop both, then delete the PostgreSQL data dir,
#                           its log, the generated passwords, the RabbitMQ
#                           node's data (rabbit@localhost), .local/infra.env and
#                           the audit anchor's checkpoint log (it anchors the
#                           deleted events; the development key is kept)
#
# See deploy/local/README.md.
set -Eeuo pipefail
umask 022

HCC_SCRIPT_NAME=infra-down
# shellcheck source=deploy/local/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

purge=0
for arg in "$@"; do
    case "$arg" in
        --purge) purge=1 ;;
        -h | --help)
            sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *) hcc_die "unknown argument '$arg' (use --purge or --help)." ;;
    esac
done
[[ "$(id -u)" == 0 ]] || hcc_die "run as root."

failed=0

# --- PostgreSQL -------------------------------------------------------------
pg_stopped=1
if [[ -x "$HCC_PG_BIN/pg_ctl" && -f "$HCC_PG_DATA/PG_VERSION" ]]; then
    pid="$(hcc_pg_live_pid)"
    if [[ -n "$pid" ]]; then
        hcc_log "Stopping PostgreSQL (pid $pid, data $HCC_PG_DATA)..."
        if ! hcc_as_postgres "$HCC_PG_BIN/pg_ctl" -D "$HCC_PG_DATA" stop -m fast -w -t "$HCC_PG_START_TIMEOUT" >/dev/null; then
            hcc_warn "PostgreSQL did not stop within ${HCC_PG_START_TIMEOUT}s; see $HCC_PG_LOG."
            pg_stopped=0
            failed=1
        fi
    else
        hcc_log "PostgreSQL is not running."
    fi
else
    hcc_log "No PostgreSQL cluster in $HCC_PG_DATA."
fi

# --- RabbitMQ ---------------------------------------------------------------
rabbit_stopped=1
if [[ -x /etc/init.d/rabbitmq-server ]]; then
    hcc_log "Stopping RabbitMQ (node $HCC_RABBITMQ_NODE)..."
    if command -v service >/dev/null 2>&1; then
        rabbit_service=(service rabbitmq-server stop)
    else
        rabbit_service=(/etc/init.d/rabbitmq-server stop)
    fi
    if out="$(timeout -k 5 "$HCC_RABBITMQ_START_TIMEOUT" "${rabbit_service[@]}" 2>&1)"; then
        printf '%s\n' "$out" | sed '/^$/d; s/^/    /'
        # epmd outlives the node; it refuses to stop while any node is registered.
        epmd -kill >/dev/null 2>&1 || true
    else
        printf '%s\n' "$out" | sed '/^$/d; s/^/    /' >&2
        hcc_warn "RabbitMQ did not stop; see $HCC_RABBITMQ_LOG and /var/log/rabbitmq/shutdown_err."
        rabbit_stopped=0
        failed=1
    fi
else
    hcc_log "RabbitMQ is not installed."
fi

# --- Purge ------------------------------------------------------------------
if ((purge)); then
    if ((pg_stopped)); then
        if [[ -d "$HCC_PG_DATA" && ! -f "$HCC_PG_DATA/PG_VERSION" && -n "$(ls -A "$HCC_PG_DATA")" ]]; then
            hcc_warn "$HCC_PG_DATA does not look like a PostgreSQL cluster; not deleting it."
            failed=1
        else
            hcc_log "Deleting $HCC_PG_DATA, $HCC_PG_LOG and $HCC_SECRETS_DIR."
            rm -rf -- "$HCC_PG_DATA" "$HCC_PG_LOG" "$HCC_SECRETS_DIR" "$HCC_SETUP_LOG"
            rmdir -- "$HCC_STATE_DIR" 2>/dev/null || true
        fi
    else
        hcc_warn "PostgreSQL still runs; its data is kept."
    fi
    if ((rabbit_stopped)); then
        hcc_log "Deleting RabbitMQ node data $HCC_RABBITMQ_MNESIA_DIR/$HCC_RABBITMQ_NODE*."
        rm -rf -- "${HCC_RABBITMQ_MNESIA_DIR:?}/$HCC_RABBITMQ_NODE" "${HCC_RABBITMQ_MNESIA_DIR:?}/$HCC_RABBITMQ_NODE"-*
    else
        hcc_warn "RabbitMQ still runs; its data is kept."
    fi
    rm -f -- "$HCC_ENV_FILE"
    # Checkpoints of a database that is gone: against a new one every pathway would look rewritten.
    rm -f -- "$HCC_REPO_ROOT/.local/audit-anchor/checkpoints.jsonl" "$HCC_REPO_ROOT/.local/audit-anchor/checkpoints.jsonl.lock"
fi

if ((failed)); then
    if ((purge)); then what="stopped or purged"; else what="stopped"; fi
    hcc_die "not everything could be $what (see the warnings above)."
fi
hcc_log "Done."
