/**
 * The admin of the template desk that test/support/global-setup-e2e.ts creates with `nexus init` once
 * per run; CliSandbox.initFromTemplate() gives a sandbox a copy of that desk, logged in as this admin.
 */
export const E2E_DESK_ADMIN = { email: 'admin@example.com', password: 'desk-pass-4821' } as const;
