import type { CallRecord, UnknownCall } from '../model/call.js';
import type { RuleMeta } from '../model/finding.js';
import type { ApiHistory } from '../model/history.js';
import type { TargetRange } from './target.js';

/** The fixed rule ids; `rules/index.ts` must hold exactly these. */
export const RULE_IDS = [
  'endpoint-unavailable',
  'endpoint-deprecated',
  'parameter-unavailable',
  'parameter-deprecated',
  'unknown-endpoint',
  'pinned-version',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export function isRuleId(text: string): text is RuleId {
  return (RULE_IDS as readonly string[]).includes(text);
}

export interface RuleContext {
  history: ApiHistory;
  target: TargetRange;
  /** The versions this call is checked against: its pinned version when it has a known one, else the target range. */
  versions: readonly string[];
  /** How messages name those versions: `target 1.40..1.55` or `pinned to 1.41`. */
  scope: string;
}

/** One problem a rule found; the engine turns it into a Finding with the rule's severity. */
export interface RuleProblem<MessageId extends string = string> {
  messageId: MessageId;
  /** Values for the message template's `{{placeholders}}`. */
  data: Record<string, string>;
  /** The element the problem is about (see Finding.element). */
  element: string;
  /** The versions where the problem holds. */
  versions: string[];
}

interface RuleBase<MessageId extends string> {
  meta: RuleMeta & { id: RuleId };
  /** Message templates with `{{placeholder}}`s, by message id. */
  messages: Record<MessageId, string>;
}

/** A rule over calls that matched an endpoint template. Pure: no I/O, same input -> same output. */
export interface CallRule<MessageId extends string = string> extends RuleBase<MessageId> {
  appliesTo: 'call';
  check(call: CallRecord, context: RuleContext): RuleProblem<MessageId>[];
}

/** A rule over calls whose path matched no template of any version. */
export interface UnknownCallRule<MessageId extends string = string> extends RuleBase<MessageId> {
  appliesTo: 'unknown';
  check(call: UnknownCall, context: RuleContext): RuleProblem<MessageId>[];
}

export type Rule = CallRule | UnknownCallRule;

/** Identity with inference, so a rule's `check` can only return its own message ids. */
export function defineRule<MessageId extends string>(rule: CallRule<MessageId>): CallRule<MessageId>;
export function defineRule<MessageId extends string>(rule: UnknownCallRule<MessageId>): UnknownCallRule<MessageId>;
export function defineRule(rule: Rule): Rule {
  return rule;
}

export function createDocsUrl(id: RuleId): string {
  return `https://github.com/docker-api-compat/docker-api-compat/blob/main/rules/${id}.md`;
}

/** Fills `{{name}}` placeholders; a placeholder without data is a bug in the rule, not a user error. */
export function formatMessage(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`message placeholder {{${name}}} has no data`);
    return value;
  });
}
