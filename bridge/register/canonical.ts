// Canonical JSON: one text for one value, whatever order its keys were built
// in. The log stores content this way and hashes it (chain.ts), and the
// derived tables store JSON columns this way, so the same events always give
// the same bytes.
// NOTE: keys are sorted by UTF-16 code units (plain `<`), never localeCompare,
// whose order depends on the machine's locale. Values follow JSON.stringify
// (undefined dropped from objects, null in arrays, non-finite numbers null):
// Matrix content comes from JSON, so nothing else occurs in practice.

export function canonicalJson(value: unknown): string {
	return JSON.stringify(sorted(value)) ?? 'null';
}

function sorted(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sorted);
	if (value === null || typeof value !== 'object') return value;
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(value).sort(byCodeUnits)) out[key] = sorted((value as Record<string, unknown>)[key]);
	return out;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
