#!/usr/bin/env python3
"""Generates deploy/keycloak/onewindow-realm.json, the DEV realm of the local stack (Keycloak 26.7.3), and the
PRODUCTION realm of deploy/k8s (a KeycloakRealmImport for the Keycloak operator).

    python3 deploy/keycloak/generate-realm.py          # rewrites onewindow-realm.json next to this script
    python3 deploy/keycloak/generate-realm.py --production deploy/k8s/base/keycloak/realm-import.yaml

Edit this script, not the JSON. It computes the demo users' resident ID numbers (GB 11643-1999, ISO 7064
MOD 11-2 check digit) and the enterprise's unified social credit code (GB 32100-2015, with the embedded
organization code checked per GB 11714-1997), and asserts the algorithms against the standards' sample codes.

DEV ONLY: every user's password is "onewindow", client secrets are "<client>-secret", and the public client
allows the password grant so scripts can log in. Never import this realm anywhere else.

PRODUCTION (--production): the same roles, user profile, mappers and clients, but no users (people come from the
city's identity provider or its administrators; only the clients' service accounts exist), no demo partner, no
password grant (the public client uses the authorization code flow with PKCE only), brute-force protection on, and
every confidential client's secret a placeholder (${KC_CLIENT_SECRET_<CLIENT>}) that the operator fills from the
Secret keycloak-client-<client> (deploy/k8s/README.md, "Secrets"). --public-url sets the app's redirect URIs and
web origins.
"""
import argparse
import json
import os
import uuid

# ---------------------------------------------------------------- check characters

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"


def resident_id(region6: str, birth_yyyymmdd: str, seq3: str) -> str:
    body = region6 + birth_yyyymmdd + seq3
    assert len(body) == 17 and body.isdigit(), body
    return body + ID_CHECK[sum(int(c) * w for c, w in zip(body, ID_WEIGHTS)) % 11]


def resident_id_valid(value: str) -> bool:
    return len(value) == 18 and value[:17].isdigit() and resident_id(value[:6], value[6:14], value[14:17]) == value


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, S, V, Z
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def org_code(body8: str) -> str:
    """GB 11714 organization code: 8 characters + check (0-9 or X)."""
    value = lambda c: int(c) if c.isdigit() else ord(c) - 55  # A=10 ... Z=35
    c = 11 - sum(value(ch) * w for ch, w in zip(body8, ORG_WEIGHTS)) % 11
    return body8 + ("0" if c == 11 else "X" if c == 10 else str(c))


def uscc(authority: str, kind: str, region6: str, org_body8: str) -> str:
    """GB 32100: registration authority (1) + organization kind (1) + region (6) + organization code (9) + check."""
    body = authority + kind + region6 + org_code(org_body8)
    assert len(body) == 17 and all(c in USCC_CHARS for c in body), body
    c = 31 - sum(USCC_CHARS.index(ch) * w for ch, w in zip(body, USCC_WEIGHTS)) % 31
    return body + USCC_CHARS[0 if c == 31 else c]


def uscc_valid(value: str) -> bool:
    return (len(value) == 18 and all(c in USCC_CHARS for c in value)
            and uscc(value[0], value[1], value[2:8], value[8:16]) == value)


# the standards' own examples
assert resident_id_valid("11010519491231002X")  # GB 11643-1999 appendix example
assert uscc_valid("91350100M000100Y43")  # GB 32100 sample code ...
assert org_code("M000100Y") == "M000100Y4"  # ... and its embedded GB 11714 organization code

# ---------------------------------------------------------------- directory data

DEPARTMENTS = {  # code: (name, region) -- the catalog demo data uses the same codes
    "SCJGJ": ("宿州市市场监督管理局", "341300"),
    "GAJ": ("宿州市公安局", "341300"),
    "WSJKW": ("宿州市卫生健康委员会", "341300"),
    "RSJ": ("宿州市人力资源和社会保障局", "341300"),
    "ZRZYJ": ("宿州市自然资源和规划局", "341300"),
    "SJZYJ": ("宿州市数据资源管理局", "341300"),
    "YQSCJGJ": ("埇桥区市场监督管理局", "341302"),
    "YQQZF": ("埇桥区人民政府", "341302"),  # the district government: 12345 orders no rule names go to it (兜底)
}

ROLES = {
    "citizen": "自然人 natural-person applicant",
    "enterprise": "法人经办人 legal-person agent",
    "window-officer": "窗口受理 accepts cases",
    "reviewer": "审查 reviews cases",
    "approver": "决定 decides cases",
    "dept-admin": "部门管理员 department administrator",
    "catalog-admin": "事项目录管理员 maintains the service catalog",
    "hotline-agent": "12345 话务员 takes calls",
    "hotline-dispatcher": "12345 派单员 dispatches work orders",
    "dept-handler": "承办人 handles work orders and rectifications for its department",
    "supervisor": "效能监察 supervision of its region",
    "eval-admin": "好差评管理员 evaluation administrator",
    "data-steward": "数据管理员 of a providing department",
    "data-consumer": "system account of a consuming department",
    "partner": "external system (client credentials)",
    "auditor": "read-only audit access to everything",
}

CASE_ROLES = ["window-officer", "reviewer", "approver"]

# username, realm roles, dept, first name, last name, extra attributes
STAFF = [
    ("officer1", ["window-officer"], "SCJGJ", "受理", "窗口"),
    ("reviewer1", ["reviewer"], "SCJGJ", "审查", "李"),
    ("approver1", ["approver"], "SCJGJ", "决定", "赵"),
    ("deptadmin1", ["dept-admin"], "SCJGJ", "管理", "钱"),
    ("catalogadmin1", ["catalog-admin"], "SJZYJ", "目录", "孙"),
    ("agent1", ["hotline-agent"], "SJZYJ", "话务", "周"),
    ("dispatcher1", ["hotline-dispatcher"], "SJZYJ", "派单", "吴"),
    ("handler1", ["dept-handler"], "GAJ", "承办", "郑"),
    ("supervisor1", ["supervisor"], "SJZYJ", "监察", "冯"),
    ("evaladmin1", ["eval-admin"], "SJZYJ", "评价", "陈"),
    ("steward1", ["data-steward"], "RSJ", "数据", "褚"),  # 人社: pushes the social-insurance dataset, decides requests
    ("steward2", ["data-steward"], "SCJGJ", "市场数据", "柏"),  # 市场监管: the enterprise register (answered by its system)
    ("steward3", ["data-steward"], "WSJKW", "卫健数据", "水"),  # 卫健委: requests data for its matters (the demo consumer)
    ("steward4", ["data-steward"], "GAJ", "公安数据", "窦"),  # 公安: the household register, not shared
    ("auditor1", ["auditor"], "SJZYJ", "审计", "卫"),
    ("catalogadmin2", ["catalog-admin"], "SJZYJ", "目录审核", "郑"),  # publishes what catalogadmin1 drafts (审核发布)
    ("officer2", CASE_ROLES, "WSJKW", "卫健", "蒋"),
    ("officer3", CASE_ROLES, "GAJ", "公安", "沈"),
    ("officer4", CASE_ROLES, "RSJ", "人社", "韩"),
    # the decision is never taken by the person who reviewed (审批分离): a second approver in those departments
    ("approver2", ["approver"], "WSJKW", "卫健决定", "许"),
    ("approver3", ["approver"], "GAJ", "公安决定", "何"),
    ("approver4", ["approver"], "RSJ", "人社决定", "吕"),
    ("officer5", ["window-officer"], "YQSCJGJ", "埇桥", "杨"),
    ("handler2", ["dept-handler"], "YQQZF", "区府承办", "朱"),  # signs for the 12345 orders of the district (兜底)
    ("handler3", ["dept-handler"], "ZRZYJ", "规划承办", "秦"),  # leads the 12345 orders on construction noise and land
    ("handler4", ["dept-handler"], "SCJGJ", "市场承办", "尤"),  # calls back and rectifies bad ratings of SCJGJ cases (差评整改)
]

CITIZENS = [  # username, role, first, last, id number parts, extra attributes
    ("citizen1", "citizen", "小明", "王", resident_id("341302", "19900307", "123"), {}),
    ("citizen2", "citizen", "小红", "刘", resident_id("341302", "19920815", "246"), {}),
    ("enterprise1", "enterprise", "经办", "张", resident_id("341302", "19850412", "357"),
     {"uscc": uscc("9", "1", "341302", "MA2T4K7B")}),
]

SERVICE_CLIENTS = ["service-catalog", "case-handling", "e-license", "data-exchange", "supervision",
                   "hotline-12345", "evaluation"]

AUDIENCE = "onewindow"

# ---------------------------------------------------------------- realm


def attr_mapper(attribute: str) -> dict:
    return {
        "name": attribute,
        "protocol": "openid-connect",
        "protocolMapper": "oidc-usermodel-attribute-mapper",
        "consentRequired": False,
        "config": {
            "user.attribute": attribute,
            "claim.name": attribute,
            "jsonType.label": "String",
            "multivalued": "false",
            "aggregate.attrs": "false",
            "access.token.claim": "true",
            "id.token.claim": "true",
            "userinfo.token.claim": "true",
            "introspection.token.claim": "true",
            "lightweight.claim": "false",
        },
    }


def mappers() -> list:
    audience = {
        "name": "audience-onewindow",
        "protocol": "openid-connect",
        "protocolMapper": "oidc-audience-mapper",
        "consentRequired": False,
        "config": {
            "included.custom.audience": AUDIENCE,
            "access.token.claim": "true",
            "id.token.claim": "false",
            "introspection.token.claim": "true",
            "lightweight.claim": "false",
        },
    }
    return [audience] + [attr_mapper(a) for a in ("dept", "region", "id_number", "uscc")]


DEFAULT_SCOPES = ["web-origins", "acr", "profile", "roles", "basic", "email"]
OPTIONAL_SCOPES = ["address", "phone", "offline_access", "organization", "microprofile-jwt"]


def client(client_id: str, name: str, **kw) -> dict:
    c = {
        "clientId": client_id,
        "name": name,
        "enabled": True,
        "protocol": "openid-connect",
        "publicClient": False,
        "clientAuthenticatorType": "client-secret",
        "secret": client_id + "-secret",
        "standardFlowEnabled": False,
        "implicitFlowEnabled": False,
        "directAccessGrantsEnabled": False,
        "serviceAccountsEnabled": False,
        "frontchannelLogout": True,
        "fullScopeAllowed": True,
        "redirectUris": [],
        "webOrigins": [],
        "attributes": {},
        "protocolMappers": mappers(),
        "defaultClientScopes": DEFAULT_SCOPES,
        "optionalClientScopes": OPTIONAL_SCOPES,
    }
    c.update(kw)
    return c


def up_attribute(name: str, display: str, pattern: str = None) -> dict:
    """Declared (managed) user-profile attribute: set by admins/import only, never by the user themself."""
    a = {
        "name": name,
        "displayName": display,
        "multivalued": False,
        "permissions": {"view": ["admin"], "edit": ["admin"]},
        "validations": {"length": {"max": 64}},
        "annotations": {},
    }
    if pattern:
        a["validations"]["pattern"] = {"pattern": pattern, "error-message": "invalid " + name}
    return a


USER_PROFILE = {
    "attributes": [
        {"name": "username", "displayName": "${username}",
         "validations": {"length": {"min": 3, "max": 255}, "username-prohibited-characters": {},
                         "up-username-not-idn-homograph": {}},
         "permissions": {"view": ["admin", "user"], "edit": ["admin", "user"]}, "multivalued": False},
        {"name": "email", "displayName": "${email}",
         "validations": {"email": {}, "length": {"max": 255}},
         "required": {"roles": ["user"]},
         "permissions": {"view": ["admin", "user"], "edit": ["admin", "user"]}, "multivalued": False},
        {"name": "firstName", "displayName": "${firstName}",
         "validations": {"length": {"max": 255}, "person-name-prohibited-characters": {}},
         "required": {"roles": ["user"]},
         "permissions": {"view": ["admin", "user"], "edit": ["admin", "user"]}, "multivalued": False},
        {"name": "lastName", "displayName": "${lastName}",
         "validations": {"length": {"max": 255}, "person-name-prohibited-characters": {}},
         "required": {"roles": ["user"]},
         "permissions": {"view": ["admin", "user"], "edit": ["admin", "user"]}, "multivalued": False},
        up_attribute("dept", "Department code (部门)", "^[A-Z0-9]{2,16}$"),
        up_attribute("region", "Region code (行政区划代码)", "^[0-9]{6}$"),
        up_attribute("id_number", "Resident ID number (居民身份证号码)", "^[0-9]{17}[0-9X]$"),
        up_attribute("uscc", "Unified social credit code (统一社会信用代码)", "^[0-9A-HJ-NPQRTUWXY]{18}$"),
    ],
    "groups": [{"name": "user-metadata", "displayHeader": "User metadata",
                "displayDescription": "Attributes, which refer to user metadata"}],
    # anything not declared above is rejected: users cannot give themselves a dept/region
}


# Fixed user ids (= the token's `sub`), derived from the username: a citizen's records stay theirs when the realm
# is re-imported, and are the same on every machine (demo data may refer to them).
def user_id(username: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "https://onewindow.dev/local-realm/users/" + username))


def user(username: str, first: str, last: str, roles: list, attributes: dict) -> dict:
    return {
        "id": user_id(username),
        "username": username,
        "enabled": True,
        "email": username + "@onewindow.example",
        "emailVerified": True,
        "firstName": first,
        "lastName": last,
        "attributes": {k: [v] for k, v in attributes.items()},
        "credentials": [{"type": "password", "value": "onewindow", "temporary": False}],
        "requiredActions": [],
        "realmRoles": ["default-roles-onewindow"] + roles,
    }


def service_account(client_id: str, roles: list, attributes: dict | None = None) -> dict:
    account = {
        "id": user_id("service-account-" + client_id),
        "username": "service-account-" + client_id,
        "enabled": True,
        "serviceAccountClientId": client_id,
        "realmRoles": ["default-roles-onewindow"] + roles,
    }
    if attributes:
        account["attributes"] = {k: [v] for k, v in attributes.items()}
    return account


def secret_placeholder(client_id: str) -> str:
    return "${KC_CLIENT_SECRET_" + client_id.upper().replace("-", "_") + "}"


def production_realm(public_url: str) -> dict:
    """The dev realm without anything made for demos (see the module's doc)."""
    r = realm()
    keep = {"onewindow-app", "gateway", "prometheus"} | set(SERVICE_CLIENTS)
    clients = [c for c in r["clients"] if c["clientId"] in keep]
    for c in clients:
        c["directAccessGrantsEnabled"] = False
        c["implicitFlowEnabled"] = False
        if c["publicClient"]:
            c["redirectUris"] = [public_url + "/*"]
            c["webOrigins"] = [public_url, "https://servicewechat.com"]
            c["attributes"]["pkce.code.challenge.method"] = "S256"
        else:
            c["secret"] = secret_placeholder(c["clientId"])
            if c["standardFlowEnabled"]:
                c["redirectUris"] = [public_url + "/*"]
                c["webOrigins"] = [public_url]
    r["clients"] = clients
    r["users"] = [u for u in r["users"]
                  if u.get("serviceAccountClientId") in {c["clientId"] for c in clients}]
    r["displayName"] = "OneWindow 一网通办"
    r["bruteForceProtected"] = True
    r["resetPasswordAllowed"] = False
    return r


def realm_import(public_url: str) -> dict:
    """The Keycloak operator's KeycloakRealmImport of the production realm (the operator fills the placeholders)."""
    r = production_realm(public_url)
    placeholders = {}
    for c in r["clients"]:
        if "secret" in c:
            placeholders[c["secret"][2:-1]] = {"secret": {"name": "keycloak-client-" + c["clientId"],
                                                          "key": "client-secret"}}
    return {
        "apiVersion": "k8s.keycloak.org/v2alpha1",
        "kind": "KeycloakRealmImport",
        "metadata": {"name": "onewindow-realm", "labels": {"app.kubernetes.io/part-of": "onewindow"}},
        "spec": {"keycloakCRName": "onewindow-keycloak", "placeholders": placeholders, "realm": r},
    }


def realm() -> dict:
    users = []
    for username, role, first, last, id_number, extra in CITIZENS:
        assert resident_id_valid(id_number)
        for v in extra.values():
            assert uscc_valid(v), v
        users.append(user(username, first, last, [role], {"id_number": id_number, **extra}))
    for username, roles, dept, first, last in STAFF:
        users.append(user(username, first, last, list(roles), {"dept": dept, "region": DEPARTMENTS[dept][1]}))

    clients = [
        client("onewindow-app", "OneWindow app / mini-program (public, PKCE)",
               publicClient=True, secret=None, standardFlowEnabled=True,
               directAccessGrantsEnabled=True,  # DEV REALM ONLY: lets scripts use the password grant
               redirectUris=["http://localhost:*", "http://127.0.0.1:*"],
               # the token request comes from the page's origin: the gateway's API docs page and the app's dev
               # server ("+" alone derives nothing from wildcard redirect URIs, and Keycloak answers "Invalid origin")
               webOrigins=["+", "http://localhost:8080", "http://127.0.0.1:8080", "http://localhost:5173"],
               attributes={"pkce.code.challenge.method": "S256", "post.logout.redirect.uris": "+"}),
        client("gateway", "OneWindow gateway (confidential)",
               standardFlowEnabled=True, serviceAccountsEnabled=True,
               redirectUris=["http://localhost:8080/*"], webOrigins=["+"],
               attributes={"post.logout.redirect.uris": "+"}),
        client("partner-demo", "Demo partner system (client credentials)", serviceAccountsEnabled=True),
        # the monitoring system: scrapes /actuator/prometheus of the services with client credentials
        client("prometheus", "Monitoring (Prometheus scrapes with client credentials)", serviceAccountsEnabled=True),
        # 卫健委's system, the demo consumer of data-exchange: client credentials, role data-consumer, dept WSJKW
        client("wsjkw-exchange", "卫健委 data-exchange consumer system (client credentials)", serviceAccountsEnabled=True),
    ] + [client(s, "OneWindow " + s + " service account", serviceAccountsEnabled=True) for s in SERVICE_CLIENTS]
    for c in clients:
        if c["secret"] is None:
            del c["secret"]
            del c["clientAuthenticatorType"]

    users += [service_account("gateway", []), service_account("partner-demo", ["partner"]),
              service_account("prometheus", []),
              service_account("wsjkw-exchange", ["data-consumer"], {"dept": "WSJKW",
                                                                   "region": DEPARTMENTS["WSJKW"][1]})]
    users += [service_account(s, []) for s in SERVICE_CLIENTS]

    return {
        "id": "onewindow",
        "realm": "onewindow",
        "displayName": "OneWindow 一网通办 (DEV)",
        "enabled": True,
        "sslRequired": "external",
        "registrationAllowed": False,
        "loginWithEmailAllowed": True,
        "duplicateEmailsAllowed": False,
        "resetPasswordAllowed": False,
        "editUsernameAllowed": False,
        "bruteForceProtected": False,
        "accessTokenLifespan": 900,
        "internationalizationEnabled": True,
        "supportedLocales": ["zh-CN", "en"],
        "defaultLocale": "zh-CN",
        "roles": {"realm": [{"name": r, "description": d} for r, d in ROLES.items()]},
        "clients": clients,
        "users": users,
        "components": {
            "org.keycloak.userprofile.UserProfileProvider": [{
                "providerId": "declarative-user-profile",
                "subComponents": {},
                "config": {"kc.user.profile.config": [json.dumps(USER_PROFILE, ensure_ascii=False)]},
            }],
        },
    }


def main_production(out: str, public_url: str) -> None:
    with open(out, "w", encoding="utf-8") as f:
        f.write("# GENERATED by deploy/keycloak/generate-realm.py --production: edit the script, not this file.\n"
                "# The production realm (no demo users or passwords, no password grant, PKCE for the public client);\n"
                "# client secrets are placeholders the Keycloak operator fills from Secrets (README.md, \"Secrets\").\n")
        json.dump(realm_import(public_url), f, ensure_ascii=False, indent=2)
        f.write("\n")
    print("wrote", out)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Generates the OneWindow realm (dev JSON, or production CR).")
    parser.add_argument("--production", metavar="OUT", help="write the production KeycloakRealmImport to OUT")
    parser.add_argument("--public-url", default="https://onewindow.example.gov.cn",
                        help="the city's app URL (redirect URIs, web origins) for --production")
    args = parser.parse_args()
    if args.production:
        main_production(args.production, args.public_url)
        raise SystemExit(0)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "onewindow-realm.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(realm(), f, ensure_ascii=False, indent=2)
        f.write("\n")
    for username, role, _, _, id_number, extra in CITIZENS:
        print(f"{username:12} {role:11} sub={user_id(username)} id_number={id_number}"
              + "".join(f" {k}={v}" for k, v in extra.items()))
    print("wrote", out)
