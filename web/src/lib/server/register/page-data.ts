// What the register pages load, decided without HTTP: who is asking
// (access.ts), whether the bridge has written a register yet, and what it
// holds. The source is opened per request and always closed. Failures of
// the file are logged for the administrator and shown as a state.
import { applyFilter, byLastChange, choices, type RegisterFilter } from './filter.ts';
import type { AuthorityId } from '#policies/roster/types.ts';
import type { RegisterAccess } from './access.ts';
import type { Refusals, RegisterEntry, RegisterOpening, RegisterSource, RegisterStatistics } from './types.ts';

export type RegisterState<T> = { readonly kind: 'missing' } | { readonly kind: 'unreadable' } | ({ readonly kind: 'ready' } & T);

export interface ListData {
	readonly entries: readonly RegisterEntry[];
	readonly total: number;
	readonly statuses: readonly string[];
	readonly kinds: readonly string[];
}

function readFrom<T>(
	open: () => RegisterOpening,
	read: (source: RegisterSource) => { ok: true; value: T } | { ok: false; error: string },
	log: (message: string) => void,
): RegisterState<T> {
	const opening = open();
	if (opening.kind === 'missing') return { kind: 'missing' };
	if (opening.kind === 'unreadable') {
		log(opening.detail);
		return { kind: 'unreadable' };
	}
	try {
		const result = read(opening.source);
		if (!result.ok) {
			log(result.error);
			return { kind: 'unreadable' };
		}
		return { kind: 'ready', ...result.value };
	} finally {
		opening.source.close();
	}
}

export function listData(
	access: RegisterAccess & { kind: 'allowed' },
	open: (authorityId: AuthorityId) => RegisterOpening,
	filter: RegisterFilter,
	log: (message: string) => void,
): RegisterState<ListData> {
	return readFrom(
		() => open(access.authority.id),
		(source) => {
			const all = source.entries();
			if (!all.ok) return all;
			return {
				ok: true,
				value: {
					entries: byLastChange(applyFilter(all.value, filter)),
					total: all.value.length,
					statuses: choices(all.value, 'status'),
					kinds: choices(all.value, 'kind'),
				},
			};
		},
		log,
	);
}

export function statisticsData(
	access: RegisterAccess & { kind: 'allowed' },
	open: (authorityId: AuthorityId) => RegisterOpening,
	now: number,
	log: (message: string) => void,
): RegisterState<{ readonly statistics: RegisterStatistics }> {
	return readFrom(
		() => open(access.authority.id),
		(source) => {
			const statistics = source.statistics(now);
			return statistics.ok ? { ok: true, value: { statistics: statistics.value } } : statistics;
		},
		log,
	);
}

export function refusalsData(
	access: RegisterAccess & { kind: 'allowed' },
	open: (authorityId: AuthorityId) => RegisterOpening,
	log: (message: string) => void,
): RegisterState<{ readonly refusals: Refusals }> {
	return readFrom(
		() => open(access.authority.id),
		(source) => {
			const refusals = source.refusals();
			return refusals.ok ? { ok: true, value: { refusals: refusals.value } } : refusals;
		},
		log,
	);
}
