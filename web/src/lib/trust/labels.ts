// Why an event does not count, in the reader's language: the trust codes and
// the readings of decryption failures (policies/trust), then the case record's
// rejection codes (policies/cases). An unknown code reads as a sentence that
// says so, never as the code itself.
import { labelOf, REJECTION_LABELS } from '#policies/cases/index.ts';
import { READER_TRUST_LABELS, TRUST_LABELS } from '#policies/trust/index.ts';
import * as m from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';

export function refusalLabel(code: string, locale: Locale): string {
	if (Object.hasOwn(TRUST_LABELS, code)) return labelOf(TRUST_LABELS, code, locale);
	if (Object.hasOwn(REJECTION_LABELS, code)) return labelOf(REJECTION_LABELS, code, locale);
	return m.refused_code_unknown();
}

/** The same, as a person's own client says it (the directory pages): no sentence names the bridge. */
export function readerRefusalLabel(code: string, locale: Locale): string {
	if (Object.hasOwn(READER_TRUST_LABELS, code)) return labelOf(READER_TRUST_LABELS, code, locale);
	return refusalLabel(code, locale);
}
