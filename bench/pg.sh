#!/bin/sh
# pg.sh: a throwaway PostgreSQL 15 cluster for the search comparison of
# `make bench` (bench/run.sh), on a Unix socket in a temporary directory
# (listen_addresses is empty: no TCP port at all).
#
#   pg.sh start DIR         install if missing, initdb, start; prints the
#                           conninfo for libpq
#   pg.sh load DIR TSV      (re)create table e from bench's entries.tsv,
#                           GIN index; prints "copy_s index_s bytes"
#   pg.sh stop DIR          stop the cluster (DIR is removed by the caller)
#
# Debian's postgresql-15 and libpq-dev are installed with apt-get only
# here, only when benchmarking, and the package's own cluster is neither
# created nor started (policy-rc.d tells the package scripts not to start
# services; create_main_cluster is switched off beforehand). initdb and the
# server refuse to run as root: as root they run as the "postgres" user
# the package creates (or "nobody"), which owns DIR/data.
#
# Settings beside the defaults, said in bench/RESULTS.md: shared_buffers
# 512MB, work_mem 64MB, maintenance_work_mem 512MB (the GIN build), jit off
# (it would compile the facet statement per call at a million rows),
# fsync, synchronous_commit and full_page_writes off (a throwaway cluster;
# bulk load only). Authentication: trust, on the socket only.
set -eu
cmd=$1
dir=$2
PGBIN=/usr/lib/postgresql/15/bin

install_pg() {
    missing=""
    [ -x "$PGBIN/postgres" ] || missing="$missing postgresql-15"
    [ -f /usr/include/postgresql/libpq-fe.h ] || missing="$missing libpq-dev"
    command -v psql >/dev/null 2>&1 || missing="$missing postgresql-client-15"
    [ -n "$missing" ] || return 0
    echo "bench/pg.sh: installing$missing" >&2
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    made=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
        $SUDO chmod 755 /usr/sbin/policy-rc.d
        made=1
    fi
    # No main cluster from the package: only the throwaway one below.
    $SUDO mkdir -p /etc/postgresql-common
    if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
        echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.conf >/dev/null
    fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq >&2
    $SUDO apt-get install -y -qq --no-install-recommends $missing >&2
    [ -n "$made" ] && $SUDO rm -f /usr/sbin/policy-rc.d
    return 0
}

# as_owner CMD...: run CMD as the cluster's owner (root may not).
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$(cat "$dir/owner")" -- "$@"
    else
        "$@"
    fi
}

psql_e() {
    psql -X -q -v ON_ERROR_STOP=1 -h "$dir" -U postgres -d postgres "$@"
}

case "$cmd" in
start)
    install_pg
    mkdir -p "$dir"
    owner=$(id -un)
    if [ "$(id -u)" -eq 0 ]; then
        owner=postgres
        getent passwd postgres >/dev/null || owner=nobody
        chown "$owner" "$dir"
        chmod 755 "$dir"
    fi
    echo "$owner" >"$dir/owner"
    as_owner "$PGBIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$dir'
shared_buffers = 512MB
work_mem = 64MB
maintenance_work_mem = 512MB
jit = off
fsync = off
synchronous_commit = off
full_page_writes = off
max_wal_size = 4GB
EOF
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
        { cat "$dir/server.log" >&2; exit 1; }
    echo "host=$dir user=postgres dbname=postgres"
    ;;
load)
    tsv=$3
    t0=$(date +%s.%N)
    psql_e <<EOF
DROP TABLE IF EXISTS e;
CREATE TABLE e (id text PRIMARY KEY, title text NOT NULL, summary text NOT NULL, land text,
    kind text NOT NULL, status text NOT NULL, fields text[], targets text[], years int[],
    rel bigint, body text NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('german', title), 'A') ||
                                      setweight(to_tsvector('german', summary), 'D')) STORED);
\\copy e (id, title, summary, land, kind, status, fields, targets, years, rel, body) FROM '$tsv'
EOF
    t1=$(date +%s.%N)
    psql_e -c "CREATE INDEX e_tsv ON e USING gin (tsv)" -c "VACUUM ANALYZE e"
    t2=$(date +%s.%N)
    bytes=$(psql_e -At -c "SELECT pg_total_relation_size('e')")
    awk -v a="$t0" -v b="$t1" -v c="$t2" -v s="$bytes" 'BEGIN { printf "%.2f %.2f %s\n", b - a, c - b, s }'
    ;;
stop)
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
*)
    echo "usage: pg.sh start|load|stop DIR [TSV]" >&2
    exit 2
    ;;
esac
