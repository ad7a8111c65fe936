import { describe, expect, it } from 'vitest';
import { Invitations, type PendingInvitation } from './invitations.ts';
import { invitationSentence } from './invitation-text.ts';
import * as m from '../paraglide/messages.js';

/** What the acceptance test forbids in visible text (issue 11). */
const RAW = /MatrixError|M_[A-Z_]+|https?:\/\/.*_matrix/;

const matrixError = (httpStatus: number, errcode: string, error: string) =>
	Object.assign(new Error(`MatrixError: [${httpStatus}] ${error} (https://hs.example/_matrix/client/v3/join/!a%3Ax)`), {
		httpStatus,
		errcode,
	});

/** Where an invitation ends up when every join fails with `error`. */
async function endOf(error: Error): Promise<PendingInvitation> {
	let last: readonly PendingInvitation[] = [];
	const invitations = new Invitations({
		join: () => Promise.reject(error),
		decline: () => Promise.resolve(),
		dismissed: new Set<string>(),
		stillInvited: () => true,
		changed: (pending) => (last = pending),
		sleep: () => Promise.resolve(),
		delays: [1, 1],
	});
	invitations.accept('!a:x', '@p:gt');
	await new Promise((resolve) => setTimeout(resolve, 10));
	const [ended] = last;
	if (ended === undefined) throw new Error('nothing pending');
	return ended;
}

const shown = (invitation: PendingInvitation): string => {
	const sentence = invitationSentence(invitation);
	return sentence.reason === undefined
		? sentence.message({ inviter: invitation.inviter })
		: sentence.message({ inviter: invitation.inviter, reason: sentence.reason });
};

describe('what the dashboard says about an invitation', () => {
	it('names a permanent refusal as such, in words, never the homeserver’s', async () => {
		const banned = await endOf(matrixError(403, 'M_FORBIDDEN', 'Server is banned from room'));
		expect(banned.state).toBe('impossible');
		expect(shown(banned)).toBe(m.cases_invitation_banned({ inviter: '@p:gt' }));
		const gone = await endOf(matrixError(404, 'M_NOT_FOUND', 'Unknown room'));
		expect(shown(gone)).toBe(m.cases_invitation_gone({ inviter: '@p:gt' }));
		const withdrawn = await endOf(matrixError(403, 'M_FORBIDDEN', 'You are not invited to this room.'));
		expect(shown(withdrawn)).toBe(m.cases_invitation_withdrawn({ inviter: '@p:gt' }));
		const other = await endOf(matrixError(400, 'M_INCOMPATIBLE_ROOM_VERSION', 'Unsupported'));
		expect(shown(other)).toBe(m.cases_invitation_impossible({ inviter: '@p:gt' }));
		for (const invitation of [banned, gone, withdrawn, other]) expect(shown(invitation)).not.toMatch(RAW);
	});

	it('says why a passing failure stopped, and that it may be tried again', async () => {
		const refused = await endOf(matrixError(503, 'M_UNKNOWN', 'Service Unavailable'));
		expect(refused.state).toBe('refused');
		expect(shown(refused)).toBe(m.cases_invitation_refused({ inviter: '@p:gt', reason: m.cases_invitation_why_busy() }));
		const offline = await endOf(Object.assign(new Error('fetch failed'), { name: 'ConnectionError' }));
		expect(shown(offline)).toContain(m.cases_invitation_why_unreachable());
		expect(shown(offline)).not.toMatch(RAW);
	});

	it('while trying, says it tries again on its own', () => {
		const joining: PendingInvitation = {
			roomId: '!a:x',
			inviter: '@p:gt',
			state: 'joining',
			attempts: 1,
			problem: { kind: 'not-invited' },
		};
		expect(shown(joining)).toBe(m.cases_invitation_retrying({ inviter: '@p:gt', reason: m.cases_invitation_why_not_settled() }));
		expect(shown({ roomId: '!a:x', inviter: '@p:gt', state: 'joining', attempts: 0 })).toBe(
			m.cases_invitation_joining({ inviter: '@p:gt' }),
		);
	});
});
