import { describe, expect, it } from 'vitest';
import { mlopsArguments } from '../src/aliases.js';

describe('the Python package\'s deploy scripts as names of mlops deploy', () => {
  it('runs mlops deploy with the script\'s service, whatever the install path or shim extension', () => {
    expect(mlopsArguments('/usr/local/bin/deploy_prediction_service', ['--no-install'])).toEqual(['deploy', '--service', 'prediction', '--yes', '--no-install']);
    expect(mlopsArguments('C:\\npm\\deploy_training_service.cmd', [])).toEqual(['deploy', '--service', 'training', '--yes']);
  });

  it('leaves mlops itself alone', () => {
    expect(mlopsArguments('/usr/local/bin/mlops', ['test', '--env', 'test'])).toEqual(['test', '--env', 'test']);
    expect(mlopsArguments('/repo/dist/cli/index.js', ['deploy'])).toEqual(['deploy']);
    expect(mlopsArguments(undefined, [])).toEqual([]);
  });
});
