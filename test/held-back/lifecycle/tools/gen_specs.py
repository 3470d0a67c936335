import os, sys
U = {
 'U1': ('J/615/1001', 'Understand workplace safety', 3),
 'U2': ('L/615/1002', 'Understand team communication', 2),
 'U3': ('R/615/1003', 'Understand customer records', 2),
 'U4': ('Y/615/1004', 'Understand handling complaints', 3),
 'U5': ('D/615/1005', 'Understand product knowledge', None),
 'U9': ('H/615/1006', 'Understand stock control', 2),
}
def unit_yaml(key, extra=''):
    num, title, cr = U[key]
    credits = f"credits: {cr}\n" if cr is not None else "# credits: not published, left out on purpose\n"
    return f"""# yaml-language-server: $schema=../../schemas/unit.schema.json
# holdout fixture unit ({key})
unit: {num}
title: {title}
level: 2
{credits}{extra}methods: [written-questions, professional-discussion, work-product, rpl]
outcomes:
  - id: "1"
    title: {title.replace('Understand', 'Understand the principles of')}
    type: knowledge
    criteria:
      - id: "1.1"
        text: Explain the first principle
      - id: "1.2"
        text: Describe the second principle
"""
QUAL = """# yaml-language-server: $schema=../../schemas/qualification.schema.json
qualification: 603/9001/3
title: Holdout Level 2 Certificate in Workplace Skills
level: 2
min-credits: 8
groups:
  - id: mandatory
    title: Mandatory
    required: all
    units: [J/615/1001, L/615/1002]
  - id: B
    title: Optional group B
    min-credits: 3
    units: [R/615/1003, Y/615/1004, D/615/1005]
"""
def write_specs(centre, units=('U1','U2','U3','U4','U5'), extras=None):
    extras = extras or {}
    os.makedirs(f'{centre}/specs/units', exist_ok=True)
    os.makedirs(f'{centre}/specs/qualifications', exist_ok=True)
    for k in units:
        with open(f"{centre}/specs/units/{U[k][0].replace('/','-')}.yaml", 'w') as f:
            f.write(unit_yaml(k, extras.get(k, '')))
    with open(f'{centre}/specs/qualifications/603-9001-3.yaml', 'w') as f:
        f.write(QUAL)

def write_learner(centre, lid, text, files=()):
    d = f'{centre}/portfolios/{lid}'
    os.makedirs(d, exist_ok=True)
    with open(f'{d}/portfolio.yaml', 'w') as f:
        f.write(text)
    for fn in files:
        os.makedirs(os.path.dirname(f'{d}/{fn}'), exist_ok=True)
        with open(f'{d}/{fn}', 'w') as f:
            f.write(f'# {lid} {fn}\n\nWritten answers to the knowledge questions (fixture evidence).\n')

def write_centre(centre, text):
    os.makedirs(f'{centre}/portfolios', exist_ok=True)
    with open(f'{centre}/portfolios/centre.yaml', 'w') as f:
        f.write(text)
