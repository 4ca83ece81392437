import { describe, expect, it } from 'vitest';
import { pythonSdkHint } from '../src/commands/demo.js';

describe('mlops demo --keep-running hint', () => {
  it('names the function the demo deployed, and the emulator it runs on', () => {
    const hint = pythonSdkHint({ url: 'http://127.0.0.1:4599', tokenUrl: 'http://127.0.0.1:4599/t/oauth2/v2.0/token', project: 'p' }, 'other_model-prediction-prod');
    expect(hint).toContain('client.functions.call(external_id="other_model-prediction-prod", data=...)');
    expect(hint).not.toContain('sonic_model');
    expect(hint).toContain('token_url="http://127.0.0.1:4599/t/oauth2/v2.0/token"');
    expect(hint).toContain('project="p"');
  });
});
