package org.gridfleet.model;

/** A site's position in WGS84 degrees. */
public record GeoLocation(double latitudeDeg, double longitudeDeg) {
    public GeoLocation {
        if (!(latitudeDeg >= -90 && latitudeDeg <= 90)) {
            throw new IllegalArgumentException("latitudeDeg must be within [-90, 90]: " + latitudeDeg);
        }
        if (!(longitudeDeg >= -180 && longitudeDeg <= 180)) {
            throw new IllegalArgumentException("longitudeDeg must be within [-180, 180]: " + longitudeDeg);
        }
    }
}
