import { runRuleTests } from './rule-tester.js';

runRuleTests('endpoint-deprecated', {
  valid: [
    { method: 'GET', path: '/containers/json' },
    { method: 'GET', path: '/old/thing', target: '1.38..1.40' },
    { name: 'an endpoint missing from the history is not deprecated', method: 'GET', path: '/nowhere' },
  ],
  invalid: [
    {
      method: 'GET',
      path: '/old/thing',
      line: 4,
      column: 9,
      errors: [
        {
          message: 'GET /old/thing is deprecated in API 1.41..1.43 (target 1.40..1.53): deprecated since 1.41, removed in 1.44',
          line: 4,
          column: 9,
          element: 'GET /old/thing',
          versions: ['1.41', '1.42', '1.43'],
        },
      ],
    },
    {
      method: 'GET',
      path: '/old/thing',
      pinned: '1.42',
      errors: [{ message: 'GET /old/thing is deprecated in API 1.42 (pinned to 1.42): deprecated since 1.41, removed in 1.44', line: 1, column: 1 }],
    },
  ],
});
