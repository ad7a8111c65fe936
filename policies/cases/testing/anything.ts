// The fast-check generator of any value a federated server could hand a
// parser once JSON is decoded — and more (maps, sets, dates, typed and sparse
// arrays, objects without a prototype): the property tests of every parser
// (cases, directory, plenary) feed it and expect a refusal with a reason,
// never a throw.
import fc from 'fast-check';

export const anyValue = fc.anything({
	withBigInt: true,
	withMap: true,
	withSet: true,
	withDate: true,
	withTypedArray: true,
	withSparseArray: true,
	withNullPrototype: true,
});
