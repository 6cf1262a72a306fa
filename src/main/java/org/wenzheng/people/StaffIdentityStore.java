package org.wenzheng.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.stream.Collectors;

/** Jakarta Security's view of staff accounts: the person table, through {@link PeopleService#signIn}. */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @Inject
    PeopleService people;

    @Inject
    SignInAttempts attempts;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        SignInResult result = people.signIn(credential.getCaller(), credential.getPasswordAsString());
        attempts.remember(result);
        if (result instanceof SignInResult.Success s) {
            return new CredentialValidationResult(s.username(),
                    s.roles().stream().map(Enum::name).collect(Collectors.toSet()));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
