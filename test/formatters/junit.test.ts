import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXml, formatJunit } from '../../src/formatters/junit.js';
import type { FileResult } from '../../src/model/finding.js';
import { CONTEXT, CWD, RESULTS } from './fixtures.js';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeReferences(raw: string): string {
  if (/[<]|&(?!(?:lt|gt|amp|quot|apos|#\d+);)/u.test(raw)) throw new Error(`unescaped markup in ${JSON.stringify(raw)}`);
  return raw.replace(/&(lt|gt|amp|quot|apos|#\d+);/gu, (_m, ref: string) => (ref.startsWith('#') ? String.fromCodePoint(Number(ref.slice(1))) : ENTITIES[ref]!));
}

/**
 * A strict reader for the XML subset the formatter writes (declaration, elements, attributes,
 * CDATA, whitespace): it throws on anything else, so it doubles as a well-formedness check.
 */
function parseXml(xml: string): XmlElement {
  // Characters XML 1.0 forbids anywhere, even escaped.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u.test(xml)) throw new Error('character not allowed in XML');
  const declaration = /^<\?xml version="1\.0" encoding="utf-8"\?>\n/u.exec(xml);
  if (!declaration) throw new Error('missing XML declaration');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const token = /<!\[CDATA\[([\s\S]*?)\]\]>|<\/([A-Za-z][\w.-]*)\s*>|<([A-Za-z][\w.-]*)((?:\s+[A-Za-z][\w.-]*="[^"]*")*)\s*(\/?)>|([^<]+)/uy;
  token.lastIndex = declaration[0].length;
  while (token.lastIndex < xml.length) {
    const start = token.lastIndex;
    const match = token.exec(xml);
    if (!match) throw new Error(`malformed XML at offset ${start}: ${JSON.stringify(xml.slice(start, start + 40))}`);
    const [, cdata, closing, opening, attributeText, selfClosing, text] = match;
    const current = stack.at(-1)!;
    if (cdata !== undefined) current.text += cdata;
    else if (closing !== undefined) {
      if (current.name !== closing || stack.length === 1) throw new Error(`mismatched </${closing}> for <${current.name}>`);
      stack.pop();
    } else if (opening !== undefined) {
      const element: XmlElement = { name: opening, attributes: {}, children: [], text: '' };
      for (const [, key, value] of (attributeText ?? '').matchAll(/([A-Za-z][\w.-]*)="([^"]*)"/gu)) {
        if (key! in element.attributes) throw new Error(`duplicate attribute ${key}`);
        element.attributes[key!] = decodeReferences(value!);
      }
      if (stack.length === 1 && root.children.length > 0) throw new Error('more than one root element');
      current.children.push(element);
      if (!selfClosing) stack.push(element);
    } else if (text !== undefined) {
      if (stack.length === 1 ? text.trim() !== '' : false) throw new Error('text outside the root element');
      current.text += decodeReferences(text);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  return root.children[0]!;
}

describe('junit', () => {
  it('prints a testsuite per file and a failing testcase per problem', () => {
    expect(formatJunit(RESULTS, CONTEXT)).toMatchSnapshot();
  });

  it('is well-formed XML whose counts and messages read back exactly', () => {
    const root = parseXml(formatJunit(RESULTS, CONTEXT));
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '6', failures: '5', errors: '0' });
    expect(root.children.map((suite) => [suite.attributes.name, suite.attributes.tests, suite.attributes.failures])).toEqual([
      ['src/clean.ts', '1', '0'],
      ['src/client.ts', '4', '4'],
      ['src/odd name, with: chars%.ts', '1', '1'],
    ]);
    const [clean, client, odd] = root.children;
    expect(clean!.children[0]!.children).toEqual([]);
    expect(client!.children.map((c) => c.attributes.name)).toEqual([
      'docker-api-compat.no-removed-endpoint',
      'docker-api-compat.unused-disable-directive',
      'docker-api-compat.no-deprecated-parameter',
      'docker-api-compat.no-removed-endpoint',
    ]);
    const failure = odd!.children[0]!.children[0]!;
    const message = RESULTS[2]!.findings[0]!.message;
    expect(failure.name).toBe('failure');
    expect(failure.attributes.message).toBe(message);
    expect(failure.text).toBe(`line 1, col 1, Warning - ${message} (no-unknown-rule)`);
    expect(odd!.children[0]!.attributes.classname).toBe('src/odd name, with: chars%');
  });

  it('stays well-formed for any message, replacing only characters XML cannot carry', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (message) => {
        const result: FileResult = {
          filePath: `${CWD}/a.ts`,
          findings: [{ ruleId: 'r', severity: 'error', message, element: 'GET /x', versions: [], location: { file: 'a.ts', line: 1, column: 1, endLine: 1, endColumn: 2 } }],
          unusedDirectives: [],
        };
        const failure = parseXml(formatJunit([result], CONTEXT)).children[0]!.children[0]!.children[0]!;
        const representable = message.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu, '\uFFFD');
        expect(failure.attributes.message).toBe(representable);
        expect(failure.text).toBe(`line 1, col 1, Error - ${representable} (r)`);
      }),
    );
  });

  it('escapes markup and whitespace in attributes', () => {
    expect(escapeXml(`<a href="x">&'\t\n\r`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#9;&#10;&#13;');
    expect(escapeXml('ok \u{1F433}')).toBe('ok \u{1F433}');
    expect(escapeXml('bad \u0000\uD800 x')).toBe('bad \uFFFD\uFFFD x');
  });

  it('prints an empty testsuites element for no files', () => {
    expect(parseXml(formatJunit([], CONTEXT))).toEqual({ name: 'testsuites', attributes: { name: 'docker-api-compat', tests: '0', failures: '0', errors: '0' }, children: [], text: '\n' });
  });
});
