// How the discussion names what it cannot show or cannot vouch for, and how a
// reply quotes what it answers, in the viewer's language.
import type { TimelineItem, TrustWarning, WithheldReason } from '../matrix/cases.ts';
import * as m from '../paraglide/messages.js';

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

/** The start of an item's text, for a reply's quote. */
export function excerptOf(item: TimelineItem, length: number): string {
	const text = item.kind === 'undecryptable' ? withheldText(item.reason) : item.kind === 'file' ? item.name : item.body;
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length <= length ? line : `${line.slice(0, length - 1)}…`;
}
