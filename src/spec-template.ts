// The templates folio spec new writes: a unit or qualification specification with TODO where
// the awarding body's document has the answer. check reports each TODO left (placeholder) and
// each number not yet given (invalid-number), so a half-filled scaffold never passes.
import { PLACEHOLDER as T } from './rules/placeholders.js';

export function unitTemplate(id: string): string {
  return `# yaml-language-server: $schema=../../schemas/unit.schema.json
# A unit specification, written by folio spec new. Replace every ${T} with what the awarding
# body's unit specification says; "folio check" lists each one left. Or import the unit from
# its recording form instead: folio import FORM.txt
unit: ${id}
# aliases: ["201"]        # other numbers the unit is known by (the awarding body's own)
title: ${T}
level: ${T}               # a whole number: 2 for Level 2
credits: ${T}             # a whole number; delete the line when the unit has no credit value
outcomes:
  # One entry per learning outcome, each with its assessment criteria, numbered as published
  # (quote numbers: "1.10" is not "1.1"). Copy the block for outcome 2, 3, ...
  - id: "1"
    title: ${T}           # e.g. Be able to deal with customers (performance) or Understand ... (knowledge)
    criteria:
      - { id: "1.1", text: ${T} }
      - { id: "1.2", text: ${T} }
`;
}

export function qualificationTemplate(id: string): string {
  return `# yaml-language-server: $schema=../../schemas/qualification.schema.json
# A qualification specification, written by folio spec new: its rules of combination. Replace
# every ${T} with what the awarding body's qualification specification says; "folio check" lists
# each one left. Each unit named needs its own specification in specs/units/ (folio import).
qualification: ${id}
title: ${T}
level: ${T}               # a whole number: 2 for Level 2
min-credits: ${T}         # the total credits to achieve; delete the line for a units-only rule
groups:
  # The unit groups as the specification gives them, each unit by its number (list more after
  # a comma). A mandatory group has required: all; an optional group says how much of it counts
  # (min-credits, max-credits, min-units, max-units), for example:
  #   - { id: A, title: Optional group A, min-credits: 6, units: [D/601/1234, H/601/1235] }
  - { id: mandatory, title: Mandatory, required: all, units: [${T}] }
`;
}
