from gen_specs import *
C = 'c2-lifecycle-before-claim-none'
write_specs(C, extras={'U3': 'certification-end: 2026-11-15     # past as of 2026-12-01: no new certificates for this unit\n'})
write_centre(C, """# yaml-language-server: $schema=../schemas/centre.schema.json
# Holdout centre 2: no IQA is needed before a claim.
centre: { name: Holdout Centre Two, number: "90002" }
staff:
  - { id: a.smith, name: Ann Smith, roles: [assessor] }
  - { id: b.iqa, name: Bola Iqbal, roles: [iqa] }
  - { id: e.officer, name: Eve Officer, roles: [admin] }
sampling:
  summative-rate: 20
  before-claim: none
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
def cov(units, crit='[1.1, 1.2]'):
    return "".join(f"      {u}: {crit}\n" for u in units)
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
F = ['evidence/E01-written-questions.md']

write_learner(C, 'C2-01', "# Withdrawn on 2026-10-31 with J/615/1001 achieved and L/615/1002 part done: may be listed for a unit certificate of J/615/1001.\n" + head('Kim Withdrawn', '1000000124') +
"""withdrawn: { date: 2026-10-31, reason: Moved out of the area, by: e.officer }
""" + e01(cov([U1]) + f"      {U2}: [1.1]\n") + so([U1]), F)

write_learner(C, 'C2-02', "# On an open break in learning since 2026-10-01; J/615/1001 achieved, R/615/1003 chosen but not started (its certification end 2026-11-15 has passed).\n" + head('Lee Onbreak', '1000000132', '[R/615/1003, Y/615/1004]') +
"""breaks:
  - { from: 2026-10-01, reason: Maternity leave }
""" + e01(cov([U1])) + so([U1]), F)

write_learner(C, 'C2-03', "# A closed break (2026-06-15 to 2026-07-15); then achieved the whole qualification: ready to claim (no IQA needed here).\n" + head('Mo Returned', '1000000140') +
"""breaks:
  - { from: 2026-06-15, to: 2026-07-15, reason: Illness }
""" + e01(cov([U1, U2, U4])) + so([U1, U2, U4]), F)

write_learner(C, 'C2-04', "# Misses one condition: every criterion met but Y/615/1004 is not signed off.\n" + head('Nia Unsigned', '1000000159') +
 e01(cov([U1, U2, U4])) + so([U1, U2]), F)

write_learner(C, 'C2-05', "# Y/615/1004 (3 credits) by credit transfer; the mandatory units by evidence: achieved, 8/8 credits.\n" + head('Oli Transfer', '1000000167') +
"""exemptions:
  - { unit: Y/615/1004, kind: credit-transfer, reference: "CERT-HB-778812", date: 2026-06-05, by: e.officer, note: "Unit certificate from another centre, 2025" }
""" + e01(cov([U1, U2])) + so([U1, U2]), F)

write_learner(C, 'C2-06', "# L/615/1002 (mandatory, 2 credits) by exemption; the rest by evidence.\n" + head('Pat Exempt', '1000000175') +
"""exemptions:
  - { unit: L/615/1002, kind: exemption, reference: "Level 3 Team Leading certificate TL-3321", date: 2026-06-05, by: e.officer }
""" + e01(cov([U1, U4])) + so([U1, U4]), F)

write_learner(C, 'C2-07', "# J/615/1001 (mandatory, 3 credits) by recognition of prior learning recorded as an exemption entry; the rest by evidence.\n" + head('Quin Prior', '1000000183') +
"""exemptions:
  - { unit: J/615/1001, kind: rpl, reference: "RPL review 2026-06-04, file RPL-17", date: 2026-06-05, by: e.officer }
""" + e01(cov([U2, U4])) + so([U2, U4]), F)

write_learner(C, 'C2-08', "# D/615/1005 (no credit value published) by credit transfer, R/615/1003 by evidence: group B and the total are unknown.\n" + head('Rae Unknown', '1000000191', '[R/615/1003, D/615/1005]') +
"""exemptions:
  - { unit: D/615/1005, kind: credit-transfer, reference: "CERT-XY-100200", date: 2026-06-05, by: e.officer }
""" + e01(cov([U1, U2, U3])) + so([U1, U2, U3]), F)
