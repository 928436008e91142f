#!/usr/bin/env bash
# Creates (or updates: apply is idempotent, which is also how keys are rotated) every Secret deploy/k8s refers to by
# name and that no operator makes, from environment variables and files. Nothing secret is in the repository.
#
#   deploy/k8s/create-secrets.sh [namespace]        # default namespace: onewindow; needs kubectl and its context
#
# Each line below names one Secret and where each of its keys comes from: NAME key=ENV_VAR (the value), key=@ENV_VAR
# (a file whose path is in ENV_VAR), or PREFIX* (every environment variable starting with PREFIX, under its own
# name). A missing variable stops the script before anything is applied. README.md ("Secrets") lists them; the build
# checks that every Secret the manifests reference is made here or by an operator, with the keys they read.
# Secrets the operators make (not here): Strimzi's KafkaUser Secrets (one per service: sasl.jaas.config) and
# onewindow-cluster-ca-cert; MongoDB's connection strings mongodb-<service>.
set -euo pipefail
namespace="${1:-onewindow}"
command -v kubectl > /dev/null || { echo "create-secrets: kubectl is needed" >&2; exit 2; }

missing=()
mode=check
need() { [[ -n "${!1:-}" ]] || missing+=("$1"); }

# secret NAME [--type=tls] ENTRY... : checks its inputs (mode=check) or applies it (mode=apply)
secret() {
  local name="$1"; shift
  local kind=generic entry key var found args=()
  for entry in "$@"; do
    case "$entry" in
      --type=tls) kind=tls ;;
      *'*')
        found=0
        while IFS='=' read -r var _; do
          [[ "$var" == "${entry%\*}"* ]] && { args+=("--from-literal=$var=${!var}"); found=1; }
        done < <(env)
        ((found)) || missing+=("$entry") ;;
      *=@*)
        key="${entry%%=@*}"; var="${entry#*=@}"; need "$var"
        if [[ "$key" == tls.crt && "$kind" == tls ]]; then args+=("--cert=${!var:-}")
        elif [[ "$key" == tls.key && "$kind" == tls ]]; then args+=("--key=${!var:-}"); else args+=("--from-file=$key=${!var:-}"); fi ;;
      *=*)
        key="${entry%%=*}"; var="${entry#*=}"; need "$var"; args+=("--from-literal=$key=${!var:-}") ;;
    esac
  done
  [[ "$mode" == apply ]] || return 0
  kubectl create secret "$kind" "$name" -n "$namespace" "${args[@]}" --dry-run=client -o yaml | kubectl apply -f - > /dev/null
  echo "secret/$name applied"
}

secrets() {
# ---------------------------------------------------------------------------------------------- the Secrets
# personal data (every service): ONEWINDOW_PERSONALDATA_PRIMARYKEYID, ONEWINDOW_PERSONALDATA_ENCRYPTIONKEYS_<ID>
# (one per key id, base64 of 32 bytes; keep the old ones when rotating), ONEWINDOW_PERSONALDATA_LOOKUPKEY
need ONEWINDOW_PERSONALDATA_PRIMARYKEYID; need ONEWINDOW_PERSONALDATA_LOOKUPKEY
secret onewindow-personal-data 'ONEWINDOW_PERSONALDATA_*'
# Keycloak clients: the realm import reads client-secret (placeholder KC_CLIENT_SECRET_<CLIENT>); the services that
# call as themselves and Prometheus read client-id and client-secret
KC_CLIENT_ID_GATEWAY="${KC_CLIENT_ID_GATEWAY:-gateway}"; secret keycloak-client-gateway client-id=KC_CLIENT_ID_GATEWAY client-secret=KC_CLIENT_SECRET_GATEWAY
KC_CLIENT_ID_PROMETHEUS="${KC_CLIENT_ID_PROMETHEUS:-prometheus}"; secret keycloak-client-prometheus client-id=KC_CLIENT_ID_PROMETHEUS client-secret=KC_CLIENT_SECRET_PROMETHEUS
KC_CLIENT_ID_SERVICE_CATALOG="${KC_CLIENT_ID_SERVICE_CATALOG:-service-catalog}"; secret keycloak-client-service-catalog client-id=KC_CLIENT_ID_SERVICE_CATALOG client-secret=KC_CLIENT_SECRET_SERVICE_CATALOG
KC_CLIENT_ID_CASE_HANDLING="${KC_CLIENT_ID_CASE_HANDLING:-case-handling}"; secret keycloak-client-case-handling client-id=KC_CLIENT_ID_CASE_HANDLING client-secret=KC_CLIENT_SECRET_CASE_HANDLING
KC_CLIENT_ID_E_LICENSE="${KC_CLIENT_ID_E_LICENSE:-e-license}"; secret keycloak-client-e-license client-id=KC_CLIENT_ID_E_LICENSE client-secret=KC_CLIENT_SECRET_E_LICENSE
KC_CLIENT_ID_DATA_EXCHANGE="${KC_CLIENT_ID_DATA_EXCHANGE:-data-exchange}"; secret keycloak-client-data-exchange client-id=KC_CLIENT_ID_DATA_EXCHANGE client-secret=KC_CLIENT_SECRET_DATA_EXCHANGE
KC_CLIENT_ID_SUPERVISION="${KC_CLIENT_ID_SUPERVISION:-supervision}"; secret keycloak-client-supervision client-id=KC_CLIENT_ID_SUPERVISION client-secret=KC_CLIENT_SECRET_SUPERVISION
KC_CLIENT_ID_HOTLINE_12345="${KC_CLIENT_ID_HOTLINE_12345:-hotline-12345}"; secret keycloak-client-hotline-12345 client-id=KC_CLIENT_ID_HOTLINE_12345 client-secret=KC_CLIENT_SECRET_HOTLINE_12345
KC_CLIENT_ID_EVALUATION="${KC_CLIENT_ID_EVALUATION:-evaluation}"; secret keycloak-client-evaluation client-id=KC_CLIENT_ID_EVALUATION client-secret=KC_CLIENT_SECRET_EVALUATION
# MongoDB users: the operator sets each service user's password from these and writes its connection string
secret mongodb-service-catalog-password password=MONGODB_PASSWORD_SERVICE_CATALOG
secret mongodb-case-handling-password password=MONGODB_PASSWORD_CASE_HANDLING
secret mongodb-e-license-password password=MONGODB_PASSWORD_E_LICENSE
secret mongodb-data-exchange-password password=MONGODB_PASSWORD_DATA_EXCHANGE
secret mongodb-supervision-password password=MONGODB_PASSWORD_SUPERVISION
secret mongodb-hotline-12345-password password=MONGODB_PASSWORD_HOTLINE_12345
secret mongodb-evaluation-password password=MONGODB_PASSWORD_EVALUATION
# seal keys (files, formats in e-license/README.md and data-exchange/README.md)
secret e-license-signing-keys signing-keys.yml=@ELICENSE_SIGNING_KEYS_FILE
secret data-exchange-signing-key signing-key.yml=@DATAEXCHANGE_SIGNING_KEY_FILE
# Keycloak: its PostgreSQL account, the first administrator (change the password at first sign-in), its TLS pair
secret keycloak-db username=KEYCLOAK_DB_USERNAME password=KEYCLOAK_DB_PASSWORD
secret keycloak-bootstrap-admin username=KEYCLOAK_ADMIN_USERNAME password=KEYCLOAK_ADMIN_PASSWORD
secret keycloak-tls --type=tls tls.crt=@KEYCLOAK_TLS_CERT tls.key=@KEYCLOAK_TLS_KEY
# the public host's certificate (the gateway's Ingress)
secret onewindow-tls --type=tls tls.crt=@ONEWINDOW_TLS_CERT tls.key=@ONEWINDOW_TLS_KEY
# Redis of the gateway's rate limits (prod overlay)
secret redis-auth password=REDIS_PASSWORD

}

secrets
if ((${#missing[@]})); then
  printf 'create-secrets: set these first (nothing was applied):\n' >&2; printf '  %s\n' "${missing[@]}" >&2; exit 1
fi
mode=apply secrets
