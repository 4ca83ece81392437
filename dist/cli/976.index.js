const N=976,O=[976],P={5976:((L,f,o)=>{o.r(f),o.d(f,{default:()=>x});var r=o(3024),l=o(6760),u=o(7638),E=o(7525),h=o(8109),y=o(1438);const s="mlops_settings.yaml",n=".github/workflows/main.yml",v="akerbp/mlops/.github/workflows/mlops.yml",S=`# akerbp/mlops settings: one YAML document per model, separated by ---.
# Check them with \`mlops validate\`; the fields are described in the akerbp/mlops README.
model_name: my_model                        # letters, digits and _ only
human_friendly_model_name: 'My Model'       # the CDF Function's name
model_file: model_code/my_model.py          # everything under model_code/ is deployed
req_file: model_code/requirements.model     # not .txt; keep the line akerbp-mlops==MLOPS_VERSION
artifact_folder: model_artifact             # never committed; null if the model has no artifact
# artifact_version: 1                       # default: the latest version in the target env
test_file: model_code/test_my_model.py      # null skips the tests (not recommended)
platform: cdf                               # cdf or local
dataset: mlops                              # CDF data set holding the artifacts
python_version: ${y.Nz}                        # one of ${y.$D.join(", ")}
helper_models: []
info:
  prediction: &prediction
    description: 'What my_model predicts'
    owner: someone@akerbp.com
    metadata:                               # strings in CDF; lists become [a, b]
      required_input: [ACS, RDEP, DEN]
  # training:                               # uncomment to deploy a training service too
  #   << : *prediction
  #   description: 'Trains my_model'
`;function b(e){return`# Written by \`mlops init\`. Run \`mlops init\` again after upgrading akerbp/mlops to move the
# version pin. Once you edit this file, \`mlops init\` leaves it alone (--force replaces it).
# Branch rules: main/master and deploy/** deploy to test, mlops/** deploys prediction and
# training to test, feature/** and pull requests test only, prod only by a manual run on main.
name: mlops

on:
  push:
    branches: [main, master, 'deploy/**', 'feature/**', 'mlops/**']
  pull_request:
  workflow_dispatch:
    inputs:
      env:
        description: Environment to deploy to (prod only from the default branch)
        type: choice
        options: [test, prod, dev]
        default: test

# id-token lets the reusable workflow sign in to CDF with federated (OIDC) credentials.
permissions:
  contents: read
  id-token: write

jobs:
  mlops:
    uses: ${v}@${e}
    with:
      settings-file: ${s}
      working-directory: .
      env: \${{ inputs.env }}
      # python-version: '3.11'   # the runner's Python for tests; default: each model's python_version
    secrets: inherit
`}const w=new RegExp(`(${v.replace(/[.*+?^${}()|[\]\\/]/g,"\\$&")})@[\\w.-]+`,"g");function g(e){return e.replace(/\r\n/g,`
`).replace(w,"$1@<pin>")}function R(e){return new RegExp(w.source).exec(e)?.[0].split("@").pop()}function F(e,d,a){const t=b(d);return e===void 0?{kind:"create",content:t}:e.replace(/\r\n/g,`
`)===t?{kind:"unchanged",content:t}:g(e)===g(t)?{kind:"update-pin",content:t,from:R(e)??"?"}:a?{kind:"force",content:t}:{kind:"refuse",reason:"it differs from what mlops init writes (beyond the version pin), so it holds edits of yours"}}var D=o(1428);const I=`Usage: mlops init [--force] [--repo DIR]

Writes ${s} from a template when it is missing (validates it when present) and
${n}, which calls the akerbp/mlops reusable workflow at v${h.s.split(".")[0]}.
Re-running moves the version pin; a workflow you have edited is left alone unless --force.

  --force      replace an edited ${n}
  --repo DIR   the model repository (default: the current folder)
`;async function x(e){const d=(0,D.R)(e,I,{force:{type:"boolean"},repo:{type:"string"}});if(!d)return 0;const{values:a}=d,t=(0,l.resolve)(a.repo??".");if(!(0,r.existsSync)(t))throw new u.I(`The repository folder ${t} does not exist.`);const p=m=>process.stdout.write(`${m}
`),c=(0,l.join)(t,n),W=(0,r.existsSync)(c)?(0,r.readFileSync)(c,"utf8"):void 0,$=`v${h.s.split(".")[0]}`,i=F(W,$,a.force??!1);if(i.kind==="refuse")throw new u.I(`Not touching ${n}: ${i.reason}. Change its version pin by hand, or run \`mlops init --force\` to replace it (commit your version first).`);i.kind!=="unchanged"&&((0,r.mkdirSync)((0,l.dirname)(c),{recursive:!0}),(0,r.writeFileSync)(c,i.content)),i.kind==="update-pin"?p(`updated ${n}: ${i.from} \u2192 ${$}`):p(i.kind==="create"?`wrote ${n}`:i.kind==="force"?`replaced ${n} (--force)`:`${n} is up to date`);const k=(0,l.join)(t,s);if(!(0,r.existsSync)(k))return(0,r.writeFileSync)(k,S),p(`wrote ${s}: fill it in, then check it with \`mlops validate\``),0;const C=await(0,E.M5)({file:s,repoRoot:t});return p(`${s} is valid: ${C.models.map(m=>m.modelName).join(", ")}`),0}})};export{N as id,O as ids,P as modules};
