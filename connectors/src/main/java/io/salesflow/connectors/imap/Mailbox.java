package io.salesflow.connectors.imap;

import java.util.UUID;

/**
 * A mailbox to read, with its cursor: the folder's UIDVALIDITY and the highest UID already taken. The password is
 * in memory only, opened by the engine for this read.
 */
public record Mailbox(
        UUID tenantId,
        UUID id,
        String host,
        int port,
        boolean ssl,
        String username,
        String password,
        String folder,
        long uidValidity,
        long lastUid) {

    @Override
    public String toString() {
        return "Mailbox[" + username + "@" + host + ":" + port + "/" + folder + "]";
    }
}
