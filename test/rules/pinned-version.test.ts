import { runRuleTests } from './rule-tester.js';

runRuleTests('pinned-version', {
  valid: [
    { method: 'GET', path: '/containers/json' },
    { method: 'GET', path: '/containers/json', pinned: '1.41' },
    { name: 'v-prefixed pins are normalized', method: 'GET', path: '/containers/json', pinned: 'v1.53' },
    { name: 'daemons older than 29.0 state no default floor', method: 'GET', path: '/containers/json', pinned: '1.38', target: '1.38..1.44' },
  ],
  invalid: [
    {
      method: 'GET',
      path: '/containers/json',
      pinned: '1.39',
      line: 6,
      column: 2,
      errors: [{ message: 'GET /containers/json is pinned to API 1.39, outside the target range 1.40..1.53', line: 6, column: 2, versions: ['1.39'] }],
    },
    {
      method: 'GET',
      path: '/containers/json',
      pinned: '1.56',
      errors: [{ message: 'GET /containers/json is pinned to API 1.56, outside the target range 1.40..1.53', line: 1, column: 1 }],
    },
    {
      name: 'Engine 29.0 (API 1.52) refuses versions below 1.44 by default',
      method: 'GET',
      path: '/containers/json',
      pinned: '1.42',
      target: '1.40..1.52',
      errors: [
        {
          message: 'GET /containers/json is pinned to API 1.42, older than 1.44, the oldest version a daemon serving API 1.52 accepts by default',
          line: 1,
          column: 1,
        },
      ],
    },
    {
      method: 'GET',
      path: '/containers/json',
      pinned: '1.99',
      errors: [{ message: 'GET /containers/json is pinned to API 1.99, which is not a known API version', line: 1, column: 1 }],
    },
  ],
});
