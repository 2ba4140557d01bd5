import path from 'node:path';
import { UsageError } from '../../errors.js';
import { defineCommand, loadHistory } from '../command.js';

export const matrixCommand = defineCommand({
  command: 'matrix',
  describe: 'Write the compatibility matrix: a static, self-contained page of every endpoint by API version',
  builder: (yargs) =>
    yargs
      .option('out', { type: 'string', describe: 'Directory to write index.html into', demandOption: true })
      .example('$0 matrix --out site', 'then open site/index.html in a browser (works from file://)'),
  run: async (args, io) => {
    const out = String(args.out ?? '');
    if (out.trim() === '') throw new UsageError('matrix: --out needs a directory');
    const history = await loadHistory({ specs: args.specs as string | undefined });
    const { writeMatrixSite } = await import('../../matrix/site.js');
    const files = await writeMatrixSite(history, path.resolve(io.cwd, out));
    for (const file of files) io.stdout(`wrote ${path.relative(io.cwd, file) || file}\n`);
    return 0;
  },
});
