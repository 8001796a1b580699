/** A problem the user can fix (bad option, unreadable file): exit 2 with one line, no stack trace. */
export class UsageError extends Error {}
