package org.gridfleet.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The API's JSON: records as objects, {@code java.time} as ISO-8601 strings, absent values as null. */
final class Json {
    private Json() {}

    static ObjectMapper mapper() {
        return JsonMapper.builder().addModule(new JavaTimeModule()).addModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS).build();
    }
}
