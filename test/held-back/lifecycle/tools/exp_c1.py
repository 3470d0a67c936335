from expected_lib import *
C='c1-claims-before-claim-all'
MET={'mandatory.required':'met','B.min-credits':'met','min-credits':'met'}
SHORT={'mandatory.required':'met','B.min-credits':'unmet (0/3)','min-credits':'unmet (5/8)'}
full=lambda st='achieved': [u('U1',st,True,3),u('U2',st,True,2),u('U4',st,True,3)]
def q(l): return [{'learner':l,'claim':'qualification 603/9001/3'}]
ls=[
 L('C1-01','achieved',True,full(),'8/8',MET,q('C1-01')),
 L('C1-02','in-progress',True,[u('U1','achieved',True,3),u('U2','achieved',True,2),u('U4','in-progress',False,3)],'5/8',SHORT,None,
   'a criterion is not met: Y/615/1004 1.2 is missing, so the qualification is not achieved'),
 L('C1-03','achieved',True,full(),'8/8',MET,None,'Y/615/1004 has no agreed summative IQA (before-claim: all)'),
 L('C1-04','achieved',True,full(),'8/8',MET,None,'Y/615/1004 has only an interim IQA, no agreed summative IQA (before-claim: all)'),
 L('C1-05','achieved',True,full(),'8/8',MET,None,'a check error in the portfolio (E02 assessed by unknown staff z.nobody)',
   [F('error','C1-05','evidence[E02].assessment.by','staff id "z.nobody" is not in portfolios/centre.yaml (unknown staff); E02 does not count, E01 alone meets J/615/1001')]),
 L('C1-06','claimed',True,full('claimed'),'8/8',MET,None,'already claimed (whole qualification, 2026-10-01, CLM-1006)'),
 L('C1-07','certificated',True,full('certificated'),'8/8',MET,None,'already claimed and certificated (CERT-555007); qualification written "60390013" without slashes is the same qualification'),
 L('C1-08','claimed',True,full('claimed'),'8/8',MET,None,'already claimed (it also has a check error: change after the claim)',
   [F('error','C1-08','evidence[E02].date','E02 (dated 2026-10-15) covers L/615/1002, a unit of the whole-qualification claim of 2026-10-01: evidence added after the claim'),
    F('error','C1-08','evidence[E02].assessment.date','E02 was assessed on 2026-10-16, after the claim of 2026-10-01 on claimed unit L/615/1002: a decision after the claim (may be reported as one finding with the one above; see open points)')]),
 L('C1-09','in-progress',True,[u('U1','claimed',True,3),u('U2','achieved',True,2),u('U4','in-progress',False,3)],'5/8',SHORT,None,
   'the qualification is not achieved (Y/615/1004 awaits assessment); J/615/1001 is already claimed',
   note='E02 on Y/615/1004 is dated after the unit claim, but Y/615/1004 is not claimed: no finding. Y/615/1004 criteria are awaiting-assessment.'),
 L('C1-10','achieved',True,[u('U1','claimed',True,3),u('U2','achieved',True,2),u('U4','achieved',True,3)],'8/8',MET,None,
   'a check error in the portfolio (IQA after the claim on J/615/1001)',
   [F('error','C1-10','iqa[J/615/1001 2026-09-20]','summative IQA on J/615/1001 dated 2026-09-20, after the unit claim of 2026-09-15 that includes J/615/1001: a decision on a claimed unit after the claim')],
   note='Learner status: the qualification is achieved but only one unit is claimed, so "achieved" (not "claimed"), see open points.'),
]
alt=[{'learner':'C1-09','claim':'unit L/615/1002'},{'learner':'C1-02','claim':'units J/615/1001 and L/615/1002 (both achieved, signed off, summative IQA agreed)'}]
OP=[
 'Whether `claim ready` lists unit claims for learners who are not withdrawn and have not achieved the qualification (C1-02, C1-09). The issue says "learners and units that can be claimed" and that a withdrawn learner "can be listed for unit certificates"; I expect the qualification row only for active learners, with the alternative list above if units are listed too.',
 'Learner status word when only some units are claimed: I expect the qualification status (in-progress for C1-09, achieved for C1-10) with the claimed units shown as `claimed`; `claimed` for the learner only for a whole-qualification claim.',
 'Whether claimed and certificated learners count as "achieved" in the cohort summary line or as their own words (`claimed`, `certificated`). I expect them in the cohort (not withdrawn).',
 'Change after claim (C1-08, C1-10) is judged here by the dates in the file (the fixture has no git history). With git, a commit after the claim commit could also count; and whether an IQA record is a "decision" for this rule (C1-10) is not stated: I expect yes.',
 'C1-08: whether the later evidence and its later assessment are one finding or two.',
 'C1-10: whether recording a unit claim before its before-claim: all condition held (no summative IQA on 2026-09-15) is itself a finding. I do not expect one beyond the IQA-after-claim error.',
 'before-claim: all and units achieved by exemption or credit transfer (they cannot have an IQA): not exercised here; I expect they need none.',
 'Which role the `by` of a claim needs: the fixtures use an admin (e.officer). I expect no staff-role finding.',
]
write(C,'centre 1 (before-claim: all)','2026-12-01','Qualification 603/9001/3: mandatory J/615/1001 (3 credits) and L/615/1002 (2), required all; group B R/615/1003 (2), Y/615/1004 (3), D/615/1005 (credits unknown), min-credits 3; min-credits 8 in all. Every learner chose Y/615/1004. Sampling: before-claim: all.\n',ls,[],OP,alt)
