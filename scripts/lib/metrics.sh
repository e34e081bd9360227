# Helpers for scripts/test (sourced, not run): promtool, which the metrics test (tests/WebApi.FunctionalTests,
# PromtoolTests) runs on a real scrape of /metrics, installed when missing, as on a fresh CI machine.

# shellcheck source=apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

# metrics_promtool: installs Debian's prometheus package (which ships promtool) when promtool is missing. The package's
# server is not started by this script, nor needed.
metrics_promtool() {
  command -v promtool >/dev/null 2>&1 && return 0
  apt_install "the metrics test (promtool check metrics)" prometheus || return 1
  command -v promtool >/dev/null 2>&1 || { printf '[ryzeapi] prometheus was installed but promtool is not on PATH\n' >&2; return 1; }
}
