import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RuleTester } from 'eslint';
import { afterAll, describe, it } from 'vitest';
import plugin from '../../src/eslint-plugin/index.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

// A package.json with an empty docker-api-compat key ends the upward config search here, so no
// config of the machine running the tests leaks in.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dac-eslint-rules-'));
fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'x', 'docker-api-compat': {} }));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const filename = path.join(root, 'client.js');
const ruleTester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

ruleTester.run('endpoint-unavailable', plugin.rules['endpoint-unavailable'], {
  valid: [
    { filename, code: "fetch('http://localhost/build/prune', { method: 'POST' });", options: [{ target: '1.31..1.40' }] },
    // Not an Engine API path at all.
    { filename, code: "fetch('http://localhost/api/users', { method: 'POST' });", options: [{ target: '1.25..1.30' }] },
  ],
  invalid: [
    {
      filename,
      code: "async function prune() {\n  await fetch('http://localhost/build/prune', { method: 'POST' });\n}",
      options: [{ target: '1.25..1.35' }],
      errors: [
        {
          message: 'POST /build/prune is not available in API 1.25..1.30 (target 1.25..1.35): added in 1.31',
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 66,
        },
      ],
    },
  ],
});

ruleTester.run('endpoint-deprecated', plugin.rules['endpoint-deprecated'], {
  valid: [{ filename, code: "fetch('http://localhost/session', { method: 'POST' });", options: [{ target: '1.31..1.52' }] }],
  invalid: [
    {
      filename,
      code: "fetch('http://localhost/session', { method: 'POST' });",
      options: [{ target: '1.50..1.53' }],
      errors: [{ message: 'POST /session is deprecated in API 1.53 (target 1.50..1.53): deprecated since 1.53', line: 1, column: 1 }],
    },
  ],
});

ruleTester.run('parameter-unavailable', plugin.rules['parameter-unavailable'], {
  valid: [{ filename, code: "fetch('http://localhost/images/json?shared-size=1');", options: [{ target: '1.42..1.45' }] }],
  invalid: [
    {
      filename,
      code: "const images = await fetch('http://localhost/images/json?shared-size=1');",
      options: [{ target: '1.40..1.45' }],
      errors: [
        {
          message: 'GET /images/json query parameter shared-size is not available in API 1.40..1.41 (target 1.40..1.45): added in 1.42',
          line: 1,
          column: 22,
        },
      ],
    },
  ],
});

ruleTester.run('parameter-deprecated', plugin.rules['parameter-deprecated'], {
  valid: [{ filename, code: "fetch('http://localhost/build/prune?keep-storage=1', { method: 'POST' });", options: [{ target: '1.40..1.47' }] }],
  invalid: [
    {
      filename,
      code: "\n\nfetch('http://localhost/build/prune?keep-storage=1', { method: 'POST' });",
      options: [{ target: '1.45..1.49' }],
      errors: [
        {
          message: 'POST /build/prune query parameter keep-storage is deprecated in API 1.48..1.49 (target 1.45..1.49): deprecated since 1.48, removed in 1.52',
          line: 3,
          column: 1,
        },
      ],
    },
  ],
});

ruleTester.run('unknown-endpoint', plugin.rules['unknown-endpoint'], {
  valid: [{ filename, code: "fetch('http://localhost/containers/abc/json');" }],
  invalid: [
    {
      filename,
      code: "fetch('http://localhost/containers/abc/jsn');",
      errors: [
        {
          message: 'GET /containers/abc/jsn is not an endpoint of any Docker Engine API version; did you mean GET /containers/{id}/json?',
          line: 1,
          column: 1,
        },
      ],
    },
  ],
});

ruleTester.run('pinned-version', plugin.rules['pinned-version'], {
  valid: [{ filename, code: "fetch('http://localhost/v1.41/info');", options: [{ target: '1.41..1.45' }] }],
  invalid: [
    {
      filename,
      code: "fetch('http://localhost/v1.99/info');",
      errors: [{ message: 'GET /info is pinned to API 1.99, which is not a known API version', line: 1, column: 1 }],
    },
    {
      filename,
      code: "fetch('http://localhost/v1.24/info');",
      options: [{ target: '1.30..1.40' }],
      errors: [{ message: 'GET /info is pinned to API 1.24, outside the target range 1.30..1.40', line: 1, column: 1 }],
    },
  ],
});

describe('suppression comments', () => {
  ruleTester.run('endpoint-unavailable', plugin.rules['endpoint-unavailable'], {
    valid: [
      {
        filename,
        code: "// docker-api-compat-disable-next-line endpoint-unavailable\nfetch('http://localhost/build/prune', { method: 'POST' });",
        options: [{ target: '1.25..1.30' }],
      },
    ],
    invalid: [
      {
        // A directive for another rule suppresses nothing here.
        filename,
        code: "// docker-api-compat-disable-next-line pinned-version\nfetch('http://localhost/build/prune', { method: 'POST' });",
        options: [{ target: '1.30' }],
        errors: [{ message: 'POST /build/prune is not available in API 1.30 (target 1.30..1.55): added in 1.31', line: 2, column: 1 }],
      },
    ],
  });
});
