package org.gridfleet.plan.check;

import static org.gridfleet.plan.check.Violation.PLANT;
import static org.gridfleet.plan.check.Violation.WHOLE_HORIZON;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.check.Violation.Rule;

/**
 * Checks a plan against the problem it was made for, from the physics: every set point within its device's limits,
 * state of charge recomputed from the set points, the balance of each interval, reserve, grid limits, run hours, and
 * a status that tells the truth about shortfalls. Written independently of every plan generator, so that it can
 * catch their mistakes.
 *
 * <p>Definitions it applies (h = interval length in hours, a = availability of the asset in the interval):
 * <ul>
 *   <li>stored energy: {@code E_t = E_{t−1}·(1 − selfDischargePerHour)^h + ηc·charge·h − discharge·h/ηd}, from
 *       {@code initialSoc·capacity}; it must stay within {@code [minSoc, maxSoc]·capacity}, except that a store
 *       charging as hard as it may can still sink below its minimum through self-discharge;</li>
 *   <li>reserve held: {@code Σ committed generators max(0, rated·a − P) + Σ storage max(0, dischargeLimit − max(P, 0))}, where
 *       the discharge limit is {@code min(maxDischargeKw·a, (E' − Emin)·ηd/h)} with {@code E'} the energy carried into
 *       the interval after self-discharge; grid import is not reserve. The requirement is
 *       {@code reserve.requiredKw(demand, largest committed generator's rated·a)};</li>
 *   <li>an oversupply ({@code Σ P + import − export > demand}) is accepted only in an infeasible plan and only when
 *       non-curtailable renewables alone cause it: with every generator off, curtailable renewables at 0, storage
 *       charging at its limit and export at its limit the plant would still produce more than the plan does;</li>
 *   <li>an unserved demand ({@code Σ P + import − export < demand}) is accepted only with a listed demand shortfall
 *       and import at its limit (or islanded).</li>
 * </ul>
 * Ramp rates, minimum up and down times and a store ending the horizon below its {@code finalSoc} target (the
 * recomputed state of charge after the last interval) are reported as advisory violations ({@link Violation#hard()}
 * false).
 */
public final class PlanChecker {
    /** Power figures agree within this many kW. */
    public static final double TOLERANCE_KW = 1e-6;
    /** States of charge agree within this fraction. */
    public static final double TOLERANCE_FRACTION = 1e-9;
    /** Run hours agree within this many hours. */
    public static final double TOLERANCE_HOURS = 1e-6;

    /** Every violation, hard and advisory, in the order found. */
    public List<Violation> check(DispatchPlan plan, PlanningProblem problem) {
        return new Check(plan, problem).run();
    }

    /** Only the violations that make the plan wrong. */
    public List<Violation> hardViolations(DispatchPlan plan, PlanningProblem problem) {
        return check(plan, problem).stream().filter(Violation::hard).toList();
    }

    private static final class Check {
        private final DispatchPlan plan;
        private final PlanningProblem problem;
        private final int n;
        private final double h;
        private final GridConnection connection;
        private final List<Violation> violations = new ArrayList<>();
        private final Map<AssetId, DeviceSchedule> schedules = new HashMap<>();

        /**
         * Per interval, filled while checking devices: reserve held, the largest online unit, the least the plant
         * could put out (non-curtailable renewables less what storage could take), the part of that which may be
         * exported, and what devices that may export produce.
         */
        private final double[] reserveHeldKw;
        private final double[] largestOnlineKw;
        private final double[] lowestNetKw;
        private final double[] exportableAtLowestKw;
        private final double[] exportableKw;

        Check(DispatchPlan plan, PlanningProblem problem) {
            this.plan = plan;
            this.problem = problem;
            this.n = problem.grid().intervals();
            this.h = problem.grid().stepHours();
            this.connection = problem.gridConnection();
            reserveHeldKw = new double[n];
            largestOnlineKw = new double[n];
            lowestNetKw = new double[n];
            exportableAtLowestKw = new double[n];
            exportableKw = new double[n];
        }

        List<Violation> run() {
            if (!plan.grid().equals(problem.grid())) {
                add(PLANT, WHOLE_HORIZON, Rule.SCHEDULE, 0, "plan grid %s differs from the problem's %s", plan.grid(), problem.grid());
                return violations;
            }
            if (!collectSchedules()) {
                return violations;
            }
            for (Asset asset : problem.assets()) {
                DeviceSchedule schedule = schedules.get(asset.id());
                switch (asset) {
                    case Generator g -> checkGenerator(g, schedule);
                    case Renewable r -> checkRenewable(r, schedule);
                    case Storage s -> checkStorage(s, schedule);
                }
            }
            checkGridExchange();
            checkIntervals();
            return violations;
        }

        private boolean collectSchedules() {
            Map<AssetId, Asset> assets = new HashMap<>();
            problem.assets().forEach(a -> assets.put(a.id(), a));
            boolean complete = true;
            for (DeviceSchedule s : plan.schedules()) {
                Asset asset = assets.get(s.asset());
                if (asset == null) {
                    add(s.asset().value(), WHOLE_HORIZON, Rule.SCHEDULE, 0, "schedule for a device the problem does not have");
                } else if (schedules.putIfAbsent(s.asset(), s) != null) {
                    add(s.asset().value(), WHOLE_HORIZON, Rule.SCHEDULE, 0, "more than one schedule");
                } else if (s.type() != asset.type()) {
                    add(s.asset().value(), WHOLE_HORIZON, Rule.SCHEDULE, 0, "schedule of type %s for a %s", s.type(), asset.type());
                } else if ((asset instanceof Storage) != (s.socFraction().size() == n)) {
                    add(s.asset().value(), WHOLE_HORIZON, Rule.SCHEDULE, 0,
                            asset instanceof Storage ? "storage schedule without a state of charge per interval" : "state of charge for a device that stores nothing");
                }
            }
            for (Asset asset : problem.assets()) {
                if (!schedules.containsKey(asset.id())) {
                    add(asset.id().value(), WHOLE_HORIZON, Rule.SCHEDULE, 0, "no schedule");
                    complete = false;
                }
            }
            return complete && violations.isEmpty();
        }

        // ---- generators ------------------------------------------------------------------------------------

        private void checkGenerator(Generator g, DeviceSchedule schedule) {
            String id = g.id().value();
            Profile share = problem.availability().get(g.id());
            double hoursLeft = g.runHourLimit().remainingHours();
            double hoursRun = 0;
            boolean runHoursReported = false;
            for (int t = 0; t < n; t++) {
                double p = schedule.powerKw().get(t);
                double a = share.get(t);
                double availableKw = g.ratedPowerKw() * a;
                boolean on = schedule.committed().get(t);
                if (!on) {
                    if (Math.abs(p) > TOLERANCE_KW) {
                        add(id, t, Rule.COMMITMENT, Math.abs(p), "produces %s kW while not committed", p);
                    }
                    continue;
                }
                if (a == 0) {
                    add(id, t, Rule.MAINTENANCE, Math.abs(p), "committed at %s kW while unavailable (maintenance)", p);
                } else if (p < g.minStablePowerKw() - TOLERANCE_KW) {
                    add(id, t, Rule.GENERATOR_LIMITS, g.minStablePowerKw() - p, "%s kW is below the minimum stable power %s kW", p, g.minStablePowerKw());
                } else if (p > availableKw + TOLERANCE_KW) {
                    add(id, t, Rule.GENERATOR_LIMITS, p - availableKw, "%s kW is above rated × availability = %s kW", p, availableKw);
                }
                hoursRun += h;
                if (!runHoursReported && hoursRun > hoursLeft + TOLERANCE_HOURS) {
                    add(id, t, Rule.RUN_HOURS, hoursRun - hoursLeft, "runs more than the %s h it has left this year", hoursLeft);
                    runHoursReported = true;
                }
                reserveHeldKw[t] += Math.max(0, availableKw - p);
                largestOnlineKw[t] = Math.max(largestOnlineKw[t], availableKw);
                if (g.info().exportAllowed()) {
                    exportableKw[t] += Math.max(p, 0);
                }
            }
            checkRampsAndMinimumTimes(g, schedule);
        }

        private void checkRampsAndMinimumTimes(Generator g, DeviceSchedule schedule) {
            String id = g.id().value();
            double stepMinutes = h * 60;
            boolean wasOn = g.initialState().on();
            double previousKw = g.initialState().powerKw();
            double hoursInState = g.initialState().hoursInState();
            for (int t = 0; t < n; t++) {
                boolean on = schedule.committed().get(t);
                double p = schedule.powerKw().get(t);
                if (on && wasOn) {
                    double change = p - previousKw;
                    double limit = (change >= 0 ? g.rampUpKwPerMin() : g.rampDownKwPerMin()) * stepMinutes;
                    if (Math.abs(change) > limit + TOLERANCE_KW) {
                        add(id, t, Rule.RAMP_RATE, Math.abs(change) - limit, "output changes by %s kW, the ramp allows %s kW", change, limit);
                    }
                }
                if (on != wasOn) {
                    if (wasOn && hoursInState < g.minUpTimeHours() - TOLERANCE_HOURS) {
                        add(id, t, Rule.MIN_UP_TIME, g.minUpTimeHours() - hoursInState, "stops after %s h on, minimum up time %s h",
                                hoursInState, g.minUpTimeHours());
                    } else if (!wasOn && hoursInState < g.minDownTimeHours() - TOLERANCE_HOURS) {
                        add(id, t, Rule.MIN_DOWN_TIME, g.minDownTimeHours() - hoursInState, "starts after %s h off, minimum down time %s h",
                                hoursInState, g.minDownTimeHours());
                    }
                    hoursInState = 0;
                }
                hoursInState += h;
                wasOn = on;
                previousKw = on ? p : 0;
            }
        }

        // ---- renewables ------------------------------------------------------------------------------------

        private void checkRenewable(Renewable r, DeviceSchedule schedule) {
            String id = r.id().value();
            Profile share = problem.availability().get(r.id());
            Profile forecast = problem.forecastKw().get(r.id());
            for (int t = 0; t < n; t++) {
                double p = schedule.powerKw().get(t);
                double boundKw = Math.min(forecast.get(t), r.ratedPowerKw() * share.get(t));
                if (share.get(t) == 0 && Math.abs(p) > TOLERANCE_KW) {
                    add(id, t, Rule.MAINTENANCE, Math.abs(p), "produces %s kW while unavailable (maintenance)", p);
                } else if (p < -TOLERANCE_KW || p > boundKw + TOLERANCE_KW) {
                    add(id, t, Rule.RENEWABLE_LIMITS, p < 0 ? -p : p - boundKw, "%s kW is outside 0..%s kW (forecast, rating × availability)", p, boundKw);
                } else if (!r.curtailable() && p < boundKw - TOLERANCE_KW) {
                    // a unit that cannot be curtailed produces what it produces; a surplus is oversupply, not less output
                    add(id, t, Rule.CURTAILMENT, boundKw - p, "not curtailable but produces %s of %s kW", p, boundKw);
                }
                if (!r.curtailable()) {
                    lowestNetKw[t] += boundKw;
                    if (r.info().exportAllowed()) {
                        exportableAtLowestKw[t] += boundKw;
                    }
                }
                if (r.info().exportAllowed()) {
                    exportableKw[t] += Math.max(p, 0);
                }
            }
        }

        // ---- storage ---------------------------------------------------------------------------------------

        private void checkStorage(Storage s, DeviceSchedule schedule) {
            String id = s.id().value();
            Profile share = problem.availability().get(s.id());
            double capacity = s.energyCapacityKwh();
            double minKwh = s.minSoc() * capacity;
            double maxKwh = s.maxSoc() * capacity;
            double energyKwh = s.initialSoc() * capacity;
            for (int t = 0; t < n; t++) {
                double p = schedule.powerKw().get(t);
                double a = share.get(t);
                double chargeLimitKw = s.maxChargeKw() * a;
                double dischargeLimitKw = s.maxDischargeKw() * a;
                if (a == 0 && Math.abs(p) > TOLERANCE_KW) {
                    add(id, t, Rule.MAINTENANCE, Math.abs(p), "cycles at %s kW while unavailable (maintenance)", p);
                } else if (p > dischargeLimitKw + TOLERANCE_KW || p < -chargeLimitKw - TOLERANCE_KW) {
                    add(id, t, Rule.STORAGE_POWER, p > 0 ? p - dischargeLimitKw : -p - chargeLimitKw,
                            "%s kW is outside −%s..%s kW", p, chargeLimitKw, dischargeLimitKw);
                }
                double carriedKwh = energyKwh * Math.pow(1 - s.selfDischargePerHour(), h);
                double canDischargeKw = Math.max(0, Math.min(dischargeLimitKw, (carriedKwh - minKwh) * s.dischargeEfficiency() / h));
                double canChargeKw = Math.max(0, Math.min(chargeLimitKw, (maxKwh - carriedKwh) / (s.chargeEfficiency() * h)));
                reserveHeldKw[t] += Math.max(0, canDischargeKw - Math.max(p, 0));
                lowestNetKw[t] -= canChargeKw;

                double chargedKw = Math.max(-p, 0);
                double dischargedKw = Math.max(p, 0);
                if (s.info().exportAllowed()) {
                    exportableKw[t] += dischargedKw;
                }
                energyKwh = carriedKwh + s.chargeEfficiency() * chargedKw * h - dischargedKw * h / s.dischargeEfficiency();
                double soc = energyKwh / capacity;
                boolean chargingFlatOut = p <= -chargeLimitKw + TOLERANCE_KW;
                if (soc < s.minSoc() - TOLERANCE_FRACTION && !chargingFlatOut) {
                    add(id, t, Rule.STATE_OF_CHARGE, s.minSoc() - soc, "state of charge %s falls below its minimum %s", soc, s.minSoc());
                } else if (soc > s.maxSoc() + TOLERANCE_FRACTION) {
                    add(id, t, Rule.STATE_OF_CHARGE, soc - s.maxSoc(), "state of charge %s rises above its maximum %s", soc, s.maxSoc());
                }
                double planned = schedule.socFraction().get(t);
                if (Math.abs(planned - soc) > TOLERANCE_FRACTION) {
                    add(id, t, Rule.SOC_MISMATCH, Math.abs(planned - soc), "plan says state of charge %s, its set points give %s", planned, soc);
                }
            }
            // end of horizon: a target, not a limit (serving demand comes first)
            double finalSoc = energyKwh / capacity;
            if (finalSoc < s.finalSoc() - TOLERANCE_FRACTION) {
                add(id, n - 1, Rule.FINAL_SOC, s.finalSoc() - finalSoc, "%s ends the horizon at state of charge %s, below its target %s",
                        id, finalSoc, s.finalSoc());
            }
        }

        // ---- grid and plant --------------------------------------------------------------------------------

        private void checkGridExchange() {
            for (int t = 0; t < n; t++) {
                double imp = plan.importKw().get(t);
                double exp = plan.exportKw().get(t);
                if (imp < -TOLERANCE_KW || imp > connection.maxImportKw() + TOLERANCE_KW) {
                    add(PLANT, t, Rule.GRID_IMPORT, imp < 0 ? -imp : imp - connection.maxImportKw(), "import %s kW is outside 0..%s kW%s",
                            imp, connection.maxImportKw(), connection.islanded() ? " (islanded)" : "");
                }
                if (exp < -TOLERANCE_KW || exp > connection.maxExportKw() + TOLERANCE_KW) {
                    add(PLANT, t, Rule.GRID_EXPORT, exp < 0 ? -exp : exp - connection.maxExportKw(), "export %s kW is outside 0..%s kW%s",
                            exp, connection.maxExportKw(), connection.islanded() ? " (islanded)" : "");
                } else if (imp > TOLERANCE_KW && exp > TOLERANCE_KW) {
                    add(PLANT, t, Rule.GRID_EXPORT, Math.min(imp, exp), "imports %s kW and exports %s kW at once", imp, exp);
                }
                if (exp > exportableKw[t] + TOLERANCE_KW) {
                    add(PLANT, t, Rule.EXPORT_NOT_ALLOWED, exp - exportableKw[t], "exports %s kW but devices that may export produce %s kW",
                            exp, exportableKw[t]);
                }
            }
        }

        private void checkIntervals() {
            Map<Shortfall.Kind, Shortfall[]> listed = listedShortfalls();
            boolean infeasible = plan.status() instanceof PlanStatus.Infeasible;
            Profile demand = problem.demandKw();
            Profile combined = plan.combinedOutputKw();
            boolean anythingShort = false;
            for (int t = 0; t < n; t++) {
                double demandKw = demand.get(t);
                double outputKw = combined.get(t);
                double imp = plan.importKw().get(t);
                double exp = plan.exportKw().get(t);

                boolean demandShort = outputKw < demandKw - TOLERANCE_KW;
                matchListed(listed.get(Shortfall.Kind.DEMAND)[t], demandShort, t, Rule.DEMAND, demandKw, outputKw,
                        "combined output %s kW is below demand %s kW".formatted(kw(outputKw), kw(demandKw)));

                double requiredKw = problem.reserve().requiredKw(demandKw, largestOnlineKw[t]);
                boolean reserveShort = reserveHeldKw[t] < requiredKw - TOLERANCE_KW;
                matchListed(listed.get(Shortfall.Kind.RESERVE)[t], reserveShort, t, Rule.RESERVE, requiredKw, reserveHeldKw[t],
                        "reserve held %s kW is below the requirement %s kW".formatted(kw(reserveHeldKw[t]), kw(requiredKw)));

                // losses the plan says it covers (an AC check found them) are served like demand
                double imbalanceKw = outputKw + imp - exp - demandKw - plan.lossesKw().get(t);
                boolean oversupply = imbalanceKw > TOLERANCE_KW;
                if (imbalanceKw < -TOLERANCE_KW) {
                    boolean admitted = listed.get(Shortfall.Kind.DEMAND)[t] != null;
                    boolean importExhausted = connection.islanded() || imp >= connection.maxImportKw() - TOLERANCE_KW;
                    if (!admitted || !importExhausted) {
                        add(PLANT, t, Rule.BALANCE, -imbalanceKw, "%s kW of demand unserved%s", kw(-imbalanceKw),
                                admitted ? " while import could cover it" : " and no demand shortfall listed");
                    }
                } else if (oversupply) {
                    double lowestKw = lowestNetKw[t]
                            - (connection.islanded() ? 0 : Math.min(connection.maxExportKw(), exportableAtLowestKw[t]));
                    boolean unavoidable = outputKw - exp <= lowestKw + TOLERANCE_KW;
                    if (!infeasible || !unavoidable) {
                        add(PLANT, t, Rule.BALANCE, imbalanceKw, "oversupplies %s kW%s", kw(imbalanceKw),
                                unavoidable ? " in a plan that claims to meet every requirement" : " though it could produce less or export more");
                    }
                }
                anythingShort |= demandShort || reserveShort || oversupply;
            }
            // on a fleet with a network a plan may be infeasible for its network limits alone: those are judged by the
            // power flow (NetworkMetrics), not here
            if (infeasible && !anythingShort && problem.network().isEmpty()) {
                add(PLANT, WHOLE_HORIZON, Rule.STATUS, 0, "status is infeasible but every interval meets demand, reserve and balance");
            }
        }

        /** Listed shortfalls by kind and interval; entries outside the grid are violations themselves. */
        private Map<Shortfall.Kind, Shortfall[]> listedShortfalls() {
            Map<Shortfall.Kind, Shortfall[]> byKind = new HashMap<>();
            for (Shortfall.Kind kind : Shortfall.Kind.values()) {
                byKind.put(kind, new Shortfall[n]);
            }
            if (plan.status() instanceof PlanStatus.Infeasible infeasible) {
                for (Shortfall s : infeasible.shortfalls()) {
                    if (s.interval() >= n) {
                        add(PLANT, s.interval(), Rule.STATUS, s.missingKw(), "lists a shortfall outside the horizon of %d intervals", n);
                    } else if (byKind.get(s.kind())[s.interval()] != null) {
                        add(PLANT, s.interval(), Rule.STATUS, s.missingKw(), "lists the %s shortfall twice", s.kind());
                    } else {
                        byKind.get(s.kind())[s.interval()] = s;
                    }
                }
            }
            return byKind;
        }

        private void matchListed(Shortfall listed, boolean actual, int t, Rule rule, double requiredKw, double deliveredKw, String what) {
            if (actual && listed == null) {
                add(PLANT, t, rule, requiredKw - deliveredKw, "%s and the plan does not say so", what);
            } else if (!actual && listed != null) {
                add(PLANT, t, Rule.STATUS, listed.missingKw(), "lists a %s shortfall of %s kW that is not there",
                        listed.kind().name().toLowerCase(Locale.ROOT), kw(listed.missingKw()));
            } else if (actual && (Math.abs(listed.requiredKw() - requiredKw) > TOLERANCE_KW
                    || Math.abs(listed.deliveredKw() - deliveredKw) > TOLERANCE_KW)) {
                add(PLANT, t, Rule.STATUS, Math.abs(listed.missingKw() - (requiredKw - deliveredKw)),
                        "lists %s shortfall %s of %s kW, the plan gives %s of %s kW", listed.kind().name().toLowerCase(Locale.ROOT),
                        kw(listed.deliveredKw()), kw(listed.requiredKw()), kw(deliveredKw), kw(requiredKw));
            }
        }

        private void add(String subject, int interval, Rule rule, double amount, String format, Object... args) {
            Object[] shown = new Object[args.length];
            for (int k = 0; k < args.length; k++) {
                shown[k] = args[k] instanceof Double d ? kw(d) : args[k];
            }
            violations.add(new Violation(subject, interval, rule, String.format(Locale.ROOT, format, shown), amount));
        }

        /** Six significant digits, no exponent, no trailing zeros. */
        private static String kw(double value) {
            if (Double.isInfinite(value)) {
                return value > 0 ? "no limit" : "-no limit";
            }
            return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        }
    }
}
