import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/eslint-plugin/index.js';
import { REPO_ROOT } from '../helpers/specs.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/eslint-project');
// Its .docker-api-compat.json sets the target 1.30..1.53; POST /build/prune exists from 1.31.
const MODEM_FILE = path.join(FIXTURE, 'src/modem.ts');
/** typescript-eslint's RuleTester joins a typed case's filename to tsconfigRootDir. */
const MODEM_IN_PROJECT = 'src/modem.ts';

/** A receiver only its declared type identifies as a docker-modem Modem. */
const TYPED_ONLY = `import type Modem from 'docker-modem';

export function prune(modem: Modem, callback: (err: unknown, data: unknown) => void) {
  modem.dial({ path: '/build/prune', method: 'POST', statusCodes: { 200: true } }, callback);
}
`;

const MESSAGE = 'POST /build/prune is not available in API 1.30 (target 1.30..1.53): added in 1.31';
// `rules` is typed for ESLint's RuleModule; typescript-eslint's RuleTester wants its own shape of the same object.
const rule = plugin.rules['endpoint-unavailable'] as unknown as Parameters<RuleTester['run']>[1];

describe('typed linting (typescript-eslint parser services)', () => {
  const typed = new RuleTester({
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: FIXTURE } },
  });
  typed.run('endpoint-unavailable', rule, {
    valid: [{ filename: MODEM_IN_PROJECT, code: TYPED_ONLY, options: [{ target: '1.31..1.40' }] }],
    invalid: [
      // The checker resolves `modem`; the target comes from the fixture's .docker-api-compat.json.
      { filename: MODEM_IN_PROJECT, code: TYPED_ONLY, errors: [{ message: MESSAGE, line: 4, column: 3, endLine: 4, endColumn: 93 }] } as never,
    ],
  });

  const service = new RuleTester({
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: FIXTURE } },
  });
  service.run('endpoint-unavailable (projectService)', rule, {
    valid: [],
    invalid: [{ filename: MODEM_IN_PROJECT, code: TYPED_ONLY, errors: [{ message: MESSAGE, line: 4, column: 3 }] } as never],
  });
});

/** Only the checker knows `client` is the client ./docker.ts exports; the file never says "dockerode". */
const TYPED_CROSS_FILE = `import { docker } from './docker.js';

export async function clean(client: typeof docker) {
  await client.pruneBuilder();
}
`;
const JOBS_IN_PROJECT = 'src/jobs.ts';

describe('typed linting of a file that uses a client another module exports', () => {
  const service = new RuleTester({
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: FIXTURE } },
  });
  service.run('endpoint-unavailable (typed, cross-file)', rule, {
    valid: [{ filename: JOBS_IN_PROJECT, code: TYPED_CROSS_FILE, options: [{ target: '1.31..1.40' }] }],
    invalid: [{ filename: JOBS_IN_PROJECT, code: TYPED_CROSS_FILE, errors: [{ message: MESSAGE, line: 4, column: 9, endLine: 4, endColumn: 30 }] } as never],
  });

  // Without the checker nothing says what a parameter of type `typeof docker` is.
  new RuleTester().run('endpoint-unavailable (syntax only, cross-file)', rule, {
    valid: [{ filename: path.join(FIXTURE, JOBS_IN_PROJECT), code: TYPED_CROSS_FILE }],
    invalid: [],
  });
});

describe('the same parser without a project: syntax only', () => {
  const untyped = new RuleTester();
  untyped.run('endpoint-unavailable', rule, {
    // Without types nothing says `modem` is a docker-modem Modem.
    valid: [{ filename: MODEM_FILE, code: TYPED_ONLY }],
    invalid: [
      {
        filename: MODEM_FILE,
        code: "const engine: string = 'http://localhost';\nawait fetch(`${engine}/build/prune`, { method: 'POST' });",
        errors: [{ message: MESSAGE, line: 2, column: 7 }],
      } as never,
    ],
  });
});

describe('a Program from any parser', () => {
  // A Program built here stands in for what typescript-eslint (or another TS-aware parser) hands over.
  const program = ts.createProgram({
    rootNames: [MODEM_FILE],
    options: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true, types: [] },
  });
  function lint(code: string, services: { program: unknown } = { program }): Linter.LintMessage[] {
    const parser: Linter.Parser = {
      meta: { name: 'program-parser' },
      parseForESLint(text: string, options?: Record<string, unknown>) {
        const parsed = tsParser.parseForESLint(text, options);
        return { ...parsed, services: { ...parsed.services, ...services } };
      },
    } as Linter.Parser;
    const linter = new Linter({ configType: 'flat', cwd: FIXTURE });
    return linter.verify(
      code,
      [{ files: ['**/*.ts'], languageOptions: { parser }, plugins: { 'docker-api-compat': plugin }, rules: { 'docker-api-compat/endpoint-unavailable': 'error' } }],
      MODEM_FILE,
    );
  }

  it("uses the Program's checker when its copy of the file is what ESLint parsed", () => {
    const text = fs.readFileSync(MODEM_FILE, 'utf8');
    expect(lint(text).map((m) => [m.line, m.column, m.message])).toEqual([[5, 3, MESSAGE]]);
  });

  it('falls back to syntax only when the Program holds another version of the file (an unsaved editor buffer)', () => {
    const edited = `// edited\n${fs.readFileSync(MODEM_FILE, 'utf8')}`;
    expect(lint(edited)).toEqual([]);
  });

  it('leaves a Program of another TypeScript version alone (its SyntaxKind numbers differ)', () => {
    const text = fs.readFileSync(MODEM_FILE, 'utf8');
    const real = program.getSourceFile(MODEM_FILE)!;
    const foreign = new Proxy(real, { get: (target, key) => (key === 'kind' ? ts.SyntaxKind.SourceFile + 1 : Reflect.get(target, key)) });
    let checkerRequests = 0;
    const other = new Proxy(program, {
      get: (target, key) => {
        if (key === 'getSourceFile') return () => foreign;
        if (key === 'getTypeChecker') checkerRequests++;
        return Reflect.get(target, key);
      },
    });
    expect(lint(text, { program: other })).toEqual([]);
    expect(checkerRequests).toBe(0);
  });
});
