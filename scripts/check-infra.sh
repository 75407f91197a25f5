#!/usr/bin/env bash
# Compiles and lints infra/ with the real Bicep CLI, which type-checks every resource type, API version and
# property against Azure's published resource schemas. The CLI comes from the NuGet package
# Azure.Bicep.CommandLine.linux-x64 (the binary ships inside the package), so nothing is downloaded from elsewhere.
# Usage: bash scripts/check-infra.sh   (exit code 0 = builds with no warning and lints clean)
set -euo pipefail
cd "$(dirname "$0")/.."

bicep_version="0.49.2"
package="azure.bicep.commandline.linux-x64"
packages_dir="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="$packages_dir/$package/$bicep_version/tools/bicep"

if [ ! -x "$bicep" ]; then
  if [ ! -f "$bicep" ]; then
    # A throwaway project outside the repository, so the repository's central package management is not involved.
    restore_dir="$(mktemp -d)"
    trap 'rm -rf "$restore_dir"' EXIT
    cat >"$restore_dir/bicep.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Azure.Bicep.CommandLine.linux-x64" Version="[$bicep_version]" /></ItemGroup>
</Project>
EOF
    dotnet restore "$restore_dir/bicep.csproj" --packages "$packages_dir" >/dev/null
  fi
  chmod +x "$bicep"
fi

"$bicep" --version
output="$(mktemp)"
# Warnings (unknown property, unknown API version, type mismatch) count as failures: they are the schema check.
if ! "$bicep" build infra/main.bicep --stdout >/dev/null 2>"$output" || [ -s "$output" ]; then
  cat "$output"
  echo "infra: bicep build reported problems"
  exit 1
fi
if ! "$bicep" lint infra/main.bicep >"$output" 2>&1 || [ -s "$output" ]; then
  cat "$output"
  echo "infra: bicep lint reported problems"
  exit 1
fi
echo "infra: bicep build and lint clean"
