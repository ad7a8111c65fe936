// How the register page words the bridge's last check of a case room's
// history (issue 14; bridge-sync.ts `reconcile`, the register's
// `reconciliations`): not checked yet, complete, complete once the missing
// events it found were added, or not read to the end (a room too long for
// one pass: the next pass goes on). Pure; the page picks the message.
import type { HistoryCheck } from '#lib/server/register/types.ts';

export type HistoryState =
	| { readonly kind: 'none' }
	| { readonly kind: 'complete'; readonly checkedAt: number }
	| { readonly kind: 'added'; readonly checkedAt: number; readonly count: number }
	| { readonly kind: 'partial'; readonly checkedAt: number; readonly lastCompleteAt: number | undefined };

export function historyState(check: HistoryCheck | undefined): HistoryState {
	if (check === undefined) return { kind: 'none' };
	if (!check.complete) return { kind: 'partial', checkedAt: check.checkedAt, lastCompleteAt: check.lastCompleteAt };
	if (check.missing > 0) return { kind: 'added', checkedAt: check.checkedAt, count: check.missing };
	return { kind: 'complete', checkedAt: check.checkedAt };
}
