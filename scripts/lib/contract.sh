# Helpers for scripts/test (sourced, not run): what the contract tests (tests/WebApi.ContractTests) need
# beside the .NET SDK, installed when missing, as on a fresh CI machine.

contract_log() { printf '[ryzeapi] %s\n' "$*" >&2; }

# shellcheck source=apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

# contract_node: installs Debian's nodejs and npm when node or npm is missing. playwright-core (the browser test)
# needs Node.js 20 or newer: Debian 13's nodejs is; on Debian 12 (Node.js 18) install a newer one yourself.
contract_node() {
  local missing=()
  # ca-certificates: a recommendation of nodejs (left out by apt_install) that npm needs for its registry's TLS.
  command -v node >/dev/null 2>&1 || missing+=(nodejs ca-certificates)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if (( ${#missing[@]} > 0 )); then
    apt_install "the contract tests (Spectral, TypeScript, Swagger UI)" "${missing[@]}" || return 1
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if (( major < 20 )); then
    # A warning, not a stop: the other tests do not need node, and the browser test then says what failed.
    contract_log "warning: Node.js $(node --version 2>/dev/null) is older than 20, which the Swagger UI browser test's playwright-core needs; install Node.js 20 or newer (Debian 13's nodejs package, or nodejs.org)"
  fi
}

# contract_npm_ci DIR: installs tools/contract's npm packages from the committed lockfile when they are
# missing or older than the lockfile; npm's output goes to a log file, shown when it fails.
contract_npm_ci() {
  local dir=$1
  if [[ -d "$dir/node_modules" && ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
    return 0
  fi
  local log
  log=$(mktemp "${TMPDIR:-/tmp}/ryzeapi-npm-ci.XXXXXX.log")
  contract_log "installing $dir's npm packages (npm ci; its output: $log)"
  if ! (cd "$dir" && npm ci --no-audit --no-fund) >"$log" 2>&1; then
    contract_log "npm ci failed in $dir; the end of $log:"
    tail -n 20 "$log" >&2
    return 1
  fi
}

# contract_chromium: installs Debian's chromium (for the Swagger UI browser test) when /usr/bin/chromium is missing.
contract_chromium() {
  [[ -x /usr/bin/chromium ]] && return 0
  # chromium-sandbox: chromium's only recommendation, its sandbox when not run as root (swagger-ui.ts drops it as root).
  apt_install "the Swagger UI browser test" chromium chromium-sandbox || return 1
  [[ -x /usr/bin/chromium ]] || { contract_log "chromium was installed but /usr/bin/chromium is missing"; return 1; }
}
