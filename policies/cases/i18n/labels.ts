// A label in the five product languages (ARCHITECTURE.md, decision 10). The
// type makes a missing language a compile error; labels.test.ts makes an
// empty or missing entry a test failure for data that escapes the type.
import type { Language } from '../../roster/types.ts';

export type Labels = Readonly<Record<Language, string>>;

/** A table of labels keyed by code. */
export type LabelTable<K extends string = string> = Readonly<Record<K, Labels>>;

/** The label in `language`, or the code itself when the table lacks it (a body must never fail to render). */
export function labelOf(table: Readonly<Record<string, Labels>>, code: string, language: Language): string {
	return Object.hasOwn(table, code) ? (table[code]?.[language] ?? code) : code;
}
