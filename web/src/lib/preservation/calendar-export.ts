// The viewer's deadlines as calendar entries for the .ics download: confirmed
// preservations that are not released, each at its expiry instant. Summary
// and description hold the rule and the legal zone, never case content
// (ics.ts says why); the URL opens the case page.
import type { PreservationRecord } from '#policies/preservation/record/index.ts';
import type { CalendarEntry } from './ics.ts';

export interface ExportWords {
	readonly summary: (rule: string) => string;
	readonly description: (rule: string, zone: string, expires: string) => string;
	readonly caseUrl: (room: string) => string;
}

export function calendarEntries(records: readonly PreservationRecord[], words: ExportWords): CalendarEntry[] {
	return records.flatMap((r) =>
		r.deadline === undefined || r.released !== undefined
			? []
			: [
					{
						uid: `preservation-${r.id.replace(/^\$/, '')}@rogatory`,
						sequence: r.extensions.length,
						start: r.deadline.expiresAt,
						summary: words.summary(r.rule),
						description: words.description(r.rule, r.deadline.zone, r.deadline.expires),
						url: words.caseUrl(r.room),
					},
				],
	);
}
