package org.gridfleet.server.view;

import java.time.Instant;

/**
 * One end-user's latest demand ({@code GET /api/endusers}).
 *
 * @param demandKw    its latest accepted meter reading, null before any
 * @param readingAt   when that reading was taken
 * @param forecastKw  the plan's forecast for it in this interval, null outside the horizon
 */
public record EndUserView(String id, String name, Double demandKw, Instant readingAt, Double forecastKw) {}
