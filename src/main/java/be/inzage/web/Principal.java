package be.inzage.web;

/** Who made a request: a logged-in user or an API token (named by its id, never by the token). */
record Principal(String name, String role, boolean viaToken) {

    static final String KEY = "inzage.principal";
}
