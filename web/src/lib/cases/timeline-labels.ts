// How the discussion names what it cannot show or cannot vouch for, how a
// case update reads and how a reply quotes what it answers, in the viewer's
// language. A case update is rendered from its structured payload (the
// policies/cases renderer), its authorities by the roster's names; the
// fallback body it carries is for stock clients and never shown here.
import { CASE_KEY, parseCaseEvent, renderBody, type CaseEvent } from '#policies/cases/index.ts';
import {
	parsePreservationEvent,
	PRESERVATION_KEY,
	renderPreservationBody,
	type PreservationEvent,
} from '#policies/preservation/record/index.ts';
import type { Roster } from '#policies/roster/types.ts';
import type { TimelineItem, TrustWarning, WithheldReason } from '../matrix/cases.ts';
import * as m from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';
import { authorityName } from './labels.ts';

/** Who reads: their language, and the roster that names the authorities. */
export interface Reader {
	readonly locale: Locale;
	readonly roster: Roster;
}

/** A case update in the reader's language; said as unreadable when its payload is malformed. */
export function caseEventText(event: CaseEvent | undefined, reader: Reader): string {
	if (event === undefined) return m.case_event_unreadable();
	return renderBody(event, reader.locale, { authorityName: (id) => authorityName(reader.roster, id) });
}

export function warningText(warning: TrustWarning): string {
	switch (warning) {
		case 'not-encrypted':
			return m.case_warning_not_encrypted();
		case 'unsigned-device':
			return m.case_warning_unsigned_device();
		case 'unknown-device':
			return m.case_warning_unknown_device();
		case 'identity-changed':
			return m.case_warning_identity_changed();
		case 'not-guaranteed':
			return m.case_warning_not_guaranteed();
		case 'mismatched-sender':
			return m.case_warning_mismatched_sender();
		case 'room-not-encrypted':
			return m.case_warning_room_not_encrypted();
		case 'unknown-shield':
			return m.case_warning_unknown_shield();
	}
}

export function withheldText(reason: WithheldReason): string {
	switch (reason) {
		case 'unsigned-device':
			return m.case_withheld_unsigned_device();
		case 'identity-changed':
			return m.case_withheld_identity_changed();
		case 'waiting-for-key':
			return m.case_withheld_waiting();
		case 'other':
			return m.case_undecryptable();
	}
}

/** A preservation update in the reader's language; said as unreadable when its payload is malformed. */
export function preservationEventText(event: PreservationEvent | undefined, reader: Reader): string {
	return event === undefined ? m.case_event_unreadable() : renderPreservationBody(event, reader.locale);
}

/** What a queued message says: a case update rendered from its payload like the room's; text or a file by its body. */
export function queuedText(content: Readonly<Record<string, unknown>>, reader: Reader): string {
	if (CASE_KEY in content) {
		const parsed = parseCaseEvent(content);
		return caseEventText(parsed.ok ? parsed.value : undefined, reader);
	}
	if (PRESERVATION_KEY in content) {
		const parsed = parsePreservationEvent(content);
		return preservationEventText(parsed.ok ? parsed.value : undefined, reader);
	}
	return typeof content['body'] === 'string' ? content['body'] : '';
}

/** An item's text as the page shows it. */
export function itemText(item: TimelineItem, reader: Reader): string {
	switch (item.kind) {
		case 'undecryptable':
			return withheldText(item.reason);
		case 'file':
			return item.name;
		case 'case':
			return caseEventText(item.event, reader);
		case 'preservation':
			return preservationEventText(item.event, reader);
		case 'text':
			return item.body;
	}
}

/** The start of an item's text, for a reply's quote. */
export function excerptOf(item: TimelineItem, length: number, reader: Reader): string {
	const text = itemText(item, reader);
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length <= length ? line : `${line.slice(0, length - 1)}…`;
}
