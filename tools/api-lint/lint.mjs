// Lints one service's exported OpenAPI document with Spectral (.spectral.yaml beside this file) and prints how many
// errors and warnings it has, rule by rule. Exits 1 when there is any error. Usage: node lint.mjs <service> <file>
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [service, document] = process.argv.slice(2);
if (!service || !document) {
  console.error('usage: node lint.mjs <service> <openapi.json>');
  process.exit(2);
}
if (!existsSync(document)) {
  // the document is exported by the service's ApiDocsIT; a run without integration tests has none to lint
  console.log(`[api-lint] ${service}: no ${document} (its ApiDocsIT did not run): nothing to lint`);
  process.exit(0);
}
const report = join(mkdtempSync(join(tmpdir(), 'api-lint-')), 'report.json');
const spectral = join(here, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
const run = spawnSync(process.execPath, [spectral, 'lint', '--ruleset', join(here, '.spectral.yaml'),
  '--format', 'json', '--output', report, '--fail-severity', 'error', '--quiet', document], { encoding: 'utf8' });
if (!existsSync(report)) {
  console.error(run.stdout, run.stderr);
  console.error(`[api-lint] ${service}: Spectral did not run (exit ${run.status})`);
  process.exit(2);
}
const results = JSON.parse(readFileSync(report, 'utf8'));
const byRule = new Map();
for (const r of results) {
  const key = `${r.severity === 0 ? 'error' : r.severity === 1 ? 'warning' : 'info'} ${r.code}`;
  byRule.set(key, (byRule.get(key) || 0) + 1);
}
const errors = results.filter(r => r.severity === 0);
const warnings = results.filter(r => r.severity === 1).length;
console.log(`[api-lint] ${service}: ${errors.length} errors, ${warnings} warnings`
  + ` (Spectral OpenAPI + OWASP API Security rulesets)`);
for (const [rule, count] of [...byRule.entries()].sort()) {
  console.log(`[api-lint]   ${String(count).padStart(4)}  ${rule}`);
}
for (const e of errors.slice(0, 50)) {
  console.log(`[api-lint] ERROR ${e.code} at ${e.path.join('.')}: ${e.message}`);
}
process.exit(errors.length > 0 ? 1 : 0);
