// What must not compile: the registry is typed by command, so a report of the wrong shape or
// a format the command does not have is a type error (each line below must be one).
import { assess, check, format, openCentre } from 'folio-cli';

const a = await assess(await openCentre());
// @ts-expect-error a check report is not status data
format('status', 'json', check(a));
// @ts-expect-error status has no sarif format
format('status', 'sarif', check(a));
// @ts-expect-error an assessment is not a report
format('gaps', 'markdown', a);
format('check', 'sarif', check(a));
