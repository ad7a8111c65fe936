// Why a verification was cancelled, in the page's language: the same words
// whether one's own sessions or two people were comparing.
import type { CancelReason } from '../../matrix/verification.ts';
import * as m from '../../paraglide/messages.js';

export function cancelledText(reason: CancelReason): string {
	switch (reason) {
		case 'mismatch':
			return m.verify_cancelled_mismatch();
		case 'timeout':
			return m.verify_cancelled_timeout();
		case 'declined':
			return m.verify_cancelled_declined();
		case 'other':
			return m.verify_cancelled_other();
	}
}
