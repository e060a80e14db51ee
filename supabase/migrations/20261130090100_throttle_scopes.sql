-- Issue 9: login throttling by account and client address together (so an attacker elsewhere cannot
-- lock an account out), and caps on password-reset mails per account and per address.
alter table login_attempts drop constraint login_attempts_scope_check;
alter table login_attempts add constraint login_attempts_scope_check
  check (scope in ('account', 'address', 'account_address', 'reset_account', 'reset_address'));
