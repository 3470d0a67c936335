from expected_lib import *
C='c4-exemptions-with-iqa-all'
MET={'mandatory.required':'met','B.min-credits':'met','min-credits':'met'}
q=lambda l:[{'learner':l,'claim':'qualification 603/9001/3'}]
ls=[
 L('D4-01','achieved',True,[u('U1','achieved',True,3),u('U2','achieved',True,2),u('U4','achieved',True,3,'credit-transfer')],'8/8',MET,q('D4-01'),
   note='The credit-transferred unit cannot have an IQA here and needs none (open point).'),
 L('D4-02','achieved',True,[u('U1','achieved',True,3),u('U2','achieved',True,2),u('U4','achieved',True,3,'credit-transfer')],'8/8',MET,None,'L/615/1002 has no agreed summative IQA (before-claim: all)'),
 L('D4-03','withdrawn',False,[u('U1','achieved',True,3),u('U2','achieved',True,2),u('U4','not-started',False,3)],'5/8',
   {'mandatory.required':'met','B.min-credits':'unmet (0/3)','min-credits':'unmet (5/8)'},[{'learner':'D4-03','claim':'unit J/615/1001 (L/615/1002 is not listed: no agreed summative IQA)'}]),
 L('D4-04','in-progress',True,[u('U1','certificated',True,3),u('U2','not-started',False,2),u('U4','not-started',False,3)],'3/8',
   {'mandatory.required':'unmet','B.min-credits':'unmet (0/3)','min-credits':'unmet (3/8)'},None,'the qualification is not achieved; J/615/1001 already claimed and certificated'),
 L('D4-05','achieved',True,[u('U1','achieved',True,3),u('U2','achieved',True,2),u('U4','achieved',True,3),u('U5','achieved',True,'unknown','credit-transfer')],'8+?/8',MET,q('D4-05'),
   note='Group B has 3+? of 3 and the total 8+? of 8: the known credits already reach each minimum, so I expect met, not unknown (open point).'),
]
OP=[
 'before-claim: all with a unit achieved by credit transfer or exemption (D4-01, D4-05): I expect no IQA to be needed for such a unit.',
 'D4-05: a min rule whose known credits already reach the minimum while one counted unit has unknown credits. The README says a rule that depends on an unknown value is unknown; here the rule does not depend on it, so I expect met (and the learner achieved). If folio makes any rule touching an unknown credit value unknown, D4-05 is in-progress and not ready.',
 'D4-04: the unit shows as `certificated`; the learner status stays in-progress (only a unit certificate).',
 'Whether `claim ready` lists unit claims for active learners who have not achieved the qualification (D4-04 has none left to claim anyway).',
]
write(C,'centre 4 (before-claim: all, with exemptions and unit certificates)','2026-12-01','Same qualification and units as centre 1. Sampling: before-claim: all.\n',ls,[],OP,None)
