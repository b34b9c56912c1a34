package dev.dynlat.calibration.host;

/** Other processes kept the machine busy, so its timing would not describe this machine (exit code 3). */
public final class MachineBusyException extends Exception {
    private static final long serialVersionUID = 1L;

    public MachineBusyException(String message) {
        super(message);
    }
}
