import { runRuleTests } from './rule-tester.js';

runRuleTests('parameter-deprecated', {
  valid: [
    { method: 'GET', path: '/containers/json', keys: ['query:all'] },
    { method: 'POST', path: '/containers/create', keys: ['body:HostConfig.OldOption'], target: '1.38..1.41' },
    { name: 'an unknown key is not deprecated', method: 'POST', path: '/containers/create', keys: ['body:Nope'] },
  ],
  invalid: [
    {
      method: 'POST',
      path: '/containers/create',
      keys: ['body:HostConfig.OldOption'],
      line: 8,
      column: 14,
      errors: [
        {
          message: 'POST /containers/create body field HostConfig.OldOption is deprecated in API 1.42..1.53 (target 1.40..1.53): deprecated since 1.42',
          line: 8,
          column: 14,
          element: 'POST /containers/create HostConfig.OldOption',
          versions: ['1.42', '1.43', '1.44', '1.52', '1.53'],
        },
      ],
    },
    {
      method: 'GET',
      path: '/images/json',
      keys: ['query:digests'],
      errors: [
        {
          message: 'GET /images/json query parameter digests is deprecated in API 1.44..1.53 (target 1.40..1.53): deprecated since 1.44',
          line: 1,
          column: 1,
        },
      ],
    },
    {
      method: 'GET',
      path: '/images/json',
      keys: ['query:digests'],
      pinned: '1.52',
      errors: [{ message: 'GET /images/json query parameter digests is deprecated in API 1.52 (pinned to 1.52): deprecated since 1.44', line: 1, column: 1 }],
    },
  ],
});
