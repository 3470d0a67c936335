from gen_specs import *
C = 'c4-exemptions-with-iqa-all'
write_specs(C)
write_centre(C, """# yaml-language-server: $schema=../schemas/centre.schema.json
# Holdout centre 4: before-claim: all together with exemptions, credit transfer and unit certificates.
centre: { name: Holdout Centre Four, number: "90004" }
staff:
  - { id: a.smith, name: Ann Smith, roles: [assessor] }
  - { id: b.iqa, name: Bola Iqbal, roles: [iqa] }
  - { id: e.officer, name: Eve Officer, roles: [admin] }
sampling: { summative-rate: 100, before-claim: all }
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
CT = "exemptions:\n  - { unit: Y/615/1004, kind: credit-transfer, reference: CERT-AB-1, date: 2026-06-05, by: e.officer }\n"
write_learner(C, 'D4-01', "# Y/615/1004 by credit transfer; mandatory units by evidence, each with an agreed summative IQA.\n" + head('Dora Transfer', '1000000302') + CT + e01(cov([U1, U2])) + so([U1, U2]) + iqa([U1, U2]), F)
write_learner(C, 'D4-02', "# As D4-01, but L/615/1002 has no summative IQA: misses one condition.\n" + head('Eddy NoIQA', '1000000310') + CT + e01(cov([U1, U2])) + so([U1, U2]) + iqa([U1]), F)
write_learner(C, 'D4-03', "# Withdrawn with two units achieved; only J/615/1001 has its summative IQA.\n" + head('Finn Left', '1000000329') +
  "withdrawn: { date: 2026-11-01, reason: Changed employer, by: e.officer }\n" + e01(cov([U1, U2])) + so([U1, U2]) + iqa([U1]), F)
write_learner(C, 'D4-04', "# Unit certificate for J/615/1001 has come back; the rest is still in progress.\n" + head('Gil Unitcert', '1000000337') + e01(cov([U1])) + so([U1]) + iqa([U1]) +
  "claims:\n  - { date: 2026-10-01, units: [J/615/1001], by: e.officer, reference: CLM-4004, certificate: UC-4004, certificate-date: 2026-10-20 }\n", F)
write_learner(C, 'D4-05', "# D/615/1005 (credits unknown) by credit transfer on top of Y/615/1004 by evidence: the known credits alone reach every minimum.\n" + head('Hana Lowerbound', '1000000345', '[Y/615/1004, D/615/1005]') +
  "exemptions:\n  - { unit: D/615/1005, kind: credit-transfer, reference: CERT-AB-5, date: 2026-06-05, by: e.officer }\n" + e01(cov([U1, U2, U4])) + so([U1, U2, U4]) + iqa([U1, U2, U4]), F)
