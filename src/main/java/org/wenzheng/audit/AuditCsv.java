package org.wenzheng.audit;

import org.wenzheng.audit.AuditViews.AuditRow;

/**
 * One audit entry as a CSV line (RFC 4180: fields with commas, quotes or line breaks are quoted). Text that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with an
 * apostrophe.
 */
final class AuditCsv {

    private AuditCsv() {
    }

    static String line(AuditRow r) {
        return String.join(",", String.valueOf(r.id()), r.occurredAt().toString(), text(r.actor()),
                text(r.actorRole()), text(r.action()), text(r.objectType()),
                r.objectId() == null ? "" : r.objectId().toString(), text(r.before()), text(r.after()),
                r.entryHash()) + "\r\n";
    }

    static String text(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
