// The homeserver's refusal of an attempt the integration tests expect to fail
// (a join from outside the network, a post where only the secretariat posts):
// the MatrixError, to assert its status and code on; any other error is the
// test's, and an attempt that goes through fails the test.
import * as sdk from 'matrix-js-sdk';

export async function refused(attempt: Promise<unknown>): Promise<sdk.MatrixError> {
	try {
		await attempt;
	} catch (error) {
		if (error instanceof sdk.MatrixError) return error;
		throw error;
	}
	throw new Error('it went through');
}
