// The git plumbing layer in one import, for the commands built on it (--at, history, verify,
// --changed-since, --staged). Each module's first lines document its API and its cost in
// git processes.
export { GitError, git, gitBuffer, gitLines, runGit, locateRepo, isShallow, shallowCommits, recordGit, type Located, type RunOptions, type RunResult } from './run.js';
export { resolveRevision, RevisionError, type Revision, type RevisionProblem } from './rev.js';
export { batchCheck, batchRead, isMissing, parseTree, parseCommit, kindOfMode, type ObjectInfo, type GitObject, type Missing, type ObjectType, type TreeEntry, type EntryKind, type RawCommit, type RawIdentity } from './objects.js';
export { gitReader, indexReader } from './reader.js';
export { logCommits, type Commit, type Change, type ChangeStatus, type LogOptions, type Person, type Signature, type SignatureStatus } from './log.js';
export { blame, blameContext, type BlameLine, type BlameOptions, type BlameContext } from './blame.js';
export { changedFiles, type ChangedOptions } from './changes.js';
export { walkOrigins, type FileOrigins, type WalkOptions } from './origins.js';
