import { describe, expect, it } from 'vitest';
import { MlopsError, credentialSecrets, mergeCredentialSecrets, resolveCdfConfig } from '@akerbp-mlops/core';

const env = {
  COGNITE_PROJECT: 'p', COGNITE_OIDC_BASE_URL: 'https://api.cognitedata.com/', COGNITE_TENANT_ID: 'tenant-1',
  COGNITE_CLIENT_ID_WRITE: 'writer', COGNITE_CLIENT_SECRET_WRITE: 'write-secret',
};

describe('credentialSecrets', () => {
  it('passes the read pair under the package\'s dashed keys when it is configured, the write pair only when asked', () => {
    const read = resolveCdfConfig({}, { ...env, COGNITE_CLIENT_ID_READ: 'reader', COGNITE_CLIENT_SECRET_READ: 'read-secret' });
    expect(credentialSecrets(read, { passWrite: false })).toEqual({
      'tenant-id': 'tenant-1', 'base-url': 'https://api.cognitedata.com', 'id-read': 'reader', 'secret-read': 'read-secret',
    });
    expect(credentialSecrets(read, { passWrite: true })).toMatchObject({ 'id-write': 'writer', 'secret-write': 'write-secret', 'id-read': 'reader' });
    expect(credentialSecrets(resolveCdfConfig({}, env), { passWrite: false })).toEqual({});
  });

  it('refuses pass-write-credentials when OIDC leaves no secret to pass', () => {
    const oidc = resolveCdfConfig({ 'use-oidc': 'true' }, { ...env, COGNITE_CLIENT_SECRET_WRITE: '' });
    const err = (() => { try { credentialSecrets(oidc, { passWrite: true }); } catch (e) { return e; } })() as MlopsError;
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.problems[0]).toMatchObject({ field: 'pass-write-credentials' });
  });
});

describe('mergeCredentialSecrets', () => {
  it('merges the user\'s secrets with the credentials; a key in both is an error naming it, never its value', () => {
    expect(mergeCredentialSecrets({ 'api-key': 'k' }, { 'id-read': 'r' })).toEqual({ 'api-key': 'k', 'id-read': 'r' });
    expect(mergeCredentialSecrets(undefined, {})).toBeUndefined();
    expect(mergeCredentialSecrets({ 'id-read': 'mine' }, {})).toEqual({ 'id-read': 'mine' });
    const err = (() => { try { mergeCredentialSecrets({ 'id-read': 'mine', 'secret-read': 'also-mine' }, { 'id-read': 'r', 'secret-read': 's' }); } catch (e) { return e; } })() as MlopsError;
    expect(err.message).toMatch(/function-secrets sets "id-read", "secret-read", which akerbp\/mlops fills from the CDF credentials/);
    expect(err.message).not.toMatch(/mine/);
    expect(err.problems.map((p) => p.field)).toEqual(['function-secrets.id-read', 'function-secrets.secret-read']);
  });
});
