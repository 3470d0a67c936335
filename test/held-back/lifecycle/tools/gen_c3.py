from gen_specs import *
C = 'c3-hostile-lifecycle-values'
write_specs(C, units=('U1','U2','U3','U4','U5','U9'))
write_centre(C, """# yaml-language-server: $schema=../schemas/centre.schema.json
# Holdout centre 3: hostile values in the new fields.
centre: { name: Holdout Centre Three, number: "90003" }
staff:
  - { id: a.smith, name: Ann Smith, roles: [assessor] }
  - { id: b.iqa, name: Bola Iqbal, roles: [iqa] }
  - { id: e.officer, name: Eve Officer, roles: [admin] }
  - { id: x.spare, name: Xan Spare, roles: [assessor], since: 2026-02-29 }   # not a leap year
sampling:
  interim-rate: "150%"            # over 100
  summative-rate: 30
  before-claim: some              # not none | sampled | all
""")
U1, U2, U3, U4, U5, U9 = 'J/615/1001', 'L/615/1002', 'R/615/1003', 'Y/615/1004', 'D/615/1005', 'H/615/1006'
def head(name, uln, opt='[Y/615/1004]'):
    return f"""# yaml-language-server: $schema=../../schemas/portfolio.schema.json
learner: {{ name: {name}, uln: "{uln}" }}
qualification: 603/9001/3
registered: 2026-06-01
assessor: a.smith
optional-units: {opt}
"""
def cov(units): return "".join(f"      {u}: [1.1, 1.2]\n" for u in units)
def e01(c):
    return f"""evidence:
  - id: E01
    title: "Written questions"
    method: written-questions
    date: 2026-09-01
    file: evidence/E01-written-questions.md
    covers:
{c}    assessment: {{ by: a.smith, date: 2026-09-05, decision: accepted }}
"""
def so(units): return "signoffs:\n" + "".join(f"  - {{ unit: {u}, by: a.smith, date: 2026-09-10 }}\n" for u in units)
def iqa(units): return "iqa:\n" + "".join(f"  - {{ unit: {u}, by: b.iqa, date: 2026-09-20, stage: summative, decision: agreed }}\n" for u in units)
F = ['evidence/E01-written-questions.md']
ALL = [U1, U2, U4]

write_learner(C, 'H-00', "# Clean control learner: achieved, signed off, IQA-agreed everywhere.\n" + head('Sol Clean', '1000000205') + e01(cov(ALL)) + so(ALL) + iqa(ALL), F)

write_learner(C, 'H-01', "# withdrawn.date is not a calendar date.\n" + head('Tam Baddate', '1000000213') +
"""withdrawn: { date: 2026-02-30, reason: Left for a new job, by: e.officer }
""" + e01(cov([U1, U2])) + so([U1, U2]), F)

write_learner(C, 'H-02', "# Breaks: a from that is no date, a to before its from, a break with no from.\n" + head('Uma Breaks', '1000000221') +
"""breaks:
  - { from: 2026-13-01, reason: Family matters }
  - { from: 2026-08-01, to: 2026-07-01, reason: Holiday }
  - { to: 2026-07-20, reason: Unknown start }
""" + e01(cov([U1])) + so([U1]), F)

write_learner(C, 'H-03', "# Exemptions: a unit outside the qualification, a unit with no spec, a kind outside the vocabulary, an unknown recorder, a bad date.\n" + head('Vic Exempt', '1000000248') +
"""exemptions:
  - { unit: H/615/1006, kind: credit-transfer, reference: CERT-1, date: 2026-06-05, by: e.officer }
  - { unit: K/615/1007, kind: exemption, reference: CERT-2, date: 2026-06-05, by: e.officer }
  - { unit: Y/615/1004, kind: transfer, reference: CERT-3, date: 2026-06-05, by: e.officer }
  - { unit: L/615/1002, kind: exemption, reference: CERT-4, date: 2026-06-05, by: z.ghost }
  - { unit: R/615/1003, kind: rpl, reference: RPL-5, date: 2026-9-1, by: e.officer }
""" + e01(cov([U1])) + so([U1]), F)

write_learner(C, 'H-04', "# Claims: both qualification and units; neither; a unit outside the qualification; a unit not achieved.\n" + head('Wyn Claims', '1000000256') +
"""claims:
  - { date: 2026-10-01, qualification: 603/9001/3, units: [J/615/1001], by: e.officer }
  - { date: 2026-10-02, by: e.officer, reference: CLM-EMPTY }
  - { date: 2026-10-03, units: [H/615/1006], by: e.officer }
  - { date: 2026-10-04, units: [Y/615/1004], by: e.officer }
""" + e01(cov([U1, U2])) + so([U1, U2]) + iqa([U1, U2]), F)

write_learner(C, 'H-05', "# Control and text-direction characters in free-text fields of the new records (YAML escapes, so the file itself is clean).\n" + head('Xia Control', '1000000264') +
"""withdrawn: { date: 2026-10-31, reason: "Left\\e[31m suddenly\\a", by: e.officer }
breaks:
  - { from: 2026-07-01, to: 2026-07-10, reason: "Sick\\u202Eevael" }
exemptions:
  - { unit: Y/615/1004, kind: credit-transfer, reference: "CERT\\0-77", date: 2026-06-05, by: e.officer, note: "line one\\u2028line two" }
""" + e01(cov([U1])) + so([U1]), F)

write_learner(C, 'H-06', "# Withdrawn 2026-10-31, but evidence dated and assessed after the withdrawal.\n" + head('Yan After', '1000000272') +
"""withdrawn: { date: 2026-10-31, reason: Withdrew, by: e.officer }
""" + e01(cov([U1])) +
f"""  - id: E02
    title: "Written questions: team communication"
    method: written-questions
    date: 2026-11-10
    ref: "Paper answers, learner file drawer 3"
    covers:
      {U2}: [1.1, 1.2]
    assessment: {{ by: a.smith, date: 2026-11-12, decision: accepted }}
""" + so([U1]), F)

write_learner(C, 'H-07', "# Claims: certificate dated before its claim; the same unit claimed twice; a claim in the future by an unknown recorder.\n" + head('Zed Twice', '1000000280') +
"""claims:
  - { date: 2026-10-01, units: [J/615/1001], by: e.officer, certificate: UC-0001, certificate-date: 2026-09-01 }
  - { date: 2026-10-05, units: [J/615/1001], by: e.officer }
  - { date: 2027-01-10, units: [L/615/1002], by: z.ghost }
""" + e01(cov(ALL)) + so(ALL) + iqa(ALL), F)

write_learner(C, 'H-08', "# Withdrawn before the registration date; nothing else recorded.\n" + head('Abe Early', '1000000299') +
"""withdrawn: { date: 2026-05-01, reason: Never started, by: e.officer }
evidence: []
""")
