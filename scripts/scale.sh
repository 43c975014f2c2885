#!/usr/bin/env bash
# npm run test:scale: two copies of the bot in HTTP mode behind nginx (round robin), sharing a
# throwaway PostgreSQL cluster; everything on 127.0.0.1, started and stopped by the test itself.
# nginx and PostgreSQL come from Debian's packages, installed here when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null || need+=(postgresql)
if ((${#need[@]})); then
  if [ "$(id -u)" != 0 ]; then
    echo "test:scale needs the Debian packages: ${need[*]} (run as root, or install them first)" >&2
    exit 1
  fi
  echo "Installing ${need[*]} from Debian packages…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
exec npx vitest run --config vitest.scale.config.ts "$@"
