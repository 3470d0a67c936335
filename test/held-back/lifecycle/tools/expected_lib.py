import json
U = {'U1':'J/615/1001','U2':'L/615/1002','U3':'R/615/1003','U4':'Y/615/1004','U5':'D/615/1005'}
def u(k, status, counts, credits, how='evidence'):
    return {'unit': U[k], 'status': status, 'countsInRoC': counts, 'credits': credits, 'achievedBy': how if counts else None}
def L(lid, status, cohort, units, credits, rules, ready, notReady=None, check=(), note=None):
    return {'learner': lid, 'status': status, 'inCohortByDefault': cohort, 'units': units,
            'credits': credits, 'rules': rules, 'claimReady': ready, 'notReadyReason': notReady,
            'check': list(check), 'note': note}
def F(sev, lid, field, what, file=None):
    return {'severity': sev, 'file': file or f'portfolios/{lid}/portfolio.yaml', 'field': field, 'finding': what}
def write(centre, title, asof, intro, learners, centre_findings, open_points, ready_alt=None):
    doc = {'centre': centre, 'asOf': asof, 'command_hint': f'folio -C {centre} ... --as-of {asof}',
           'learners': learners, 'centreFindings': centre_findings,
           'claimReady': [r for l in learners for r in (l['claimReady'] or [])],
           'claimReadyIfActiveLearnersUnitsListed': ready_alt, 'openPoints': open_points}
    json.dump(doc, open(f'{centre}/expected.json','w'), indent=2, ensure_ascii=True)
    m = [f'# Expected results: {title}\n', f'Judge with `--as-of {asof}`. Computed by hand from issue 13, the README and the schemas.\n', intro, '\n## Learners\n',
         '| learner | status | in cohort by default | credits | rules | claim ready |', '| --- | --- | --- | --- | --- | --- |']
    for l in learners:
        r = ', '.join(f"{k} {v}" for k, v in l['rules'].items())
        cr = '; '.join(x['claim'] for x in l['claimReady']) if l['claimReady'] else f"no: {l['notReadyReason']}"
        m.append(f"| {l['learner']} | {l['status']} | {'yes' if l['inCohortByDefault'] else 'no (shown with --all)'} | {l['credits']} | {r} | {cr} |")
    m.append('\n## Units per learner (counts in rules of combination, credits)\n')
    for l in learners:
        m.append(f"- **{l['learner']}**: " + '; '.join(f"{x['unit']} {x['status']}, " + (f"counts, {x['credits']} credits" + (f" ({x['achievedBy']})" if x['achievedBy'] != 'evidence' else '') if x['countsInRoC'] else 'does not count') for x in l['units']) + (f"  \n  _{l['note']}_" if l['note'] else ''))
    m.append('\n## `folio claim ready`\n')
    for x in doc['claimReady']: m.append(f"- {x['learner']}: {x['claim']}")
    if ready_alt is not None:
        m.append('\nIf achieved units of learners who are not withdrawn and have not achieved the qualification are listed as unit claims (open point 1), add:')
        for x in ready_alt: m.append(f"- {x['learner']}: {x['claim']}")
    m.append('\n## `folio check` findings\n')
    allf = centre_findings + [f for l in learners for f in l['check']]
    if not allf: m.append('None: no errors and no warnings.')
    for f in allf: m.append(f"- **{f['severity']}** `{f['file']}` `{f['field']}`: {f['finding']}")
    m.append('\nEvery learner not named above has no finding.\n\n## Open points\n')
    for i, p in enumerate(open_points, 1): m.append(f'{i}. {p}')
    open(f'{centre}/expected.md','w').write('\n'.join(m) + '\n')
R = lambda c: {'claim': c}
