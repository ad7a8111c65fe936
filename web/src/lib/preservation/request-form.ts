// The preservation request form, without UI: the draft as typed (one
// identifier or time range per line) checked into a `preservation-requested`
// payload, or the first problem in words the page can translate. Pure.
import { err, ok, type Result } from '#policies/result.ts';
import { BUILT_IN_RULES, formatInZone, resolveZone, type PreservationRule } from '#policies/preservation/index.ts';
import { PRESERVATION_LIMITS as L, type PreservationRequested } from '#policies/preservation/record/index.ts';

export interface RequestDraft {
	custodian: string;
	identifiers: string;
	ranges: string;
	rule: string;
	/** IANA zone; empty takes the rule's default. */
	zone: string;
}

export type RequestProblem = 'custodian' | 'identifiers' | 'too-many' | 'too-long' | 'zone-required' | 'zone' | 'rule';

export const emptyDraft = (): RequestDraft => ({ custodian: '', identifiers: '', ranges: '', rule: 'us-2703f', zone: '' });

const lines = (text: string) =>
	text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l !== '');

/** `now` and the viewer's zone give the `sent` date-time, written with the viewer's offset. */
export function requestOf(
	draft: RequestDraft,
	now: number,
	viewerZone: string,
	rules: readonly PreservationRule[] = BUILT_IN_RULES,
): Result<PreservationRequested, RequestProblem> {
	const custodian = draft.custodian.trim();
	if (custodian === '') return err('custodian');
	if (custodian.length > L.custodian) return err('too-long');
	const identifiers = lines(draft.identifiers);
	const ranges = lines(draft.ranges);
	if (identifiers.length === 0) return err('identifiers');
	if (identifiers.length > L.identifiers || ranges.length > L.ranges) return err('too-many');
	if (identifiers.some((i) => i.length > L.identifier) || ranges.some((r) => r.length > L.range)) return err('too-long');
	const rule = rules.find((r) => r.id === draft.rule);
	if (rule === undefined) return err('rule');
	const zoneName = draft.zone.trim();
	if (zoneName === '' && rule.zone.default === null) return err('zone-required');
	let zone: string | undefined;
	if (zoneName !== '') {
		const resolved = resolveZone(zoneName);
		if (!resolved.ok) return err('zone');
		zone = resolved.value;
	}
	const sent = formatInZone(now, resolveZone(viewerZone).ok ? viewerZone : 'UTC');
	return ok({
		type: 'preservation-requested',
		custodian,
		identifiers,
		ranges,
		rule: rule.id,
		...(zone === undefined ? {} : { zone }),
		sent,
	});
}

/**
 * A `datetime-local` value ("2026-03-01T10:00"), read in the viewer's zone, as
 * an ISO date-time with that zone's offset; undefined when it is not one.
 * NOTE: `new Date(local)` reads a date-time without offset in the browser's
 * own zone — the zone the person typed it in.
 */
export function localInputToIso(value: string, viewerZone: string): string | undefined {
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
	const instant = new Date(value).getTime();
	return Number.isNaN(instant) ? undefined : formatInZone(instant, viewerZone);
}
