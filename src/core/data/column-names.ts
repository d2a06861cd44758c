export interface RenamedColumn {
  /** 1-based position in the file. */
  position: number;
  from: string;
  to: string;
  why: 'empty' | 'duplicate' | 'reserved' | 'spaces';
}

/**
 * `__proto__` as a key of a plain object sets its prototype instead of a column: tables and every
 * object keyed by column names would lose or misplace the column, so the name is never used.
 */
const RESERVED = new Set(['__proto__']);

/**
 * Trimmed header names made unique: a repeated `col` becomes `col_2`, `col_3`...; an empty name
 * becomes `column_<position>`; a reserved name gets a suffix like a repeated one. Every change is
 * reported so the user sees it.
 */
export function uniqueColumnNames(header: readonly string[]): { names: string[]; renamed: RenamedColumn[] } {
  const taken = new Set(header.map((name) => name.trim()).filter((name) => name !== '' && !RESERVED.has(name)));
  const used = new Set<string>(RESERVED);
  const names: string[] = [];
  const renamed: RenamedColumn[] = [];
  header.forEach((raw, index) => {
    const trimmed = raw.trim();
    let name = trimmed === '' ? `column_${index + 1}` : trimmed;
    if (used.has(name) || (trimmed === '' && taken.has(name))) {
      const base = name;
      for (let suffix = 2; used.has(name) || (name !== trimmed && taken.has(name)); suffix++) name = `${base}_${suffix}`;
    }
    used.add(name);
    names.push(name);
    if (name !== raw) {
      const why = trimmed === '' ? 'empty' : RESERVED.has(trimmed) ? 'reserved' : name === trimmed ? 'spaces' : 'duplicate';
      renamed.push({ position: index + 1, from: raw, to: name, why });
    }
  });
  return { names, renamed };
}
