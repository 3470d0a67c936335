// Lines every recording form carries that are not part of a unit's content: prompts for the
// learner, signature blocks, column headings, page furniture. The importer skips them
// silently; anything else it cannot place is reported, so this list is the only place where
// text is dropped without a word.

const FURNITURE: RegExp[] = [
  // seed 000 prompts
  /^what have you done to show this/i,
  /^location of evidence/i,
  /^(im\/em|iv\/ev|iqa\/eqa) feedback/i,
  // column headings and lead-ins
  /^(learning outcomes?|assessment criteria|performance criteria|knowledge and understanding)$/i,
  /^(the )?(learner|candidate)s? (will|can|must|should)( be able to)?:?$/i,
  /^you will:?$/i,
  /^you (must|need to|should)( be able to| know and understand| know)?:?$/i,
  /^the candidate provides evidence that they understand:?$/i,
  /^evidence \(brief description/i,
  /^(portfolio )?(reference|ref\.?)( no\.?)?$/i,
  /^portfolio reference$/i,
  /^(date completed|date achieved|date|comments?|evidence|evidence ref(erence)?s?|method|assessment method)s?:?$/i,
  /^(standards|u\/k|evidence requirements|location( ref)?:?|ref:?)$/i,
  /^date assessment criteria/i,
  /^met$/i,
  // comment and signature blocks
  /^(tutor|internal moderator|external moderator|assessor|internal verifier|external verifier|iv|ev|iqa|eqa)('s)? (comments|feedback):?$/i,
  /^tutor feedback$/i,
  /^(tutor|assessor|candidate|learner|witness|internal verifier|iv|iqa) name,? signature/i,
  /^(assessor|internal verifier|iv|iqa|candidate|learner|tutor|witness)('s)? (signature|declaration)/i,
  /^learner comments?$/i,
  /^name:.*signature:?/i,
  /^(print )?name:?\s*_*$/i,
  /^signature:?\s*_*$/i,
  /^date:?\s*_*$/i,
  /^date (completed|verified|met|signed)/i,
  /^sampled by/i,
  /^if chosen for sampling/i,
  /^please ensure these forms/i,
  /^centre name:/i,
  /^learner name:/i,
  /^notes to learners/i,
  /^(learner|candidate)('s)? evidence tracking log$/i,
  // lead-ins under headings
  /^(learning outcomes?|assessment criteria)\b[^0-9]*\b(learner|candidate)s? (can|will)\b[^:]*:?$/i,
  /^(internal|external) (verification|quality assurance|moderation)$/i,
  /^the candidate provides evidence that they\b.*$/i,
  /^(candidate|learner)( name| scn| number)?:\s*_{3,}.*$/i,
  /^centre( name| number)?:\s*_{3,}.*$/i,
  // blanks to fill in: "Evidence: ________   Date met: ______", a rule of underscores
  /^(?:[A-Za-z][\w'’ /()]{0,30}:\s*_{2,}\s*)+$/,
  /^_{3,}$/,
  // web page chrome
  /^(skip to (main )?content|menu|home|search( our site)?|print( this page)?|back to top|sign in|log ?in)$/i,
  /^(home|you are here:)\s*[›>\/].*$/i,
  /^you are here:.*$/i,
  /^(share this page|was this page useful|related (units|qualifications|content)|contact us|download (the )?unit specification|manage cookie|this website uses cookies|ok, i understand|accept (all )?cookies)\b.*$/i,
  /^[^|]{1,40}(\s+\|\s+[^|]{1,40}){2,}$/,
];

// Lines that a page break or a browser puts into the text anywhere, even inside a criterion:
// skipping them must not end what the lines around them continue.
const PAGE: RegExp[] = [
  /\bpage \d+( of \d+)?$/i,
  /^\d+ of \d+$/,
  /^(©|copyright\b)/i,
  /^version \d[^a-z]*(©|copyright|\b(19|20)\d\d\b)/i,
  /\bversion \d+(\.\d+)*(\s*\((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{4}\))?$/i,
  /^https?:\/\/\S+(\s+\d+\/\d+)?$/i,
  /^\d{1,2}\/\d{1,2}\/\d{2,4},?\s+(\d{1,2}:\d{2}\s+)?\S.*$/,
  /^\f*$/,
];

export function isPageFurniture(text: string): boolean {
  return PAGE.some((re) => re.test(text));
}

/** Headings of notes on the whole unit: what follows them becomes the unit's guidance. */
export const NOTE_HEADING =
  /^(?:notes?|(?:overall )?(?:unit )?(?:aims?|summary|overview|introduction|purpose(?: and aim)?)|purpose of (?:the|this) unit|what this unit is about|about this unit|(?:unit )?assessment(?: requirements| guidance| principles| information| strategy)?(?: or guidance specified by a sector or regulatory body)?|guidance (?:on|for) (?:delivery|assessment)(?: and assessment)?|delivery(?: and assessment)? guidance|delivery and assessment|unit support\/guidance|unit guidance|support for the unit from a sector skills council or other appropriate body|additional (?:information|guidance)(?: (?:about|on|for) (?:the|this) unit)?|evidence requirements|delivery)(?:\s*\([^)]*\))*\s*(?:[:\-–]\s*(.*))?$/i;

/** The lead-in a specification puts above its outcomes or its notes for tutors ("In order to pass
 * this unit, the evidence … needs to demonstrate …", "Information for tutors"): boilerplate of
 * the awarding body, never the unit's own guidance. A wrapped lead-in runs on to its next lines. */
export const LEAD_IN =
  /^(?:learning outcomes and assessment criteria|in order to (?:pass|achieve) (?:this|the) unit\b.*|on completion of (?:this|the) unit,? (?:a |the )?(?:learner|candidate)s? (?:should|will|can)\b.*|(?:information|essential guidance) for tutors)$/i;

/** An assessment heading whose value says how the unit is assessed, as a field of the unit's header
 * ("Assessment: Internally assessed; portfolio of evidence", "Assessment guidance: Portfolio of
 * evidence" then "Practical skills test"): a short phrase naming a mode, not a sentence of guidance. */
export const ASSESSMENT_FIELD = /^(?:unit )?assessment(?: requirements| guidance| methods?| type| mode)?$/i;
export function isAssessmentMode(value: string): boolean {
  const v = value.trim();
  return v.split(/\s+/).length <= 8 && !/[.!?]$/.test(v) && /\b(?:portfolio|internally|externally|assessed|tests?|exam(?:ination)?s?|assignments?|observations?|multiple[- ]choice|on-?line|e-?assessment)\b/i.test(v);
}

/** Register and web-page fields folio does not keep; their value (same or next line) is skipped. */
export const METADATA_LABEL =
  /^(?:unit )?(?:sub level|grading structure|mandatory\/optional|owner(?: name)?|review date|status|operational start date|expiry date|availability(?: for use)?|unit type|total qualification time|tqt|nos (?:reference|links?)|relationship to (?:nos|(?:national )?occupational standards)|details of the relationship between the unit and [^:]*)(?:\b|(?<=\)))\s*(?:[:\t]\s*(.*))?$/i;

/** A line of a list of definitions or range ("Individuals: a person requiring care or support.",
 * "Others may include: team members, …"): a short term and a colon, the range of a criterion
 * or outcome, not the unit's guidance, even under an "Additional information" heading. */
export const DEFINITION = /^(?!notes?\b|please\b)[A-Z][A-Za-z'’/()-]*(?: [A-Za-z'’/()-]+){0,3}?(?: (?:may|can|could|will|must|should) (?:include|be|mean|cover))?:\s+\S/i;

// A guidance column: what follows a criterion after a gap is its guidance (seed 004).
const GUIDANCE_HEADINGS = /^(guidelines and range|guidance( and range)?|range( statement)?|amplification|indicative content|guidance for delivery|(unit )?content|additional information|what you (must|need to|have to) cover)$/i;

/** A range section standing after the criteria it ranges over (N/SVQ "What you must cover", a
 * handbook's "Range"): its list is range; a paragraph of prose after the list is guidance. */
export const RANGE_SECTION = /^(range( statement)?|what you (must|need to|have to) cover)$/i;

/** A line shaped like a section heading: a few words, a capital first, no figures, no closing
 * stop. Whether it heads guidance depends on what follows (text.ts). A recording form's own
 * sections (a declaration, signatures, feedback) and a web page's (links, cookies) are never
 * the unit's guidance. */
export function isHeadingShaped(text: string): boolean {
  return /^[A-Z][A-Za-z'’,&/()\- ]{2,60}$/.test(text) && text.split(' ').length <= 8 && !isFurniture(text) && !/\b(declarations?|signatures?|sign-?off|feedback|comments?|authenticity|links?|cookies?|newsletters?|follow us|find out more)\b/i.test(text);
}

/** A line of prose: a sentence of several words, most of them in lower case, not a definition. */
export function isProse(text: string): boolean {
  const words = text.split(' ');
  return /^[A-Z‘“'"]/.test(text) && !/^I\b/.test(text) && words.length >= 6 && words.filter((w) => /^[a-z]/.test(w)).length >= 3 && !/\d$/.test(text) && !DEFINITION.test(text);
}

export function isFurniture(text: string): boolean {
  return FURNITURE.some((re) => re.test(text));
}

// a word that heads a column only beside other headings: alone, "criteria" may be a wrapped word
const COLUMN_HEADING = /^(outcomes?|criteria|criterion|evidence|ref(erence)?|date|methods?)$/i;

/** A row of column headings or prompts, cells apart at tabs or wide gaps, each one furniture. */
export function isFurnitureRow(raw: string): boolean {
  const cells = raw.split(/\t|\s{3,}/).map((c) => c.trim()).filter(Boolean);
  return cells.length >= 2 && cells.every((c) => isFurniture(c) || COLUMN_HEADING.test(c));
}

export function isGuidanceHeading(text: string): boolean {
  return GUIDANCE_HEADINGS.test(text);
}

/** The heading cells over an N/SVQ grid of U/K letters and evidence requirement numbers. */
export function isGridHeading(text: string): boolean {
  return /^(u\/k|evidence requirements)$/i.test(text);
}
