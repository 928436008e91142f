#!/usr/bin/env bash
# Smoke check of a running local stack (deploy/local/up.sh): real Keycloak tokens, then the gateway.
#
#   deploy/local/smoke.sh               all checks
#   deploy/local/smoke.sh --no-gateway  Keycloak checks only (e.g. with up.sh --infra)
# Exit status 0 = every check passed.
set -euo pipefail

LOG_TAG=smoke
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

GATEWAY_CHECKS=1
for arg in "$@"; do
  case "$arg" in
    --no-gateway) GATEWAY_CHECKS=0 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

TOKEN_URL="$KC_REALM_URL/protocol/openid-connect/token"
failures=0
pass() { printf '  PASS  %s\n' "$*"; }
failed() { printf '  FAIL  %s\n' "$*"; failures=$((failures + 1)); }

# password_token USER -> access token (dev realm: onewindow-app allows the password grant)
password_token() {
  curl -s -m 10 -d grant_type=password -d client_id=onewindow-app -d "username=$1" -d password=onewindow "$TOKEN_URL" \
    | python3 -c 'import sys,json;print(json.load(sys.stdin).get("access_token",""))' 2>/dev/null || true
}

# check_claims TOKEN EXPECTATIONS_JSON: prints the claims, fails on a mismatch
check_claims() {
  python3 - "$1" "$2" <<'PY'
import base64, json, sys
token, expect = sys.argv[1], json.loads(sys.argv[2])
payload = token.split(".")[1]
claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
aud = claims.get("aud")
aud = aud if isinstance(aud, list) else [aud]
roles = claims.get("realm_access", {}).get("roles", [])
shown = {k: claims.get(k) for k in ("iss", "aud", "azp", "sub", "preferred_username", "dept", "region",
                                    "id_number", "uscc") if k in claims}
shown["realm_access.roles"] = sorted(r for r in roles if not r.startswith("default-roles"))
print("        " + json.dumps(shown, ensure_ascii=False))
problems = []
if claims.get("iss") != expect["iss"]:
    problems.append(f"iss {claims.get('iss')!r} != {expect['iss']!r}")
if expect["aud"] not in aud:
    problems.append(f"aud {aud} lacks {expect['aud']!r}")
for r in expect.get("roles", []):
    if r not in roles:
        problems.append(f"role {r!r} missing")
for k in ("dept", "region", "id_number", "uscc"):
    if k in expect and claims.get(k) != expect[k]:
        problems.append(f"{k} {claims.get(k)!r} != {expect[k]!r}")
for p in problems:
    print("        " + p)
sys.exit(1 if problems else 0)
PY
}

echo "Keycloak ($KC_REALM_URL)"
ISS="$KC_REALM_URL"
officer_token="$(password_token officer1)"
if [[ -z "$officer_token" ]]; then
  failed "password-grant token for officer1 (is Keycloak up? deploy/local/up.sh)"
else
  if check_claims "$officer_token" "{\"iss\":\"$ISS\",\"aud\":\"onewindow\",\"roles\":[\"window-officer\"],\"dept\":\"SCJGJ\",\"region\":\"341300\"}"; then
    pass "officer1 token: iss, aud onewindow, role window-officer, dept SCJGJ, region 341300"
  else
    failed "officer1 token claims"
  fi
fi
citizen_token="$(password_token citizen1)"
if [[ -n "$citizen_token" ]] && check_claims "$citizen_token" "{\"iss\":\"$ISS\",\"aud\":\"onewindow\",\"roles\":[\"citizen\"],\"id_number\":\"341302199003071234\"}"; then
  pass "citizen1 token: role citizen, id_number"
else
  failed "citizen1 token"
fi
partner_token="$(curl -s -m 10 -d grant_type=client_credentials -d client_id=partner-demo -d client_secret=partner-demo-secret "$TOKEN_URL" \
  | python3 -c 'import sys,json;print(json.load(sys.stdin).get("access_token",""))' 2>/dev/null || true)"
if [[ -n "$partner_token" ]] && check_claims "$partner_token" "{\"iss\":\"$ISS\",\"aud\":\"onewindow\",\"roles\":[\"partner\"]}"; then
  pass "partner-demo client-credentials token: role partner"
else
  failed "partner-demo client-credentials token"
fi
body="$(curl -s -m 10 -d grant_type=password -d client_id=onewindow-app -d username=officer1 -d password=wrong "$TOKEN_URL" || true)"
[[ "$body" == *'"invalid_grant"'* ]] && pass "wrong password -> invalid_grant, no token" \
  || failed "wrong password -> ${body:0:200} (expected error invalid_grant)"

# ------------------------------------------------------------------------------------------------------------------
# GATEWAY CHECKS (need the gateway and case-handling running with their routes; skip with --no-gateway)
# ------------------------------------------------------------------------------------------------------------------
if (( GATEWAY_CHECKS )); then
  echo "Gateway ($GATEWAY_URL)"
  CASES="$GATEWAY_URL/api/v1/cases"
  # request URL [TOKEN] -> "status content-type"
  request() {
    local auth=()
    [[ -n "${2:-}" ]] && auth=(-H "Authorization: Bearer $2")
    curl -s -o /dev/null -m 15 -w '%{http_code} %{content_type}' "${auth[@]}" "$1" || echo "000 -"
  }
  read -r status ctype <<< "$(request "$CASES")"
  if [[ "$status" == 401 && "$ctype" == application/problem+json* ]]; then
    pass "GET /api/v1/cases without a token -> 401 problem+json"
  else
    failed "GET /api/v1/cases without a token -> $status ${ctype:-} (expected 401 application/problem+json)"
  fi
  if [[ -n "$officer_token" ]]; then
    # tampered: flip one character of the signature
    sig="${officer_token##*.}"
    first="${sig:0:1}"; [[ "$first" == A ]] && repl=B || repl=A
    tampered="${officer_token%.*}.${repl}${sig:1}"
    read -r status ctype <<< "$(request "$CASES" "$tampered")"
    if [[ "$status" == 401 && "$ctype" == application/problem+json* ]]; then
      pass "GET /api/v1/cases with a tampered token -> 401 problem+json"
    else
      failed "GET /api/v1/cases with a tampered token -> $status ${ctype:-} (expected 401 application/problem+json)"
    fi
    read -r status ctype <<< "$(request "$CASES" "$officer_token")"
    [[ "$status" == 200 ]] && pass "GET /api/v1/cases as officer1 -> 200" \
      || failed "GET /api/v1/cases as officer1 -> $status (expected 200)"
  fi
fi

echo
if (( failures > 0 )); then echo "smoke: $failures check(s) FAILED"; exit 1; fi
echo "smoke: all checks passed"
