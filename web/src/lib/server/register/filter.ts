// The register page's filters (status, kind), read from the URL's query so a
// filtered view is a link, and applied to the entries.
import type { RegisterEntry } from './types.ts';

export interface RegisterFilter {
	readonly status: string | undefined;
	readonly kind: string | undefined;
}

const param = (params: URLSearchParams, name: string): string | undefined => {
	const value = params.get(name)?.trim();
	return value === undefined || value === '' ? undefined : value;
};

export function filterFromQuery(params: URLSearchParams): RegisterFilter {
	return { status: param(params, 'status'), kind: param(params, 'kind') };
}

export function applyFilter(entries: readonly RegisterEntry[], filter: RegisterFilter): RegisterEntry[] {
	return entries.filter(
		(e) => (filter.status === undefined || e.status === filter.status) && (filter.kind === undefined || e.kind === filter.kind),
	);
}

/** Newest change first; entries never changed last. */
export function byLastChange(entries: readonly RegisterEntry[]): RegisterEntry[] {
	return [...entries].sort((a, b) => (b.lastChangeAt ?? -Infinity) - (a.lastChangeAt ?? -Infinity) || a.roomId.localeCompare(b.roomId));
}

/** The distinct values of one field, sorted, for a filter's choices. */
export function choices(entries: readonly RegisterEntry[], field: 'status' | 'kind'): string[] {
	return [...new Set(entries.map((e) => e[field]))].sort();
}
