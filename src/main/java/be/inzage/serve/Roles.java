package be.inzage.serve;

import java.util.List;

/** The two roles: officers search and report; admins also run scans, manage sources and read the audit trail. */
public final class Roles {

    public static final String OFFICER = "officer";
    public static final String ADMIN = "admin";
    public static final List<String> ALL = List.of(OFFICER, ADMIN);

    private Roles() {
    }

    /** Whether {@code role} may do what {@code needed} may (admin includes officer). */
    public static boolean allows(String role, String needed) {
        return role.equals(needed) || (ADMIN.equals(role) && OFFICER.equals(needed));
    }
}
