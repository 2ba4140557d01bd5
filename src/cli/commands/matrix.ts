import { UsageError } from '../../errors.js';
import { defineCommand } from '../command.js';

// Not implemented yet: a placeholder so the registry and help list the command.
export const matrixCommand = defineCommand({
  command: 'matrix',
  describe: 'matrix (not implemented yet)',
  builder: (yargs) => yargs,
  run: async () => {
    throw new UsageError('matrix: not implemented yet');
  },
});
