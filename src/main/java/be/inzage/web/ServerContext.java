package be.inzage.web;

import be.inzage.config.DataDir;
import be.inzage.scan.ScanEngine;
import be.inzage.serve.ScanRuns;
import be.inzage.serve.Scheduler;
import be.inzage.serve.ServerConfig;
import be.inzage.serve.ServerMetrics;
import be.inzage.serve.TokenStore;
import be.inzage.subject.AuditLog;

/** What the HTTP side needs from the rest of the server. */
public record ServerContext(ServerConfig config, DataDir data, ScanEngine engine, ScanRuns runs, Scheduler scheduler,
        TokenStore tokens, AuditLog audit, ServerMetrics metrics) {
}
