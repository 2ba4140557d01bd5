import { runRuleTests } from './rule-tester.js';

runRuleTests('endpoint-unavailable', {
  valid: [
    { method: 'GET', path: '/containers/json' },
    { method: 'POST', path: '/new/thing', target: '1.42' },
    { method: 'GET', path: '/old/thing', target: '1.40..1.43' },
    { name: 'a pinned call is checked against its pinned version only', method: 'POST', path: '/new/thing', pinned: '1.44' },
  ],
  invalid: [
    {
      method: 'POST',
      path: '/new/thing',
      line: 3,
      column: 5,
      errors: [
        {
          message: 'POST /new/thing is not available in API 1.40..1.41 (target 1.40..1.53): added in 1.42',
          line: 3,
          column: 5,
          element: 'POST /new/thing',
          versions: ['1.40', '1.41'],
        },
      ],
    },
    {
      method: 'GET',
      path: '/old/thing',
      line: 7,
      column: 12,
      errors: [{ message: 'GET /old/thing is not available in API 1.44..1.53 (target 1.40..1.53): removed in 1.44', line: 7, column: 12 }],
    },
    {
      name: 'the in-development version is in the range only when named',
      method: 'GET',
      path: '/old/thing',
      target: '1.43..1.56',
      errors: [{ message: 'GET /old/thing is not available in API 1.44..1.56 (target 1.43..1.56): removed in 1.44', line: 1, column: 1 }],
    },
    {
      method: 'POST',
      path: '/new/thing',
      pinned: '1.41',
      line: 2,
      column: 3,
      errors: [{ message: 'POST /new/thing is not available in API 1.41 (pinned to 1.41): added in 1.42', line: 2, column: 3, versions: ['1.41'] }],
    },
    {
      name: 'an endpoint no version has',
      method: 'GET',
      path: '/nowhere',
      errors: [{ message: 'GET /nowhere is not available in API 1.40..1.53 (target 1.40..1.53): not in any API version', line: 1, column: 1 }],
    },
  ],
});
