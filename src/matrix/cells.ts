import type { IndexRange, MatrixElement } from './data.js';

export type CellState = 'added' | 'present' | 'deprecated' | 'removed' | 'absent';

/** Symbol and words for each state: colour is never the only signal. */
export const CELL_LABELS: Record<CellState, { symbol: string; words: string }> = {
  added: { symbol: '+', words: 'added' },
  present: { symbol: '✓', words: 'available' },
  deprecated: { symbol: 'D', words: 'deprecated' },
  removed: { symbol: '×', words: 'removed' },
  absent: { symbol: '', words: 'absent' },
};

/** The state of an element in each version column. Must agree with the same function in assets/matrix/app.js. */
export function listCellStates(element: MatrixElement, versionCount: number): CellState[] {
  const states: CellState[] = new Array<CellState>(versionCount).fill('absent');
  for (const [from, to] of element.present as IndexRange[]) {
    for (let i = from; i <= to; i++) {
      states[i] = i === from ? 'added' : element.deprecated >= 0 && i >= element.deprecated ? 'deprecated' : 'present';
    }
    if (to + 1 < versionCount) states[to + 1] = 'removed';
  }
  // The first version of an interval that is also deprecated reads as deprecated: that is what a user of that version sees.
  if (element.deprecated >= 0 && states[element.deprecated] === 'added') states[element.deprecated] = 'deprecated';
  return states;
}
