# Generates the blind cases. Every expected text below was worked out by hand from the README.
import os, json, shutil
ROOT = os.path.dirname(os.path.abspath(__file__))

UNIT_R = '''unit: R/600/0001
aliases: ["101"]
title: Handle customer enquiries
level: 2
credits: 3
methods: [observation, witness-testimony, work-product, professional-discussion, questioning, written-questions, reflective-account]
outcomes:
  - id: "1"
    title: Understand customer enquiries
    criteria:
      - id: "1.1"
        text: Describe the kinds of enquiry customers make
      - id: "1.2"
        text: Explain how to find answers to enquiries
      - id: "1.3"
        text: Explain when to refer an enquiry
  - id: "2"
    title: Be able to handle customer enquiries
    criteria:
      - id: "2.1"
        text: Answer enquiries accurately
      - id: "2.2"
        text: Record enquiries
'''
UNIT_T = '''unit: T/600/0002
aliases: ["102"]
title: Work with colleagues
level: 2
credits: 2
methods: [observation, witness-testimony, work-product, professional-discussion, questioning, written-questions, reflective-account]
outcomes:
  - id: "1"
    title: Understand team working
    criteria:
''' + ''.join(f'      - id: "1.{i}"\n' for i in range(1, 11)) + '''  - id: "2"
    title: Be able to support colleagues
    criteria:
      - id: "2.1"
      - id: "2.2"
'''
QUAL = '''qualification: 600/0001/1
title: Test Certificate in Customer Enquiries
level: 2
groups:
  - { id: mandatory, title: Mandatory, required: all, units: [R/600/0001, T/600/0002] }
'''
CENTRE = '''# Test centre for the blind recording cases.
centre: { name: Blind Test Centre, number: "09999" }
staff:
  - { id: a.ash, name: Ann Ash, roles: [assessor], email: ann.ash@example.com }
  - { id: b.birch, name: Bo Birch, roles: [assessor, iqa], email: bo.birch@example.com }
  - { id: c.cedar, name: Cy Cedar, roles: [iqa], email: cy.cedar@example.com }
  - { id: d.dean, name: Dee Dean, roles: [admin], email: dee.dean@example.com }
'''

HEAD = '''# yaml-language-server: $schema=../../schemas/portfolio.schema.json
learner: { name: Zoë Ångström }
qualification: 600/0001/1
registered: 2026-01-10
assessor: a.ash
'''
E01 = '''  - id: E01
    title: Written questions on enquiries
    method: written-questions
    date: 2026-02-01
    ref: Paper file 1
    covers:
      R/600/0001: [1.1, 1.2, 1.3]
    assessment: { by: a.ash, date: 2026-02-03, decision: accepted }
'''
# all of R met (E01 + E02) and all of T met (E03)
FULL = E01 + '''  - id: E02
    title: Observed answering phone enquiries
    method: observation
    date: 2026-03-01
    ref: Observation record 1
    covers:
      R/600/0001: [2.1, 2.2]
    assessment: { by: a.ash, date: 2026-03-01, decision: accepted }
  - id: E03
    title: Observed team huddle and follow-up
    method: observation
    date: 2026-03-10
    ref: Observation record 2
    covers:
      T/600/0002: [1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 1.10, 2.1, 2.2]
    assessment: { by: a.ash, date: 2026-03-12, decision: accepted }
'''
P = 'portfolios/L-001/portfolio.yaml'
cases = []
def case(name, cmd, why, files, expected=None, refusal=None, loose=None, extra=None):
    cases.append(dict(name=name, cmd=cmd, why=why, files=files, expected=expected, refusal=refusal, loose=loose, extra=extra or {}))

# ---------------------------------------------------------------- writes
case('01-evidence-block-basic',
 'evidence add L-001 --title "Observed answering phone enquiries" --method observation --date 2026-11-20 --ref "Observation record 7" --covers R/600/0001:2.1,2.2 --by a.ash',
 ['evidence add appends a block evidence item, next free id E02, covers written as the neighbour writes it (block mapping, flow list).',
  'README "Nothing the user wrote is lost": "The new node follows its neighbours ... an evidence item gets covers: and assessment: written as the other items have them"; "Without --id, the item gets the next free id".'],
 {P: HEAD + 'evidence:\n' + E01 + 'signoffs: []\niqa: []\n'},
 {P: HEAD + 'evidence:\n' + E01 + '''  - id: E02
    title: Observed answering phone enquiries
    method: observation
    date: 2026-11-20
    ref: Observation record 7
    covers:
      R/600/0001: [2.1, 2.2]
signoffs: []
iqa: []
'''})

P02 = '''# Portfolio kept with four-space indentation.
"learner": { "name": "Łukasz Żółć" }
qualification: 600/0001/1
registered: 2026-01-10
assessor: a.ash

# Evidence, oldest first.
evidence:
    # first visit
    - id: E01
      title: Written questions on enquiries
      method: written-questions
      date: 2026-02-01
      ref: Paper file 1
      covers:
          R/600/0001: [1.1, 1.2, 1.3]
      assessment: { by: a.ash, date: 2026-02-03, decision: accepted }

    - id: E02
      title: Reflective account of a complaint
      method: reflective-account
      date: 2026-03-01
      ref: Learner journal p. 3
      covers:
          T/600/0002: [1.1, 1.2]
'''
P02_TAIL = '''
# Nothing signed off yet.
signoffs: []
iqa: []
'''
case('02-evidence-4space-blank-lines',
 'evidence add L-001 --title "Professional discussion on referrals" --method professional-discussion --date 2026-11-20 --ref "Recording 12" --covers 101:1.3 --covers T/600/0002:1.3 --by a.ash',
 ['4-space indentation, blank line between items, comments above/inside/after the list, quoted keys elsewhere, two --covers (one by alias): new item indented like its neighbours, preceded by a blank line; alias written as the unit number.',
  'README: "a blank line between items is kept up"; "every comment, blank line, key order, quote ... stays byte for byte"; "The portfolio gets the unit\'s own number". Assumed: one criterion written [1.3] like the neighbours, units in command order.'],
 {P: P02 + P02_TAIL},
 {P: P02 + '''
    - id: E03
      title: Professional discussion on referrals
      method: professional-discussion
      date: 2026-11-20
      ref: Recording 12
      covers:
          R/600/0001: [1.3]
          T/600/0002: [1.3]
''' + P02_TAIL})

P03 = '''learner: { name: Ana Sousa }
qualification: "600/0001/1"
registered: 2026-01-10
assessor: a.ash
evidence:
  - id: E01
    title: Written questions on enquiries
    method: written-questions
    date: 2026-02-01
    ref: Paper file 1
    covers: { R/600/0001: [1.1, 1.2, 1.3] }   # all of outcome 1
    assessment: { by: a.ash, date: 2026-02-03, decision: accepted }
  - id: E02
    title: Team meeting minutes
    method: work-product
    date: 2026-03-02
    ref: Minutes folder, March
    covers: { T/600/0002: [1.1, 1.2, 1.3] }
'''
case('03-evidence-flow-covers-alias-range',
 'evidence add L-001 --title "Written questions on team roles" --method written-questions --date 2026-11-20 --ref "Paper file 2" --covers 102:1.8-1.10 --by a.ash',
 ['Neighbours write covers as a flow mapping; unit named by alias 102 with the range 1.8-1.10 (unit order, so 1.8, 1.9, 1.10): new item gets covers: { T/600/0002: [1.8, 1.9, 1.10] }.',
  'README "--covers": "a range in the unit\'s order (1.1-1.6)", "The portfolio gets the unit\'s own number and each criterion written out"; "an evidence item gets covers: ... written as the other items have them".'],
 {P: P03 + 'signoffs: []\niqa: []\n'},
 {P: P03 + '''  - id: E03
    title: Written questions on team roles
    method: written-questions
    date: 2026-11-20
    ref: Paper file 2
    covers: { T/600/0002: [1.8, 1.9, 1.10] }
signoffs: []
iqa: []
'''})

P04H = '''# New learner, nothing recorded yet.
learner: { name: Chen Wei 陈伟 }
qualification: 600/0001/1
registered: 2026-01-10
assessor: a.ash
witnesses: []
'''
case('04-evidence-empty-list',
 'evidence add L-001 --title "Reflective account of a difficult enquiry" --method reflective-account --date 2026-11-10 --ref "Learner journal page 4" --covers R/600/0001:outcome-1 --by a.ash',
 ['evidence: [] gets its first item as a block list in the sample layout (2-space, covers as block mapping with a flow list), id E01, outcome-1 expanded to 1.1, 1.2, 1.3.',
  'README decision "An empty list has no neighbours. evidence: [] ... becomes a block list with the sample\'s layout"; "a whole outcome (outcome-3)". Assumed: first id is E01 (two digits, as E07/E14 in the README).'],
 {P: P04H + 'evidence: []\nsignoffs: []\niqa: []\n'},
 {P: P04H + '''evidence:
  - id: E01
    title: Reflective account of a difficult enquiry
    method: reflective-account
    date: 2026-11-10
    ref: Learner journal page 4
    covers:
      R/600/0001: [1.1, 1.2, 1.3]
signoffs: []
iqa: []
'''})

crlf = lambda s: s.replace('\n', '\r\n')
case('05-evidence-crlf-all',
 'evidence add L-001 --title "Observed team huddle" --method observation --date 2026-11-20 --ref "Observation record 9" --covers T/600/0002:all --by a.ash',
 ['CRLF file: the new item is written with CRLF line ends; covers "all" expands to every criterion of the unit in its order.',
  'README: "CRLF line ends stay CRLF"; "--covers ... the whole unit (all)", "each criterion written out".'],
 {P: crlf(HEAD + 'evidence:\n' + E01 + 'signoffs: []\niqa: []\n')},
 {P: crlf(HEAD + 'evidence:\n' + E01 + '''  - id: E02
    title: Observed team huddle
    method: observation
    date: 2026-11-20
    ref: Observation record 9
    covers:
      T/600/0002: [1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 1.10, 2.1, 2.2]
signoffs: []
iqa: []
''')})

H06 = HEAD + '''witnesses:
  - { id: w-one, name: Olu One, relationship: line manager, status: 3 }
evidence:
''' + E01
T06 = '''# signed off units
signoffs: []
iqa: []'''
case('06-evidence-witness-no-final-newline',
 'evidence add L-001 --title "Witness statement on enquiries" --method witness-testimony --witness w-one --date 2026-11-20 --ref "Statement signed by Olu One" --covers R/600/0001:2.1-2.2 --by a.ash',
 ['File without a final newline (change in the middle): the file still ends without one; witness testimony item gets witness: after method, as in the README sample.',
  'README: "Only the new or changed node is written: every comment, blank line ... elsewhere in the file stays byte for byte". Assumed key order id,title,method,witness,date,ref,covers (README example and schema order).'],
 {P: H06 + T06},
 {P: H06 + '''  - id: E02
    title: Witness statement on enquiries
    method: witness-testimony
    witness: w-one
    date: 2026-11-20
    ref: Statement signed by Olu One
    covers:
      R/600/0001: [2.1, 2.2]
''' + T06})

NOTES = '# Call notes\n\nThree calls logged on 19 November 2026.\n'
case('07-evidence-file-copied-in',
 'evidence add L-001 --title "Call notes" --method work-product --date 2026-11-20 --file outside/call-notes.md --covers R/600/0001:2.2 --by a.ash',
 ['--file outside the learner folder (and outside the centre) is copied into the learner\'s evidence/ and the item gets file: evidence/call-notes.md.',
  'README: "--file outside the learner\'s folder is copied into their evidence/, never over a different file of the same name". Assumed: the path is relative to the working directory (the runner runs in the case\'s temp folder) and the copy keeps the file name.'],
 {P: HEAD + 'evidence:\n' + E01 + 'signoffs: []\niqa: []\n'},
 {P: HEAD + 'evidence:\n' + E01 + '''  - id: E02
    title: Call notes
    method: work-product
    date: 2026-11-20
    file: evidence/call-notes.md
    covers:
      R/600/0001: [2.2]
signoffs: []
iqa: []
''', 'portfolios/L-001/evidence/call-notes.md': NOTES},
 extra={'outside/call-notes.md': NOTES})

E0203 = '''  - id: E02
    title: Observed answering phone enquiries
    method: observation
    date: 2026-03-01
    ref: Observation record 1
    covers:
      R/600/0001: [2.1]
  - id: E03
    title: Enquiry log extract
    method: work-product
    date: 2026-03-02
    ref: Enquiry log, March
    covers:
      R/600/0001: [2.2]
'''
A08 = '    assessment: { by: a.ash, date: 2026-11-21, decision: accepted }\n'
E0203a = E0203.replace('      R/600/0001: [2.1]\n', '      R/600/0001: [2.1]\n' + A08).replace('      R/600/0001: [2.2]\n', '      R/600/0001: [2.2]\n' + A08)
case('08-assess-two-flow',
 'assess L-001 E02 E03 --accept --by a.ash --date 2026-11-21',
 ['Two items assessed at once; each gets assessment: as a flow mapping on one line, like E01\'s, after its covers.',
  'README: "folio assess LEARNER EVIDENCE…"; "an evidence item gets covers: and assessment: written as the other items have them". Assumed key order by, date, decision (README example).'],
 {P: HEAD + 'evidence:\n' + E01 + E0203 + 'signoffs: []\niqa: []\n'},
 {P: HEAD + 'evidence:\n' + E01 + E0203a + 'signoffs: []\niqa: []\n'})

P09 = HEAD + '''evidence:
  - id: E01
    title: Written questions on enquiries
    method: written-questions
    date: 2026-02-01
    ref: Paper file 1
    covers:
      R/600/0001:
        - 1.1
        - 1.2
        - 1.3
    # decision recorded at the February visit
    assessment:
      by: a.ash
      date: 2026-02-03
      decision: accepted
  - id: E02
    title: Observed answering phone enquiries
    method: observation
    date: 2026-03-01
    ref: Observation record 1
    covers:
      R/600/0001:
        - 2.1
'''
case('09-assess-block-not-yet-feedback',
 'assess L-001 E02 --not-yet --feedback "Add the date of each call" --by a.ash --date 2026-11-21',
 ['Neighbour writes assessment as a block mapping: the not-yet decision with feedback is written as a block mapping too, feedback last.',
  'README: "an evidence item gets covers: and assessment: written as the other items have them"; format "{ by, date, decision: accepted }   # accepted | not-yet; feedback: …".'],
 {P: P09 + 'signoffs: []\niqa: []\n'},
 {P: P09 + '''    assessment:
      by: a.ash
      date: 2026-11-21
      decision: not-yet
      feedback: Add the date of each call
signoffs: []
iqa: []
'''})

P10a = HEAD + '''evidence:
  - id: E01
    title: Written questions on enquiries
    method: written-questions
    date: 2026-02-01
    ref: Paper file 1
    covers:
      R/600/0001: [1.1, 1.2, 1.3]
    # resubmitted in November
'''
P10b = '''  - id: E02
    title: Observed answering phone enquiries
    method: observation
    date: 2026-03-01
    ref: Observation record 1
    covers:
      R/600/0001: [2.1, 2.2]
    assessment: { by: a.ash, date: 2026-03-01, decision: accepted }   # first visit
signoffs: []
iqa: []
'''
case('10-assess-replace-decision',
 'assess L-001 E01 --accept --by b.birch --date 2026-11-22',
 ['Assessing an item already assessed (not-yet with feedback) replaces that assessment node in place; the comment above it and the other item stay.',
  'README decision: "Assessing an item already assessed replaces the decision (a resubmission accepted after not-yet)". Assumed: the whole assessment node is replaced, so the old feedback goes (git keeps it).'],
 {P: P10a + '    assessment: { by: a.ash, date: 2026-03-01, decision: not-yet, feedback: Needs more detail }\n' + P10b},
 {P: P10a + '    assessment: { by: b.birch, date: 2026-11-22, decision: accepted }\n' + P10b})

S11 = '''signoffs:
  - { unit: R/600/0001, by: a.ash, date: 2026-04-01 }   # first unit done
'''
case('11-signoff-alias-flow-item',
 'signoff L-001 102 --by a.ash --date 2026-11-25',
 ['Sign-off of a fully met unit named by alias: a flow mapping on its own line after the existing one (with its trailing comment), unit written by its number.',
  'README: "a list of flow mappings gets a flow mapping on its own line"; "a unit may be named by its number or by any of its aliases". Assumed: the unit\'s own number is written, as for --covers.'],
 {P: HEAD + 'evidence:\n' + FULL + S11 + 'iqa: []\n'},
 {P: HEAD + 'evidence:\n' + FULL + S11 + '  - { unit: T/600/0002, by: a.ash, date: 2026-11-25 }\niqa: []\n'})

I12 = '''iqa:
  # interim sample at the half-way review
  - { unit: T/600/0002, by: c.cedar, date: 2026-05-01, stage: interim, decision: agreed }
'''
case('12-iqa-summative-flow-item',
 'iqa record L-001 R/600/0001 --stage summative --agree --evidence E01 --by c.cedar --date 2026-11-26',
 ['Summative IQA on a signed-off unit by an IQA who made no decision on it: a flow mapping line after the commented existing record, evidence as a flow list.',
  'README format "iqa: - { unit, by, date, stage: summative, decision: agreed } # ... optional evidence: [E07] and feedback"; "a list of flow mappings gets a flow mapping on its own line".'],
 {P: HEAD + 'evidence:\n' + FULL + 'signoffs:\n  - { unit: R/600/0001, by: a.ash, date: 2026-04-01 }\n' + I12},
 {P: HEAD + 'evidence:\n' + FULL + 'signoffs:\n  - { unit: R/600/0001, by: a.ash, date: 2026-04-01 }\n' + I12 +
  '  - { unit: R/600/0001, by: c.cedar, date: 2026-11-26, stage: summative, decision: agreed, evidence: [E01] }\n'})

case('13-iqa-into-flow-list',
 'iqa record L-001 T/600/0002 --stage interim --not-agree --feedback "Too few observations" --by c.cedar --date 2026-11-26',
 ['iqa: is a one-line flow list: the new record goes inside the brackets after the existing one, separated by ", ".',
  'README: "an item in a flow list goes inside the brackets". Assumed key order unit, by, date, stage, decision, feedback (README format).'],
 {P: HEAD + 'evidence:\n' + FULL + 'signoffs: []\niqa: [{ unit: R/600/0001, by: c.cedar, date: 2026-05-01, stage: interim, decision: agreed }]\n'},
 {P: HEAD + 'evidence:\n' + FULL + 'signoffs: []\niqa: [{ unit: R/600/0001, by: c.cedar, date: 2026-05-01, stage: interim, decision: agreed }, { unit: T/600/0002, by: c.cedar, date: 2026-11-26, stage: interim, decision: not-agreed, feedback: Too few observations }]\n'})

W14 = '''witnesses:
  - { id: w-one, name: Olu One, relationship: line manager, status: 3 }
  # added at the first review
  - { id: w-two, name: Siobhán Ní Bhriain, relationship: team leader, status: 4 }
'''
case('14-witness-add-unicode',
 'witness add L-001 w-three --name "Ólafur Þórsson" --relationship "shift supervisor" --status 2 --email olafur@example.com --by a.ash',
 ['witness add to a list of flow mappings with a comment inside: one flow line after the last, unicode name written as is.',
  'README: "a list of flow mappings gets a flow mapping on its own line"; witness format "{ id, name, relationship, status }" (schema adds email). Assumed status written unquoted 2, keys in schema order.'],
 {P: HEAD + W14 + 'evidence:\n' + E01 + 'signoffs: []\niqa: []\n'},
 {P: HEAD + W14 + '  - { id: w-three, name: Ólafur Þórsson, relationship: shift supervisor, status: 2, email: olafur@example.com }\n' + 'evidence:\n' + E01 + 'signoffs: []\niqa: []\n'})

C15 = CENTRE + '''# more staff join in January

policy:
  evidence-currency-years: 3     # the centre's own limit
'''
case('15-staff-add-flow',
 'staff add e.elm --name "Émile Elm" --roles assessor,iqa --email emile.elm@example.com --by d.dean',
 ['staff add appends a flow mapping line to centre.yaml\'s staff list, before the comment and blank line that follow the list; roles as a flow list, one email as a scalar.',
  'README: "writes ... portfolios/centre.yaml"; "a list of flow mappings gets a flow mapping on its own line"; centre format "{ id, name, roles: [..], email }".'],
 {'portfolios/centre.yaml': C15, P: HEAD + 'evidence:\n' + E01 + 'signoffs: []\niqa: []\n'},
 {'portfolios/centre.yaml': CENTRE + '  - { id: e.elm, name: Émile Elm, roles: [assessor, iqa], email: emile.elm@example.com }\n' + C15[len(CENTRE):]})

case('16-learner-add',
 'learner add L-002 --name "Maya Okonkwo-Śliwińska" --qualification 600/0001/1 --assessor a.ash --uln 7062815933 --registered 2026-11-15 --by d.dean',
 ['learner add creates portfolios/L-002/portfolio.yaml with the learner, qualification, registration, assessor and empty lists; nothing else changes.',
  'README: "folio learner add ... a new learner\'s portfolio", "evidence: [], as folio learner add writes it". LOOSE: exact template bytes are not documented; comment lines and optional witnesses/optional-units/notes lines may differ (assumed sample style: flow learner with quoted uln).'],
 {P: HEAD + 'evidence:\n' + E01 + 'signoffs: []\niqa: []\n'},
 {'portfolios/L-002/portfolio.yaml': '''# yaml-language-server: $schema=../../schemas/portfolio.schema.json
learner: { name: Maya Okonkwo-Śliwińska, uln: "7062815933" }
qualification: 600/0001/1
registered: 2026-11-15
assessor: a.ash
evidence: []
signoffs: []
iqa: []
'''},
 loose={'loose': True, 'ignore': ['^#', '^witnesses:', '^optional-units:', '^notes:'], 'files': ['portfolios/L-002/portfolio.yaml']})

# ---------------------------------------------------------------- refusals
BASE = HEAD + 'evidence:\n' + E01 + E0203 + 'signoffs: []\niqa: []\n'
FULLP = HEAD + 'evidence:\n' + FULL + 'signoffs:\n  - { unit: R/600/0001, by: a.ash, date: 2026-04-01 }\niqa: []\n'
case('17-refuse-unknown-staff',
 'assess L-001 E02 --accept --by z.nobody --date 2026-11-21 -f json',
 ['assess --by a staff id not in centre.yaml is refused with check\'s unknown-staff, exit 1, file untouched.',
  'README: "an unknown staff member or witness (unknown-staff, unknown-witness)" refuses; exit table 1 lists unknown-staff (note: the general "staff id ... not there is a usage error" sentence suggests 2; the recording table is more specific).'],
 {P: BASE}, refusal={'exit': 1, 'code': 'unknown-staff'})
case('18-refuse-wrong-role',
 'signoff L-001 T/600/0002 --by c.cedar --date 2026-11-25 -f json',
 ['Sign-off of a fully met unit by an IQA-only staff member is refused with staff-role, exit 1.',
  'README: "Only an assessor assesses and signs off ... check\'s own staff-role ... refuse the record otherwise".'],
 {P: FULLP}, refusal={'exit': 1, 'code': 'staff-role'})
FULLB = FULLP.replace('    assessment: { by: a.ash, date: 2026-02-03, decision: accepted }', '    assessment: { by: b.birch, date: 2026-02-03, decision: accepted }')
case('19-refuse-iqa-own-decision',
 'iqa record L-001 R/600/0001 --stage summative --agree --by b.birch --date 2026-11-26 -f json',
 ['b.birch (assessor and IQA) assessed E01 on R/600/0001, then records the summative IQA on it: refused iqa-own-decision, exit 1.',
  'README: "an IQA who assessed or signed off the unit (iqa-own-decision)" refuses the change.'],
 {P: FULLB}, refusal={'exit': 1, 'code': 'iqa-own-decision'})
case('20-refuse-unknown-criterion',
 'evidence add L-001 --title "Questioning on enquiries" --method questioning --date 2026-11-20 --ref "Q sheet 3" --covers R/600/0001:1.9 --by a.ash -f json',
 ['--covers names criterion 1.9, which R/600/0001 does not have: refused unknown-criterion, exit 1.',
  'README: "a criterion not in the unit (unknown-criterion)" refuses; exit 1 table lists unknown-criterion.'],
 {P: BASE}, refusal={'exit': 1, 'code': 'unknown-criterion'})
case('21-refuse-signoff-unmet',
 'signoff L-001 R/600/0001 --by a.ash --date 2026-11-25 -f json',
 ['Sign-off of R/600/0001 while 2.1 and 2.2 only await assessment: refused signoff-unmet, exit 1, nothing written.',
  'README: "a sign-off with criteria unmet (signoff-unmet, with the gaps listed; --force writes it)"; the README session shows this refusal.'],
 {P: BASE}, refusal={'exit': 1, 'code': 'signoff-unmet'})
case('22-refuse-duplicate-id',
 'evidence add L-001 --id E01 --title "Second written questions" --method written-questions --date 2026-11-20 --ref "Paper file 9" --covers R/600/0001:1.1 --by a.ash -f json',
 ['evidence add --id E01 where E01 exists: refused duplicate-evidence-id, exit 1.',
  'README: "a duplicate id (duplicate-evidence-id)" refuses the change.'],
 {P: BASE}, refusal={'exit': 1, 'code': 'duplicate-evidence-id'})
case('23-refuse-evidence-file-exists',
 'evidence add L-001 --title "Call notes" --method work-product --date 2026-11-20 --file outside/call-notes.md --covers R/600/0001:2.2 --by a.ash -f json',
 ['--file outside the learner folder whose name is already taken in evidence/ by a different file: refused evidence-file-exists, exit 1, neither file touched.',
  'README: "copied into their evidence/, never over a different file of the same name"; exit 1 lists folio\'s own refusal evidence-file-exists.'],
 {P: BASE, 'portfolios/L-001/evidence/call-notes.md': '# Older notes\n\nA different file.\n'},
 refusal={'exit': 1, 'code': 'evidence-file-exists'}, extra={'outside/call-notes.md': NOTES})
case('24-refuse-control-char-title',
 "evidence add L-001 --title $'Call log\\x1b[31m review' --method work-product --date 2026-11-20 --ref \"Log\" --covers R/600/0001:2.2 --by a.ash -f json",
 ['A title holding ESC (a control character) is refused: unsafe-text, exit 1, file untouched.',
  'README Check codes: "unsafe-text: A name, id, title ... holds a control ... character"; "Any error the change would bring refuses it, with check\'s code". Assumed unsafe-text rather than control-character (folio would have to write the title escaped in quotes; raw it would be control-character too).'],
 {P: BASE}, refusal={'exit': 1, 'code': 'unsafe-text'})

assert len(cases) == 24, len(cases)
def w(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='') as f: f.write(text)
for c in cases:
    d = os.path.join(ROOT, c['name'])
    if os.path.exists(d): shutil.rmtree(d)
    base = {'specs/units/R-600-0001.yaml': UNIT_R, 'specs/units/T-600-0002.yaml': UNIT_T,
            'specs/qualifications/600-0001-1.yaml': QUAL, 'portfolios/centre.yaml': CENTRE}
    base.update(c['files'])
    for p, t in base.items(): w(os.path.join(d, 'centre', p), t)
    for p, t in c['extra'].items(): w(os.path.join(d, p), t)
    w(os.path.join(d, 'cmd'), c['cmd'] + '\n')
    w(os.path.join(d, 'why.md'), c['why'][0] + '\n' + c['why'][1] + '\n')
    if c['refusal']:
        w(os.path.join(d, 'expected', 'refusal.json'), json.dumps(c['refusal']) + '\n')
    else:
        for p, t in c['expected'].items(): w(os.path.join(d, 'expected', p), t)
    if c['loose']:
        w(os.path.join(d, 'loose.json'), json.dumps(c['loose'], indent=2) + '\n')
print('wrote', len(cases), 'cases')
