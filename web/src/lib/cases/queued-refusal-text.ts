// Why a queued message was not sent (outbox.ts, Refusal), in the reader's
// language: never the homeserver's own words, and always what to do next.
import * as m from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';
import { statusLabel } from './labels.ts';
import type { Refusal } from './outbox.ts';

export function queuedRefusalText(refusal: Refusal, locale: Locale): string {
	switch (refusal.kind) {
		case 'homeserver':
			return refusal.status === undefined
				? m.case_queued_refused_plain({}, { locale })
				: m.case_queued_refused({ status: String(refusal.status) }, { locale });
		case 'file-missing':
			return m.case_queued_file_gone({}, { locale });
		case 'moved-meanwhile':
			return m.offline_refused_moved({ status: statusLabel(refusal.now, locale) }, { locale });
	}
}

/** Whether trying the same message again can help (a case that moved on refuses it again). */
export function retryHelps(refusal: Refusal): boolean {
	return refusal.kind === 'homeserver';
}
