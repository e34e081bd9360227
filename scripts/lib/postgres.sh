# Shared PostgreSQL helpers for scripts/run-api and scripts/test (sourced, not run).
# PostgreSQL refuses to run as root, so when we are root every server command runs as the
# `postgres` user through runuser; otherwise it runs as the current user.

# shellcheck source=apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

pg_log() { printf '[ryzeapi] %s\n' "$*" >&2; }

# Finds the newest installed server binaries, installing Debian's postgresql package when none are.
pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  if [[ -z "$dir" || ! -x "$dir/initdb" ]]; then
    apt_install "a local PostgreSQL (none found)" postgresql || return 1
    # Debian's package starts its own cluster on 5432; we use private clusters, so stop it.
    local sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    $sudo service postgresql stop >/dev/null 2>&1 || true
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  fi
  [[ -x "$dir/initdb" ]] || { pg_log "could not find or install PostgreSQL"; return 1; }
  printf '%s\n' "$dir"
}

# Runs a command as the user that owns the cluster.
pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Prints the name of the database superuser of our clusters.
pg_superuser() {
  if [[ $(id -u) -eq 0 ]]; then echo postgres; else id -un; fi
}

# Picks a loopback TCP port nothing listens on (pure bash: a fresh machine may lack python).
pg_free_port() {
  local port i
  for i in $(seq 1 200); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      printf '%s\n' "$port"
      return 0
    fi
  done
  pg_log "no free port found"
  return 1
}

# pg_prepare_dir DIR: makes DIR usable by the cluster owner. When root and `postgres` cannot reach DIR
# (a repo under a private home, say), prints a fallback directory under /var/tmp instead.
pg_prepare_dir() {
  local dir=$1
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$dir"
    chmod 700 "$dir"
    if ! runuser -u postgres -- test -w "$dir"; then
      local fallback
      fallback="/var/tmp/ryzeapi-pg-$(printf '%s' "$dir" | sha256sum | cut -c1-12)"
      mkdir -p "$fallback"
      chown postgres:postgres "$fallback"
      chmod 700 "$fallback"
      pg_log "postgres cannot reach $dir; using $fallback"
      dir=$fallback
    fi
  fi
  printf '%s\n' "$dir"
}

# pg_init BIN DATA: creates a cluster with trust auth on loopback only (a local dev/test server).
pg_init() {
  local bin=$1 data=$2
  if [[ ! -f "$data/PG_VERSION" ]]; then
    pg_as_owner "$bin/initdb" -D "$data" -U "$(pg_superuser)" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
      || pg_as_owner "$bin/initdb" -D "$data" -U "$(pg_superuser)" --auth=trust -E UTF8 --no-locale >/dev/null
  fi
}

# pg_start BIN DATA PORT [extra -c options...]: starts the server listening on 127.0.0.1:PORT, socket in DATA.
pg_start() {
  local bin=$1 data=$2 port=$3
  shift 3
  local opts="-c listen_addresses=127.0.0.1 -p $port -k $data"
  local o
  for o in "$@"; do opts+=" -c $o"; done
  pg_as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -o "$opts" -w -t 60 start >/dev/null \
    || { pg_log "PostgreSQL failed to start; its log:"; tail -n 30 "$data/server.log" >&2; return 1; }
}

pg_stop() {
  local bin=$1 data=$2
  pg_as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

pg_is_running() {
  local bin=$1 data=$2
  pg_as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}
