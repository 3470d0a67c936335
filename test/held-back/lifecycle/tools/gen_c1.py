from gen_specs import *
C = 'c1-claims-before-claim-all'
write_specs(C)
write_centre(C, """# yaml-language-server: $schema=../schemas/centre.schema.json
# Holdout centre 1: sampling strategy asks for an agreed summative IQA on every unit before a claim.
centre: { name: Holdout Centre One, number: "90001" }
staff:
  - { id: a.smith, name: Ann Smith, roles: [assessor], since: 2024-01-08 }
  - { id: b.iqa, name: Bola Iqbal, roles: [iqa], since: 2023-05-01 }
  - { id: e.officer, name: Eve Officer, roles: [admin] }
sampling:
  interim-rate: 25
  summative-rate: "50%"
  new-assessor-rate: 100
  new-assessor-months: 6
  before-claim: all
""")
U1, U2, U3, U4, U5 = 'J/615/1001', 'L/615/1002', 'R/615/1003', 'Y/615/1004', 'D/615/1005'
def head(name, uln, opt='[Y/615/1004]'):
    return f"""# yaml-language-server: $schema=../../schemas/portfolio.schema.json
learner: {{ name: {name}, uln: "{uln}" }}
qualification: 603/9001/3
registered: 2026-06-01
assessor: a.smith
optional-units: {opt}
"""
def e01(cov):
    return f"""  - id: E01
    title: "Written questions: all knowledge units"
    method: written-questions
    date: 2026-09-01
    file: evidence/E01-written-questions.md
    covers:
{cov}    assessment: {{ by: a.smith, date: 2026-09-05, decision: accepted }}
"""
FULLCOV = f"      {U1}: [1.1, 1.2]\n      {U2}: [1.1, 1.2]\n      {U4}: [1.1, 1.2]\n"
def so(units): return "signoffs:\n" + "".join(f"  - {{ unit: {u}, by: a.smith, date: 2026-09-10 }}\n" for u in units)
def iqa(units, stage='summative', decision='agreed'):
    return "iqa:\n" + "".join(f"  - {{ unit: {u}, by: b.iqa, date: 2026-09-20, stage: {stage}, decision: {decision} }}\n" for u in units)
F = ['evidence/E01-written-questions.md']
ALL = [U1, U2, U4]

# C1-01 meets every claim condition
write_learner(C, 'C1-01', "# Meets every claim condition: qualification achieved, every unit signed off and IQA-agreed (summative).\n" + head('Ada Ready', '1000000019') + "evidence:\n" + e01(FULLCOV) + so(ALL) + iqa(ALL), F)

# C1-02 misses one: a criterion not met (Y/615/1004 1.2 has no evidence)
write_learner(C, 'C1-02', "# Misses one condition: Y/615/1004 criterion 1.2 is not met (nothing covers it).\n" + head('Ben Criterion', '1000000027') + "evidence:\n" + e01(f"      {U1}: [1.1, 1.2]\n      {U2}: [1.1, 1.2]\n      {U4}: [1.1]\n") + so([U1, U2]) + iqa([U1, U2]), F)

# C1-03 misses one: no summative IQA on Y/615/1004
write_learner(C, 'C1-03', "# Misses one condition: no IQA record at all on Y/615/1004 (before-claim: all asks for an agreed summative IQA).\n" + head('Cara NoIQA', '1000000035') + "evidence:\n" + e01(FULLCOV) + so(ALL) + iqa([U1, U2]), F)

# C1-04 misses one: Y/615/1004 has only an interim IQA
write_learner(C, 'C1-04', "# Misses one condition: Y/615/1004 has an agreed IQA, but interim, not summative.\n" + head('Dev Interim', '1000000043') + "evidence:\n" + e01(FULLCOV) + so(ALL) + iqa([U1, U2]) +
  f"  - {{ unit: {U4}, by: b.iqa, date: 2026-09-08, stage: interim, decision: agreed }}\n", F)

# C1-05 misses one: a check error in the portfolio (E02 assessed by a staff id the centre does not list)
write_learner(C, 'C1-05', "# Misses one condition: a check error (E02's assessment names staff z.nobody, not in centre.yaml). E01 alone meets every criterion.\n" + head('Eli Error', '1000000051') + "evidence:\n" + e01(FULLCOV) +
f"""  - id: E02
    title: Extra workplace note on safety
    method: work-product
    date: 2026-09-02
    ref: "Site safety log, entry 14"
    covers:
      {U1}: [1.1]
    assessment: {{ by: z.nobody, date: 2026-09-06, decision: accepted }}
""" + so(ALL) + iqa(ALL), F)

# C1-06 misses one: already claimed (whole qualification), no certificate yet
write_learner(C, 'C1-06', "# Misses one condition: the whole qualification is already claimed (no certificate back yet).\n" + head('Fay Claimed', '1000000078') + "evidence:\n" + e01(FULLCOV) + so(ALL) + iqa(ALL) +
"""claims:
  - { date: 2026-10-01, qualification: 603/9001/3, by: e.officer, reference: CLM-1006 }
""", F)

# C1-07 certificated
write_learner(C, 'C1-07', "# Claimed, and the certificate number has come back: certificated.\n" + head('Gus Certificated', '1000000086') + "evidence:\n" + e01(FULLCOV) + so(ALL) + iqa(ALL) +
"""claims:
  - date: 2026-10-01
    qualification: "60390013"
    by: e.officer
    reference: CLM-1007
    certificate: CERT-555007
    certificate-date: 2026-11-02
""", F)

# C1-08 changed after claim: evidence and an assessment dated after the claim on a claimed unit
write_learner(C, 'C1-08', "# Claimed 2026-10-01; then E02 (dated 2026-10-15, assessed 2026-10-16) was added on L/615/1002, a claimed unit: check error.\n" + head('Hal Changed', '1000000094') + "evidence:\n" + e01(FULLCOV) +
f"""  - id: E02
    title: Professional discussion on team briefings
    method: professional-discussion
    date: 2026-10-15
    ref: "Recording PD-2026-10-15, centre media store"
    covers:
      {U2}: [1.1]
    assessment: {{ by: a.smith, date: 2026-10-16, decision: accepted }}
""" + so(ALL) + iqa(ALL) +
"""claims:
  - { date: 2026-10-01, qualification: 603/9001/3, by: e.officer, reference: CLM-1008 }
""", F)

# C1-09 unit claim: J/615/1001 claimed on its own; later evidence only on an unclaimed unit (no error)
write_learner(C, 'C1-09', "# Unit claim of J/615/1001 only (2026-10-01). L/615/1002 achieved and IQA-agreed but not claimed. Y/615/1004: evidence dated after the claim, not assessed; it is not a claimed unit, so no error.\n" + head('Ivy Units', '1000000108') + "evidence:\n" + e01(f"      {U1}: [1.1, 1.2]\n      {U2}: [1.1, 1.2]\n") +
f"""  - id: E02
    title: "Written questions: complaints"
    method: written-questions
    date: 2026-10-20
    file: evidence/E02-complaints.md
    covers:
      {U4}: [1.1, 1.2]
""" + so([U1, U2]) + iqa([U1, U2]) +
f"""claims:
  - {{ date: 2026-10-01, units: [{U1}], by: e.officer, reference: CLM-1009 }}
""", F + ['evidence/E02-complaints.md'])

# C1-10 IQA dated after a unit claim on the claimed unit (a decision after the claim)
write_learner(C, 'C1-10', "# Unit claim of J/615/1001 on 2026-09-15, before its summative IQA (2026-09-20): an IQA decision dated after the claim on a claimed unit.\n" + head('Jon Late IQA', '1000000116') + "evidence:\n" + e01(FULLCOV) + so(ALL) + iqa([U2, U4]) +
f"""  - {{ unit: {U1}, by: b.iqa, date: 2026-09-20, stage: summative, decision: agreed }}
claims:
  - {{ date: 2026-09-15, units: [{U1}], by: e.officer, reference: CLM-1010 }}
""", F)
