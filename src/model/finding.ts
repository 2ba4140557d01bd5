import type { SourceLocation } from './call.js';

export type Severity = 'error' | 'warning';
export type RuleSetting = 'off' | 'warn' | 'error';

/** A lint finding: data only. Formatters turn findings into text. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The element the finding is about: `POST /containers/create`, `GET /images/json shared-size`, `POST /containers/create HostConfig.CgroupnsMode`. */
  element: string;
  /** The versions of the target range where the problem holds. */
  versions: string[];
  location: SourceLocation;
}

/** All findings of one file, the unit every formatter works on (ESLint's LintResult, in spirit). */
export interface FileResult {
  /** Absolute path. */
  filePath: string;
  findings: Finding[];
  /** Disable directives that suppressed nothing, when asked for. */
  unusedDirectives: SourceLocation[];
  /** Source text, for formatters that show context; may be absent. */
  source?: string;
}

/** What formatters and docs need to know about a rule. */
export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** One line. */
  description: string;
  /** Where the rule's docs page lives (rules/<id>.md in the repository). */
  docsUrl: string;
}

export interface FormatterContext {
  cwd: string;
  rules: readonly RuleMeta[];
  toolVersion: string;
}

/** Formatters turn results into a string and never print. */
export type Formatter = (results: readonly FileResult[], context: FormatterContext) => string;
