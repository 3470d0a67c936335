from expected_lib import *
C='c2-lifecycle-before-claim-none'
MET={'mandatory.required':'met','B.min-credits':'met','min-credits':'met'}
q=lambda l:[{'learner':l,'claim':'qualification 603/9001/3'}]
ls=[
 L('C2-01','withdrawn',False,[u('U1','achieved',True,3),u('U2','in-progress',False,2),u('U4','not-started',False,3)],'3/8',
   {'mandatory.required':'unmet','B.min-credits':'unmet (0/3)','min-credits':'unmet (3/8)'},[{'learner':'C2-01','claim':'unit J/615/1001 (unit certificate for a withdrawn learner)'}],
   note='Withdrawn 2026-10-31: out of the cohort figures and --fail-on; shown with --all; keeps J/615/1001.'),
 L('C2-02','in-progress',True,[u('U1','achieved',True,3),u('U2','not-started',False,2),u('U3','not-started',False,2),u('U4','not-started',False,3)],'3/8',
   {'mandatory.required':'unmet','B.min-credits':'unmet (0/3)','min-credits':'unmet (3/8)'},None,'the qualification is not achieved',
   [F('warning','C2-02','optional-units[R/615/1003]','R/615/1003 certification end 2026-11-15 has passed (as of 2026-12-01) and the learner has not achieved or claimed it: at risk, choose another unit', 'portfolios/C2-02/portfolio.yaml (the spec date is in specs/units/R-615-1003.yaml)')],
   note='On an open break since 2026-10-01 (maternity leave): status and progress show the break; the rules are not paused.'),
 L('C2-03','achieved',True,[u('U1','achieved',True,3),u('U2','achieved',True,2),u('U4','achieved',True,3)],'8/8',MET,q('C2-03'),
   note='Closed break 2026-06-15 to 2026-07-15: shown in history/progress, no effect now.'),
 L('C2-04','in-progress',True,[u('U1','achieved',True,3),u('U2','achieved',True,2),u('U4','ready-for-signoff',False,3)],'5/8',
   {'mandatory.required':'met','B.min-credits':'unmet (0/3)','min-credits':'unmet (5/8)'},None,'Y/615/1004 is not signed off (every criterion met)'),
 L('C2-05','achieved',True,[u('U1','achieved',True,3),u('U2','achieved',True,2),u('U4','achieved',True,3,'credit-transfer')],'8/8',MET,q('C2-05'),
   note='Y/615/1004 shown as credit transfer (CERT-HB-778812), never as met criteria.'),
 L('C2-06','achieved',True,[u('U1','achieved',True,3),u('U2','achieved',True,2,'exemption'),u('U4','achieved',True,3)],'8/8',MET,q('C2-06'),
   note='Per the issue the exemption counts with the unit credits (2). If an exemption carries no credits (facts.md), credits 6/8, min-credits unmet, in-progress, not ready: see open points.'),
 L('C2-07','achieved',True,[u('U1','achieved',True,3,'rpl'),u('U2','achieved',True,2),u('U4','achieved',True,3)],'8/8',MET,q('C2-07')),
 L('C2-08','in-progress',True,[u('U1','achieved',True,3),u('U2','achieved',True,2),u('U3','achieved',True,2),u('U5','achieved',True,'unknown','credit-transfer')],'7+?/8',
   {'mandatory.required':'met','B.min-credits':'unknown (2+?/3)','min-credits':'unknown (7+?/8)'},None,
   'the qualification is not achieved: group B and the total are unknown because D/615/1005 has no credit value',
   note='R/615/1003 is achieved (signed off 2026-09-10) but unclaimed and its certification end 2026-11-15 has passed: whether check warns is open.'),
]
alt=[{'learner':'C2-02','claim':'unit J/615/1001 (if a learner on a break may be claimed for)'},{'learner':'C2-04','claim':'units J/615/1001, L/615/1002'},
     {'learner':'C2-08','claim':'units J/615/1001, L/615/1002, R/615/1003 (R/615/1003 only if a claim after its certification end is allowed: I expect not); not D/615/1005 (credit transfer, certificated elsewhere)'}]
OP=[
 'Whether `claim ready` lists unit claims for active learners who have not achieved the qualification (alternative list above).',
 'Exemption credits (C2-06): the issue says an exempted unit counts "with its credits"; shared/reference/facts.md says an exemption has "no credit of its own unless the rules give it". I follow the issue (2 credits, achieved).',
 'RPL as an `exemptions:` entry (C2-07): the schema says these units are achieved "not by evidence here", so I count J/615/1001 as achieved with 3 credits; facts.md calls RPL an assessment method, not a free pass. The issue text only names exemption and credit transfer.',
 'Whether a credit-transferred or exempted unit can appear in a unit claim (I expect not: it was certificated elsewhere) and whether it is part of a whole-qualification claim (I expect yes).',
 'Break: I expect the status word unchanged (in-progress) with the break shown beside it, rather than a new status word; whether a learner on an open break may be listed by `claim ready` is not stated.',
 'Certification end: what "at risk" means is not defined. I expect a warning for a chosen unit not achieved when the date has passed (C2-02). For an achieved but unclaimed unit past the date (C2-08), and for a withdrawn learner, it is open.',
 'The qualification JSON Schema (schemas/qualification.schema.json) puts `operational-end` and `certification-end` inside each group item, not at the top level of the qualification, so a qualification-level date is an unknown key today. Not used in these fixtures; report to the lead.',
 'An exempted optional unit must it also be in optional-units? The fixtures list it (Y/615/1004 in C2-05, D/615/1005 in C2-08) to stay clear of this.',
]
write(C,'centre 2 (lifecycle, before-claim: none)','2026-12-01','Same qualification and units as centre 1. R/615/1003 has certification-end 2026-11-15. Sampling: before-claim: none, so no IQA is needed to claim.\n',ls,[],OP,alt)
