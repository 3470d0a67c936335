// A centre's own script, as it would be written against the published package: open the
// centre, assess it, list who has not achieved, print the gaps as Markdown. test/package.test.ts
// type-checks it against the packed package and runs it.
import { assess, format, gaps, notAchieved, openCentre, status, type Assessment, type QualificationStatus } from 'folio-cli';

const [dir, asOf] = process.argv.slice(2);
const centre = await openCentre({ dir });
const a: Assessment = await assess(centre, { asOf });
const statuses: Record<string, QualificationStatus> = {};
for (const l of status(a).learners) statuses[l.id] = l.status;
const behind: string[] = notAchieved(a);
const markdown: string = format('gaps', 'markdown', gaps(a, { learners: behind }));
console.log(JSON.stringify({ statuses, notAchieved: behind, markdown }));
