/** The importer reads structure, markers and amounts on the simplified copy; the table is shared with the normalisers. */
export { toSimplified } from '../normalise/traditional';
