#!/usr/bin/env bash
# Demo data of hotline-12345 (run by deploy/local/up.sh after the stack is ready; see README.md here): a few open
# 12345 work orders, registered through the gateway as the agent agent1 — a night-construction noise complaint and a
# second call about the same site (suggested as its duplicate), a dark street light, a food-safety report from a
# caller who asked for confidentiality, an anonymous call about a missing manhole cover, a consultation the
# knowledge base answers — of which dispatcher1 dispatches two by the dispatch rules: the noise complaint to
# 自然资源和规划局 (lead) with 公安局 (helper), the street light to 埇桥区人民政府 (兜底, handler2's department).
# The category tree, the dispatch rules and the knowledge base come with the service itself (local profile).
#
# Idempotent: when the city already has work orders (open, closed or answered), nothing is added.
# Callers' mobile numbers are fictitious (138000000xx).
set -euo pipefail
GATEWAY="${ONEWINDOW_GATEWAY_URL:-http://localhost:8080}" \
REALM="${ONEWINDOW_KEYCLOAK_REALM_URL:-http://localhost:8180/realms/onewindow}" exec python3 - <<'PY'
import json, os, sys, urllib.error, urllib.parse, urllib.request, uuid

GW, REALM = os.environ["GATEWAY"], os.environ["REALM"]


def call(method, url, token=None, body=None, form=None):
    headers = {"X-Request-Id": "demo-hotline-" + uuid.uuid4().hex[:12]}
    data = None
    if token:
        headers["Authorization"] = "Bearer " + token
    if body is not None:
        data = json.dumps(body, ensure_ascii=False).encode()
        headers["Content-Type"] = "application/json"
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            raw = r.read().decode()
            return r.status, (json.loads(raw) if raw.strip() else None)
    except urllib.error.HTTPError as e:
        raw = e.read().decode()
        try:
            return e.code, json.loads(raw)
        except ValueError:
            return e.code, raw


def fail(message):
    print("hotline demo data FAILED: " + message)
    sys.exit(1)


def expect(what, status, body, *ok):
    if status not in ok:
        fail(f"{what}: expected HTTP {'/'.join(map(str, ok))}, got {status}: "
             f"{json.dumps(body, ensure_ascii=False)[:400]}")
    return body


def login(user):
    status, body = call("POST", REALM + "/protocol/openid-connect/token",
                        form={"grant_type": "password", "client_id": "onewindow-app", "username": user,
                              "password": "onewindow"})
    return expect(f"Keycloak login of {user}", status, body, 200)["access_token"]


# the gateway is not running with `up.sh --infra`: nothing to load into
try:
    call("GET", GW + "/actuator/health/readiness")
except urllib.error.URLError as e:
    print(f"hotline demo data skipped: the gateway at {GW} does not answer ({e.reason})")
    sys.exit(0)

agent, dispatcher = login("agent1"), login("dispatcher1")
status, body = call("GET", GW + "/api/v1/hotline/categories", agent)
expect("the category tree (is hotline-12345 running?)", status, body, 200)

existing = 0
for query in ("", "?status=CLOSED", "?status=ANSWERED"):
    status, page = call("GET", GW + "/api/v1/hotline/orders" + query + ("&" if query else "?") + "size=1", agent)
    existing += expect("agent1's worklist", status, page, 200)["totalElements"]
if existing:
    print(f"hotline demo data: the city has {existing} work order(s) already; nothing added")
    sys.exit(0)


def caller(name, mobile, confidential=False):
    return {"name": name, "mobile": mobile, "anonymous": False, "confidential": confidential}


ORDERS = [
    # (key, body); every order in 埇桥区 (341302)
    ("noise", {"channel": "PHONE", "caller": caller("王先生", "13800000001"), "demandType": "COMPLAINT",
               "categoryCode": "ENV-NOISE-CONSTRUCTION", "address": "埇桥区银河一路与汴河路交口东南角工地",
               "region": "341302", "location": {"lat": 33.6412, "lng": 116.9786}, "urgency": "NORMAL",
               "text": "银河一路与汴河路交口东南角的工地连续多日夜间23点以后仍在打桩施工，噪声很大，影响周边居民休息，"
                       "请相关部门核查处理。"}),
    ("light", {"channel": "PHONE", "caller": caller("李女士", "13800000002"), "demandType": "HELP",
               "categoryCode": "CITY-LIGHT", "address": "埇桥区淮河路北段（近胜利路）", "region": "341302",
               "location": {"lat": 33.6518, "lng": 116.9702}, "urgency": "NORMAL",
               "text": "淮河路北段靠近胜利路约两百米的路灯一直不亮，已有一周，夜间行人和电动车通行不便，希望尽快维修。"}),
    ("noise-again", {"channel": "WECHAT", "caller": caller("赵先生", "13800000003"), "demandType": "COMPLAINT",
                     "categoryCode": "ENV-NOISE-CONSTRUCTION", "address": "埇桥区银河一路汴河路口工地",
                     "region": "341302", "location": {"lat": 33.6415, "lng": 116.9790}, "urgency": "NORMAL",
                     "text": "汴河路口的工地晚上还在施工，机器声音很大，孩子无法入睡。"}),
    ("food", {"channel": "PHONE", "caller": caller("陈女士", "13800000004", confidential=True),
              "demandType": "REPORT", "categoryCode": "MARKET-FOOD", "address": "埇桥区人民路中段一家小吃店",
              "region": "341302", "urgency": "HIGH",
              "text": "举报人民路中段一家小吃店后厨卫生条件差，生熟食品混放，疑似使用过期原料。举报人要求对其信息保密。"}),
    ("manhole", {"channel": "PHONE", "caller": {"anonymous": True, "confidential": False}, "demandType": "HELP",
                 "categoryCode": "CITY-ROAD", "address": "埇桥区东关大道与磬云路交口向北约五十米", "region": "341302",
                 "location": {"lat": 33.6391, "lng": 116.9958}, "urgency": "URGENT",
                 "text": "东关大道与磬云路交口向北约五十米的机动车道上有一处井盖缺失，存在安全隐患。来电人未留姓名。"}),
    ("consult", {"channel": "PHONE", "caller": caller("孙先生", "13800000005"), "demandType": "CONSULTATION",
                 "categoryCode": "CONSULT-SOCIAL", "address": "埇桥区", "region": "341302", "urgency": "NORMAL",
                 "text": "咨询灵活就业人员如何参加养老保险，需要带哪些材料。"}),
]

registered = {}
for key, body in ORDERS:
    status, order = call("POST", GW + "/api/v1/hotline/orders", agent, body=body)
    order = expect(f"registering the {key} order", status, order, 201)
    registered[key] = order
    duplicates = f", suggested duplicate of {', '.join(order['duplicateOf'])}" if order.get("duplicateOf") else ""
    print(f"registered {order['orderNo']} {body['categoryCode']:<24} {order['status']}{duplicates}")

for key in ("noise", "light"):
    status, order = call("POST", GW + f"/api/v1/hotline/orders/{registered[key]['id']}/dispatch", dispatcher, body={})
    order = expect(f"dispatching the {key} order", status, order, 200)
    helpers = f" (helpers {', '.join(order['helperDepartments'])})" if order.get("helperDepartments") else ""
    print(f"dispatched {order['orderNo']} to {order['leadDepartment']}{helpers}, "
          f"sign by {order['deadline']['dueAt']}")
print(f"hotline demo data: {len(registered)} work orders registered, 2 dispatched")
PY
