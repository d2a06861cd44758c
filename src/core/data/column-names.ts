export interface RenamedColumn {
  /** 1-based position in the file. */
  position: number;
  from: string;
  to: string;
}

/**
 * Trimmed header names made unique: a repeated `col` becomes `col_2`, `col_3`...; an empty name
 * becomes `column_<position>`. Every change is reported so the user sees it.
 */
export function uniqueColumnNames(header: readonly string[]): { names: string[]; renamed: RenamedColumn[] } {
  const taken = new Set(header.map((name) => name.trim()).filter((name) => name !== ''));
  const used = new Set<string>();
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
    if (name !== raw) renamed.push({ position: index + 1, from: raw, to: name });
  });
  return { names, renamed };
}
