#!/usr/bin/env bash
# Checks that every object of a reference MIB module (Debian's, by default /usr/share/snmp/mibs)
# resolves in this project's mibs/ to the same numeric OID, kind, syntax, textual convention,
# access, status and index. Conformance groups and descriptions are not compared.
# Usage: check-mibs.sh [REFERENCE_DIR]. Exit 0 when all match, 1 on a mismatch, 77 when
# snmptranslate or the reference modules are missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
stubs="$here/base-mibs"
reference="${1:-/usr/share/snmp/mibs}"
command -v snmptranslate >/dev/null || { echo "check-mibs: snmptranslate not found (Debian package snmp)"; exit 77; }
export MIBS="" SNMPCONFPATH=/nonexistent

# facts DIRS MODULE: one line per object: name|kind|tc|syntax|access|status|index|augments|objects|hint|oid
facts() {
  local dirs="$1" module="$2" names
  names=$(snmptranslate -M "$dirs" -m "$module" -Tz 2>/dev/null | cut -f1 | tr -d '"')
  # shellcheck disable=SC2086
  snmptranslate -M "$dirs" -m "$module" -IR -Td $names 2>/dev/null | awk -v module="$module" '
    function flush() {
      if (name != "" && from == module && kind !~ /GROUP|COMPLIANCE|type_/)
        print name "|" kind "|" tc "|" syn "|" acc "|" st "|" idx "|" aug "|" obj "|" hint "|" oid
      name = kind = from = tc = syn = acc = st = idx = aug = obj = hint = oid = ""
    }
    /^[A-Za-z0-9-]+::[A-Za-z0-9-]+$/ { flush(); getline; name = $1; kind = substr($0, length($1) + 2); next }
    /^  -- FROM\t/ { from = $3 }
    /^  -- TEXTUAL CONVENTION / { tc = $4 }
    /^  SYNTAX\t/ { sub(/^  SYNTAX\t+/, ""); sub(/ +$/, ""); syn = $0 }
    /^  MAX-ACCESS\t/ { acc = $2 }
    /^  STATUS\t/ { st = $2 }
    /^  INDEX\t/ { sub(/^  INDEX\t+/, ""); idx = $0 }
    /^  AUGMENTS\t/ { sub(/^  AUGMENTS\t+/, ""); aug = $0 }
    /^  OBJECTS\t/ { sub(/^  OBJECTS\t+/, ""); obj = $0 }
    /^  DISPLAY-HINT\t/ { hint = $2 }
    /^::= \{/ {
      n = split($0, parts, /[ ()]+/); oid = ""
      for (i = 1; i <= n; i++) if (parts[i] ~ /^[0-9]+$/) oid = oid "." parts[i]
    }
    END { flush() }' | sort
}

status=0
total=0
for pair in KEEPALIVED-MIB:KEEPALIVED-MIB.txt VRRP-MIB:VRRP-MIB.txt VRRPV3-MIB:VRRPv3-MIB.txt; do
  module="${pair%%:*}" file="${pair#*:}"
  [ -f "$reference/$file" ] || { echo "check-mibs: no reference $reference/$file"; exit 77; }
  theirs=$(facts "$stubs:$reference" "$module")
  ours=$(facts "$stubs:$repo/mibs" "$module")
  count=$(printf '%s\n' "$theirs" | grep -c . || true)
  [ "$count" -gt 0 ] || { echo "check-mibs: could not read the reference $module"; exit 1; }
  missing=$(comm -23 <(printf '%s\n' "$theirs") <(printf '%s\n' "$ours"))
  if [ -n "$missing" ]; then
    echo "check-mibs: $module: objects that differ or are missing in mibs/$file (reference line, then ours):"
    while IFS= read -r line; do
      echo "  - $line"
      echo "  + $(printf '%s\n' "$ours" | grep "^${line%%|*}|" || echo '(absent)')"
    done <<< "$missing"
    status=1
  fi
  echo "check-mibs: $module: $count reference objects compared"
  total=$((total + count))
done
echo "check-mibs: $total objects in all"
exit $status
