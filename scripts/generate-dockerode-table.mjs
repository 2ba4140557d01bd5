#!/usr/bin/env node
/**
 * Reads the installed dockerode's own source (never executes it) and writes
 * src/analyzer/dockerode/table.ts: for every public prototype method of the API classes,
 * the request it sends through `this.modem.dial(...)`, or the class a factory returns.
 *
 *   node scripts/generate-dockerode-table.mjs            # writes the table
 *   node scripts/generate-dockerode-table.mjs --check    # exits 1 when the committed table is stale
 *
 * Plain JavaScript so it runs on Node 20 without a TypeScript loader; the test imports it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** dockerode file -> the class it exports; the order is the table's order. */
export const DOCKERODE_CLASS_FILES = /** @type {const} */ ([
  ['Docker', 'docker.js'],
  ['Container', 'container.js'],
  ['Image', 'image.js'],
  ['Volume', 'volume.js'],
  ['Network', 'network.js'],
  ['Service', 'service.js'],
  ['Task', 'task.js'],
  ['Node', 'node.js'],
  ['Plugin', 'plugin.js'],
  ['Secret', 'secret.js'],
  ['Config', 'config.js'],
  ['Exec', 'exec.js'],
]);

/** Keys docker-modem deletes from every options object before building the query or body. */
const MODEM_STRIPPED_KEYS = ['abortSignal', 'authconfig'];

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '..');
export const TABLE_PATH = join(REPO_ROOT, 'src/analyzer/dockerode/table.ts');

/**
 * @typedef {{ className: string, name: string, fn: ts.FunctionExpression, params: string[] }} ProtoMethod
 * @typedef {{ param: number | null, keys: string[] }} OptionsSource
 */

/** Parses one dockerode file (allowJs) and lists `X.prototype.name = function (...) {...}` members. */
export function listPrototypeMethods(sourceText, fileName) {
  const sf = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  /** @type {ProtoMethod[]} */
  const methods = [];
  for (const statement of sf.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    const expr = statement.expression;
    if (!ts.isBinaryExpression(expr) || expr.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const target = expr.left;
    // `Container.prototype[require('util').inspect.custom]` is an element access: not an API method.
    if (!ts.isPropertyAccessExpression(target)) continue;
    const proto = target.expression;
    if (!ts.isPropertyAccessExpression(proto) || proto.name.text !== 'prototype' || !ts.isIdentifier(proto.expression)) continue;
    if (!ts.isFunctionExpression(expr.right)) continue;
    const name = target.name.text;
    if (name.startsWith('_')) continue;
    methods.push({
      className: proto.expression.text,
      name,
      fn: expr.right,
      params: expr.right.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : '')),
    });
  }
  return methods;
}

/** Every node below `root`, iteratively (dockerode's functions are small, but stay uniform with the analyzer). */
function descendants(root) {
  /** @type {ts.Node[]} */
  const out = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = /** @type {ts.Node} */ (stack.pop());
    out.push(node);
    const children = [];
    node.forEachChild((c) => {
      children.push(c);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

function propertyName(name) {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

function findProperty(obj, key) {
  for (const p of obj.properties) {
    if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && propertyName(p.name) === key) return p;
  }
  return undefined;
}

/** `var <name> = <init>` declared anywhere in the function (dockerode uses `var`, so function scope). */
function findLocalInitializer(fn, name) {
  for (const node of descendants(fn.body)) {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer) {
      return node.initializer;
    }
  }
  return undefined;
}

/** Turns `'/containers/' + this.id + '/json?'` into `{ template: '/containers/{id}/json', query: true }`. */
export function pathTemplateOf(expr, params) {
  /** @type {ts.Expression[]} */
  const parts = [];
  const stack = [expr];
  while (stack.length > 0) {
    const e = /** @type {ts.Expression} */ (stack.pop());
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      stack.push(e.right, e.left);
    } else if (ts.isParenthesizedExpression(e)) {
      stack.push(e.expression);
    } else {
      parts.push(e);
    }
  }
  let text = '';
  for (const part of parts) {
    if (ts.isStringLiteral(part) || ts.isNoSubstitutionTemplateLiteral(part)) {
      text += part.text;
    } else if (ts.isPropertyAccessExpression(part) && part.expression.kind === ts.SyntaxKind.ThisKeyword) {
      // this.id / this.name: the object's identity, named like the spec's path parameters.
      text += `{${part.name.text}}`;
    } else if (ts.isIdentifier(part) && params.includes(part.text)) {
      text += `{${part.text}}`;
    } else {
      throw new Error(`unsupported path part: ${part.getText()}`);
    }
  }
  const query = text.includes('?');
  return { template: query ? text.slice(0, text.indexOf('?')) : text, query };
}

/**
 * Where the value of an `options:` expression comes from: a parameter of the method (its index),
 * keys of an object literal the method builds itself, or both (`extend(optsc, createOptions)`).
 * @returns {OptionsSource}
 */
function resolveOptionsSource(expr, method, depth = 0) {
  /** @type {OptionsSource} */
  const none = { param: null, keys: [] };
  if (!expr || depth > 4) return none;
  if (ts.isParenthesizedExpression(expr)) return resolveOptionsSource(expr.expression, method, depth + 1);
  if (ts.isObjectLiteralExpression(expr)) {
    const keys = [];
    for (const p of expr.properties) {
      const k = p.name ? propertyName(p.name) : undefined;
      if (k !== undefined) keys.push(k);
    }
    return { param: null, keys };
  }
  // args.opts where args = util.processArgs(opts, callback, defaults)
  if (ts.isPropertyAccessExpression(expr) && expr.name.text === 'opts' && ts.isIdentifier(expr.expression)) {
    const init = findLocalInitializer(method.fn, expr.expression.text);
    if (init && ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && init.expression.name.text === 'processArgs') {
      return resolveOptionsSource(init.arguments[0], method, depth + 1);
    }
    return none;
  }
  if (ts.isIdentifier(expr)) {
    const index = method.params.indexOf(expr.text);
    const init = findLocalInitializer(method.fn, expr.text);
    // `var opts = {path: ...}` re-declares the parameter as the dial object (Image.inspect); the
    // options were read from the parameter before that line ran.
    const isDialObject = init !== undefined && ts.isObjectLiteralExpression(init) && findProperty(init, 'path') !== undefined;
    if (index >= 0 && (!(init && ts.isObjectLiteralExpression(init)) || isDialObject)) return { param: index, keys: [] };
    if (init) {
      const base = resolveOptionsSource(init, method, depth + 1);
      // extend(local, param): the user's options are merged over the literal defaults.
      let param = base.param;
      for (const node of descendants(method.fn.body)) {
        if (
          ts.isCallExpression(node) &&
          ts.isIdentifier(node.expression) &&
          node.expression.text === 'extend' &&
          node.arguments.length === 2 &&
          ts.isIdentifier(node.arguments[0]) &&
          node.arguments[0].text === expr.text &&
          ts.isIdentifier(node.arguments[1])
        ) {
          const p = method.params.indexOf(node.arguments[1].text);
          if (p >= 0) param = p;
        }
      }
      return { param, keys: base.keys };
    }
  }
  return none;
}

/** Keys the method itself writes onto the forwarded options at its top level (`args.opts.container = this.id`). */
function addedKeysOf(method, optionsExpr) {
  const keys = [];
  const target = optionsExpr ? optionsExpr.getText() : undefined;
  for (const statement of method.fn.body.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    const e = statement.expression;
    if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    if (!ts.isPropertyAccessExpression(e.left)) continue;
    const owner = e.left.expression.getText();
    if (owner === target || (target === undefined && /^(args\.)?opts$/.test(owner))) keys.push(e.left.name.text);
  }
  return keys;
}

/** Keys removed before the request (`delete opts.authconfig`, `delete optsf.options.registryconfig`). */
function strippedKeysOf(method) {
  const keys = new Set(MODEM_STRIPPED_KEYS);
  for (const node of descendants(method.fn.body)) {
    if (ts.isDeleteExpression(node) && ts.isPropertyAccessExpression(node.expression)) keys.add(node.expression.name.text);
  }
  return [...keys].sort();
}

/** The dial options object: `self.modem.dial(optsf, ...)` -> the literal `optsf` is initialized with. */
function findDialOptions(method) {
  for (const node of descendants(method.fn.body)) {
    if (!ts.isCallExpression(node)) continue;
    const callee = node.expression;
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'dial') continue;
    if (!ts.isPropertyAccessExpression(callee.expression) || callee.expression.name.text !== 'modem') continue;
    const arg = node.arguments[0];
    if (arg && ts.isObjectLiteralExpression(arg)) return arg;
    if (arg && ts.isIdentifier(arg)) {
      // dockerode sometimes shadows the `opts` parameter with the dial object (`var opts = {path: ...}`).
      for (const n of descendants(method.fn.body)) {
        if (
          ts.isVariableDeclaration(n) &&
          ts.isIdentifier(n.name) &&
          n.name.text === arg.text &&
          n.initializer &&
          ts.isObjectLiteralExpression(n.initializer) &&
          findProperty(n.initializer, 'path')
        ) {
          return n.initializer;
        }
      }
    }
    throw new Error(`${method.className}.${method.name}: dial argument is not a literal`);
  }
  return undefined;
}

/** Classes a method hands back: `self.getContainer(data.Id)` -> Container, `new Exec(...)` -> Exec. */
function returnedClassOf(method, factories) {
  for (const node of descendants(method.fn.body)) {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      const cls = DOCKERODE_CLASS_FILES.find(([c]) => c === node.expression.getText());
      if (cls) return cls[0];
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const recv = node.expression.expression;
      if ((recv.kind === ts.SyntaxKind.ThisKeyword || (ts.isIdentifier(recv) && recv.text === 'self')) && factories.has(node.expression.name.text)) {
        return factories.get(node.expression.name.text);
      }
    }
  }
  return null;
}

/** Same-class methods this one calls: `this.createImage.apply(this, argsf)`, `self.createContainer(optsc)`. */
function delegateCallsOf(method, classMethods) {
  /** @type {{ target: string, optionsExpr: ts.Expression | undefined }[]} */
  const calls = [];
  for (const node of descendants(method.fn.body)) {
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) continue;
    let callee = node.expression;
    let args = [...node.arguments];
    let viaApply = false;
    if ((callee.name.text === 'apply' || callee.name.text === 'call') && ts.isPropertyAccessExpression(callee.expression)) {
      viaApply = callee.name.text === 'apply';
      args = args.slice(1);
      callee = callee.expression;
    }
    const recv = callee.expression;
    if (!(recv.kind === ts.SyntaxKind.ThisKeyword || (ts.isIdentifier(recv) && recv.text === 'self'))) continue;
    const target = classMethods.get(callee.name.text);
    if (!target || target === method) continue;
    calls.push({ target: callee.name.text, optionsExpr: undefined });
    const entry = calls[calls.length - 1];
    if (viaApply && args[0] && ts.isIdentifier(args[0])) {
      // argsf = [args.opts, args.callback]: the first element carries the options.
      const init = findLocalInitializer(method.fn, args[0].text);
      if (init && ts.isArrayLiteralExpression(init)) entry.optionsExpr = init.elements[0];
    } else {
      entry.optionsExpr = /** @type {any} */ ({ args });
    }
  }
  return calls;
}

/**
 * @param {string} dockerodeDir  the installed package (`node_modules/dockerode`)
 * @returns {{ version: string, entries: any[], publicMethods: Record<string, string[]> }}
 */
export function buildDockerodeTable(dockerodeDir) {
  const pkg = JSON.parse(readFileSync(join(dockerodeDir, 'package.json'), 'utf8'));
  /** @type {Map<string, ProtoMethod[]>} */
  const byClass = new Map();
  for (const [className, file] of DOCKERODE_CLASS_FILES) {
    const text = readFileSync(join(dockerodeDir, 'lib', file), 'utf8');
    const methods = listPrototypeMethods(text, file).filter((m) => m.className === className);
    byClass.set(className, methods);
  }

  // Factories first: a method whose whole body is `return new <Class>(this.modem, ...)` and never dials.
  /** @type {Map<string, string>} */
  const factories = new Map();
  for (const m of byClass.get('Docker') ?? []) {
    const statements = m.fn.body.statements;
    const only = statements.length === 1 ? statements[0] : undefined;
    if (only && ts.isReturnStatement(only) && only.expression && ts.isNewExpression(only.expression) && ts.isIdentifier(only.expression.expression)) {
      factories.set(m.name, only.expression.expression.text);
    }
  }

  /** @type {Map<string, any>} */
  const entries = new Map();
  /** @type {Record<string, string[]>} */
  const publicMethods = {};
  for (const [className] of DOCKERODE_CLASS_FILES) {
    const methods = byClass.get(className) ?? [];
    publicMethods[className] = methods.map((m) => m.name);
    for (const m of methods) {
      const key = `${className}.${m.name}`;
      if (className === 'Docker' && factories.has(m.name)) {
        entries.set(key, { kind: 'factory', className, name: m.name, returns: factories.get(m.name) });
        continue;
      }
      const dial = findDialOptions(m);
      if (!dial) continue; // delegates and local helpers: second pass
      const pathProp = findProperty(dial, 'path');
      const methodProp = findProperty(dial, 'method');
      if (!pathProp || !ts.isPropertyAssignment(pathProp) || !methodProp || !ts.isPropertyAssignment(methodProp) || !ts.isStringLiteral(methodProp.initializer)) {
        throw new Error(`${key}: dial options without a literal path and method`);
      }
      const { template, query } = pathTemplateOf(pathProp.initializer, m.params);
      const http = methodProp.initializer.text.toUpperCase();
      const optionsProp = findProperty(dial, 'options');
      const optionsExpr = optionsProp && ts.isPropertyAssignment(optionsProp) ? optionsProp.initializer : undefined;
      const source = resolveOptionsSource(optionsExpr, m);
      const authProp = findProperty(dial, 'authconfig');
      let authArg = null;
      if (authProp && ts.isPropertyAssignment(authProp)) {
        const init = authProp.initializer;
        // `authconfig: auth` (a parameter) or `args.opts.authconfig || auth`: the auth parameter's position.
        for (const n of descendants(init)) {
          if (ts.isIdentifier(n) && m.params.includes(n.text) && n.parent && !ts.isPropertyAccessExpression(n.parent)) {
            authArg = m.params.indexOf(n.text);
          }
        }
      }
      const fileProp = findProperty(dial, 'file');
      const sendsFile = fileProp !== undefined;
      const forwardsOptions = optionsExpr !== undefined;
      entries.set(key, {
        kind: 'request',
        className,
        name: m.name,
        http,
        path: template,
        // docker-modem: a `?` in the path sends the options (or their `_query`) as the query string;
        // a POST without a file upload also sends them (or their `_body`) as the JSON body.
        optionsInQuery: forwardsOptions && query,
        optionsInBody: forwardsOptions && http === 'POST' && !sendsFile,
        optionsArg: source.param,
        authArg,
        addedKeys: [...new Set([...source.keys, ...addedKeysOf(m, optionsExpr)])].sort(),
        strippedKeys: strippedKeysOf(m),
        resolves: returnedClassOf(m, factories),
      });
    }
  }

  // Second pass: methods that send their request through another method of the same class
  // (pull -> createImage, run -> runPromise -> createContainer), resolved until a fixed point.
  for (let round = 0; round < 5; round++) {
    for (const [className] of DOCKERODE_CLASS_FILES) {
      const methods = byClass.get(className) ?? [];
      const classMethods = new Map(methods.map((m) => [m.name, m]));
      for (const m of methods) {
        const key = `${className}.${m.name}`;
        if (entries.has(key) && entries.get(key).kind !== 'delegate') continue;
        const calls = delegateCallsOf(m, classMethods);
        /** @type {Set<string>} */
        const targets = new Set();
        let optionsArg = null;
        /** @type {Set<string>} */
        const added = new Set(addedKeysOf(m, undefined));
        let complete = calls.length > 0;
        for (const call of calls) {
          const target = entries.get(`${className}.${call.target}`);
          if (!target || target.kind === 'local' || target.kind === 'factory') {
            if (!target) complete = false;
            continue;
          }
          const targetNames = target.kind === 'delegate' ? target.delegatesTo : [call.target];
          for (const t of targetNames) targets.add(t);
          for (const k of target.kind === 'delegate' ? target.addedKeys : []) added.add(k);
          // Which of this method's parameters ends up as the target's options.
          let source = { param: null, keys: /** @type {string[]} */ ([]) };
          const e = call.optionsExpr;
          if (e && 'args' in e) {
            const arg = target.optionsArg === null ? undefined : e.args[target.optionsArg];
            if (arg) source = resolveOptionsSource(arg, m);
          } else if (e) {
            source = resolveOptionsSource(e, m);
          }
          if (source.param !== null) optionsArg = source.param;
          for (const k of source.keys) added.add(k);
        }
        if (!complete) continue;
        if (targets.size === 0) continue;
        entries.set(key, {
          kind: 'delegate',
          className,
          name: m.name,
          delegatesTo: [...targets].sort(),
          optionsArg,
          addedKeys: [...added].sort(),
        });
      }
    }
  }

  // Whatever is left dials nothing itself and calls no request method (followProgress).
  for (const [className] of DOCKERODE_CLASS_FILES) {
    for (const m of byClass.get(className) ?? []) {
      const key = `${className}.${m.name}`;
      if (!entries.has(key)) entries.set(key, { kind: 'local', className, name: m.name });
    }
  }

  const ordered = [];
  for (const [className] of DOCKERODE_CLASS_FILES) {
    for (const name of [...(publicMethods[className] ?? [])].sort()) ordered.push(entries.get(`${className}.${name}`));
  }
  return { version: pkg.version, entries: ordered, publicMethods };
}

/** Renders the table module; deterministic (entries sorted by class order, then name). */
export function renderDockerodeTable(table) {
  const lines = [
    `// generated by scripts/generate-dockerode-table.mjs from dockerode@${table.version}; do not edit`,
    `import type { DockerodeMethodEntry } from './table-entry.js';`,
    ``,
    `export const DOCKERODE_TABLE_VERSION = ${JSON.stringify(table.version)};`,
    ``,
    `export const DOCKERODE_TABLE: readonly DockerodeMethodEntry[] = [`,
  ];
  for (const entry of table.entries) lines.push(`  ${JSON.stringify(entry)},`);
  lines.push(`];`, ``);
  return lines.join('\n');
}

/** The table module text for the dockerode installed under `dockerodeDir`. */
export function generateDockerodeTable(dockerodeDir = join(REPO_ROOT, 'node_modules/dockerode')) {
  return renderDockerodeTable(buildDockerodeTable(dockerodeDir));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = generateDockerodeTable();
  if (process.argv.includes('--check')) {
    const current = readFileSync(TABLE_PATH, 'utf8');
    if (current !== text) {
      process.stderr.write(`${TABLE_PATH} is stale; run node scripts/generate-dockerode-table.mjs\n`);
      process.exit(1);
    }
  } else {
    writeFileSync(TABLE_PATH, text);
    process.stdout.write(`wrote ${TABLE_PATH}\n`);
  }
}
