#!/usr/bin/env bash
# Base backup of the local PostgreSQL cluster that infra-up.sh runs, with continuous WAL archiving, so that
# restore.sh can bring the cluster back to any point in time after the backup.
#
#   backup.sh                     enable WAL archiving if it is off (one restart), check that it works, take a
#                                 base backup (tar, gzip, its WAL streamed in, with a manifest) and verify it
#   backup.sh --archive-only      only enable and check WAL archiving
#   backup.sh --no-restart        fail instead of restarting the cluster to turn archiving on
#   backup.sh --no-verify         skip pg_verifybackup (which extracts the backup into a temporary directory)
#   backup.sh --disable-archiving turn archiving off again (one restart); archive and backups are kept
#
# Archive:  $HCC_PG_ARCHIVE_DIR (default /var/lib/hccpathway/wal-archive)
# Backups:  $HCC_BACKUP_DIR/<UTC time> (default /var/lib/hccpathway/backups)
# See deploy/local/README.md, "Backup and point-in-time restore".
set -Eeuo pipefail
umask 022

HCC_SCRIPT_NAME=backup
# shellcheck source=deploy/local/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

mode=backup
restart_allowed=1
verify=1
for arg in "$@"; do
    case "$arg" in
        --archive-only) mode=archive ;;
        --disable-archiving) mode=disable ;;
        --no-restart) restart_allowed=0 ;;
        --no-verify) verify=0 ;;
        -h | --help)
            sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *) hcc_die "unknown argument '$arg' (see --help)." ;;
    esac
done
[[ "$(id -u)" == 0 ]] || hcc_die "run as root (runs PostgreSQL tools as the postgres user)."

T0="$(hcc_now)"
pid="$(hcc_pg_live_pid)"
[[ -n "$pid" ]] || hcc_die "PostgreSQL is not running in $HCC_PG_DATA; start it with deploy/local/infra-up.sh."
port="$(hcc_pg_pidfile_line 4)"
socket="$(hcc_pg_pidfile_line 5)"
pg_ctl() { hcc_as_postgres "$HCC_PG_BIN/pg_ctl" -D "$HCC_PG_DATA" "$@"; }
psql_su() {
    hcc_as_postgres "$HCC_PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$socket" -p "$port" -U postgres -d postgres -c "$1"
}
setting() { psql_su "select setting from pg_settings where name = '$1'"; }

# --- Archiving settings --------------------------------------------------------------------------------------------
# In their own file, included after infra-up.sh's hccpathway.conf (which infra-up.sh rewrites on every run): a later
# infra-up.sh keeps archiving as it is.
archive_conf="$HCC_PG_DATA/hccpathway-archive.conf"
ensure_include() {
    if ! grep -q "^include_if_exists = 'hccpathway-archive.conf'" "$HCC_PG_DATA/postgresql.conf"; then
        printf "\n# WAL archiving (deploy/local/backup.sh)\ninclude_if_exists = 'hccpathway-archive.conf'\n" >>"$HCC_PG_DATA/postgresql.conf"
    fi
}

# Applies a configuration change: a reload, or a restart when a setting needs one (archive_mode, wal_level).
apply_config() {
    pg_ctl reload -s >/dev/null
    local deadline=$((SECONDS + 10)) pending=""
    sleep 0.3
    pending="$(psql_su "select string_agg(name, ',') from pg_settings where pending_restart")"
    if [[ -n "$pending" ]]; then
        ((restart_allowed)) || hcc_die "$pending need a restart of PostgreSQL; rerun without --no-restart (connections are closed)."
        hcc_log "Restarting PostgreSQL for $pending (open connections are closed)..."
        pg_ctl restart -m fast -w -t "$HCC_PG_START_TIMEOUT" -l "$HCC_PG_LOG" >/dev/null ||
            hcc_die "PostgreSQL did not restart; see $HCC_PG_LOG."
        until psql_su "select 1" >/dev/null 2>&1; do
            ((SECONDS < deadline)) || hcc_die "PostgreSQL does not answer after the restart; see $HCC_PG_LOG."
            sleep 0.2
        done
    fi
}

if [[ "$mode" == disable ]]; then
    if [[ -f "$archive_conf" ]]; then
        printf '# Managed by deploy/local/backup.sh: archiving turned off on %s.\n' "$(date -u '+%F %T UTC')" >"$archive_conf"
        chown postgres:postgres "$archive_conf"
        apply_config
    fi
    hcc_log "WAL archiving is off (archive_mode = $(setting archive_mode)); $HCC_PG_ARCHIVE_DIR and $HCC_BACKUP_DIR are kept."
    exit 0
fi

mkdir -p "$HCC_PG_ARCHIVE_DIR" "$HCC_BACKUP_DIR"
chown postgres:postgres "$HCC_PG_ARCHIVE_DIR" "$HCC_BACKUP_DIR"
chmod 700 "$HCC_PG_ARCHIVE_DIR" "$HCC_BACKUP_DIR"

# A segment is copied under a temporary name and renamed, so the archive never holds half a segment. A segment that is
# already there is accepted only if identical (the archiver may retry one it had copied). With fsync on, the copy is
# flushed before the rename; with HCC_PG_FAST=1 (fsync off) the archive is as durable as the cluster, i.e. not.
if [[ "$(setting fsync)" == on ]]; then flush='sync "$t" && '; else flush=''; fi
# shellcheck disable=SC2016  # expanded by the shell PostgreSQL runs the command with
archive_command='a="'"$HCC_PG_ARCHIVE_DIR"'/%f"; t="$a.tmp"; if test -f "$a"; then cmp -s "%p" "$a"; else cp "%p" "$t" && '"$flush"'mv "$t" "$a"; fi'
wal_level="$(setting wal_level)"
[[ "$wal_level" == minimal ]] && wal_level=replica
ensure_include
cat >"$archive_conf.new" <<EOF
# Managed by deploy/local/backup.sh: WAL archiving for point-in-time restores (deploy/local/README.md).
wal_level = $wal_level
archive_mode = on
archive_command = '$archive_command'
# A quiet cluster still closes a segment every 5 minutes, so that a point in time is recoverable within 5 minutes.
archive_timeout = 300
EOF
if [[ -f "$archive_conf" ]] && cmp -s "$archive_conf.new" "$archive_conf"; then
    rm -f "$archive_conf.new"
else
    hcc_log "Writing $archive_conf (archive to $HCC_PG_ARCHIVE_DIR)."
    chown postgres:postgres "$archive_conf.new"
    chmod 600 "$archive_conf.new"
    mv -f "$archive_conf.new" "$archive_conf"
    apply_config
fi
[[ "$(setting archive_mode)" == on ]] || hcc_die "archive_mode is still off; see $HCC_PG_LOG."

# pg_basebackup connects with the replication protocol, which "all" in pg_hba.conf does not cover. infra-up.sh writes
# the same line; this only matters for a pg_hba.conf written by an older infra-up.sh.
if ! grep -qE '^local[[:space:]]+replication[[:space:]]+postgres[[:space:]]+peer' "$HCC_PG_DATA/pg_hba.conf"; then
    hcc_log "Allowing replication connections of postgres over the socket (pg_hba.conf)."
    printf 'local   replication postgres                 peer\n' >>"$HCC_PG_DATA/pg_hba.conf"
    pg_ctl reload -s >/dev/null
    sleep 0.3
fi

# --- Archiving works? ----------------------------------------------------------------------------------------------
# Close the current segment and wait until it is in the archive: proves the archive command works, and makes every
# transaction committed so far recoverable.
switch_and_wait() {
    local segment deadline=$((SECONDS + ${1:-60}))
    segment="$(psql_su "select pg_walfile_name(pg_switch_wal()) from (select pg_logical_emit_message(false, 'hcc-backup', 'switch')) m")"
    until [[ -f "$HCC_PG_ARCHIVE_DIR/$segment" ]]; do
        if ((SECONDS >= deadline)); then
            hcc_warn "pg_stat_archiver: $(psql_su "select 'archived ' || archived_count || ', last ' || coalesce(last_archived_wal, '-') || ', failed ' || failed_count || ', last failed ' || coalesce(last_failed_wal, '-') from pg_stat_archiver")"
            hcc_die "WAL segment $segment did not reach $HCC_PG_ARCHIVE_DIR; see $HCC_PG_LOG (archive command failures)."
        fi
        sleep 0.2
    done
    echo "$segment"
}
segment="$(switch_and_wait 60)"
hcc_log "WAL archiving works: segment $segment is in $HCC_PG_ARCHIVE_DIR."
[[ "$mode" == archive ]] && exit 0

# --- Base backup ---------------------------------------------------------------------------------------------------
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$HCC_BACKUP_DIR/$stamp"
[[ ! -e "$target" ]] || hcc_die "$target already exists."
hcc_log "Taking a base backup into $target..."
started="$(date -u '+%F %T+00')"
# The WAL written during the backup is streamed into pg_wal.tar.gz, so the backup is usable without the archive too.
# (The server warns about the unix socket in the data dir, which is not copied.)
messages="$(mktemp)"
if ! hcc_as_postgres "$HCC_PG_BIN/pg_basebackup" -h "$socket" -p "$port" -U postgres -D "$target" \
    -Ft -z -X stream -c fast --label "hccpathway $stamp" --manifest-checksums=SHA256 2>"$messages"; then
    grep -v 'skipping special file' "$messages" >&2 || true
    rm -f "$messages"
    hcc_die "pg_basebackup failed."
fi
grep -v 'skipping special file' "$messages" >&2 || true
rm -f "$messages"
# The backup is consistent from its end: a restore can go to any time after this one.
finished="$(date -u -d '+1 second' '+%F %T+00')"
# The WAL written during the backup must be in the archive before a restore can use it.
switch_and_wait 60 >/dev/null
cat >"$target/backup.info" <<EOF
# Written by deploy/local/backup.sh. restore.sh picks the newest backup finished before the target time.
LABEL=hccpathway $stamp
STARTED=$started
FINISHED=$finished
PG_DATA=$HCC_PG_DATA
ARCHIVE=$HCC_PG_ARCHIVE_DIR
EOF
chown postgres:postgres "$target/backup.info"

if ((verify)); then
    # PostgreSQL 15's pg_verifybackup reads plain backups only: check the tar files' contents against the manifest in a
    # temporary directory.
    check="$(mktemp -d "$HCC_BACKUP_DIR/.verify-XXXXXX")"
    trap 'rm -rf -- "$check"' EXIT
    chown postgres:postgres "$check"
    hcc_as_postgres tar -xzf "$target/base.tar.gz" -C "$check"
    hcc_as_postgres tar -xzf "$target/pg_wal.tar.gz" -C "$check/pg_wal"
    hcc_as_postgres cp "$target/backup_manifest" "$check/"
    hcc_as_postgres "$HCC_PG_BIN/pg_verifybackup" -q "$check" || hcc_die "pg_verifybackup found problems in $target."
    rm -rf -- "$check"
    trap - EXIT
    verified="verified with pg_verifybackup"
else
    verified="not verified (--no-verify)"
fi

hcc_log "Base backup $target ($(du -sh "$target" | cut -f1), $verified) in $(hcc_elapsed "$T0")s."
hcc_log "Restorable to any time after $finished, e.g.: deploy/local/restore.sh --to \"$(date -u '+%F %T+00')\""
