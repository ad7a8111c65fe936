// Invitations to case rooms, accepted on their own and tried again when the
// homeserver refuses the join. Synapse relays a remote invitation before it
// has stored it, so a join in that moment is refused ("You are not invited to
// this room"); a loaded machine widens the moment. Each invitation is tried on
// a growing schedule; when the schedule is spent it stays on the dashboard as
// refused, with what went wrong, until the person tries again. An invitation
// that can never be accepted (join-failure.ts: the room bans the homeserver,
// the room is gone, the invitation was withdrawn) stops at once and waits for
// the person to dismiss it, which declines it and is remembered.
import { describeFailure } from '../matrix/failure.ts';
import { joinProblemOf, worthRetrying, type JoinProblem } from './join-failure.ts';

/** Waits before each attempt: the first lets the invitation settle on the homeserver. */
export const JOIN_DELAYS_MS: readonly number[] = [2_000, 3_000, 5_000, 10_000, 20_000, 30_000, 60_000];

export interface PendingInvitation {
	readonly roomId: string;
	/** The Matrix ID of the person who invited the viewer. */
	readonly inviter: string;
	/** `refused`: every attempt failed, another may help; `impossible`: none can. */
	readonly state: 'joining' | 'refused' | 'impossible';
	/** Attempts made so far. */
	readonly attempts: number;
	/** Why the last attempt failed. */
	readonly problem?: JoinProblem;
}

/** Invitations the person dismissed, kept across reloads. */
export interface DismissedStore {
	has(roomId: string): boolean;
	add(roomId: string): void;
}

export interface InvitationPorts {
	readonly join: (roomId: string) => Promise<void>;
	/** Declines the invitation (leaves the room); a failure is only logged: it stays dismissed here. */
	readonly decline: (roomId: string) => Promise<void>;
	readonly dismissed: DismissedStore;
	/** Where the technical detail of a failure goes (the console, never the page). */
	readonly log?: (roomId: string, error: unknown) => void;
	/** Whether the viewer is still only invited (not joined, not rejected) to the room. */
	readonly stillInvited: (roomId: string) => boolean;
	/** Called with every invitation still waiting, after each change. */
	readonly changed: (pending: readonly PendingInvitation[]) => void;
	readonly sleep: (ms: number) => Promise<void>;
	readonly delays?: readonly number[];
}

export class Invitations {
	readonly #ports: InvitationPorts;
	readonly #pending = new Map<string, PendingInvitation>();
	readonly #running = new Set<string>();
	#stopped = false;

	constructor(ports: InvitationPorts) {
		this.#ports = ports;
	}

	/** Starts accepting the invitation, unless it is being accepted already, has ended (see `retry`) or was dismissed. */
	accept(roomId: string, inviter: string): void {
		if (this.#stopped || this.#running.has(roomId) || this.#ports.dismissed.has(roomId)) return;
		if ((this.#pending.get(roomId)?.state ?? 'joining') !== 'joining') return;
		void this.#run(roomId, inviter);
	}

	/** The person gives up on the invitation: it is declined, and not shown again. */
	dismiss(roomId: string): void {
		if (this.#running.has(roomId)) return;
		this.#ports.dismissed.add(roomId);
		this.forget(roomId);
		this.#ports.decline(roomId).catch((error: unknown) => this.#ports.log?.(roomId, error));
	}

	/** Tries a refused invitation again, on a fresh schedule. */
	retry(roomId: string): void {
		const pending = this.#pending.get(roomId);
		if (pending === undefined || pending.state !== 'refused' || this.#running.has(roomId)) return;
		this.#set({ ...pending, state: 'joining' });
		void this.#run(roomId, pending.inviter);
	}

	/** The room is joined or the invitation is gone: nothing waits for it any more. */
	forget(roomId: string): void {
		if (this.#pending.delete(roomId)) this.#ports.changed([...this.#pending.values()]);
	}

	stop(): void {
		this.#stopped = true;
	}

	async #run(roomId: string, inviter: string): Promise<void> {
		this.#running.add(roomId);
		const before = this.#pending.get(roomId)?.attempts ?? 0;
		this.#set({ roomId, inviter, state: 'joining', attempts: before });
		let problem: JoinProblem | undefined;
		let attempts = before;
		for (const delay of this.#ports.delays ?? JOIN_DELAYS_MS) {
			await this.#ports.sleep(delay);
			if (this.#stopped || !this.#ports.stillInvited(roomId)) break;
			attempts += 1;
			try {
				await this.#ports.join(roomId);
				this.#running.delete(roomId);
				this.forget(roomId);
				return;
			} catch (error) {
				this.#ports.log?.(roomId, error);
				problem = joinProblemOf(describeFailure(error));
				if (!worthRetrying(problem)) break;
				this.#set({ roomId, inviter, state: 'joining', attempts, problem });
			}
		}
		this.#running.delete(roomId);
		if (this.#stopped || !this.#ports.stillInvited(roomId)) this.forget(roomId);
		else this.#set(ended(roomId, inviter, attempts, problem));
	}

	#set(invitation: PendingInvitation): void {
		this.#pending.set(invitation.roomId, invitation);
		this.#ports.changed([...this.#pending.values()]);
	}
}

/** Where an invitation stops: "not invited" after the whole schedule means withdrawn. */
function ended(roomId: string, inviter: string, attempts: number, problem: JoinProblem | undefined): PendingInvitation {
	const state = problem === undefined || problem.kind === 'transient' ? 'refused' : 'impossible';
	return problem === undefined ? { roomId, inviter, state, attempts } : { roomId, inviter, state, attempts, problem };
}
