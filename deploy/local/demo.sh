#!/usr/bin/env bash
# Plays the first city scenario (docs/domain.md, "Scenarios") up to the license against a running local stack (deploy/local/up.sh), through the
# gateway with real Keycloak logins, and prints each step for a person evaluating OneWindow:
#   citizen1 finds 个体工商户设立登记 by a Chinese keyword, authorizes the case to use their e-ID card (免证办) instead of a
#   copy, uploads the other materials and submits; officer1 accepts; reviewer1 reviews and requests nothing;
#   approver1 approves; e-license issues the 营业执照; the case completes; anyone verifies the license by its QR token.
# Usage: deploy/local/demo.sh            (GATEWAY / KEYCLOAK env vars override the local URLs)
set -euo pipefail
GATEWAY="${GATEWAY:-http://localhost:8080}" KEYCLOAK="${KEYCLOAK:-http://localhost:8180}" exec python3 - <<'PY'
import json, os, sys, time, uuid, urllib.request, urllib.parse, urllib.error

GW, KC = os.environ["GATEWAY"], os.environ["KEYCLOAK"]

def call(method, path, token=None, body=None, form=None, files=None, base=None):
    url = (base or GW) + path
    headers = {"X-Request-Id": "demo-" + uuid.uuid4().hex[:12]}
    data = None
    if token: headers["Authorization"] = "Bearer " + token
    if body is not None:
        data = json.dumps(body, ensure_ascii=False).encode(); headers["Content-Type"] = "application/json"
    if form is not None:
        data = urllib.parse.urlencode(form).encode(); headers["Content-Type"] = "application/x-www-form-urlencoded"
    if files is not None:
        boundary = uuid.uuid4().hex
        name, content, ctype = files
        data = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
                f"Content-Type: {ctype}\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
        headers["Content-Type"] = "multipart/form-data; boundary=" + boundary
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            raw = r.read().decode(); return r.status, (json.loads(raw) if raw.strip() else None)
    except urllib.error.HTTPError as e:
        raw = e.read().decode()
        try: return e.code, json.loads(raw)
        except ValueError: return e.code, raw

def login(user):
    status, body = call("POST", "/realms/onewindow/protocol/openid-connect/token", base=KC,
                        form={"grant_type": "password", "client_id": "onewindow-app", "username": user, "password": "onewindow"})
    if status != 200: fail(f"Keycloak login of {user} failed: {status} {body}")
    return body["access_token"]

step_no = 0
def step(who, what, status, detail=""):
    global step_no; step_no += 1
    print(f"{step_no:>2}. {who:<13} {what:<58} HTTP {status}  {detail}")

def fail(message):
    print("DEMO FAILED: " + message); sys.exit(1)

def expect(status, body, *ok):
    if status not in ok: fail(f"expected HTTP {'/'.join(map(str, ok))}, got {status}: {json.dumps(body, ensure_ascii=False)[:400]}")
    return body

def clock(case):
    c = case.get("clock") or {}
    return f"clock {c.get('level')} due {c.get('dueAt')} ({c.get('limitWorkingDays')} working days)" if c else "clock not started"

print(f"OneWindow demo — gateway {GW}, Keycloak {KC}\n")
citizen, officer, reviewer, approver = (login(u) for u in ("citizen1", "officer1", "reviewer1", "approver1"))
print("logged in through Keycloak: citizen1, officer1 (受理), reviewer1 (审查), approver1 (决定) — department SCJGJ\n")

s, found = call("GET", "/api/v1/catalog/items?" + urllib.parse.urlencode({"q": "个体工商户设立", "department": "SCJGJ"}))
expect(s, found, 200)
entry = next((e for e in found["content"] if e["name"] == "个体工商户设立登记"), None) or fail("entry not found by keyword")
step("citizen1", "searches the catalog for 「个体工商户设立」 (anonymous)", s,
     f"{found['totalElements']} hit(s): {entry['name']} {entry['implementationCode']} v{entry['version']}, promised {entry['promisedLimitDays']} working day(s)")

s, mine = call("GET", "/api/v1/licenses", citizen); expect(s, mine, 200)
licenses = mine if isinstance(mine, list) else mine.get("content", [])
id_card = next((l for l in licenses if l["typeCode"] == "JMSFZ"), None) or fail("citizen1 holds no JMSFZ e-license")
step("citizen1", "lists own e-licenses", s, f"{len(licenses)} license(s); uses 居民身份证 {id_card['licenseId']}")

s, auth = call("POST", "/api/v1/licenses/authorizations", citizen,
               {"departmentCode": entry["departmentCode"], "purpose": "个体工商户设立登记 免提交身份证复印件",
                "licenseIds": [id_card["licenseId"]]})
expect(s, auth, 201)
step("citizen1", "authorizes SCJGJ to read the e-ID card once (免证办)", s, f"code valid until {auth['expiresAt']}")

uploads = {}
for code, name in (("M01", "个体工商户登记申请书.pdf"), ("M03", "经营场所使用证明.pdf")):
    s, f = call("POST", "/api/v1/cases/files", citizen, files=(name, b"%PDF-1.4\n% OneWindow demo material\n", "application/pdf"))
    expect(s, f, 201, 200); uploads[code] = f.get("fileId") or f.get("id")
    step("citizen1", f"uploads {name}", s, f"fileId {uploads[code]}")

s, case = call("POST", "/api/v1/cases", citizen, {
    "implementationCode": entry["implementationCode"], "version": entry["version"], "channel": "MOBILE_APP",
    "applicant": {"type": "NATURAL_PERSON", "name": "张三"},
    "formData": {"entityName": "宿州市埇桥区张三便利店", "legalRepresentative": "张三", "entityType": "个体工商户",
                 "address": "安徽省宿州市埇桥区汴河中路88号",
                 "businessScope": "食品销售（仅销售预包装食品）；日用百货销售"},
    "materials": [{"code": "M01", "fileId": uploads["M01"]},
                  {"code": "M02", "licenseAuthorization": auth["code"]},
                  {"code": "M03", "fileId": uploads["M03"]}]})
expect(s, case, 201)
case_id = case["id"]
step("citizen1", "submits the application (e-ID card instead of a copy)", s, f"case {case['caseNo']} {case['status']}")

s, case = call("POST", f"/api/v1/cases/{case_id}/accept", officer, {"comment": "材料齐全，予以受理"}); expect(s, case, 200)
step("officer1", "accepts the case (受理)", s, f"{case['status']}; {clock(case)}")
s, case = call("POST", f"/api/v1/cases/{case_id}/review", reviewer, {"comment": "审查通过，无需补正"}); expect(s, case, 200)
step("reviewer1", "reviews; requests nothing (审查)", s, case["status"])
s, case = call("POST", f"/api/v1/cases/{case_id}/approve", approver, {"comment": "准予登记"}); expect(s, case, 200)
step("approver1", "approves (准予)", s, case["status"])

deadline = time.time() + 60
while case["status"] != "COMPLETED" and time.time() < deadline:
    time.sleep(0.5)
    s, case = call("GET", f"/api/v1/cases/{case_id}", citizen)
if case["status"] != "COMPLETED": fail(f"the case did not complete within 60 s: {case['status']}")
step("e-license", "issues the 营业执照 on the approval; the case completes", s,
     f"case {case['caseNo']} {case['status']} with license {case['licenseId']}; {clock(case)}")

s, lic = call("GET", f"/api/v1/licenses/{case['licenseId']}", citizen); expect(s, lic, 200)
step("citizen1", "opens the new license", s, f"{lic['typeName']} {lic['licenseId']} {lic['status']}, issued by {lic['issuerDepartment']}")
s, verified = call("POST", "/api/v1/licenses/verify", None, {"qr": lic["qrToken"]}); expect(s, verified, 200)
step("anyone", "verifies the license by its QR token (anonymous)", s,
     f"signatureValid={verified['signatureValid']} status={verified['status']}")
if not verified["signatureValid"] or verified["status"] != "VALID": fail("the license did not verify")

s, history = call("GET", f"/api/v1/cases/{case_id}/history", citizen); expect(s, history, 200)
print("\ncase history:")
for h in history["history"]:
    print(f"    {h['at']}  {h['actorName']:<10} ({h['actorRole']:<14}) {h['action']:<10} {h['from'] or '':>10} → {h['to']}")
print(f"\nDEMO OK: case {case['caseNo']} COMPLETED, license {lic['licenseId']} verified.")
PY
