import { runRuleTests } from './rule-tester.js';

runRuleTests('parameter-unavailable', {
  valid: [
    { method: 'GET', path: '/containers/json', keys: ['query:all', 'query:filters'] },
    { method: 'POST', path: '/containers/create', keys: ['body:Image', 'body:HostConfig', 'body:HostConfig.Binds'] },
    { name: 'a field added in the first targeted version', method: 'POST', path: '/containers/create', keys: ['body:HostConfig.CgroupnsMode'], target: '1.41' },
    { name: 'keys of a free-form map may contain dots', method: 'POST', path: '/containers/create', keys: ['body:Labels.com.example.team'] },
    { name: 'an object without declared children takes any sub-key', method: 'POST', path: '/containers/create', keys: ['body:Extra.any.thing'] },
    {
      name: 'declared children below a map value whose key has dots',
      method: 'POST',
      path: '/containers/create',
      keys: ['body:NetworkingConfig.EndpointsConfig.my.net.IPAMConfig.IPv4Address'],
    },
    {
      name: 'objects the analyzer descends into may end at a dotted map key',
      method: 'POST',
      path: '/containers/create',
      keys: [
        'body:NetworkingConfig',
        'body:NetworkingConfig.EndpointsConfig',
        'body:NetworkingConfig.EndpointsConfig.my.net',
        'body:NetworkingConfig.EndpointsConfig.my.net.IPAMConfig',
        'body:NetworkingConfig.EndpointsConfig.my.net.IPAMConfig.IPv4Address',
      ],
    },
    { name: 'a map entry set whole', method: 'POST', path: '/containers/create', keys: ['body:NetworkingConfig.EndpointsConfig.mynet'] },
    { name: 'a pathologically long map key is not a crash', method: 'POST', path: '/containers/create', keys: [`body:Labels.${'a.'.repeat(30_000)}b`] },
    { name: 'headers match case-insensitively', method: 'POST', path: '/images/create', keys: ['header:x-registry-auth'] },
    { name: 'plain HTTP headers are not API parameters', method: 'POST', path: '/images/create', keys: ['header:Content-Type'] },
    { name: 'path parameters of the template', method: 'POST', path: '/containers/{id}/start', keys: ['path:id'] },
    {
      name: 'a markdown version that declares no body fields cannot be judged',
      method: 'POST',
      path: '/containers/create',
      keys: ['body:Whatever'],
      target: '1.24..1.24',
    },
    {
      name: 'parameters are not reported again where the endpoint itself is missing',
      method: 'POST',
      path: '/new/thing',
      keys: ['query:q'],
    },
  ],
  invalid: [
    {
      method: 'POST',
      path: '/containers/create',
      keys: ['body:HostConfig.CgroupnsMode'],
      line: 10,
      column: 3,
      errors: [
        {
          message: 'POST /containers/create body field HostConfig.CgroupnsMode is not available in API 1.40 (target 1.40..1.53): added in 1.41',
          line: 10,
          column: 3,
          element: 'POST /containers/create HostConfig.CgroupnsMode',
          versions: ['1.40'],
        },
      ],
    },
    {
      method: 'GET',
      path: '/containers/json',
      keys: ['query:legacy'],
      errors: [
        {
          message: 'GET /containers/json query parameter legacy is not available in API 1.41..1.53 (target 1.40..1.53): removed in 1.41',
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: 'a parameter that vanished and came back',
      method: 'GET',
      path: '/containers/json',
      keys: ['query:comeback'],
      target: '1.38',
      errors: [
        {
          message: 'GET /containers/json query parameter comeback is not available in API 1.39..1.41 (target 1.38..1.53): removed in 1.39, back in 1.42',
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: 'a new object is reported once, not once per sub-key',
      method: 'POST',
      path: '/containers/create',
      keys: ['body:NewThing', 'body:NewThing.A', 'body:NewThing.B'],
      errors: [
        {
          message: 'POST /containers/create body field NewThing is not available in API 1.40..1.42 (target 1.40..1.53): added in 1.43',
          line: 1,
          column: 1,
          element: 'POST /containers/create NewThing',
        },
      ],
    },
    {
      name: 'a field below a map value',
      method: 'POST',
      path: '/containers/create',
      keys: ['body:NetworkingConfig.EndpointsConfig', 'body:NetworkingConfig.EndpointsConfig.my.net', 'body:NetworkingConfig.EndpointsConfig.my.net.MacAddress'],
      errors: [
        {
          message:
            'POST /containers/create body field NetworkingConfig.EndpointsConfig.my.net.MacAddress is not available in API 1.40..1.43 (target 1.40..1.53): added in 1.44',
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: 'a misspelt object is reported at the misspelling',
      method: 'POST',
      path: '/containers/create',
      keys: ['body:HostConfg.Binds'],
      errors: [
        {
          message: 'POST /containers/create body field HostConfg is not available in API 1.40..1.53 (target 1.40..1.53): not in any API version',
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: 'a misspelt query parameter',
      method: 'GET',
      path: '/containers/json',
      keys: ['query:alll'],
      errors: [
        {
          message: 'GET /containers/json query parameter alll is not available in API 1.40..1.53 (target 1.40..1.53): not in any API version',
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: 'markdown versions neither hide nor cause the finding',
      method: 'POST',
      path: '/containers/create',
      keys: ['body:HostConfig.CgroupnsMode'],
      target: '1.24..1.40',
      errors: [
        {
          message: 'POST /containers/create body field HostConfig.CgroupnsMode is not available in API 1.38..1.40 (target 1.24..1.40): added in 1.41',
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: 'a pinned call is checked against its pinned version',
      method: 'POST',
      path: '/containers/create',
      keys: ['body:HostConfig.CgroupnsMode'],
      pinned: '1.40',
      target: '1.38',
      errors: [
        {
          message: 'POST /containers/create body field HostConfig.CgroupnsMode is not available in API 1.40 (pinned to 1.40): added in 1.41',
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: 'several problems of one call, in message order',
      method: 'POST',
      path: '/containers/create',
      keys: ['body:NewThing.A', 'body:HostConfig.CgroupnsMode'],
      line: 5,
      column: 7,
      errors: [
        {
          message: 'POST /containers/create body field HostConfig.CgroupnsMode is not available in API 1.40 (target 1.40..1.53): added in 1.41',
          line: 5,
          column: 7,
        },
        {
          message: 'POST /containers/create body field NewThing is not available in API 1.40..1.42 (target 1.40..1.53): added in 1.43',
          line: 5,
          column: 7,
        },
      ],
    },
  ],
});
