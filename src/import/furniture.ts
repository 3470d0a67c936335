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
  // page furniture
  /^page \d+( of \d+)?$/i,
  /^\d+ of \d+$/,
  /^(©|copyright\b)/i,
  /^version \d/i,
];

// A guidance column: what follows a criterion after a gap is its guidance (seed 004).
const GUIDANCE_HEADINGS = /^(guidelines and range|guidance( and range)?|range( statement)?|amplification|indicative content|guidance for delivery|additional information)$/i;

export function isFurniture(text: string): boolean {
  return FURNITURE.some((re) => re.test(text));
}

export function isGuidanceHeading(text: string): boolean {
  return GUIDANCE_HEADINGS.test(text);
}

/** The heading cells over an N/SVQ grid of U/K letters and evidence requirement numbers. */
export function isGridHeading(text: string): boolean {
  return /^(u\/k|evidence requirements)$/i.test(text);
}
