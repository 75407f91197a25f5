#!/usr/bin/env bash
# Sets everything up and runs the service locally on http://localhost:7071 with the four sandbox demo tenants:
# installs the pinned Azurite, builds, and starts the local host (which starts Azurite and the provider sandbox).
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --loglevel=error
exec dotnet run --project src/WhatsAppMedia.DevHost -- "$@"
