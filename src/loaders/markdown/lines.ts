/**
 * The markdown references are read line by line: their structure is a convention of headings,
 * label lines and bullet lists rather than anything a generic markdown AST exposes well
 * (indentation of bullets carries the nesting of JSON fields, which CommonMark normalizes away).
 */

export interface SourceLine {
  /** 1-based line number in the file. */
  number: number;
  text: string;
  /** Leading whitespace width, tabs counted as four columns. */
  indent: number;
  isBlank: boolean;
  /** Inside (or on the delimiter of) a ``` fenced block: never structure, only example text. */
  isCode: boolean;
  /** Inside an HTML comment: upstream hides unfinished sections this way. */
  isComment: boolean;
}

const FENCE = /^\s*```/;

export function splitSourceLines(text: string): SourceLine[] {
  const raw = text.split(/\r\n|\r|\n/);
  const lines: SourceLine[] = [];
  let inFence = false;
  let inComment = false;
  raw.forEach((line, index) => {
    const commentHere = inComment || (!inFence && line.includes('<!--'));
    const isFence = !commentHere && FENCE.test(line);
    lines.push({
      number: index + 1,
      text: line,
      indent: measureIndent(line),
      isBlank: line.trim() === '',
      isCode: inFence || isFence,
      isComment: commentHere,
    });
    if (isFence) inFence = !inFence;
    if (commentHere) {
      const open = line.lastIndexOf('<!--');
      const close = line.lastIndexOf('-->');
      inComment = close < 0 || close < open;
    }
  });
  return lines;
}

export function measureIndent(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === ' ') width += 1;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** A line that can carry document structure (not example code, not commented out). */
export function isStructural(line: SourceLine): boolean {
  return !line.isCode && !line.isComment;
}
