# Installs Debian packages for scripts/run-api and scripts/test (sourced, not run): quietly, with apt's output in
# a log file and one line saying what is installed and where that log is; on failure, the log's tail.
# Nothing already installed is upgraded (--no-upgrade) and recommended packages are left out. Needs root or sudo.

# apt_install WHAT PACKAGE...: WHAT names the need in the one line (e.g. "the contract tests' browser").
apt_install() {
  local what=$1
  shift
  local sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      printf '[ryzeapi] %s needs Debian packages (%s): run as root, or install sudo, or install them yourself\n' "$what" "$*" >&2
      return 1
    fi
    sudo="sudo"
  fi
  local log
  log=$(mktemp "${TMPDIR:-/tmp}/ryzeapi-apt.XXXXXX.log")
  printf '[ryzeapi] installing %s for %s from Debian'"'"'s packages (apt-get; its output: %s)\n' "$*" "$what" "$log" >&2
  if ! { $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q \
      && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-upgrade --no-install-recommends "$@"; } >"$log" 2>&1; then
    printf '[ryzeapi] apt-get could not install %s; the end of %s:\n' "$*" "$log" >&2
    tail -n 20 "$log" >&2
    return 1
  fi
}
