#!/usr/bin/env bash
# Runs every test of AwsCore: builds the solution (Release), runs the xunit suite (unit, conformance against
# ../shared, differential tests against python3/botocore, integration tests against moto_server) and the Pester
# tests when pwsh is on PATH. Prints the combined totals last: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"

fail() { echo "test.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

command -v dotnet >/dev/null || fail "the .NET SDK (dotnet) is not on PATH: install the .NET SDK 8 or newer"
command -v python3 >/dev/null || fail "python3 is not on PATH: the differential and integration tests need python3 with botocore and moto"
python3 -c "import botocore, moto" 2>/dev/null \
  || fail "python3 lacks botocore or moto: python3 -m pip install botocore boto3 'moto[server]'"
command -v moto_server >/dev/null || fail "moto_server is not on PATH: python3 -m pip install 'moto[server]'"

configuration="${1:-Release}"
./build.sh Build "$configuration" > "${TMPDIR:-/tmp}/awscore-build.log" 2>&1 \
  || { grep -E "error|build.sh:" "${TMPDIR:-/tmp}/awscore-build.log" | sort -u | head -40; fail "the build failed (log: ${TMPDIR:-/tmp}/awscore-build.log)"; }

results=$(mktemp -d)
dotnet test tests/Core.Tests -c "$configuration" --no-build -nologo --logger "trx;LogFileName=core.trx" --results-directory "$results" 2>&1 \
  | grep -vE "^\s*$" | tee "$results/xunit.log" | grep -E "^\s*(Failed|Skipped) |Error Message|Passed!|Failed!|Total tests" || true

read -r passed failed skipped < <(python3 - "$results/core.trx" <<'PY'
import sys, xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except Exception:
    print(0, 1, 0); sys.exit()
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
c = root.find(".//t:ResultSummary/t:Counters", ns)
total, executed, passed, failed = (int(c.get(k, 0)) for k in ("total", "executed", "passed", "failed"))
print(passed, failed + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0)), total - executed)
PY
)

pester_out=$(bash tests/Pester/run.sh 2>&1); pester_rc=$?
echo "$pester_out"
if [[ "$pester_out" =~ PESTER_TOTALS\ ([0-9]+)\ ([0-9]+)\ ([0-9]+) ]]; then
  passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2])); skipped=$((skipped + BASH_REMATCH[3]))
elif [[ $pester_rc -ne 0 ]]; then
  failed=$((failed + 1))
fi

rm -rf "$results"
if [[ $skipped -gt 0 ]]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[[ $failed -eq 0 && $passed -gt 0 ]]
