// The offences a form has ticked, each with its "serious crime" check: the
// shape the offence picker edits, to and from the payload's offence list.
import { TAXONOMY, type OffenceCode, type OffenceEntry } from '#policies/cases/index.ts';

export type OffencePicks = Record<string, { chosen: boolean; serious: boolean }>;

/** Every offence of the taxonomy, those of `entries` ticked. */
export function picksOf(entries: readonly OffenceEntry[] = []): OffencePicks {
	return Object.fromEntries(
		TAXONOMY.map((o) => {
			const entry = entries.find((e) => e.code === o.code);
			return [o.code, { chosen: entry !== undefined, serious: entry?.serious ?? false }];
		}),
	);
}

export function entriesOf(picks: OffencePicks): OffenceEntry[] {
	return Object.entries(picks)
		.filter(([, pick]) => pick.chosen)
		.map(([code, pick]) => ({ code: code as OffenceCode, serious: pick.serious }));
}
