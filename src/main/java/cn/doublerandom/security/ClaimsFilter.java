package cn.doublerandom.security;

import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A signed token is an identity here only with one of the service's roles and a region the region
 * directory knows (ALL for an auditor). Checked on every authenticated request, not only where a
 * resource asks for the caller's region: a token whose claim is empty, a wildcard or unknown reads
 * nothing at all, policies and item lists included.
 */
public class ClaimsFilter {

    @Inject
    Caller caller;

    @ServerRequestFilter
    public void check() {
        if (!caller.isAnonymous()) {
            caller.role();
            caller.region();
        }
    }
}
