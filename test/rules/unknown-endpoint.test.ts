import { runRuleTests } from './rule-tester.js';

runRuleTests('unknown-endpoint', {
  valid: [{ name: 'calls that matched a template are not its business', method: 'GET', path: '/nowhere' }],
  invalid: [
    {
      method: 'GET',
      path: '/containers/{}/jsn',
      unknown: { nearest: { method: 'GET', path: '/containers/{id}/json' } },
      line: 2,
      column: 15,
      errors: [
        {
          message: 'GET /containers/{}/jsn is not an endpoint of any Docker Engine API version; did you mean GET /containers/{id}/json?',
          line: 2,
          column: 15,
          element: 'GET /containers/{}/jsn',
        },
      ],
    },
    {
      method: 'DELETE',
      path: '/system/everything',
      unknown: { nearest: null },
      errors: [{ message: 'DELETE /system/everything is not an endpoint of any Docker Engine API version', line: 1, column: 1 }],
    },
  ],
});
