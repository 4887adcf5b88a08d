#!/usr/bin/env bash
# Point-in-time restore of the local PostgreSQL cluster from a base backup of backup.sh and the WAL archive.
#
#   restore.sh --to "2026-12-07 16:40:00+00" [--backup DIR] [--yes] [--no-rewind] [--keep-queues]
#
#   --to TIME      restore every transaction committed up to TIME (a PostgreSQL timestamp; give the time zone)
#   --backup DIR   the base backup to start from (default: the newest in $HCC_BACKUP_DIR finished before TIME)
#   --yes          do not ask before stopping the cluster
#   --no-rewind    do not run after-restore.sql (the relays then do not publish the events before TIME again)
#   --keep-queues  do not purge the RabbitMQ queues of vhost $HCC_RABBITMQ_VHOST
#
# Stop the services first. The cluster is stopped, the current data dir is moved aside (never deleted) to
# <data dir>.before-restore-<UTC time>, the backup is unpacked into a fresh data dir, PostgreSQL replays the archived
# WAL up to TIME and is promoted; then after-restore.sql rewinds the relays and the consumers' queues are purged.
# See deploy/local/README.md, "Backup and point-in-time restore".
set -Eeuo pipefail
umask 022

HCC_SCRIPT_NAME=restore
# shellcheck source=deploy/local/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

HCC_RABBITMQ_VHOST="${HCC_RABBITMQ_VHOST:-/}"
HCC_PG_RESTORE_TIMEOUT="${HCC_PG_RESTORE_TIMEOUT:-600}"
HCC_PG_RECOVERY_TIMELINE="${HCC_PG_RECOVERY_TIMELINE:-latest}"

target=""
backup=""
ask=1
rewind=1
purge=1
while (($#)); do
    case "$1" in
        --to) target="${2:-}"; shift ;;
        --to=*) target="${1#--to=}" ;;
        --backup) backup="${2:-}"; shift ;;
        --backup=*) backup="${1#--backup=}" ;;
        --yes | -y) ask=0 ;;
        --no-rewind) rewind=0 ;;
        --keep-queues) purge=0 ;;
        -h | --help)
            sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *) hcc_die "unknown argument '$1' (see --help)." ;;
    esac
    shift
done
[[ "$(id -u)" == 0 ]] || hcc_die "run as root (runs PostgreSQL as the postgres user)."
[[ -n "$target" ]] || hcc_die "give the point in time: --to \"YYYY-MM-DD HH:MM:SS+00\"."
target_epoch="$(date -u -d "$target" +%s 2>/dev/null)" || hcc_die "--to '$target' is not a time date(1) understands."
(( target_epoch <= $(date +%s) )) || hcc_die "--to '$target' is in the future."
[[ -d "$HCC_PG_ARCHIVE_DIR" ]] || hcc_die "no WAL archive in $HCC_PG_ARCHIVE_DIR: take a backup with deploy/local/backup.sh first."

T0="$(hcc_now)"

# --- Which backup ----------------------------------------------------------------------------------------------------
finished_epoch() { date -u -d "$(sed -n 's/^FINISHED=//p' "$1/backup.info")" +%s; }
if [[ -z "$backup" ]]; then
    for candidate in $(ls -1d "$HCC_BACKUP_DIR"/*/ 2>/dev/null | sort -r); do
        candidate="${candidate%/}"
        [[ -f "$candidate/backup.info" && -f "$candidate/base.tar.gz" ]] || continue
        if (($(finished_epoch "$candidate") <= target_epoch)); then
            backup="$candidate"
            break
        fi
    done
    [[ -n "$backup" ]] || hcc_die "no base backup in $HCC_BACKUP_DIR finished before $target; a backup can only be restored to a time after it."
fi
[[ -f "$backup/base.tar.gz" ]] || hcc_die "$backup is not a backup of backup.sh (no base.tar.gz)."
if [[ -f "$backup/backup.info" ]] && (($(finished_epoch "$backup") > target_epoch)); then
    hcc_die "$backup finished after $target; choose an older backup."
fi
hcc_log "Restoring to $target from $backup, WAL from $HCC_PG_ARCHIVE_DIR."

pg_ctl() { hcc_as_postgres "$HCC_PG_BIN/pg_ctl" -D "$HCC_PG_DATA" "$@"; }
psql_su() {
    local database="$1"
    shift
    hcc_as_postgres "$HCC_PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$socket" -p "$port" -U postgres -d "$database" "$@"
}

# --- Stop the cluster ------------------------------------------------------------------------------------------------
pid="$(hcc_pg_live_pid)"
if [[ -n "$pid" ]]; then
    if ((ask)); then
        [[ -t 0 ]] || hcc_die "the cluster runs; pass --yes to stop it (stop the services first)."
        read -r -p "Stop PostgreSQL (pid $pid) and replace $HCC_PG_DATA with the restore? [y/N] " answer
        [[ "$answer" == [yY]* ]] || hcc_die "not confirmed."
    fi
    port="$(hcc_pg_pidfile_line 4)"
    socket="$(hcc_pg_pidfile_line 5)"
    # The segment being written is archived only when it is full: close it, so that the WAL up to now is restorable.
    if [[ "$(psql_su postgres -c "show archive_mode")" == on ]]; then
        segment="$(psql_su postgres -c "select pg_walfile_name(pg_switch_wal()) from (select pg_logical_emit_message(false, 'hcc-restore', 'switch')) m")"
        deadline=$((SECONDS + 60))
        until [[ -f "$HCC_PG_ARCHIVE_DIR/$segment" ]]; do
            ((SECONDS < deadline)) || { hcc_warn "segment $segment is not archived; the newest WAL may be missing."; break; }
            sleep 0.2
        done
    fi
    hcc_log "Stopping PostgreSQL (pid $pid)..."
    pg_ctl stop -m fast -w -t "$HCC_PG_START_TIMEOUT" >/dev/null || hcc_die "PostgreSQL did not stop; see $HCC_PG_LOG."
fi

# --- A fresh data dir from the backup --------------------------------------------------------------------------------
aside=""
if [[ -e "$HCC_PG_DATA" ]]; then
    aside="$HCC_PG_DATA.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
    mv -- "$HCC_PG_DATA" "$aside"
    hcc_log "The previous data dir is kept as $aside."
fi
mkdir -p "$HCC_PG_DATA"
chown postgres:postgres "$HCC_PG_DATA"
chmod 700 "$HCC_PG_DATA"
hcc_as_postgres tar -xzf "$backup/base.tar.gz" -C "$HCC_PG_DATA"
# pg_wal.tar.gz: the WAL streamed during the backup (-X stream); with -X fetch it is inside base.tar.gz already.
[[ ! -f "$backup/pg_wal.tar.gz" ]] || hcc_as_postgres tar -xzf "$backup/pg_wal.tar.gz" -C "$HCC_PG_DATA/pg_wal"

# Recovery settings in their own included file, emptied after the promotion so that they never apply again.
restore_conf="$HCC_PG_DATA/hccpathway-restore.conf"
cat >"$restore_conf" <<EOF
# Managed by deploy/local/restore.sh: point-in-time recovery in progress (started $(date -u '+%F %T UTC')).
restore_command = 'cp "$HCC_PG_ARCHIVE_DIR/%f" "%p"'
recovery_target_time = '$target'
recovery_target_inclusive = on
recovery_target_timeline = '$HCC_PG_RECOVERY_TIMELINE'
recovery_target_action = 'promote'
EOF
if ! grep -q "^include_if_exists = 'hccpathway-restore.conf'" "$HCC_PG_DATA/postgresql.conf"; then
    printf "\n# Point-in-time recovery (deploy/local/restore.sh)\ninclude_if_exists = 'hccpathway-restore.conf'\n" >>"$HCC_PG_DATA/postgresql.conf"
fi
touch "$HCC_PG_DATA/recovery.signal"
chown postgres:postgres "$restore_conf" "$HCC_PG_DATA/recovery.signal"
chmod 600 "$restore_conf"

# --- Replay and promote ----------------------------------------------------------------------------------------------
hcc_log "Starting PostgreSQL in recovery (log: $HCC_PG_LOG)..."
log_from=$(($(wc -l <"$HCC_PG_LOG" 2>/dev/null || echo 0) + 1))
recovery_log() { tail -n "+$log_from" "$HCC_PG_LOG" | tail -n 25 | sed 's/^/    /' >&2; }
if ! pg_ctl start -w -t "$HCC_PG_RESTORE_TIMEOUT" -l "$HCC_PG_LOG" >/dev/null; then
    recovery_log
    hcc_die "PostgreSQL did not start from the backup (a target before the end of the backup, or WAL missing from the archive?). The previous data dir is $aside."
fi
port="$(hcc_pg_pidfile_line 4)"
socket="$(hcc_pg_pidfile_line 5)"
deadline=$((SECONDS + HCC_PG_RESTORE_TIMEOUT))
until [[ "$(psql_su postgres -c 'select pg_is_in_recovery()' 2>/dev/null)" == f ]]; do
    if [[ -z "$(hcc_pg_live_pid)" ]]; then
        recovery_log
        hcc_die "PostgreSQL stopped during recovery (e.g. the archive ends before $target). The previous data dir is $aside."
    fi
    ((SECONDS < deadline)) || { recovery_log; hcc_die "recovery did not finish within ${HCC_PG_RESTORE_TIMEOUT}s."; }
    sleep 0.3
done
printf '# Managed by deploy/local/restore.sh: restored to %s on %s; nothing to recover.\n' "$target" "$(date -u '+%F %T UTC')" >"$restore_conf"
stopped_at="$(tail -n "+$log_from" "$HCC_PG_LOG" | grep -Eo 'recovery stopping (before|after) .*' | tail -n 1 || true)"
hcc_log "Recovered and promoted${stopped_at:+: $stopped_at}."

# --- The relays and the queues ---------------------------------------------------------------------------------------
if ((rewind)); then
    for database in $(psql_su postgres -c "select datname from pg_database where datallowconn and not datistemplate and datname <> 'postgres'"); do
        if [[ "$(psql_su "$database" -c "select count(*) from information_schema.tables where table_name = 'mt_event_progression'")" != 0 ]]; then
            hcc_log "Database $database: rewinding the relays (after-restore.sql)..."
            psql_su "$database" -f "$HCC_LOCAL_DIR/after-restore.sql" 2>&1 | sed 's/^/    /'
        fi
    done
else
    hcc_warn "--no-rewind: effects the restore took away are not redone until the events are published again."
fi

if ((purge)); then
    # Messages still queued may be of events after the restore point, which no longer exist; everything before it is
    # published again by the rewound relays. Error queues are left for inspection.
    rabbit_password="$(cat "$HCC_RABBITMQ_PASSWORD_FILE" 2>/dev/null || true)"
    api="http://127.0.0.1:$HCC_RABBITMQ_MANAGEMENT_PORT/api"
    vhost="$(printf '%s' "$HCC_RABBITMQ_VHOST" | sed 's|/|%2F|g')"
    if [[ -n "$rabbit_password" ]] &&
        queues="$(printf 'user = "%s:%s"\n' "$HCC_RABBITMQ_USER" "$rabbit_password" |
            curl -fsS --max-time 10 -K - "$api/queues/$vhost?columns=name" 2>/dev/null)"; then
        purged=0
        for queue in $(printf '%s' "$queues" | grep -o '"name":"[^"]*"' | sed 's/"name":"//; s/"$//'); do
            [[ "$queue" == *_error || "$queue" == *_skipped ]] && continue
            printf 'user = "%s:%s"\n' "$HCC_RABBITMQ_USER" "$rabbit_password" |
                curl -fsS --max-time 10 -K - -X DELETE "$api/queues/$vhost/$queue/contents" >/dev/null && purged=$((purged + 1))
        done
        hcc_log "Purged $purged RabbitMQ queue(s) of vhost $HCC_RABBITMQ_VHOST (error queues kept)."
    else
        hcc_warn "RabbitMQ's management API did not answer (or no password in $HCC_SECRETS_DIR): queues not purged."
    fi
fi

hcc_log "Restored to $target in $(hcc_elapsed "$T0")s. Start the services; the relays publish the events again and the consumers absorb what they had handled."
[[ -z "$aside" ]] || hcc_log "Delete $aside once the restore is confirmed."
