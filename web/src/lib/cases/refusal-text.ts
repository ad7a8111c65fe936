// A refusal (refusal.ts) in the reader's language: the case record's rules in
// the sentences policies/cases gives each code, this browser's own checks from
// the message catalogues, and a plain "check the form" for the preservation
// record's codes, which the form's own checks leave unreachable in practice.
// Never the English reason.
import { labelOf, REJECTION_LABELS } from '#policies/cases/index.ts';
import { MAX_REFERENCE_LENGTH } from '#policies/cases/ids/case.ts';
import * as m from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';
import type { RefusalCode } from './refusal.ts';

export function refusalText(code: RefusalCode, locale: Locale): string {
	switch (code) {
		case 'status-change-pending':
			return m.refusal_status_change_pending({}, { locale });
		case 'not-amendable':
			return m.refusal_not_amendable({}, { locale });
		case 'reference':
			return m.refusal_reference({ max: MAX_REFERENCE_LENGTH }, { locale });
		case 'not-a-party-server':
			return m.refusal_not_a_party_server({}, { locale });
		case 'no-homeserver':
			return m.refusal_no_homeserver({}, { locale });
		case 'too-large':
			return m.refusal_too_large({}, { locale });
		default:
			return Object.hasOwn(REJECTION_LABELS, code) ? labelOf(REJECTION_LABELS, code, locale) : m.refusal_check_form({}, { locale });
	}
}
