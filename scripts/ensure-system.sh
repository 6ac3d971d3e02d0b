#!/bin/sh
# Makes sure the system packages the handbook needs are present.
# Usage: scripts/ensure-system.sh venv graphviz chromium node
# As root it installs what is missing with apt-get; otherwise it names the exact command.
set -eu

missing=""
for need in "$@"; do
  case "$need" in
    venv) python3 -c "import ensurepip, venv" 2>/dev/null || missing="$missing python3-venv" ;;
    graphviz) command -v dot >/dev/null 2>&1 || missing="$missing graphviz" ;;
    chromium) [ -x /usr/bin/chromium ] || missing="$missing chromium" ;;
    node) { command -v node && command -v npm; } >/dev/null 2>&1 || missing="$missing nodejs npm" ;;
    *) echo "ensure-system.sh: unbekannt: $need" >&2; exit 2 ;;
  esac
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installiere Systempakete:$missing"
  apt-get update -qq
  # shellcheck disable=SC2086 # word splitting of the package list is intended
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
  exit 0
fi

echo "Es fehlen Systempakete:$missing" >&2
echo "Bitte installieren mit:  sudo apt-get install$missing" >&2
echo "(Missing system packages; install them with the command above.)" >&2
exit 1
