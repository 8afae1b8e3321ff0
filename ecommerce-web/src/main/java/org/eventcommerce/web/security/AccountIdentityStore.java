package org.eventcommerce.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.stream.Collectors;
import org.eventcommerce.domain.account.Account;
import org.eventcommerce.domain.account.AccountService;
import org.eventcommerce.domain.account.Role;

/**
 * Validates an e-mail and password against the accounts' PBKDF2 hashes (the server's
 * {@link Pbkdf2PasswordHash}). The caller principal is the account id; its groups are the role names
 * ({@code site-admin}, {@code host}, {@code attendee}).
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    /** A hash of a random password, checked when no account matches so timing does not reveal addresses. */
    private volatile String decoyHash;

    @Inject
    AccountService accounts;

    @Inject
    Pbkdf2PasswordHash hash;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up) || up.getCaller() == null) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        char[] password = up.getPassword().getValue();
        for (Account a : accounts.findSignInCandidates(up.getCaller())) {
            if (hash.verify(password, a.getPasswordHash())) {
                return new CredentialValidationResult(String.valueOf(a.getId()),
                        a.getRoles().stream().map(Role::group).collect(Collectors.toSet()));
            }
        }
        if (decoyHash == null) {
            decoyHash = hash.generate("decoy-password-not-used".toCharArray());
        }
        hash.verify(password, decoyHash);
        return CredentialValidationResult.INVALID_RESULT;
    }
}
