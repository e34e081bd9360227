# Helpers for scripts/test (sourced, not run): what the contract tests (tests/WebApi.ContractTests) need
# beside the .NET SDK, installed when missing, as on a fresh CI machine.

contract_log() { printf '[ryzeapi] %s\n' "$*" >&2; }

# contract_npm_ci DIR: installs tools/contract's npm packages from the committed lockfile when they are
# missing or older than the lockfile.
contract_npm_ci() {
  local dir=$1
  if [[ -d "$dir/node_modules" && ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
    return 0
  fi
  contract_log "installing $dir npm packages (npm ci)"
  (cd "$dir" && npm ci --no-audit --no-fund >&2) || { contract_log "npm ci failed in $dir"; return 1; }
}

# contract_chromium: installs Debian's chromium (for the Swagger UI browser test) when /usr/bin/chromium is missing.
contract_chromium() {
  [[ -x /usr/bin/chromium ]] && return 0
  contract_log "chromium not found; installing Debian's chromium package"
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  [[ -x /usr/bin/chromium ]] || { contract_log "could not install chromium"; return 1; }
}
