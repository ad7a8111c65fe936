// Joined case rooms whose opening cannot be read yet — its key has not
// arrived, or the crypto withholds it — or does not count here (a case event
// refused under the trust rule: sent in the clear, or its key restored from a
// backup on a new device, so its authenticity cannot be guaranteed), named on
// the dashboard with the first such message, so such a room is never silently
// absent.
import type { CaseRecord } from '#policies/cases/index.ts';
import type { TimelineItem, TrustWarning, WithheldReason } from '../matrix/cases.ts';

export type UnreadableRoom =
	| { readonly roomId: string; readonly sender: string; readonly kind: 'withheld'; readonly reason: WithheldReason }
	| { readonly roomId: string; readonly sender: string; readonly kind: 'not-counted'; readonly warning: TrustWarning };

export function unreadableRooms(
	views: Iterable<{ readonly roomId: string; readonly record: CaseRecord; readonly items: readonly TimelineItem[] }>,
): UnreadableRoom[] {
	const waiting: UnreadableRoom[] = [];
	for (const view of views) {
		if (view.record.opened) continue;
		const first = view.items.find((item) => item.kind === 'undecryptable' || (item.kind === 'case' && item.warning !== undefined));
		if (first?.kind === 'undecryptable')
			waiting.push({ roomId: view.roomId, sender: first.sender, kind: 'withheld', reason: first.reason });
		else if (first?.kind === 'case' && first.warning !== undefined)
			waiting.push({ roomId: view.roomId, sender: first.sender, kind: 'not-counted', warning: first.warning });
	}
	return waiting;
}
