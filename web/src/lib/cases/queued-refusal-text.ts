// Why a queued message was not sent, in the reader's language. The outbox
// keeps what it was told (outbox-sender.svelte.ts): the homeserver's HTTP
// status, or its marker for an attachment whose file this browser no longer
// holds. Entries kept by an earlier version may hold anything else: they read
// as a plain refusal, never as the stored text.
import * as m from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';
import { MISSING_ATTACHMENT } from './outbox-sender.svelte.ts';

export function queuedRefusalText(refused: string, locale: Locale): string {
	if (refused === MISSING_ATTACHMENT) return m.case_queued_file_gone({}, { locale });
	if (/^[1-5]\d\d$/.test(refused)) return m.case_queued_refused({ status: refused }, { locale });
	return m.case_queued_refused_plain({}, { locale });
}
