export interface Heading {
  level: number;
  title: string;
  /** `3.1` for `### 3.1 Containers`: numbered headings name a part of the document, not an endpoint. */
  number?: string;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const NUMBERED = /^(\d+(?:\.\d+)*)\.?\s+(.*)$/;

export function parseHeading(text: string): Heading | undefined {
  const match = HEADING.exec(text);
  if (!match) return undefined;
  const level = match[1]!.length;
  const title = match[2]!;
  const numbered = NUMBERED.exec(title);
  if (numbered) return { level, title: numbered[2]!.trim(), number: numbered[1]! };
  return { level, title };
}

/** A numbered heading with a sub-number (`2.1 Containers`) is a section of endpoints; `2. Endpoints` is a chapter. */
export function isSectionHeading(heading: Heading): boolean {
  return heading.number !== undefined && heading.number.includes('.');
}
