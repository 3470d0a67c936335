from expected_lib import *
C='c3-hostile-lifecycle-values'
MET={'mandatory.required':'met','B.min-credits':'met','min-credits':'met'}
R5={'mandatory.required':'met','B.min-credits':'unmet (0/3)','min-credits':'unmet (5/8)'}
R3={'mandatory.required':'unmet','B.min-credits':'unmet (0/3)','min-credits':'unmet (3/8)'}
CE='check error in the portfolio'
cf=[F('error',None,'staff[x.spare].since','2026-02-29 is not a calendar date (2026 is not a leap year)','portfolios/centre.yaml'),
    F('error',None,'sampling.interim-rate','"150%" is not a whole percentage from 0 to 100','portfolios/centre.yaml'),
    F('error',None,'sampling.before-claim','"some" is not one of none, sampled, all','portfolios/centre.yaml')]
ls=[
 L('H-00','achieved',True,[u('U1','achieved',True,3),u('U2','achieved',True,2),u('U4','achieved',True,3)],'8/8',MET,[{'learner':'H-00','claim':'qualification 603/9001/3'}],
   note='Ready whatever before-claim falls back to, since every unit has an agreed summative IQA.'),
 L('H-01','in-progress',True,[u('U1','achieved',True,3),u('U2','achieved',True,2)],'5/8',R5,None,CE,
   [F('error','H-01','withdrawn.date','2026-02-30 is not a calendar date')],
   note='I expect the withdrawal entry to be dropped for its shape, so the learner is not withdrawn (stays in the cohort); open.'),
 L('H-02','in-progress',True,[u('U1','achieved',True,3)],'3/8',R3,None,CE,
   [F('error','H-02','breaks[0].from','2026-13-01 is not a calendar date'),
    F('error','H-02','breaks[1].to','to 2026-07-01 is before from 2026-08-01 (dates out of order)'),
    F('error','H-02','breaks[2]','from is missing (required field)')],
   note='No valid break remains that is open: the status shows no current break.'),
 L('H-03','in-progress',True,[u('U1','achieved',True,3)],'3/8',R3,None,CE,
   [F('error','H-03','exemptions[0].unit','H/615/1006 is not part of qualification 603/9001/3 (it has a spec)'),
    F('error','H-03','exemptions[1].unit','K/615/1007 has no unit specification (unknown unit)'),
    F('error','H-03','exemptions[2].kind','"transfer" is not one of credit-transfer, exemption, rpl'),
    F('error','H-03','exemptions[3].by','staff id "z.ghost" is not in portfolios/centre.yaml'),
    F('error','H-03','exemptions[4].date','2026-9-1 is not a calendar date written YYYY-MM-DD')],
   note='No exemption entry with an error counts: L/615/1002, Y/615/1004 and R/615/1003 are not achieved. R/615/1003 is not in optional-units, but its entry is already an error, so no unit-not-chosen warning (one mistake reported once).'),
 L('H-04','in-progress',True,[u('U1','achieved',True,3),u('U2','achieved',True,2)],'5/8',R5,None,CE,
   [F('error','H-04','claims[0]','gives both qualification and units: give exactly one'),
    F('error','H-04','claims[1]','gives neither qualification nor units: give exactly one'),
    F('error','H-04','claims[2].units[H/615/1006]','H/615/1006 is not part of qualification 603/9001/3'),
    F('error','H-04','claims[3].units[Y/615/1004]','Y/615/1004 is claimed but not achieved (not started): severity open, I expect an error')],
   note='No claim is valid, so no unit is claimed and the learner is in-progress, not claimed.'),
 L('H-05','withdrawn',False,[u('U1','achieved',True,3)],'3/8',R3,None,CE+' (otherwise: unit J/615/1001 for a withdrawn learner)',
   [F('error','H-05','withdrawn.reason','control characters ESC (U+001B) and BEL (U+0007) in the text'),
    F('error','H-05','breaks[0].reason','text-direction character U+202E (right-to-left override)'),
    F('error','H-05','exemptions[0].reference','NUL character (U+0000)'),
    F('error','H-05','exemptions[0].note','line separator U+2028')],
   note='Whether Y/615/1004 (credit transfer whose reference has a NUL) counts is open: I expect an entry flagged by an error not to count, so it does not count.'),
 L('H-06','withdrawn',False,[u('U1','achieved',True,3),u('U2','ready-for-signoff',False,2)],'3/8',R3,None,
   'open: evidence after the withdrawal; if that is an error, a check error; if a warning, J/615/1001 is listed as a unit claim',
   [F('warning or error (open)','H-06','evidence[E02].date','E02 dated 2026-11-10 (assessed 2026-11-12) is after the withdrawal on 2026-10-31')]),
 L('H-07','achieved',True,[u('U1','certificated',True,3),u('U2','achieved',True,2),u('U4','achieved',True,3)],'8/8',MET,None,CE,
   [F('error','H-07','claims[0].certificate-date','certificate date 2026-09-01 is before the claim date 2026-10-01'),
    F('error','H-07','claims[1].units[J/615/1001]','J/615/1001 was already claimed on 2026-10-01: claimed twice'),
    F('error','H-07','claims[2].date','2027-01-10 is in the future (after --as-of 2026-12-01); per the README nothing else is judged from that record, so no unknown-staff for z.ghost')],
   note='Learner status: achieved (only one unit claimed; see centre 1 open point); L/615/1002 not claimed because the future claim is left out.'),
 L('H-08','withdrawn',False,[],'0/8',{'mandatory.required':'unmet','B.min-credits':'unmet (0/3)','min-credits':'unmet (0/8)'},None,CE+' (and no achieved unit)',
   [F('error','H-08','withdrawn.date','withdrawal 2026-05-01 is before registration 2026-06-01 (dates out of order); severity open, I expect an error')],
   note='Underlying qualification status not-started.'),
]
OP=[
 'What before-claim falls back to when sampling.before-claim is invalid (or sampling is absent). H-00 is ready either way.',
 'Whether a staff entry dropped for a bad `since` (x.spare) is reported once in centre.yaml only; x.spare records nothing here.',
 'H-01: is a learner whose withdrawn.date does not parse withdrawn? I expect not (entry dropped), but "withdrawn, date unknown" is also defensible.',
 'Control and text-direction characters in reasons, notes and references (H-05): the README `unsafe-text` names only names, ids and titles. I expect an error for each, since reports show these fields too. A literal ESC byte in the file would be `control-character`; the fixture uses YAML escapes so the file parses.',
 'H-04: a claim of an unachieved unit, and H-06 evidence after a withdrawal: the issue does not say whether these are findings, or their severity.',
 'H-08: a withdrawal dated before registration: I expect date-order, not stated.',
 'H-07: whether the later duplicate claim or both claims are reported; whether a claim of a unit dated after its certificate is out of order. Whether unknown-staff on a future-dated claim is suppressed like other future-dated records.',
 'H-03: whether an exemption with an unknown recorder (by: z.ghost) still counts (I expect not: an item flagged by an error does not count).',
]
write(C,'centre 3 (hostile values in the new fields)','2026-12-01','Same qualification; H/615/1006 has a spec but is in no group. centre.yaml has bad sampling values and a bad staff date.\n',ls,cf,OP,None)
