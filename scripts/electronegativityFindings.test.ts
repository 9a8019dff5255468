import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AllowlistSchema, findingsFromSarif, parseErrorsFromConsole, triage } from './electronegativityFindings';

const sarif = JSON.stringify({
  runs: [
    {
      tool: { driver: { name: 'Electronegativity' } },
      results: [
        {
          ruleId: 'PRELOAD_JS_CHECK',
          level: 'note',
          message: { text: 'Review the use of preload scripts' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'main/window.ts' }, region: { startLine: 26, startColumn: 7 } } }],
        },
        {
          ruleId: 'LIMIT_NAVIGATION_GLOBAL_CHECK',
          level: 'error',
          message: { text: 'Limit navigation flows to untrusted origins' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'N/A' }, region: { startLine: 0, startColumn: 0 } } }],
        },
        { ruleId: 'NODE_INTEGRATION_JS_CHECK', message: { text: 'Disable nodeIntegration' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'preload\\x.ts' } } }] },
      ],
    },
  ],
});

describe('findingsFromSarif', () => {
  it('reads check, file (forward slashes), position and message', () => {
    expect(findingsFromSarif(sarif)).toEqual([
      { check: 'PRELOAD_JS_CHECK', file: 'main/window.ts', line: 26, column: 7, message: 'Review the use of preload scripts' },
      { check: 'LIMIT_NAVIGATION_GLOBAL_CHECK', file: 'N/A', line: 0, column: 0, message: 'Limit navigation flows to untrusted origins' },
      { check: 'NODE_INTEGRATION_JS_CHECK', file: 'preload/x.ts', line: 0, column: 0, message: 'Disable nodeIntegration' },
    ]);
  });

  it('refuses a report that is not SARIF', () => {
    expect(() => findingsFromSarif('{"runs": [{}]}')).toThrow();
    expect(() => findingsFromSarif('not json')).toThrow();
  });
});

describe('parseErrorsFromConsole', () => {
  it('finds fatal and tolerable parse errors, colour codes and all', () => {
    const output = [
      '41 check(s) successfully loaded: 5 global, 36 atomic',
      '\u001b[31mError parsing /tmp/x/src/main/a.ts - This experimental syntax requires enabling the parser plugin: "decoratorAutoAccessors". (2:19)\u001b[39m',
      '\u001b[33mTolerable error parsing /tmp/x/src/preload/b.ts - Unexpected token (1:2)\u001b[39m',
      '│ CSP_GLOBAL_CHECK │ N/A │',
    ].join('\n');
    expect(parseErrorsFromConsole(output)).toEqual([
      { tolerable: false, file: '/tmp/x/src/main/a.ts', message: 'This experimental syntax requires enabling the parser plugin: "decoratorAutoAccessors". (2:19)' },
      { tolerable: true, file: '/tmp/x/src/preload/b.ts', message: 'Unexpected token (1:2)' },
    ]);
    expect(parseErrorsFromConsole('No issues found')).toEqual([]);
  });
});

describe('triage', () => {
  const findings = findingsFromSarif(sarif);
  const allowlist = AllowlistSchema.parse({
    entries: [
      { check: 'PRELOAD_JS_CHECK', file: 'main/window.ts', reason: 'the preload only exposes the contract bridge' },
      { check: 'PRELOAD_JS_CHECK', file: 'main/other.ts', reason: 'an entry whose code has since gone away' },
      // Same check as the preload/x.ts finding but another file: must not explain it.
      { check: 'NODE_INTEGRATION_JS_CHECK', file: 'main/x.ts', reason: 'explains a different file than the finding' },
    ],
  });

  it('explains only findings whose check and file both match, and reports stale entries', () => {
    const result = triage(findings, allowlist);
    expect(result.explained.map((e) => e.finding.check)).toEqual(['PRELOAD_JS_CHECK']);
    expect(result.unexplained.map((f) => `${f.check}@${f.file}`)).toEqual([
      'LIMIT_NAVIGATION_GLOBAL_CHECK@N/A',
      'NODE_INTEGRATION_JS_CHECK@preload/x.ts',
    ]);
    expect(result.stale.map((e) => e.file)).toEqual(['main/other.ts', 'main/x.ts']);
  });
});

describe('AllowlistSchema', () => {
  it('requires a real reason and a check id, and no unknown keys', () => {
    expect(AllowlistSchema.safeParse({ entries: [{ check: 'PRELOAD_JS_CHECK', file: 'main/a.ts', reason: 'ok' }] }).success).toBe(false);
    expect(AllowlistSchema.safeParse({ entries: [{ check: 'preload', file: 'main/a.ts', reason: 'x'.repeat(30) }] }).success).toBe(false);
    expect(
      AllowlistSchema.safeParse({ entries: [{ check: 'PRELOAD_JS_CHECK', file: 'main/a.ts', reason: 'x'.repeat(30), line: 3 }] }).success,
    ).toBe(false);
  });

  it('accepts the project allow-list', () => {
    const text = readFileSync(new URL('./electronegativity-allowlist.json', import.meta.url), 'utf8');
    const parsed = AllowlistSchema.parse(JSON.parse(text));
    expect(parsed.entries.length).toBeGreaterThan(0);
  });
});
