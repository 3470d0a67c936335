// verify --signed: an author's name and email are whatever the committer typed, so a centre
// that wants proof asks for signed commits. Every commit behind a record must carry a good
// signature from a trusted key, and the signer git reports must be the staff member the record
// names: git's G says the key is trusted, not whose decision it is. All commits are checked
// by one `git log --no-walk` after every portfolio is blamed.
import type { Code, Finding, MessageData } from '../diagnostics.js';
import type { Commit, Person, SignatureStatus } from '../git/index.js';
import type { Authors } from './authors.js';
import { named, short, signerEmail, type StaffBook } from './people.js';
import { finding, type DecisionRecord } from './records.js';

/** One commit behind one record, and the record's first line from it (an index into record.lines). */
export interface SignedLine {
  record: DecisionRecord;
  commit: string;
  author: Person;
  index: number;
}

const UNTRUSTED: Partial<Record<SignatureStatus, string>> = {
  E: 'its signature cannot be checked here (for SSH signatures no gpg.ssh.allowedSignersFile is configured; for OpenPGP the key is not in the keyring; or gpg or ssh-keygen is missing)',
  U: 'it is signed with a key this repository does not trust (not in gpg.ssh.allowedSignersFile, or an OpenPGP key of unknown validity)',
  X: 'its signature has expired',
  Y: 'it was signed with a key that has expired',
  R: 'it was signed with a key that has been revoked',
};

export function signatureFindings(lines: SignedLine[], commits: Map<string, Commit>, staff: StaffBook, authors: Authors): Finding[] {
  const out: Finding[] = [];
  for (const l of lines) {
    const r = l.record;
    const sig = commits.get(l.commit)?.signature;
    const status = sig?.status ?? 'E';
    const author = authors.get(l.commit) ?? l.author;
    const behind = `the ${r.label} by ${r.by} rests on commit ${short(l.commit)} by ${author.name} <${author.email}>`;
    const data = { commit: l.commit, author: { name: author.name, email: author.email }, status };
    const push = (code: Code, id: string, message: string, more: MessageData = {}) => out.push(finding(code, r, l.index, { id, data: { ...data, ...more } }, message));
    if (status === 'N') push('verify-unsigned', 'not-signed', `${behind}, which is not signed: with --signed every commit behind a decision must be signed; ${r.by} signs their commits (git config commit.gpgSign true) and commits it again`);
    else if (status === 'B') push('verify-bad-signature', 'content-altered', `${behind}, whose signature does not match its content: the commit was altered after it was signed, so nothing in it can be trusted; restore the record from a trusted copy and have ${r.by} commit it again, signed`);
    else if (status !== 'G') push('verify-signature-unknown', `status-${status.toLowerCase()}`, `${behind}, which cannot be trusted: ${UNTRUSTED[status]}; add ${r.by}'s key to the centre's allowed signers (or keyring), or have them sign it again with a valid key`);
    else {
      const member = staff.get(r.by);
      if (!member || member.emails.length === 0) continue; // reported once, at the staff entry
      const signer = sig?.signer ?? '';
      if (!staff.owns(r.by, signerEmail(signer))) {
        push('verify-signer', 'other-signer', `${behind}, which has a good signature by ${signer || 'an unnamed signer'}, not by ${named(member)}: staff sign their own decisions, so ${r.by} must commit it signed with their own key, or correct by: if someone else made the decision`, { signer });
      }
    }
  }
  return out;
}
