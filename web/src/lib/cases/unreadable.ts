// Joined case rooms whose opening cannot be read yet — its key has not
// arrived, or the crypto withholds it — named on the dashboard with the first
// message that could not be decrypted, so such a room is never silently absent.
import type { CaseRecord } from '../../../../policies/cases/index.ts';
import type { TimelineItem, WithheldReason } from '../matrix/cases.ts';

export interface UnreadableRoom {
	readonly roomId: string;
	readonly sender: string;
	readonly reason: WithheldReason;
}

export function unreadableRooms(
	views: Iterable<{ readonly roomId: string; readonly record: CaseRecord; readonly items: readonly TimelineItem[] }>,
): UnreadableRoom[] {
	const waiting: UnreadableRoom[] = [];
	for (const view of views) {
		if (view.record.opened) continue;
		const first = view.items.find((item) => item.kind === 'undecryptable');
		if (first !== undefined) waiting.push({ roomId: view.roomId, sender: first.sender, reason: first.reason });
	}
	return waiting;
}
