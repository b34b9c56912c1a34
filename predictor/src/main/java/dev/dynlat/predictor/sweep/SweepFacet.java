package dev.dynlat.predictor.sweep;

import dev.dynlat.predictor.format.DisplayNames;
import java.util.function.Function;

/**
 * What differs between the panels of a side-by-side figure of one sweep: the device (one model
 * on each device) or the model (each model on one device). The other of the two, the variant
 * and the paradigm stay those of the drawn target.
 */
public enum SweepFacet {
    DEVICE("device", SweepResults::device, SweepResults.Selection::device, DisplayNames::device,
            "model", SweepResults::model, DisplayNames::model,
            (drawn, device, batch) -> new SweepResults.Selection(drawn.model(), device, drawn.variant(), batch)),
    MODEL("model", SweepResults::model, SweepResults.Selection::model, DisplayNames::model,
            "device", SweepResults::device, DisplayNames::device,
            (drawn, model, batch) -> new SweepResults.Selection(model, drawn.device(), drawn.variant(), batch));

    /** The target of one panel: {@code drawn} with this facet's column set to {@code value}. */
    @FunctionalInterface
    private interface Panel {
        SweepResults.Selection select(SweepResults drawn, String value, Integer batch);
    }

    private final String column;
    private final Function<SweepResults, String> value;
    private final Function<SweepResults.Selection, String> chosen;
    private final Function<String, String> display;
    private final String fixedColumn;
    private final Function<SweepResults, String> fixedValue;
    private final Function<String, String> fixedDisplay;
    private final Panel panel;

    SweepFacet(String column, Function<SweepResults, String> value, Function<SweepResults.Selection, String> chosen,
               Function<String, String> display, String fixedColumn, Function<SweepResults, String> fixedValue,
               Function<String, String> fixedDisplay, Panel panel) {
        this.column = column;
        this.value = value;
        this.chosen = chosen;
        this.display = display;
        this.fixedColumn = fixedColumn;
        this.fixedValue = fixedValue;
        this.fixedDisplay = fixedDisplay;
        this.panel = panel;
    }

    /** The results column whose values the panels take ({@code device} or {@code model}). */
    public String column() {
        return column;
    }

    /** The column all panels share. */
    String fixedColumn() {
        return fixedColumn;
    }

    /** The name of the figure's files: {@code latency-vs-rate-by-device} or {@code latency-vs-rate-by-model}. */
    public String figureName() {
        return "latency-vs-rate-by-" + column;
    }

    /** Whether {@code selection} names one value of this facet (then there is nothing to put side by side). */
    public boolean namedIn(SweepResults.Selection selection) {
        return chosen.apply(selection) != null;
    }

    /** This facet's value of {@code r}: its device or its model. */
    String valueOf(SweepResults r) {
        return value.apply(r);
    }

    /** The shared value of {@code r}: its model (device facet) or its device (model facet). */
    String fixedValueOf(SweepResults r) {
        return fixedValue.apply(r);
    }

    /** A panel's title: the readable name of its device or model, and its batch. */
    String panelTitle(SweepResults r) {
        return display.apply(valueOf(r)) + ", batch " + r.batch();
    }

    /** What every panel shares, in readable names. */
    String sharedTitle(SweepResults r) {
        return fixedDisplay.apply(fixedValueOf(r));
    }

    /** The selection of the target with {@code value} in this facet's column, the rest as in {@code drawn}. */
    SweepResults.Selection select(SweepResults drawn, String value, Integer batch) {
        return panel.select(drawn, value, batch);
    }
}
