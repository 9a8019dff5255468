/**
 * `npm run test:security`: runs Electronegativity over main/ and preload/ and fails on any
 * finding that scripts/electronegativity-allowlist.json does not explain, on any file it
 * could not parse, and on a weak Content Security Policy.
 *
 * main/ and preload/ are scanned together (copied into one temporary folder) because the
 * global checks — navigation limits, permission handler, CSP — look across all files: scanned
 * apart, preload/ alone would "lack" the handlers main/ installs.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../main/security/headers';
import { AllowlistSchema, describeFinding, findingsFromSarif, parseErrorsFromConsole, triage } from './electronegativityFindings';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCANNED = ['main', 'preload'];
const BIN = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity');
const ALLOWLIST = join(ROOT, 'scripts', 'electronegativity-allowlist.json');
/**
 * Looks up security releases on the network: it cannot work offline (CI here has no access)
 * and it is about the Electron version, which package-lock.json pins, not about our code.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

function run(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

interface CspEvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): Array<{ severity: number; directive: string; description: string }> };
  Version: { CSP3: unknown };
  severities: Record<string, number>;
}

/**
 * The CSP lives in one constant (main/security/headers.ts), which Electronegativity's CSP
 * check cannot read (it only evaluates string literals). Evaluate the real string with the
 * same evaluator and the same thresholds: HIGH/MEDIUM/SYNTAX fail, "maybe" ones are listed.
 */
function evaluateCsp(policy: string): { failures: string[]; notes: string[] } {
  const csp = createRequire(import.meta.url)('@doyensec/csp-evaluator') as CspEvaluatorModule;
  const s = csp.severities;
  const findings = new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3).evaluate();
  const text = (f: { directive: string; description: string }) => `${f.directive}: ${f.description}`;
  return {
    failures: findings.filter((f) => f.severity === s['HIGH'] || f.severity === s['MEDIUM'] || f.severity === s['SYNTAX']).map(text),
    notes: findings.filter((f) => f.severity === s['HIGH_MAYBE'] || f.severity === s['MEDIUM_MAYBE']).map(text),
  };
}

async function main(): Promise<number> {
  if (!existsSync(BIN)) {
    console.error(`${BIN} not found: run npm ci first.`);
    return 1;
  }
  const allowlist = AllowlistSchema.parse(JSON.parse(readFileSync(ALLOWLIST, 'utf8')));
  const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;

  const work = mkdtempSync(join(tmpdir(), 'marginalia-electronegativity-'));
  try {
    const input = join(work, 'src');
    for (const folder of SCANNED) cpSync(join(ROOT, folder), join(input, folder), { recursive: true });
    // package.json too, so the JSON checks (custom Electron arguments, warnings disabled) run.
    cpSync(join(ROOT, 'package.json'), join(input, 'package.json'));
    const common = ['-i', input, '-r', '-e', electronVersion, '-x', EXCLUDED_CHECKS.join(','), '-v', 'false'];
    const sarifPath = join(work, 'report.sarif');
    // Two runs: only the -o run writes a machine-readable report, and only the console run
    // reports files it failed to parse.
    const [report, consoleRun] = await Promise.all([run([...common, '-o', sarifPath]), run(common)]);
    if (report.code !== 0 || !existsSync(sarifPath)) {
      console.error(`electronegativity failed (exit ${report.code}):\n${report.output}`);
      return 1;
    }
    const findings = findingsFromSarif(readFileSync(sarifPath, 'utf8'));
    const parseErrors = parseErrorsFromConsole(consoleRun.output).map((e) => ({ ...e, file: e.file.replace(input + '/', '') }));
    const { explained, unexplained, stale } = triage(findings, allowlist);
    const csp = evaluateCsp(CONTENT_SECURITY_POLICY);

    for (const { finding, entry } of explained) console.log(`  allowed  ${describeFinding(finding)}\n           reason: ${entry.reason}`);
    for (const note of csp.notes) console.log(`  CSP note ${note} (no JSONP endpoints or user-uploaded files are served)`);
    for (const entry of stale) console.warn(`  stale allow-list entry (matches nothing now): ${entry.check} in ${entry.file}`);
    for (const error of parseErrors) {
      console.error(`  ${error.tolerable ? 'PARSE WARNING' : 'PARSE ERROR'} ${error.file}: ${error.message}`);
    }
    for (const finding of unexplained) console.error(`  FINDING  ${describeFinding(finding)}`);
    for (const failure of csp.failures) console.error(`  WEAK CSP ${failure}`);

    const unparsed = parseErrors.filter((e) => !e.tolerable).length;
    const failed = unexplained.length + unparsed + csp.failures.length;
    console.log(
      `Electronegativity ${SCANNED.join('/ + ')}/ (Electron ${electronVersion}): ${findings.length} finding(s), ` +
        `${explained.length} allow-listed, ${unexplained.length} unexplained; ${unparsed} unparseable file(s); ` +
        `CSP ${csp.failures.length === 0 ? 'ok' : 'weak'} → ${failed === 0 ? 'PASS' : 'FAIL'}`,
    );
    if (unexplained.length > 0) {
      console.error('Fix the code, or add an entry {check, file, reason} to scripts/electronegativity-allowlist.json if it is a false positive.');
    }
    return failed === 0 ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
