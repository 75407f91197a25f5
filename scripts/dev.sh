#!/usr/bin/env bash
# Sets everything up and runs the service locally on http://localhost:7071 with the four sandbox demo tenants:
# installs the pinned Azurite, builds, and starts the local host (which starts Azurite and the provider sandbox).
set -euo pipefail
cd "$(dirname "$0")/.."
# npm ci wipes and reinstalls node_modules (most of a restart's time): only when the install is missing or older than
# the lock file (npm writes node_modules/.package-lock.json on every install).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec dotnet run --project src/WhatsAppMedia.DevHost -- "$@"
