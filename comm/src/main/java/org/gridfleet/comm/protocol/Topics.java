package org.gridfleet.comm.protocol;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.gridfleet.comm.protocol.Rejection.Reason;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.Ids;

/**
 * Topic names under one root (by default {@code gridfleet}):
 * <pre>
 *   {root}/devices/{deviceId}/telemetry|command|ack|status
 *   {root}/endusers/{endUserId}/demand
 * </pre>
 * Ids follow {@link Ids#PATTERN}, so they stand in topics unescaped and can never contain a wildcard. Another
 * root lets several plants, or several test runs, share one broker.
 */
public final class Topics {
    public static final String DEFAULT_ROOT = "gridfleet";
    private static final String SHARE_PREFIX = "$share/";

    private final String root;
    private final int rootLevels;

    /** @param root one or more levels separated by {@code /}, each a well-formed id */
    public Topics(String root) {
        requireNonNull(root, "root");
        String[] levels = root.split("/", -1);
        for (String level : levels) {
            if (!Ids.isValid(level)) {
                throw new IllegalArgumentException("topic root must be levels matching " + Ids.PATTERN.pattern() + " separated by '/': '" + root + "'");
            }
        }
        this.root = root;
        this.rootLevels = levels.length;
    }

    /** Topics under {@code gridfleet}. */
    public static Topics standard() {
        return new Topics(DEFAULT_ROOT);
    }

    public String root() {
        return root;
    }

    /** The topic of one device's messages of {@code kind}. */
    public String of(AssetId device, MessageKind kind) {
        requireNonNull(device, "device");
        requireSubject(kind, MessageKind.Subject.DEVICE);
        return root + "/" + kind.subject().topicLevel() + "/" + device.value() + "/" + kind.wireName();
    }

    /** The topic of one end-user's messages of {@code kind}. */
    public String of(EndUserId endUser, MessageKind kind) {
        requireNonNull(endUser, "endUser");
        requireSubject(kind, MessageKind.Subject.END_USER);
        return root + "/" + kind.subject().topicLevel() + "/" + endUser.value() + "/" + kind.wireName();
    }

    public String telemetry(AssetId device) {
        return of(device, MessageKind.TELEMETRY);
    }

    public String command(AssetId device) {
        return of(device, MessageKind.COMMAND);
    }

    public String ack(AssetId device) {
        return of(device, MessageKind.ACK);
    }

    public String status(AssetId device) {
        return of(device, MessageKind.STATUS);
    }

    public String demand(EndUserId endUser) {
        return of(endUser, MessageKind.DEMAND);
    }

    /** The filter for {@code kind} of every device or end-user: {@code {root}/devices/+/telemetry}. */
    public String all(MessageKind kind) {
        requireNonNull(kind, "kind");
        return root + "/" + kind.subject().topicLevel() + "/+/" + kind.wireName();
    }

    /**
     * A shared subscription, {@code $share/{group}/{filter}}: the broker hands each message to one member of
     * the group, so several control-center instances split the load. Brokers do not send retained messages to
     * shared subscriptions, so subscribe to {@link MessageKind#STATUS} without one.
     */
    public static String shared(String group, String filter) {
        if (!Ids.isValid(group)) {
            throw new IllegalArgumentException("share group must match " + Ids.PATTERN.pattern() + ": '" + group + "'");
        }
        requireNonNull(filter, "filter");
        return SHARE_PREFIX + group + "/" + filter;
    }

    /**
     * Reads whom a received topic is about and which kind it carries. Refuses, as {@link Reason#BAD_TOPIC},
     * wildcards, system and shared topics, another root, unknown levels or kinds, and malformed ids.
     */
    public Decoded<TopicAddress> parse(String topic) {
        if (topic == null || topic.isEmpty()) {
            return bad(String.valueOf(topic), "the topic is empty");
        }
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            return bad(topic, "a topic name may not contain the wildcards '+' or '#'; publish to one device's or end-user's topic");
        }
        if (topic.startsWith("$")) {
            return bad(topic, "topics starting with '$' belong to the broker");
        }
        if (!topic.startsWith(root + "/")) {
            return bad(topic, "the topic is outside the root '" + root + "/'");
        }
        String[] levels = topic.substring(root.length() + 1).split("/", -1);
        if (levels.length != 3) {
            return bad(topic, "expected " + root + "/devices/{id}/{kind} or " + root + "/endusers/{id}/demand, found "
                    + (rootLevels + levels.length) + " levels");
        }
        String subjectLevel = levels[0];
        String id = levels[1];
        MessageKind kind = MessageKind.byWireName(levels[2]);
        MessageKind.Subject subject = Arrays.stream(MessageKind.Subject.values())
                .filter(s -> s.topicLevel().equals(subjectLevel)).findFirst().orElse(null);
        if (subject == null) {
            return bad(topic, "'" + subjectLevel + "' is neither 'devices' nor 'endusers'");
        }
        if (kind == null || kind.subject() != subject) {
            return bad(topic, "'" + levels[2] + "' is not a kind of message for " + subjectLevel + "; expected one of " + kindsOf(subject));
        }
        if (!Ids.isValid(id)) {
            String what = subject == MessageKind.Subject.DEVICE ? "device" : "end-user";
            return bad(topic, what + " id '" + id + "' must match " + Ids.PATTERN.pattern());
        }
        return switch (subject) {
            case DEVICE -> Decoded.ok(new TopicAddress.OfDevice(new AssetId(id), kind));
            case END_USER -> Decoded.ok(new TopicAddress.OfEndUser(new EndUserId(id), kind));
        };
    }

    private static String kindsOf(MessageKind.Subject subject) {
        return Arrays.stream(MessageKind.values()).filter(k -> k.subject() == subject)
                .map(MessageKind::wireName).collect(Collectors.joining(", "));
    }

    private static void requireSubject(MessageKind kind, MessageKind.Subject subject) {
        requireNonNull(kind, "kind");
        if (kind.subject() != subject) {
            throw new IllegalArgumentException(kind + " is not a message about " + subject.topicLevel());
        }
    }

    private static Decoded<TopicAddress> bad(String topic, String detail) {
        return Decoded.rejected(new Rejection(topic, Reason.BAD_TOPIC, detail));
    }

    @Override
    public String toString() {
        return root;
    }
}
