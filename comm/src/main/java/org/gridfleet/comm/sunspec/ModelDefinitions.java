package org.gridfleet.comm.sunspec;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The model definitions a client knows, by id. {@link #bundled()} holds the official SunSpec definitions that
 * comm ships as resources (see {@code org/gridfleet/comm/sunspec/models/README.md}); a device's model that is not
 * here is reported as unknown and skipped, never guessed.
 */
public final class ModelDefinitions {
    /** The models shipped with comm: common, inverters, immediate controls, storage and the IEEE 1547 DER models. */
    public static final int[] BUNDLED_IDS = {1, 101, 102, 103, 123, 124, 701, 702, 704, 713};

    private final Map<Integer, ModelDefinition> byId;

    private ModelDefinitions(Map<Integer, ModelDefinition> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** The definitions given, by their ids (for tests and for a site that adds its own). */
    public static ModelDefinitions of(Collection<ModelDefinition> definitions) {
        Map<Integer, ModelDefinition> map = new TreeMap<>();
        for (ModelDefinition d : definitions) {
            if (map.put(d.id(), d) != null) {
                throw new IllegalArgumentException("model " + d.id() + " is defined twice");
            }
        }
        return new ModelDefinitions(map);
    }

    /** The bundled official definitions that are present on the class path. */
    public static ModelDefinitions bundled() {
        Map<Integer, ModelDefinition> map = new TreeMap<>();
        for (int id : BUNDLED_IDS) {
            try (InputStream in = ModelDefinitions.class.getResourceAsStream("models/model_" + id + ".json")) {
                if (in != null) {
                    ModelDefinition d = ModelDefinitionReader.read(in);
                    if (d.id() != id) {
                        throw new IllegalStateException("models/model_" + id + ".json defines model " + d.id());
                    }
                    map.put(id, d);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ModelDefinitions(map);
    }

    public Optional<ModelDefinition> find(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The definition of a model that must be known; a programming error otherwise. */
    public ModelDefinition get(int id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no definition of SunSpec model " + id));
    }

    public Collection<ModelDefinition> all() {
        return byId.values();
    }

    public ModelDefinitions with(ModelDefinition extra) {
        requireNonNull(extra, "extra");
        Map<Integer, ModelDefinition> map = new TreeMap<>(byId);
        map.put(extra.id(), extra);
        return new ModelDefinitions(map);
    }
}
