// Invitations to case rooms, accepted on their own and tried again when the
// homeserver refuses the join. Synapse relays a remote invitation before it
// has stored it, so a join in that moment is refused ("You are not invited to
// this room"); a loaded machine widens the moment. Each invitation is tried on
// a growing schedule; when the schedule is spent it stays on the dashboard as
// refused, with the homeserver's words, until the person tries again.

/** Waits before each attempt: the first lets the invitation settle on the homeserver. */
export const JOIN_DELAYS_MS: readonly number[] = [2_000, 3_000, 5_000, 10_000, 20_000, 30_000, 60_000];

export interface PendingInvitation {
	readonly roomId: string;
	/** The Matrix ID of the person who invited the viewer. */
	readonly inviter: string;
	readonly state: 'joining' | 'refused';
	/** Attempts made so far. */
	readonly attempts: number;
	/** The homeserver's answer to the last refused attempt. */
	readonly problem?: string;
}

export interface InvitationPorts {
	readonly join: (roomId: string) => Promise<void>;
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

	/** Starts accepting the invitation, unless it is being accepted already or was refused (see `retry`). */
	accept(roomId: string, inviter: string): void {
		if (this.#stopped || this.#running.has(roomId) || this.#pending.get(roomId)?.state === 'refused') return;
		void this.#run(roomId, inviter);
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
		let problem = '';
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
				problem = error instanceof Error ? error.message : String(error);
				this.#set({ roomId, inviter, state: 'joining', attempts, problem });
			}
		}
		this.#running.delete(roomId);
		if (this.#stopped || !this.#ports.stillInvited(roomId)) this.forget(roomId);
		else this.#set({ roomId, inviter, state: 'refused', attempts, problem });
	}

	#set(invitation: PendingInvitation): void {
		this.#pending.set(invitation.roomId, invitation);
		this.#ports.changed([...this.#pending.values()]);
	}
}
