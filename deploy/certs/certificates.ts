// The local federation's certificates: one CA per profile, and a server
// certificate per homeserver whose subjectAltName is the homeserver's IP
// (server names are IP literals). The work is done by make_certs.py with the
// Synapse venv's Python (see that file for why not the openssl CLI).
// A "rogue" CA is the same machinery pointed at another directory: a
// certificate it signs is perfectly well-formed but trusted by no homeserver.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { err, ok, type Result } from '../../policies/result.ts';
import { lastLines, run } from '../process/run.ts';

export interface CertificatePlan {
	readonly ca: { readonly dir: string; readonly name: string };
	/** Each server's IP, and names its certificate also holds (a web app's host behind the same nginx). */
	readonly servers: readonly { readonly dir: string; readonly ip: string; readonly dns?: readonly string[] }[];
}

export interface ServerCertificate {
	readonly cert: string;
	readonly key: string;
}

export interface IssuedCertificates {
	readonly caCert: string;
	/** In the order of the plan's servers. */
	readonly servers: readonly ServerCertificate[];
}

const SCRIPT = fileURLToPath(new URL('./make_certs.py', import.meta.url));

/** Creates (or keeps) the CA and the servers' certificates of `plan`. */
export async function issueCertificates(python: string, plan: CertificatePlan): Promise<Result<IssuedCertificates, string>> {
	const outcome = await run(python, [SCRIPT], { input: JSON.stringify(plan) });
	if (outcome.code !== 0) {
		return err(`Making the local certificates failed (${SCRIPT}):\n${lastLines(outcome.stderr, 10)}`);
	}
	const issued = JSON.parse(outcome.stdout) as IssuedCertificates;
	return ok(issued);
}

/**
 * A CA of its own in `dir`/rogue-ca and a certificate for `ip` signed by it
 * in `dir`: for tests proving that a homeserver presenting a certificate
 * from outside the federation's CA is refused.
 */
export async function issueRogueCertificate(
	python: string,
	dir: string,
	ip: string,
): Promise<Result<IssuedCertificates & ServerCertificate, string>> {
	const issued = await issueCertificates(python, {
		ca: { dir: join(dir, 'rogue-ca'), name: 'Rogue CA (not trusted by the federation)' },
		servers: [{ dir, ip }],
	});
	if (!issued.ok) return issued;
	const [server] = issued.value.servers;
	if (server === undefined) return err('make_certs.py returned no server certificate');
	return ok({ ...issued.value, ...server });
}
