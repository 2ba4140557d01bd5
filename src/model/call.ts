import type { HttpMethod } from './surface.js';

/** Which client library a call goes through. */
export type CallVia = 'fetch' | 'axios' | 'got' | 'http' | 'docker-modem' | 'dockerode' | 'docker-sdk';

export interface SourceLocation {
  /** Path as given to the analyzer (the scan command prints it relative to the working directory). */
  file: string;
  /** 1-based line and column where the call expression starts; end is where it ends. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Where a call sends a key: the query string, the JSON request body (dotted path), or a header. */
export type CallKeyLocation = 'query' | 'body' | 'header' | 'path';

export interface CallKey {
  name: string;
  in: CallKeyLocation;
}

/**
 * One Engine API call found in user code: plain data, no TypeScript nodes,
 * so rules and formatters run without a Program.
 */
export interface CallRecord {
  location: SourceLocation;
  method: HttpMethod;
  /** The spec template it matched: `/containers/{id}/json`. */
  path: string;
  via: CallVia;
  keys: CallKey[];
  /** `1.41` when the call is pinned by a `/v1.41/` prefix or a client `version` option, else null. */
  pinnedVersion: string | null;
}

/** A call whose path looks like the Engine API but matches no template of any version. */
export interface UnknownCall {
  location: SourceLocation;
  method: HttpMethod;
  /** The path as written, with unresolved parts shown as `{}`. */
  path: string;
  via: CallVia;
  pinnedVersion: string | null;
  /** The closest template of any version, when one is close enough to be a likely typo. */
  nearest?: { method: HttpMethod; path: string };
}

export type NoticeKind = 'parse-error' | 'binary-file' | 'unreadable' | 'too-large' | 'vanished' | 'symlink-loop' | 'internal';

/** Something about an input file the user should know; never fatal for the run. */
export interface FileNotice {
  file: string;
  kind: NoticeKind;
  message: string;
  line?: number;
  column?: number;
}

export interface ScanResult {
  files: string[];
  calls: CallRecord[];
  unknown: UnknownCall[];
  notices: FileNotice[];
}
