import type { CommandDefinition } from '../command.js';
import { changelogCommand } from './changelog.js';
import { diffCommand } from './diff.js';
import { endpointsCommand } from './endpoints.js';
import { lintCommand } from './lint.js';
import { matrixCommand } from './matrix.js';
import { scanCommand } from './scan.js';
import { sinceCommand } from './since.js';
import { specsCommand } from './specs.js';
import { versionsCommand } from './versions.js';

/** Every command, in the order `--help` lists them. A test checks this matches the folder. */
export const COMMANDS: readonly CommandDefinition[] = [
  versionsCommand,
  endpointsCommand,
  sinceCommand,
  diffCommand,
  changelogCommand,
  scanCommand,
  lintCommand,
  matrixCommand,
  specsCommand,
];
