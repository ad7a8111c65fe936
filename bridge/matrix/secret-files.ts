// The bot's secret files, in its secrets directory (outside the repository in
// production; .data/<profile>/bridges/<authority>/ locally, git-ignored):
// the session (user, device, access token), the key that encrypts the Rust
// crypto store (so the register's checkpoint holds no clear private keys)
// and the recovery key. Mode 0600, written whole (temp file, then rename).
// Also, while the authority's administrator verifies the bot, the bot's QR
// code as text (bot-verification.ts), removed when that verification ends.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Session {
	readonly userId: string;
	readonly deviceId: string;
	readonly accessToken: string;
}

export function writeSecret(path: string, text: string): void {
	const temporary = `${path}.tmp`;
	writeFileSync(temporary, text, { mode: 0o600 });
	chmodSync(temporary, 0o600);
	renameSync(temporary, path);
}

export class SecretFiles {
	readonly dir: string;
	readonly recoveryKeyPath: string;
	/** The bot's verification code while a verification by the administrator waits for it (base64, one line). */
	readonly verificationCodePath: string;

	constructor(dir: string, recoveryKeyPath?: string) {
		this.dir = dir;
		this.recoveryKeyPath = recoveryKeyPath ?? join(dir, 'recovery-key');
		this.verificationCodePath = verificationCodePathIn(dir);
		mkdirSync(dir, { recursive: true, mode: 0o700 });
	}

	readSession(): Session | undefined {
		const path = join(this.dir, 'session.json');
		if (!existsSync(path)) return undefined;
		return JSON.parse(readFileSync(path, 'utf8')) as Session;
	}

	writeSession(session: Session): void {
		writeSecret(join(this.dir, 'session.json'), `${JSON.stringify(session, null, '\t')}\n`);
	}

	/** The crypto store's key: made once, then always the same. */
	storeKey(): Uint8Array {
		const path = join(this.dir, 'store-key');
		if (!existsSync(path)) writeSecret(path, `${randomBytes(32).toString('hex')}\n`);
		return new Uint8Array(Buffer.from(readFileSync(path, 'utf8').trim(), 'hex'));
	}

	readRecoveryKey(): string | undefined {
		return existsSync(this.recoveryKeyPath) ? readFileSync(this.recoveryKeyPath, 'utf8').trim() : undefined;
	}

	writeRecoveryKey(encoded: string): void {
		writeSecret(this.recoveryKeyPath, `${encoded}\n`);
	}

	writeVerificationCode(text: string): void {
		writeSecret(this.verificationCodePath, `${text}\n`);
	}

	removeVerificationCode(): void {
		rmSync(this.verificationCodePath, { force: true });
	}
}

/** Where a bot whose secrets directory is `dir` writes its verification code (read by `rogatory bridge verification-code`). */
export function verificationCodePathIn(dir: string): string {
	return join(dir, 'verification-code');
}
