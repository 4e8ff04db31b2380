package org.gridfleet.comm.protocol;

import static java.util.Objects.requireNonNull;

import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;

/** Whom a topic is about and which kind of message it carries, as read from a topic name by {@link Topics#parse}. */
public sealed interface TopicAddress {
    MessageKind kind();

    /** The device's or end-user's id as it stands in the topic. */
    String subjectId();

    /** {@code <root>/devices/{device}/{kind}}. */
    record OfDevice(AssetId device, MessageKind kind) implements TopicAddress {
        public OfDevice {
            requireNonNull(device, "device");
            requireNonNull(kind, "kind");
            if (kind.subject() != MessageKind.Subject.DEVICE) {
                throw new IllegalArgumentException("a device topic cannot carry " + kind);
            }
        }

        @Override
        public String subjectId() {
            return device.value();
        }
    }

    /** {@code <root>/endusers/{endUser}/{kind}}. */
    record OfEndUser(EndUserId endUser, MessageKind kind) implements TopicAddress {
        public OfEndUser {
            requireNonNull(endUser, "endUser");
            requireNonNull(kind, "kind");
            if (kind.subject() != MessageKind.Subject.END_USER) {
                throw new IllegalArgumentException("an end-user topic cannot carry " + kind);
            }
        }

        @Override
        public String subjectId() {
            return endUser.value();
        }
    }
}
