package org.gridfleet.comm.protocol;

/**
 * The kinds of message on the network, each with its topic suffix, MQTT quality of service and retain flag
 * (docs/comm-protocol.md says why each was chosen).
 */
public enum MessageKind {
    /** A device's operating data, about once a second; the next sample supersedes a lost one. */
    TELEMETRY("telemetry", Subject.DEVICE, 0, false),
    /** A set point from the control center to one device; must arrive once the site is connected. */
    COMMAND("command", Subject.DEVICE, 1, false),
    /** A device's answer to a command: accepted, rejected with the reason, or done. */
    ACK("ack", Subject.DEVICE, 1, false),
    /** Whether a site is connected; retained, and the site's last will is its lost status. */
    STATUS("status", Subject.DEVICE, 1, true),
    /** An end-user meter's demand reading; like telemetry, periodic and superseded by the next one. */
    DEMAND("demand", Subject.END_USER, 0, false);

    /** Whom the topic names: a device or an end-user. */
    public enum Subject {
        DEVICE("devices"), END_USER("endusers");

        private final String topicLevel;

        Subject(String topicLevel) {
            this.topicLevel = topicLevel;
        }

        /** The topic level after the root: {@code devices} or {@code endusers}. */
        public String topicLevel() {
            return topicLevel;
        }
    }

    private final String wireName;
    private final Subject subject;
    private final int qos;
    private final boolean retained;

    MessageKind(String wireName, Subject subject, int qos, boolean retained) {
        this.wireName = wireName;
        this.subject = subject;
        this.qos = qos;
        this.retained = retained;
    }

    /** The last topic level and the payload's {@code kind}. */
    public String wireName() {
        return wireName;
    }

    public Subject subject() {
        return subject;
    }

    /** MQTT quality of service: 0 at most once, 1 at least once. */
    public int qos() {
        return qos;
    }

    /** Whether the broker keeps the last message for subscribers that come later. */
    public boolean retained() {
        return retained;
    }

    /** The kind whose wire name is {@code name}, or null. */
    public static MessageKind byWireName(String name) {
        for (MessageKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
